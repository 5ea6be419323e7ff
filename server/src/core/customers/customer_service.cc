#include "core/customers/customer_service.h"

#include <algorithm>

#include "core/access/permissions.h"
#include "core/audit/audit_log.h"
#include "core/common/validation.h"

namespace kams {
namespace {

constexpr int kMaxPageSize = 500;

Status CheckPage(const PageRequest& page) {
  if (page.limit < 1 || page.limit > kMaxPageSize) {
    return ValidationFailed({{"limit", "out_of_range"}});
  }
  return Ok();
}

}  // namespace

Result<Page<Customer>> CustomerService::List(const Principal& who, const RequestContext& ctx,
                                             const CustomerFilter& filter, const SortSpec& sort,
                                             const PageRequest& page) {
  KAMS_CHECK(CheckPage(page));
  if (filter.stage && !IsValidStage(*filter.stage)) {
    return ValidationFailed({{"stage", "invalid"}});
  }
  auto listed = Transact(deps_.db, TxMode::kRead, [&](Tx& tx) -> Result<Page<Customer>> {
    return tx.customers().List(who, filter, sort, page);
  });
  if (listed.ok()) {
    // A list row shows the whole dossier: it counts as reading it (bulk-access alerts).
    const Timestamp now = deps_.clock.Now();
    for (const auto& c : listed->items) {
      deps_.access_log.Record(AccessEntry{now, who.user_id, "customer_list", c.id, c.id,
                                          ctx.request_id, ctx.client_addr});
    }
  }
  return listed;
}

namespace {

// Fills the derived names of the owner and the org unit.
void NamePlacement(Tx& tx, Customer& c) {
  c.owner_name.reset();
  if (c.owner_id) {
    if (auto owner = tx.users().Get(*c.owner_id)) c.owner_name = owner->display_name;
  }
  if (auto unit = tx.org().Get(c.org_unit_id)) c.org_unit_name = unit->name;
}

}  // namespace

Result<Customer> VisibleCustomer(Tx& tx, const Principal& who, Id id) {
  if (auto c = tx.customers().Get(who, id)) return std::move(*c);
  if (tx.customers().Exists(id)) {
    return OutOfScope("customer", id, "customer not found");
  }
  return NotFound("customer not found");
}

Result<Customer> CustomerService::Get(const Principal& who, const RequestContext& ctx, Id id) {
  auto found = Recorded(
      deps_, ctx, who, Transact(deps_.db, TxMode::kRead, [&](Tx& tx) -> Result<Customer> {
        return VisibleCustomer(tx, who, id);
      }));
  if (found.ok()) {
    deps_.access_log.Record(AccessEntry{deps_.clock.Now(), who.user_id, "customer", id, id,
                                        ctx.request_id, ctx.client_addr});
  }
  return found;
}

Status CustomerService::CheckPlacement(Tx& tx, const Principal& who, const Customer& c) {
  Validator v;
  auto unit = tx.org().Get(c.org_unit_id);
  if (!unit) {
    v.Add("org_unit_id", "not_found");
  } else if (who.scope() != ScopeKind::kAll && !tx.org().InSubtree(who.org_unit_id, c.org_unit_id)) {
    v.Add("org_unit_id", "out_of_scope");
  }
  if (c.owner_id) {
    auto owner = tx.users().Get(*c.owner_id);
    if (!owner) {
      v.Add("owner_id", "not_found");
    } else if (!owner->active) {
      v.Add("owner_id", "inactive");
    } else if (who.scope() == ScopeKind::kUnitSubtree &&
               !tx.org().InSubtree(who.org_unit_id, owner->org_unit_id)) {
      v.Add("owner_id", "out_of_scope");
    }
  }
  return v.ToStatus();
}

Status CustomerService::CheckUnique(Tx& tx, const Customer& c) {
  std::vector<FieldError> taken;
  if (c.external_ref && tx.customers().ExternalRefTaken(*c.external_ref, c.id)) {
    taken.push_back({"external_ref", "taken"});
  }
  if (c.credit_code && tx.customers().CreditCodeTaken(*c.credit_code, c.id)) {
    taken.push_back({"credit_code", "taken"});
  }
  if (taken.empty()) return Ok();
  Error e = Conflict(taken.front().field + " is already used by another customer");
  e.fields = std::move(taken);
  return e;
}

Result<std::vector<MonthDelta>> CustomerService::Months(const Principal& who,
                                                       const RequestContext& ctx, Id id) {
  return Recorded(deps_, ctx, who, Transact(deps_.db, TxMode::kRead,
                                            [&](Tx& tx) -> Result<std::vector<MonthDelta>> {
    if (auto visible = VisibleCustomer(tx, who, id); !visible.ok()) return visible.take_error();
    return tx.transactions().Months(id);
  }));
}

Result<Page<AuditRecord>> CustomerService::History(const Principal& who,
                                                   const RequestContext& ctx, Id id,
                                                   const PageRequest& page) {
  return Recorded(deps_, ctx, who, Transact(deps_.db, TxMode::kRead,
                                            [&](Tx& tx) -> Result<Page<AuditRecord>> {
    if (auto visible = VisibleCustomer(tx, who, id); !visible.ok()) return visible.take_error();
    AuditFilter filter;
    filter.customer_id = id;
    return tx.audit().List(filter, page);
  }));
}

Result<Page<AuditRecord>> CustomerService::RelationshipHistory(const Principal& who,
                                                               const RequestContext& ctx, Id id,
                                                               const PageRequest& page) {
  KAMS_CHECK(CheckPage(page));
  return Recorded(deps_, ctx, who, Transact(deps_.db, TxMode::kRead,
                                            [&](Tx& tx) -> Result<Page<AuditRecord>> {
    if (auto visible = VisibleCustomer(tx, who, id); !visible.ok()) return visible.take_error();
    AuditFilter filter;
    filter.customer_id = id;
    filter.entity = "customer";
    filter.any_field = {"relationship_stage", "loyalty"};
    auto page_of = tx.audit().List(filter, page);
    for (auto& r : page_of.items) {
      std::erase_if(r.changes, [&](const FieldChange& c) {
        return c.field != "relationship_stage" && c.field != "loyalty";
      });
    }
    return page_of;
  }));
}

Result<Customer> CustomerService::Create(const Principal& who, const RequestContext& ctx,
                                         Customer c) {
  return Recorded(deps_, ctx, who, [&]() -> Result<Customer> {
    if (!Allows(who.role, Permission::kCustomerCreate)) {
      return DenyError("create customers", "customer", std::nullopt);
    }
    if (who.scope() == ScopeKind::kOwnAccounts) {
      // Front-line roles own what they create; handing it to someone else is an assignment.
      if (c.owner_id && *c.owner_id != who.user_id) {
        return DenyError("assign customers to another owner", "customer", std::nullopt);
      }
      c.owner_id = who.user_id;
    }
    if (c.org_unit_id == 0) c.org_unit_id = who.org_unit_id;
    c.id = 0;
    c.version = 1;
    c.is_key_account = false;
    c.tier.reset();
    const Timestamp now = deps_.clock.Now();
    c.created_at = now;
    c.updated_at = now;
    c.created_by = who.user_id;
    KAMS_CHECK(ValidateCustomer(c));
    return Transact(deps_.db, TxMode::kWrite, [&](Tx& tx) -> Result<Customer> {
      KAMS_CHECK(CheckPlacement(tx, who, c));
      KAMS_CHECK(CheckUnique(tx, c));
      Customer created = c;
      created.id = tx.customers().Insert(created);
      NamePlacement(tx, created);
      AppendAudit(tx, deps_, ctx, &who, "",
                  AuditEvent{"customer.create", "customer", created.id, created.id,
                             DiffFields({}, CustomerFieldValues(created))});
      return created;
    });
  }());
}

Result<Customer> CustomerService::Update(const Principal& who, const RequestContext& ctx, Id id,
                                         std::int64_t expected_version, const Edit& edit) {
  return Recorded(deps_, ctx, who, [&]() -> Result<Customer> {
    if (!Allows(who.role, Permission::kCustomerUpdate)) {
      return DenyError("edit customers", "customer", id);
    }
    return Transact(deps_.db, TxMode::kWrite, [&](Tx& tx) -> Result<Customer> {
      KAMS_TRY(Customer current, VisibleCustomer(tx, who, id));
      if (current.version != expected_version) {
        return PreconditionFailed("customer was changed by someone else (now version " +
                                  std::to_string(current.version) + ")");
      }
      Customer next = current;
      KAMS_CHECK(edit(next));
      // Identity and lifecycle fields are not editable here, whatever the edit did.
      next.id = current.id;
      next.version = current.version;
      next.is_key_account = current.is_key_account;
      next.tier = current.tier;
      next.created_at = current.created_at;
      next.created_by = current.created_by;
      const bool placement_changed =
          next.owner_id != current.owner_id || next.org_unit_id != current.org_unit_id;
      if (placement_changed && !Allows(who.role, Permission::kCustomerAssign)) {
        return DenyError("change a customer's owner or org unit", "customer", id);
      }
      KAMS_CHECK(ValidateCustomer(next));
      auto changes = DiffFields(CustomerFieldValues(current), CustomerFieldValues(next));
      if (changes.empty()) return current;
      if (placement_changed) KAMS_CHECK(CheckPlacement(tx, who, next));
      KAMS_CHECK(CheckUnique(tx, next));
      next.version = current.version + 1;
      next.updated_at = deps_.clock.Now();
      tx.customers().Update(next);
      if (next.owner_id != current.owner_id) {
        // The dossier keeps its earlier owners (GET /customers/{id}/owner-history).
        OwnerHistoryEntry previous;
        previous.customer_id = id;
        previous.owner_id = current.owner_id;
        previous.until_at = next.updated_at;
        if (who.user_id > 0) previous.changed_by = who.user_id;
        tx.handovers().InsertOwnerHistory(previous);
      }
      if (placement_changed) NamePlacement(tx, next);
      AppendAudit(tx, deps_, ctx, &who, "",
                  AuditEvent{"customer.update", "customer", id, id, std::move(changes)});
      return next;
    });
  }());
}

Status CustomerService::Delete(const Principal& who, const RequestContext& ctx, Id id,
                               std::int64_t expected_version) {
  return Recorded(deps_, ctx, who, [&]() -> Status {
    if (!Allows(who.role, Permission::kCustomerDelete)) {
      return DenyError("delete customers", "customer", id);
    }
    return Transact(deps_.db, TxMode::kWrite, [&](Tx& tx) -> Status {
      KAMS_TRY(Customer current, VisibleCustomer(tx, who, id));
      if (current.version != expected_version) {
        return PreconditionFailed("customer was changed by someone else (now version " +
                                  std::to_string(current.version) + ")");
      }
      tx.customers().SoftDelete(id, deps_.clock.Now());
      AppendAudit(tx, deps_, ctx, &who, "",
                  AuditEvent{"customer.delete", "customer", id, id,
                             DiffFields(CustomerFieldValues(current), {})});
      return Ok();
    });
  }());
}

Result<Page<User>> CustomerService::UsersWhoSee(const Principal& who, const RequestContext& ctx,
                                                Id customer_id, std::string q,
                                                std::optional<Role> role,
                                                const PageRequest& page) {
  using R = Result<Page<User>>;
  return Recorded(deps_, ctx, who, Transact(deps_.db, TxMode::kRead, [&](Tx& tx) -> R {
    KAMS_TRY(Customer c, VisibleCustomer(tx, who, customer_id));
    UserFilter f;
    f.active = true;
    f.role = role;
    f.q = q;
    f.sees_customer = c.id;
    return tx.users().List(f, page);
  }));
}

Result<std::vector<AccountTeamMember>> CustomerService::Team(const Principal& who,
                                                             const RequestContext& ctx,
                                                             Id customer_id) {
  using R = Result<std::vector<AccountTeamMember>>;
  return Recorded(deps_, ctx, who, Transact(deps_.db, TxMode::kRead, [&](Tx& tx) -> R {
    KAMS_TRY(Customer c, VisibleCustomer(tx, who, customer_id));
    return tx.customers().Team(c.id);
  }));
}

Result<AccountTeamMember> CustomerService::AddTeamMember(const Principal& who,
                                                         const RequestContext& ctx,
                                                         AccountTeamMember m) {
  return Recorded(deps_, ctx, who, [&]() -> Result<AccountTeamMember> {
    if (!Allows(who.role, Permission::kAccountTeamWrite)) {
      return DenyError("change account teams", "customer", m.customer_id);
    }
    if (m.team_role.empty()) return ValidationFailed({{"team_role", "required"}});
    if (!IsValidTeamRole(m.team_role)) return ValidationFailed({{"team_role", "invalid"}});
    return Transact(deps_.db, TxMode::kWrite, [&](Tx& tx) -> Result<AccountTeamMember> {
      KAMS_TRY(Customer c, VisibleCustomer(tx, who, m.customer_id));
      auto user = tx.users().Get(m.user_id);
      if (!user) return ValidationFailed({{"user_id", "not_found"}});
      if (!user->active) return ValidationFailed({{"user_id", "inactive"}});
      // Like the owner (CheckPlacement), a director staffs teams from their own subtree: a
      // seat shows the account to its holder. Cross-region teams are the company level's.
      if (who.scope() == ScopeKind::kUnitSubtree &&
          !tx.org().InSubtree(who.org_unit_id, user->org_unit_id)) {
        return ValidationFailed({{"user_id", "out_of_scope"}});
      }
      if (c.owner_id == m.user_id) return Conflict("the owner is already responsible for it");
      for (const auto& existing : tx.customers().Team(c.id)) {
        if (existing.user_id == m.user_id) return Conflict("already on the account team");
      }
      m.added_at = deps_.clock.Now();
      m.user_name = user->display_name;
      tx.customers().AddTeamMember(m);
      AppendAudit(tx, deps_, ctx, &who, "",
                  AuditEvent{"account_team.add", "customer", c.id, c.id,
                             {{"member", std::nullopt,
                               std::to_string(m.user_id) + ":" + m.team_role}}});
      return m;
    });
  }());
}

Status CustomerService::RemoveTeamMember(const Principal& who, const RequestContext& ctx,
                                         Id customer_id, Id user_id) {
  return Recorded(deps_, ctx, who, [&]() -> Status {
    if (!Allows(who.role, Permission::kAccountTeamWrite)) {
      return DenyError("change account teams", "customer", customer_id);
    }
    return Transact(deps_.db, TxMode::kWrite, [&](Tx& tx) -> Status {
      KAMS_TRY(Customer c, VisibleCustomer(tx, who, customer_id));
      if (!tx.customers().RemoveTeamMember(c.id, user_id)) {
        return NotFound("that user is not on the account team");
      }
      AppendAudit(tx, deps_, ctx, &who, "",
                  AuditEvent{"account_team.remove", "customer", c.id, c.id,
                             {{"member", std::to_string(user_id), std::nullopt}}});
      return Ok();
    });
  }());
}

namespace {

std::string MembersText(const std::vector<DefaultTeamMember>& members) {
  std::string out;
  for (const auto& m : members) {
    out += (out.empty() ? "" : ",") + std::to_string(m.user_id) + ":" + m.team_role;
  }
  return out;
}

// The user themself, an administrator, or a director whose unit holds the user's.
bool MayEditDefaultTeam(Tx& tx, const Principal& who, const User& owner) {
  if (who.user_id == owner.id || who.role == Role::kAdmin) return true;
  return who.role == Role::kDirector && tx.org().InSubtree(who.org_unit_id, owner.org_unit_id);
}

bool MayReadUser(Tx& tx, const Principal& who, const User& u) {
  return Allows(who.role, Permission::kUserRead) &&
         (who.scope() != ScopeKind::kUnitSubtree ||
          tx.org().InSubtree(who.org_unit_id, u.org_unit_id));
}

}  // namespace

std::vector<AccountTeamMember> AddOwnerDefaultTeam(Tx& tx, const CoreDeps& deps,
                                                   const RequestContext& ctx,
                                                   const Principal& actor, const Customer& c) {
  std::vector<AccountTeamMember> added;
  if (!c.owner_id) return added;
  const auto team = tx.customers().Team(c.id);
  const Timestamp now = deps.clock.Now();
  std::vector<DefaultTeamMember> named;
  for (const auto& m : tx.customers().DefaultTeamOf(*c.owner_id).members) {
    if (m.user_id == *c.owner_id) continue;
    const bool on_team = std::any_of(team.begin(), team.end(), [&](const AccountTeamMember& t) {
      return t.user_id == m.user_id;
    });
    if (on_team) continue;
    const auto user = tx.users().Get(m.user_id);
    if (!user || !user->active) continue;
    // A director seats only their subtree, here as on POST /customers/{id}/team.
    if (actor.scope() == ScopeKind::kUnitSubtree &&
        !tx.org().InSubtree(actor.org_unit_id, user->org_unit_id)) {
      continue;
    }
    AccountTeamMember member{c.id, m.user_id, m.team_role, now, ""};
    tx.customers().AddTeamMember(member);
    added.push_back(member);
    named.push_back(m);
  }
  if (!added.empty()) {
    AppendAudit(tx, deps, ctx, &actor, "",
                AuditEvent{"account_team.apply_default", "customer", c.id, c.id,
                           {{"members", std::nullopt, MembersText(named)}}});
  }
  return added;
}

Result<std::vector<AccountTeamMember>> CustomerService::ApplyDefaultTeam(const Principal& who,
                                                                         const RequestContext& ctx,
                                                                         Id customer_id) {
  using R = Result<std::vector<AccountTeamMember>>;
  return Recorded(deps_, ctx, who, [&]() -> R {
    if (!Allows(who.role, Permission::kAccountTeamWrite)) {
      return DenyError("change account teams", "customer", customer_id);
    }
    return Transact(deps_.db, TxMode::kWrite, [&](Tx& tx) -> R {
      KAMS_TRY(Customer c, VisibleCustomer(tx, who, customer_id));
      if (!c.owner_id) return Conflict("the customer has no owner, so no default team applies");
      AddOwnerDefaultTeam(tx, deps_, ctx, who, c);
      return tx.customers().Team(c.id);
    });
  }());
}

Result<DefaultTeam> CustomerService::DefaultTeamOf(const Principal& who, const RequestContext& ctx,
                                                   Id user_id) {
  return Recorded(deps_, ctx, who, Transact(deps_.db, TxMode::kRead, [&](Tx& tx) -> Result<DefaultTeam> {
    auto owner = tx.users().Get(user_id);
    if (!owner) return NotFound("user not found");
    if (!MayEditDefaultTeam(tx, who, *owner) && !MayReadUser(tx, who, *owner)) {
      return OutOfScope("user", user_id, "user not found");
    }
    return tx.customers().DefaultTeamOf(user_id);
  }));
}

Result<DefaultTeam> CustomerService::PutDefaultTeam(const Principal& who, const RequestContext& ctx,
                                                    Id user_id, std::int64_t expected_version,
                                                    std::vector<DefaultTeamMember> members) {
  return Recorded(deps_, ctx, who, Transact(deps_.db, TxMode::kWrite, [&](Tx& tx) -> Result<DefaultTeam> {
    auto owner = tx.users().Get(user_id);
    if (!owner) return NotFound("user not found");
    if (!MayEditDefaultTeam(tx, who, *owner)) {
      if (!MayReadUser(tx, who, *owner)) return OutOfScope("user", user_id, "user not found");
      return DenyError("edit this user's default team", "user", user_id);
    }
    if (members.size() > kMaxDefaultTeamMembers) {
      return ValidationFailed({{"members", "too_many"}});
    }
    Validator v;
    for (std::size_t i = 0; i < members.size(); ++i) {
      const std::string at = "members[" + std::to_string(i) + "].";
      const auto& m = members[i];
      if (m.team_role.empty()) {
        v.Add(at + "team_role", "required");
      } else if (!IsValidTeamRole(m.team_role)) {
        v.Add(at + "team_role", "invalid");
      }
      const auto user = tx.users().Get(m.user_id);
      if (!user) {
        v.Add(at + "user_id", "not_found");
      } else if (!user->active) {
        v.Add(at + "user_id", "inactive");
      } else if (m.user_id == user_id) {
        v.Add(at + "user_id", "is_owner");
      } else if (who.scope() == ScopeKind::kUnitSubtree &&
                 !tx.org().InSubtree(who.org_unit_id, user->org_unit_id)) {
        v.Add(at + "user_id", "out_of_scope");  // a director staffs from their subtree
      } else {
        for (std::size_t j = 0; j < i; ++j) {
          if (members[j].user_id == m.user_id) v.Add(at + "user_id", "duplicate");
        }
      }
    }
    KAMS_CHECK(v.ToStatus());
    const DefaultTeam current = tx.customers().DefaultTeamOf(user_id);
    if (current.version != expected_version) {
      return PreconditionFailed("the default team was changed by someone else (now version " +
                                std::to_string(current.version) + ")");
    }
    const std::string before = MembersText(current.members);
    const std::string after = MembersText(members);
    if (before == after) return current;
    DefaultTeam next;
    next.owner_id = user_id;
    next.version = current.version + 1;
    next.members = std::move(members);
    next.updated_at = deps_.clock.Now();
    tx.customers().PutDefaultTeam(next);
    AppendAudit(tx, deps_, ctx, &who, "",
                AuditEvent{"default_team.update", "user", user_id, std::nullopt,
                           {{"members", before.empty() ? std::nullopt : std::optional(before),
                             after.empty() ? std::nullopt : std::optional(after)}}});
    return tx.customers().DefaultTeamOf(user_id);
  }));
}

}  // namespace kams
