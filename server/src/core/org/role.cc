#include "core/org/role.h"

namespace kams {

std::string_view RoleName(Role role) {
  switch (role) {
    case Role::kAdmin: return "admin";
    case Role::kExecutive: return "executive";
    case Role::kDirector: return "director";
    case Role::kKam: return "kam";
    case Role::kAssistant: return "assistant";
    case Role::kSpecialist: return "specialist";
    case Role::kService: return "service";
    case Role::kSales: return "sales";
  }
  return "sales";
}

std::optional<Role> ParseRole(std::string_view name) {
  for (Role r : kAllRoles) {
    if (RoleName(r) == name) return r;
  }
  return std::nullopt;
}

ScopeKind ScopeOf(Role role) {
  switch (role) {
    case Role::kKam:
    case Role::kAssistant:
    case Role::kSales:
      return ScopeKind::kOwnAccounts;
    case Role::kDirector:
    case Role::kService:
      return ScopeKind::kUnitSubtree;
    case Role::kSpecialist:
    case Role::kExecutive:
    case Role::kAdmin:
      return ScopeKind::kAll;
  }
  return ScopeKind::kOwnAccounts;
}

}  // namespace kams
