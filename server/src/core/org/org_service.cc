#include "core/org/org_service.h"

#include "core/access/permissions.h"
#include "core/audit/audit_log.h"
#include "core/common/validation.h"

namespace kams {
namespace {

std::vector<FieldValue> OrgUnitFields(const OrgUnit& u) {
  return {{"name", u.name},
          {"kind", u.kind},
          {"parent_id", u.parent_id ? std::optional<std::string>(std::to_string(*u.parent_id))
                                    : std::nullopt}};
}

std::vector<FieldValue> UserFields(const User& u) {
  auto opt = [](const std::string& s) {
    return s.empty() ? std::nullopt : std::optional<std::string>(s);
  };
  return {{"username", u.username},
          {"display_name", u.display_name},
          {"role", std::string(RoleName(u.role))},
          {"org_unit_id", std::to_string(u.org_unit_id)},
          {"active", u.active ? "true" : "false"},
          {"email", opt(u.email)},
          {"phone", opt(u.phone)},
          {"locale", opt(u.locale)}};
}

Status CheckStale(std::int64_t current, std::int64_t expected, std::string_view what) {
  if (current == expected) return Ok();
  return PreconditionFailed(std::string(what) + " was changed by someone else (now version " +
                            std::to_string(current) + ")");
}

}  // namespace

Result<std::vector<OrgUnit>> OrgService::List(const Principal&) {
  return Transact(deps_.db, TxMode::kRead,
                  [&](Tx& tx) -> Result<std::vector<OrgUnit>> { return tx.org().All(); });
}

Result<OrgUnit> OrgService::Get(const Principal&, Id id) {
  return Transact(deps_.db, TxMode::kRead, [&](Tx& tx) -> Result<OrgUnit> {
    auto u = tx.org().Get(id);
    if (!u) return NotFound("org unit not found");
    return std::move(*u);
  });
}

Result<OrgUnit> OrgService::Create(const Principal& who, const RequestContext& ctx, OrgUnit u) {
  return Recorded(deps_, ctx, who, [&]() -> Result<OrgUnit> {
    if (!Allows(who.role, Permission::kOrgManage)) {
      return DenyError("manage org units", "org_unit", std::nullopt);
    }
    u.id = 0;
    u.version = 1;
    u.created_at = u.updated_at = deps_.clock.Now();
    KAMS_CHECK(ValidateOrgUnit(u));
    if (!u.parent_id) return ValidationFailed({{"parent_id", "required"}});
    return Transact(deps_.db, TxMode::kWrite, [&](Tx& tx) -> Result<OrgUnit> {
      if (!tx.org().Get(*u.parent_id)) return ValidationFailed({{"parent_id", "not_found"}});
      u.id = tx.org().Insert(u);
      AppendAudit(tx, deps_, ctx, &who, "",
                  AuditEvent{"org_unit.create", "org_unit", u.id, std::nullopt,
                             DiffFields({}, OrgUnitFields(u))});
      return u;
    });
  }());
}

Result<OrgUnit> OrgService::Update(const Principal& who, const RequestContext& ctx, Id id,
                                   std::int64_t expected_version, const Edit& edit) {
  return Recorded(deps_, ctx, who, [&]() -> Result<OrgUnit> {
    if (!Allows(who.role, Permission::kOrgManage)) {
      return DenyError("manage org units", "org_unit", id);
    }
    return Transact(deps_.db, TxMode::kWrite, [&](Tx& tx) -> Result<OrgUnit> {
      auto current = tx.org().Get(id);
      if (!current) return NotFound("org unit not found");
      KAMS_CHECK(CheckStale(current->version, expected_version, "org unit"));
      OrgUnit next = *current;
      KAMS_CHECK(edit(next));
      next.id = id;
      next.version = current->version;
      next.created_at = current->created_at;
      KAMS_CHECK(ValidateOrgUnit(next));
      if (next.parent_id != current->parent_id) {
        if (!current->parent_id) return ValidationFailed({{"parent_id", "root_cannot_move"}});
        if (!next.parent_id) return ValidationFailed({{"parent_id", "required"}});
        if (!tx.org().Get(*next.parent_id)) return ValidationFailed({{"parent_id", "not_found"}});
        if (tx.org().InSubtree(id, *next.parent_id)) {
          return ValidationFailed({{"parent_id", "cycle"}});
        }
      }
      auto changes = DiffFields(OrgUnitFields(*current), OrgUnitFields(next));
      if (changes.empty()) return *current;
      next.version = current->version + 1;
      next.updated_at = deps_.clock.Now();
      tx.org().Update(next);
      AppendAudit(tx, deps_, ctx, &who, "",
                  AuditEvent{"org_unit.update", "org_unit", id, std::nullopt, std::move(changes)});
      return next;
    });
  }());
}

Status OrgService::Delete(const Principal& who, const RequestContext& ctx, Id id,
                          std::int64_t expected_version) {
  return Recorded(deps_, ctx, who, [&]() -> Status {
    if (!Allows(who.role, Permission::kOrgManage)) {
      return DenyError("manage org units", "org_unit", id);
    }
    return Transact(deps_.db, TxMode::kWrite, [&](Tx& tx) -> Status {
      auto current = tx.org().Get(id);
      if (!current) return NotFound("org unit not found");
      KAMS_CHECK(CheckStale(current->version, expected_version, "org unit"));
      if (!current->parent_id) return Conflict("the company root cannot be deleted");
      if (tx.org().CountChildren(id) > 0) return Conflict("the org unit still has sub-units");
      if (tx.org().CountUsers(id) > 0) return Conflict("the org unit still has users");
      if (tx.org().CountCustomers(id) > 0) return Conflict("the org unit still has customers");
      tx.org().Delete(id);
      AppendAudit(tx, deps_, ctx, &who, "",
                  AuditEvent{"org_unit.delete", "org_unit", id, std::nullopt,
                             DiffFields(OrgUnitFields(*current), {})});
      return Ok();
    });
  }());
}

Result<User> BootstrapCompany(const CoreDeps& deps, const RequestContext& ctx,
                              const std::string& company_name, NewUser admin) {
  OrgUnit root;
  root.name = TrimSpace(company_name);
  root.kind = "company";
  root.created_at = root.updated_at = deps.clock.Now();
  Validator v;
  if (auto s = ValidateOrgUnit(root); !s.ok()) {
    for (const auto& f : s.error().fields) v.Add("company_" + f.field, f.problem);
  }
  admin.user.role = Role::kAdmin;
  admin.user.org_unit_id = 1;  // placeholder for validation; the real id comes below
  admin.user.created_at = admin.user.updated_at = root.created_at;
  if (auto s = ValidateUser(admin.user); !s.ok()) {
    for (const auto& f : s.error().fields) v.Add(f.field, f.problem);
  }
  v.Check(IsAcceptablePassword(admin.password), "password", "too_weak");
  KAMS_CHECK(v.ToStatus());
  const std::string hash = deps.crypto.HashPassword(admin.password);
  return Transact(deps.db, TxMode::kWrite, [&](Tx& tx) -> Result<User> {
    if (!tx.org().All().empty()) return Conflict("this database is already set up");
    root.id = tx.org().Insert(root);
    User u = admin.user;
    u.org_unit_id = root.id;
    u.id = tx.users().Insert(u, hash);
    Principal system{0, "init", Role::kAdmin, root.id};
    AppendAudit(tx, deps, ctx, &system, "",
                AuditEvent{"org.bootstrap", "org_unit", root.id, std::nullopt,
                           {{"company", std::nullopt, root.name},
                            {"admin", std::nullopt, u.username}}});
    return u;
  });
}

Result<Page<User>> UserService::List(const Principal& who, UserFilter filter,
                                     const PageRequest& page) {
  if (page.limit < 1 || page.limit > 500) return ValidationFailed({{"limit", "out_of_range"}});
  if (Utf8Length(filter.q) > 100) return ValidationFailed({{"q", "too_long"}});
  if (!Allows(who.role, Permission::kUserRead)) {
    RecordDenial(deps_, RequestContext{}, who, DenyError("list users", "user", std::nullopt));
    return Forbidden("your role may not list users");
  }
  return Transact(deps_.db, TxMode::kRead, [&](Tx& tx) -> Result<Page<User>> {
    if (who.scope() == ScopeKind::kUnitSubtree) {
      // Directors see their own subtree; a filter may narrow it, never widen it.
      if (!filter.org_unit_id || !tx.org().InSubtree(who.org_unit_id, *filter.org_unit_id)) {
        filter.org_unit_id = who.org_unit_id;
      }
    }
    return tx.users().List(filter, page);
  });
}

Result<User> UserService::Get(const Principal& who, const RequestContext& ctx, Id id) {
  return Recorded(deps_, ctx, who, Transact(deps_.db, TxMode::kRead, [&](Tx& tx) -> Result<User> {
    auto u = tx.users().Get(id);
    if (!u) return NotFound("user not found");
    if (id == who.user_id) return std::move(*u);
    const bool visible =
        Allows(who.role, Permission::kUserRead) &&
        (who.scope() != ScopeKind::kUnitSubtree || tx.org().InSubtree(who.org_unit_id, u->org_unit_id));
    if (!visible) return OutOfScope("user", id, "user not found");
    return std::move(*u);
  }));
}

Result<User> UserService::Create(const Principal& who, const RequestContext& ctx, NewUser d) {
  return Recorded(deps_, ctx, who, [&]() -> Result<User> {
    if (!Allows(who.role, Permission::kUserManage)) {
      return DenyError("manage users", "user", std::nullopt);
    }
    User& u = d.user;
    u.id = 0;
    u.version = 1;
    u.created_at = u.updated_at = deps_.clock.Now();
    Validator v;
    if (auto s = ValidateUser(u); !s.ok()) {
      for (const auto& f : s.error().fields) v.Add(f.field, f.problem);
    }
    if (d.password.empty()) {
      v.Add("password", "required");
    } else {
      v.Check(IsAcceptablePassword(d.password), "password", "too_weak");
    }
    KAMS_CHECK(v.ToStatus());
    const std::string hash = deps_.crypto.HashPassword(d.password);  // slow: outside the Tx
    return Transact(deps_.db, TxMode::kWrite, [&](Tx& tx) -> Result<User> {
      if (!tx.org().Get(u.org_unit_id)) return ValidationFailed({{"org_unit_id", "not_found"}});
      if (tx.users().FindByUsername(u.username)) {
        Error e = Conflict("username is already taken");
        e.fields.push_back({"username", "taken"});
        return e;
      }
      User created = u;
      created.id = tx.users().Insert(created, hash);
      AppendAudit(tx, deps_, ctx, &who, "",
                  AuditEvent{"user.create", "user", created.id, std::nullopt,
                             DiffFields({}, UserFields(created))});
      return created;
    });
  }());
}

Result<User> UserService::Update(const Principal& who, const RequestContext& ctx, Id id,
                                 std::int64_t expected_version, const Edit& edit) {
  return Recorded(deps_, ctx, who, [&]() -> Result<User> {
    const bool admin = Allows(who.role, Permission::kUserManage);
    if (!admin && who.user_id != id) return DenyError("manage users", "user", id);
    return Transact(deps_.db, TxMode::kWrite, [&](Tx& tx) -> Result<User> {
      auto current = tx.users().Get(id);
      if (!current) return NotFound("user not found");
      KAMS_CHECK(CheckStale(current->version, expected_version, "user"));
      User next = *current;
      KAMS_CHECK(edit(next));
      next.id = id;
      next.version = current->version;
      next.created_at = current->created_at;
      next.last_login_at = current->last_login_at;
      next.username = current->username;  // usernames are permanent: audit rows name them
      if (!admin && (next.role != current->role || next.org_unit_id != current->org_unit_id ||
                     next.active != current->active)) {
        return DenyError("change role, org unit or status of users", "user", id);
      }
      if (id == who.user_id && (!next.active || next.role != current->role)) {
        return Conflict("you cannot disable yourself or change your own role");
      }
      KAMS_CHECK(ValidateUser(next));
      if (next.org_unit_id != current->org_unit_id && !tx.org().Get(next.org_unit_id)) {
        return ValidationFailed({{"org_unit_id", "not_found"}});
      }
      auto changes = DiffFields(UserFields(*current), UserFields(next));
      if (changes.empty()) return *current;
      next.version = current->version + 1;
      next.updated_at = deps_.clock.Now();
      tx.users().Update(next);
      // Disabling or moving a user ends their sessions at once.
      if (!next.active || next.role != current->role || next.org_unit_id != current->org_unit_id) {
        tx.auth().DeleteSessionsOfUser(id);
      }
      AppendAudit(tx, deps_, ctx, &who, "",
                  AuditEvent{next.active == current->active
                                 ? "user.update"
                                 : (next.active ? "user.enable" : "user.disable"),
                             "user", id, std::nullopt, std::move(changes)});
      return next;
    });
  }());
}

Status UserService::ResetPassword(const Principal& who, const RequestContext& ctx, Id id,
                                  const std::string& new_password) {
  return Recorded(deps_, ctx, who, [&]() -> Status {
    if (!Allows(who.role, Permission::kUserManage)) {
      return DenyError("reset passwords", "user", id);
    }
    // One's own password changes only with the current one (POST /auth/password): a borrowed
    // or stolen administrator session must not be able to take the account over for good.
    if (id == who.user_id) {
      return Conflict("change your own password with your current one (POST /api/v1/auth/password)");
    }
    if (new_password.empty()) return ValidationFailed({{"password", "required"}});
    if (!IsAcceptablePassword(new_password)) return ValidationFailed({{"password", "too_weak"}});
    const std::string hash = deps_.crypto.HashPassword(new_password);
    return Transact(deps_.db, TxMode::kWrite, [&](Tx& tx) -> Status {
      if (!tx.users().Get(id)) return NotFound("user not found");
      tx.users().SetPasswordHash(id, hash, deps_.clock.Now());
      tx.auth().DeleteSessionsOfUser(id);
      AppendAudit(tx, deps_, ctx, &who, "",
                  AuditEvent{"user.password_reset", "user", id, std::nullopt, {}});
      return Ok();
    });
  }());
}

Status UserService::ChangeOwnPassword(const Principal& who, const RequestContext& ctx,
                                      const std::string& current_password,
                                      const std::string& new_password,
                                      const std::string& keep_session_hash) {
  if (!IsAcceptablePassword(new_password)) {
    return ValidationFailed({{"new_password", "too_weak"}});
  }
  auto stored = Transact(deps_.db, TxMode::kRead, [&](Tx& tx) -> Result<std::string> {
    auto h = tx.users().PasswordHash(who.user_id);
    if (!h) return NotFound("user not found");
    return std::move(*h);
  });
  if (!stored.ok()) return stored.take_error();
  if (!deps_.crypto.VerifyPassword(*stored, current_password)) {
    return ValidationFailed({{"current_password", "incorrect"}});
  }
  const std::string hash = deps_.crypto.HashPassword(new_password);
  return Transact(deps_.db, TxMode::kWrite, [&](Tx& tx) -> Status {
    tx.users().SetPasswordHash(who.user_id, hash, deps_.clock.Now());
    // End every other session; the one that asked stays signed in.
    std::optional<Session> keep;
    if (!keep_session_hash.empty()) keep = tx.auth().FindSession(keep_session_hash);
    tx.auth().DeleteSessionsOfUser(who.user_id);
    if (keep) tx.auth().InsertSession(*keep);
    AppendAudit(tx, deps_, ctx, &who, "",
                AuditEvent{"user.password_change", "user", who.user_id, std::nullopt, {}});
    return Ok();
  });
}

Result<Preferences> UserService::GetPreferences(const Principal& who) {
  return Transact(deps_.db, TxMode::kRead, [&](Tx& tx) -> Result<Preferences> {
    auto user = tx.users().Get(who.user_id);
    auto settings = tx.users().GetSettings(who.user_id);
    if (!user || !settings) return NotFound("user not found");
    return Preferences{settings->version, user->locale, settings->json};
  });
}

Result<Preferences> UserService::PutPreferences(const Principal& who, const RequestContext& ctx,
                                                std::int64_t expected_version, Preferences next) {
  Validator v;
  v.Check(next.locale.empty() || next.locale == "zh-CN" || next.locale == "en-US", "locale",
          "invalid");
  v.Check(next.settings_json.size() <= kMaxSettingsBytes, "settings", "too_long");
  KAMS_CHECK(v.ToStatus());
  return Transact(deps_.db, TxMode::kWrite, [&](Tx& tx) -> Result<Preferences> {
    auto user = tx.users().Get(who.user_id);
    auto settings = tx.users().GetSettings(who.user_id);
    if (!user || !settings) return NotFound("user not found");
    KAMS_CHECK(CheckStale(settings->version, expected_version, "preferences"));
    if (next.locale != user->locale) {
      User changed = *user;
      changed.locale = next.locale;
      changed.version = user->version + 1;
      changed.updated_at = deps_.clock.Now();
      tx.users().Update(changed);
      AppendAudit(tx, deps_, ctx, &who, "",
                  AuditEvent{"user.update", "user", who.user_id, std::nullopt,
                             DiffFields(UserFields(*user), UserFields(changed))});
    }
    next.version = settings->version + 1;
    tx.users().PutSettings(who.user_id, UserSettings{next.version, next.settings_json});
    return next;
  });
}

}  // namespace kams
