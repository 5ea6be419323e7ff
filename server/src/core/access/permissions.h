#pragma once
// Who may do what: one table in code (documented in the README). Scope (which
// customers) is a separate axis, enforced by the repositories.

#include <string_view>

#include "core/org/role.h"

namespace kams {

enum class Permission {
  kCustomerCreate,
  kCustomerUpdate,       // edit dossier fields of a visible customer
  kCustomerAssign,       // change owner_id / org_unit_id
  kCustomerDelete,
  kContactWrite,         // create, edit, delete contacts of a visible customer
  kContractWrite,        // record, edit, terminate, delete contracts of a visible customer
  kAccountTeamWrite,     // add or remove account-team members
  kUserRead,             // list users (admins all; directors their subtree)
  kUserManage,           // create, edit, disable users; reset passwords
  kOrgManage,            // create, edit, delete org units
  kAuditRead,
  kDataImport,           // bulk imports of customers and transactions
  kDataExport,           // export the customer list (in scope) as CSV or XLSX
  kTieringManage,        // write tier schemes, preview and apply them
  kInteractionWrite,     // record contacts with visible customers
  kCadenceManage,        // set the contact cadence rules per tier
  kAccessAlertManage,    // bulk-access alerts: read and acknowledge them, set thresholds
  kUserHandover,         // hand a user's accounts and work over (directors: their subtree)
  kHandoverRead,         // read handovers (directors: of users in their subtree)
  kReviewManage,         // the weekly review of records and plans (directors: their subtree)
};

inline constexpr Permission kAllPermissions[] = {
    Permission::kCustomerCreate, Permission::kCustomerUpdate, Permission::kCustomerAssign,
    Permission::kCustomerDelete, Permission::kContactWrite,   Permission::kAccountTeamWrite,
    Permission::kUserRead,       Permission::kUserManage,     Permission::kOrgManage,
    Permission::kAuditRead,      Permission::kDataImport,     Permission::kDataExport,
    Permission::kTieringManage,
    Permission::kInteractionWrite, Permission::kCadenceManage,
    Permission::kAccessAlertManage,
    Permission::kUserHandover,   Permission::kHandoverRead,
    Permission::kReviewManage,   Permission::kContractWrite,
};

bool Allows(Role role, Permission permission);
std::string_view PermissionName(Permission permission);

}  // namespace kams
