#pragma once

#include <optional>
#include <string>

#include "core/common/result.h"
#include "core/common/time.h"
#include "core/org/org_unit.h"
#include "core/org/role.h"

namespace kams {

struct User {
  Id id = 0;
  std::string username;      // ASCII login name, unique, case-insensitive
  std::string display_name;  // 张伟
  Role role = Role::kSales;
  Id org_unit_id = 0;
  bool active = true;
  std::string email;
  std::string phone;
  std::string locale;        // "zh-CN" | "en-US" | "" (browser decides)
  std::int64_t version = 1;
  Timestamp created_at = 0;
  Timestamp updated_at = 0;
  std::optional<Timestamp> last_login_at;
};

// The acting user of a request: who, in which role and unit. Every use case takes one.
struct Principal {
  Id user_id = 0;
  std::string username;
  Role role = Role::kSales;
  Id org_unit_id = 0;
  ScopeKind scope() const { return ScopeOf(role); }
};

// Rules for a username: 3..64 of [a-z0-9._-], starting with a letter or digit.
bool IsValidUsername(std::string_view username);
// Password policy: 8..128 characters, not all of one class of character.
bool IsAcceptablePassword(std::string_view password);
Status ValidateUser(const User& user);

}  // namespace kams
