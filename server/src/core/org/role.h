#pragma once
// The eight roles of API.md and the scope each one sees.

#include <array>
#include <optional>
#include <string_view>

namespace kams {

enum class Role { kAdmin, kExecutive, kDirector, kKam, kAssistant, kSpecialist, kService, kSales };

inline constexpr std::array<Role, 8> kAllRoles = {
    Role::kAdmin,     Role::kExecutive,  Role::kDirector, Role::kKam,
    Role::kAssistant, Role::kSpecialist, Role::kService,  Role::kSales};

std::string_view RoleName(Role role);
std::optional<Role> ParseRole(std::string_view name);

// Which customers a role sees (API.md "Roles").
enum class ScopeKind {
  kOwnAccounts,  // owner or account-team member: kam, assistant, sales
  kUnitSubtree,  // the user's org unit and everything below it: director, service
  kAll,          // specialist, executive, admin
};

ScopeKind ScopeOf(Role role);

}  // namespace kams
