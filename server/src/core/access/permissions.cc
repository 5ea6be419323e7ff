#include "core/access/permissions.h"

namespace kams {

bool Allows(Role role, Permission p) {
  using R = Role;
  switch (p) {
    case Permission::kCustomerCreate:
      return role == R::kAdmin || role == R::kSpecialist || role == R::kDirector ||
             role == R::kKam || role == R::kAssistant || role == R::kSales;
    case Permission::kCustomerUpdate:
    case Permission::kContactWrite:
      return role == R::kAdmin || role == R::kSpecialist || role == R::kDirector ||
             role == R::kKam || role == R::kAssistant || role == R::kSales ||
             role == R::kService;
    case Permission::kContractWrite:  // commercial terms: not service agents
      return role == R::kAdmin || role == R::kSpecialist || role == R::kDirector ||
             role == R::kKam || role == R::kAssistant || role == R::kSales;
    case Permission::kCustomerAssign:
    case Permission::kAccountTeamWrite:
      return role == R::kAdmin || role == R::kSpecialist || role == R::kDirector;
    case Permission::kCustomerDelete:
      return role == R::kAdmin || role == R::kSpecialist;
    case Permission::kUserRead:
      return role == R::kAdmin || role == R::kSpecialist || role == R::kExecutive ||
             role == R::kDirector;
    case Permission::kUserManage:
    case Permission::kOrgManage:
      return role == R::kAdmin;
    case Permission::kAuditRead:
    case Permission::kDataImport:
    case Permission::kTieringManage:
    case Permission::kCadenceManage:
    case Permission::kAccessAlertManage:
      return role == R::kAdmin || role == R::kSpecialist;
    case Permission::kDataExport:
      // Those who answer for many accounts; front-line roles read theirs in the console.
      return role == R::kAdmin || role == R::kSpecialist || role == R::kExecutive ||
             role == R::kDirector;
    case Permission::kInteractionWrite:
      return role != R::kExecutive;
    case Permission::kUserHandover:
    case Permission::kReviewManage:
      return role == R::kAdmin || role == R::kDirector;
    case Permission::kHandoverRead:
      return role == R::kAdmin || role == R::kExecutive || role == R::kDirector ||
             role == R::kSpecialist;
  }
  return false;
}

std::string_view PermissionName(Permission p) {
  switch (p) {
    case Permission::kCustomerCreate: return "customer.create";
    case Permission::kCustomerUpdate: return "customer.update";
    case Permission::kCustomerAssign: return "customer.assign";
    case Permission::kCustomerDelete: return "customer.delete";
    case Permission::kContactWrite: return "contact.write";
    case Permission::kContractWrite: return "contract.write";
    case Permission::kAccountTeamWrite: return "account_team.write";
    case Permission::kUserRead: return "user.read";
    case Permission::kUserManage: return "user.manage";
    case Permission::kOrgManage: return "org.manage";
    case Permission::kAuditRead: return "audit.read";
    case Permission::kDataImport: return "data.import";
    case Permission::kDataExport: return "data.export";
    case Permission::kTieringManage: return "tiering.manage";
    case Permission::kInteractionWrite: return "interaction.write";
    case Permission::kCadenceManage: return "cadence.manage";
    case Permission::kAccessAlertManage: return "access_alert.manage";
    case Permission::kUserHandover: return "user.handover";
    case Permission::kHandoverRead: return "handover.read";
    case Permission::kReviewManage: return "review.manage";
  }
  return "unknown";
}

}  // namespace kams
