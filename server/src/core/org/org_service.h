#pragma once
// The organisation tree (read by everyone signed in, changed by admins) and its users.

#include <functional>
#include <vector>

#include "core/common/context.h"
#include "core/org/org_unit.h"
#include "core/org/user.h"

namespace kams {

class OrgService {
 public:
  explicit OrgService(CoreDeps deps) : deps_(deps) {}
  Result<std::vector<OrgUnit>> List(const Principal& who);
  Result<OrgUnit> Get(const Principal& who, Id id);
  Result<OrgUnit> Create(const Principal& who, const RequestContext& ctx, OrgUnit draft);
  using Edit = std::function<Status(OrgUnit&)>;
  Result<OrgUnit> Update(const Principal& who, const RequestContext& ctx, Id id,
                         std::int64_t expected_version, const Edit& edit);
  Status Delete(const Principal& who, const RequestContext& ctx, Id id,
                std::int64_t expected_version);

 private:
  CoreDeps deps_;
};

struct NewUser;

// Sets up an empty database: the company's root org unit and its first administrator.
// Refused (conflict) once any org unit exists.
Result<User> BootstrapCompany(const CoreDeps& deps, const RequestContext& ctx,
                              const std::string& company_name, NewUser admin);

struct NewUser {
  User user;
  std::string password;
};

// A user's console preferences: the language (the user's locale) and free-form settings
// (a JSON object as text, e.g. column layouts), versioned apart from the user record.
struct Preferences {
  std::int64_t version = 1;
  std::string locale;         // "", "zh-CN" or "en-US"
  std::string settings_json;  // a JSON object, ≤ kMaxSettingsBytes
};
inline constexpr std::size_t kMaxSettingsBytes = 16 * 1024;

class UserService {
 public:
  explicit UserService(CoreDeps deps) : deps_(deps) {}
  Result<Page<User>> List(const Principal& who, UserFilter filter, const PageRequest& page);
  Result<User> Get(const Principal& who, const RequestContext& ctx, Id id);
  Result<User> Create(const Principal& who, const RequestContext& ctx, NewUser draft);
  using Edit = std::function<Status(User&)>;
  // Admins edit everything; users edit their own display name, email, phone and locale.
  Result<User> Update(const Principal& who, const RequestContext& ctx, Id id,
                      std::int64_t expected_version, const Edit& edit);
  // Admin reset of another user: sets a new password and ends all of the user's sessions.
  // Conflict for oneself: one's own password changes only with the current one.
  Status ResetPassword(const Principal& who, const RequestContext& ctx, Id id,
                       const std::string& new_password);
  // Self-service: checks the current password, ends every other session.
  Status ChangeOwnPassword(const Principal& who, const RequestContext& ctx,
                           const std::string& current_password, const std::string& new_password,
                           const std::string& keep_session_hash);
  Result<Preferences> GetPreferences(const Principal& who);
  // Replaces the caller's preferences (412 when `expected_version` is stale). A changed
  // locale is a change of the user record: its version moves and it is audited.
  Result<Preferences> PutPreferences(const Principal& who, const RequestContext& ctx,
                                     std::int64_t expected_version, Preferences next);

 private:
  CoreDeps deps_;
};

}  // namespace kams
