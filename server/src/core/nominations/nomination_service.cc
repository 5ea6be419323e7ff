#include "core/nominations/nomination_service.h"

#include <algorithm>

#include "core/access/permissions.h"
#include "core/audit/audit_log.h"
#include "core/common/validation.h"
#include "core/customers/customer_service.h"
#include "core/notifications/notify.h"
#include "core/tiering/rollups.h"

namespace kams {
namespace {

// Reads any customer, whoever decides (deciders above the customer's unit see it anyway).
const Principal kEveryCustomer{0, "system", Role::kAdmin, 0};

struct Approver {
  int level = 1;
  Role role = Role::kDirector;
  Id unit = 0;
};

// Units from `unit` up to the root, lowest first.
std::vector<Id> UnitsUp(Tx& tx, Id unit) {
  std::vector<Id> out;
  for (std::optional<Id> at = unit; at && out.size() < 64;) {
    auto u = tx.org().Get(*at);
    if (!u) break;
    out.push_back(u->id);
    at = u->parent_id;
  }
  return out;
}

// The first level from `from_level` on that finds a deciding unit above `previous`.
std::optional<Approver> NextApprover(Tx& tx, const std::vector<Role>& chain, int from_level,
                                     Id customer_unit, std::optional<Approver> previous) {
  const std::vector<Id> up = UnitsUp(tx, customer_unit);
  for (int level = from_level; level <= static_cast<int>(chain.size()); ++level) {
    const Role role = chain[static_cast<std::size_t>(level - 1)];
    std::size_t start = 0;
    if (previous) {
      const auto at = std::find(up.begin(), up.end(), previous->unit);
      start = at == up.end() ? up.size() : static_cast<std::size_t>(at - up.begin());
      if (previous->role == role) ++start;  // the same role decides one unit higher up
    }
    for (std::size_t i = start; i < up.size(); ++i) {
      if (!tx.nominations().UsersWithRoleIn(role, up[i]).empty()) {
        return Approver{level, role, up[i]};
      }
    }
  }
  return std::nullopt;
}

// Sets who decides now (the first level that finds a unit), or administrators at the root.
void RouteFrom(Tx& tx, Nomination& n, const std::vector<Role>& chain, int from_level,
               Id customer_unit, std::optional<Approver> previous) {
  if (auto next = NextApprover(tx, chain, from_level, customer_unit, previous)) {
    n.level = next->level;
    n.approver_role = next->role;
    n.approver_unit_id = next->unit;
    return;
  }
  const std::vector<Id> up = UnitsUp(tx, customer_unit);
  n.level = std::max(1, std::min(from_level, static_cast<int>(chain.size())));
  n.approver_role = Role::kAdmin;
  n.approver_unit_id = up.empty() ? customer_unit : up.back();
}

bool Decides(const Principal& who, const Nomination& n) {
  if (n.status != NominationStatus::kPending || who.user_id == n.nominator_id) return false;
  if (who.role == Role::kAdmin) return true;
  return n.approver_role && *n.approver_role == who.role && n.approver_unit_id &&
         *n.approver_unit_id == who.org_unit_id;
}

// The customer's last 12 whole months, summed.
void MeasureTwelveMonths(Tx& tx, const Clock& clock, Nomination& n) {
  const MonthIndex last = LastWholeMonth(BusinessDay(clock.Now()));
  n.revenue_12m_fen = n.orders_12m = n.margin_12m_fen = 0;
  for (const auto& m : tx.transactions().Months(n.customer_id)) {
    if (m.month > last || m.month <= last - 12) continue;
    n.revenue_12m_fen += m.revenue_fen;
    n.orders_12m += m.orders;
    n.margin_12m_fen += m.margin_fen;
  }
}

std::string Subject(const Nomination& n, bool zh) {
  if (n.kind == NominationKind::kNominate) {
    return zh ? "大客户提报：" + n.customer_name : "key-account nomination of " + n.customer_name;
  }
  return zh ? "调级申请：" + n.customer_name : "tier change request for " + n.customer_name;
}

// One notification to `user` in their language.
void Notify(Tx& tx, const CoreDeps& deps, Id user, const Nomination& n, const std::string& kind,
            const std::string& zh_title, const std::string& en_title, const std::string& body) {
  Notification note;
  note.kind = kind;
  note.entity = "nomination";
  note.entity_id = n.id;
  note.customer_id = n.customer_id;
  NotifyUser(tx, deps.clock.Now(), user, note,
             {zh_title + Subject(n, true), en_title + " " + Subject(n, false)}, {body, body});
}

void NotifyDeciders(Tx& tx, const CoreDeps& deps, const Nomination& n) {
  if (!n.approver_role || !n.approver_unit_id) return;
  for (Id user : tx.nominations().UsersWithRoleIn(*n.approver_role, *n.approver_unit_id)) {
    if (user == n.nominator_id) continue;
    Notify(tx, deps, user, n, "nomination.awaiting", "待您审批 · ", "Awaiting your decision:",
           n.nominator_name + "：" + n.reason);
  }
}

std::vector<FieldValue> Fields(const Nomination& n) {
  return {{"status", std::string(NominationStatusName(n.status))},
          {"level", std::to_string(n.level)},
          {"approver_role", n.approver_role ? std::optional<std::string>(std::string(RoleName(*n.approver_role)))
                                            : std::nullopt},
          {"approver_unit_id", n.approver_unit_id ? std::optional<std::string>(std::to_string(*n.approver_unit_id))
                                                  : std::nullopt},
          {"proposed_tier", n.proposed_tier},
          {"reason", n.reason},
          {"pinned_until", n.pinned_until ? std::optional<std::string>(FormatCivilDate(*n.pinned_until))
                                          : std::nullopt},
          {"submissions", std::to_string(n.submissions)}};
}

void Audit(Tx& tx, const CoreDeps& deps, const RequestContext& ctx, const Principal& who,
           const std::string& action, const Nomination& before, const Nomination& after,
           const std::string& comment) {
  auto changes = DiffFields(action == "nomination.create" ? std::vector<FieldValue>{} : Fields(before),
                            Fields(after));
  if (!comment.empty()) changes.push_back({"comment", std::nullopt, comment});
  AppendAudit(tx, deps, ctx, &who, "",
              AuditEvent{action, "nomination", after.id, after.customer_id, std::move(changes)});
}

// Checks the proposed tier against the scheme and fills scheme_id (nominate: the primary).
Status CheckProposal(Tx& tx, const SchemeFormat& format, Nomination& n) {
  if (n.kind == NominationKind::kNominate) {
    if (n.scheme_id) return ValidationFailed({{"scheme_id", "nominations_use_the_primary_scheme"}});
    if (!n.proposed_tier) return Ok();
    for (const auto& s : tx.tiering().Schemes()) {
      if (s.primary) n.scheme_id = s.id;
    }
    if (!n.scheme_id) return ValidationFailed({{"proposed_tier", "no_primary_scheme"}});
  } else if (!n.scheme_id) {
    return ValidationFailed({{"scheme_id", "required"}});
  }
  auto record = tx.tiering().Scheme(*n.scheme_id);
  if (!record) return ValidationFailed({{"scheme_id", "not_found"}});
  auto scheme = format.Parse(record->definition);
  if (!scheme.ok()) return scheme.take_error();
  if (n.proposed_tier) {
    const auto names = scheme->TierNames();
    if (std::find(names.begin(), names.end(), *n.proposed_tier) == names.end()) {
      return ValidationFailed({{"proposed_tier", "unknown_tier"}});
    }
  }
  return Ok();
}

Status CheckDraft(const Nomination& n) {
  Validator v;
  v.Required("reason", n.reason);
  v.MaxLength("reason", n.reason, kMaxNominationReason);
  return v.ToStatus();
}

// What an approved request does: the customer becomes a key account (nominate) or takes the
// requested tier under the scheme (change), pinned so that evaluation leaves it until then.
// A customer that becomes a key account gets its owner's default team.
Status Carry(Tx& tx, const CoreDeps& deps, const RequestContext& ctx, const Principal& who,
             const SchemeFormat& format, const Nomination& n, const Customer& customer) {
  const CivilDate today = BusinessDay(deps.clock.Now());
  const CivilDate pin = n.pinned_until.value_or(CivilFromDays(DaysFromCivil(today) + 365));
  std::optional<SchemeRecord> record;
  std::optional<TierScheme> scheme;
  if (n.scheme_id) {
    record = tx.tiering().Scheme(*n.scheme_id);
    if (!record) return Conflict("the tier scheme of this request no longer exists");
    auto parsed = format.Parse(record->definition);
    if (!parsed.ok()) return parsed.take_error();
    scheme = std::move(*parsed);
  }
  if (n.kind == NominationKind::kNominate && !n.proposed_tier) {
    tx.tiering().SetCustomerTiers({{customer.id, customer.tier, true}});
    if (!customer.is_key_account) AddOwnerDefaultTeam(tx, deps, ctx, who, customer);
    return Ok();
  }
  const auto current = tx.tiering().Assignment(record->id, customer.id);
  const std::optional<std::string> from = current ? current->tier : std::nullopt;
  tx.tiering().PutAssignments(record->id,
                              {TierAssignment{customer.id, n.proposed_tier,
                                              current ? current->value : 0, today, pin}});
  TierChange change;
  change.customer_id = customer.id;
  change.scheme_id = record->id;
  change.scheme_version = record->current_version;
  change.old_tier = from;
  change.new_tier = n.proposed_tier;
  change.kind = KindOfChange(from, n.proposed_tier, scheme->TierNames());
  change.source = n.kind == NominationKind::kNominate ? TierChangeSource::kNomination
                                                      : TierChangeSource::kManual;
  change.note = n.reason;
  change.actor_id = n.nominator_id;
  change.effective_on = today;
  change.pinned_until = pin;
  change.created_at = deps.clock.Now();
  tx.tiering().InsertChanges({change});
  if (record->primary) {
    const bool key = n.kind == NominationKind::kNominate ||
                     (n.proposed_tier && scheme->IsKeyAccountTier(*n.proposed_tier));
    tx.tiering().SetCustomerTiers({{customer.id, n.proposed_tier, key}});
    if (key && !customer.is_key_account) AddOwnerDefaultTeam(tx, deps, ctx, who, customer);
  }
  return Ok();
}

}  // namespace

Result<Nomination> NominationService::Create(const Principal& who, const RequestContext& ctx,
                                             NominationDraft d) {
  return Recorded(deps_, ctx, who, Transact(deps_.db, TxMode::kWrite, [&](Tx& tx) -> Result<Nomination> {
    KAMS_TRY(Customer customer, VisibleCustomer(tx, who, d.customer_id));
    Nomination n;
    n.customer_id = customer.id;
    n.nominator_id = who.user_id;
    n.kind = d.kind;
    n.scheme_id = d.scheme_id;
    n.proposed_tier = d.proposed_tier;
    n.reason = TrimSpace(d.reason);
    n.pinned_until = d.pinned_until;
    KAMS_CHECK(CheckDraft(n));
    if (who.user_id <= 0) return Forbidden("only a signed-in user can nominate");
    KAMS_CHECK(CheckProposal(tx, format_, n));
    if (n.kind == NominationKind::kNominate && customer.is_key_account) {
      return Conflict("the customer is already a key account");
    }
    if (n.kind == NominationKind::kChange) {
      const auto current = tx.tiering().Assignment(*n.scheme_id, customer.id);
      if ((current ? current->tier : std::nullopt) == n.proposed_tier) {
        return Conflict("the customer already has this tier under the scheme");
      }
    }
    if (tx.nominations().HasPending(customer.id, n.kind, n.scheme_id)) {
      return Conflict("a request of this kind for the customer is already waiting for a decision");
    }
    const Timestamp now = deps_.clock.Now();
    n.created_at = n.updated_at = now;
    MeasureTwelveMonths(tx, deps_.clock, n);
    const auto chain = tx.nominations().ApprovalLevels();
    n.levels = static_cast<int>(std::max<std::size_t>(chain.size(), 1));
    RouteFrom(tx, n, chain, 1, customer.org_unit_id, std::nullopt);
    n.id = tx.nominations().Insert(n);
    tx.nominations().InsertStep(NominationStep{0, n.id, n.customer_id, 1, 0, StepAction::kSubmit,
                                               who.user_id, "", now, std::nullopt});
    auto stored = tx.nominations().Get(n.id);
    NotifyDeciders(tx, deps_, *stored);
    Audit(tx, deps_, ctx, who, "nomination.create", *stored, *stored, "");
    stored->steps = tx.nominations().Steps(n.id);
    return std::move(*stored);
  }));
}

Result<Nomination> NominationService::Get(const Principal& who, const RequestContext& ctx, Id id) {
  return Recorded(deps_, ctx, who, Transact(deps_.db, TxMode::kRead, [&](Tx& tx) -> Result<Nomination> {
    auto n = tx.nominations().Get(id);
    if (!n) return NotFound("nomination not found");
    if (n->nominator_id != who.user_id && !Decides(who, *n)) {
      if (auto visible = VisibleCustomer(tx, who, n->customer_id); !visible.ok()) {
        return NotFound("nomination not found");
      }
    }
    n->steps = tx.nominations().Steps(id);
    return std::move(*n);
  }));
}

Result<Page<Nomination>> NominationService::List(const Principal& who,
                                                 const NominationFilter& filter,
                                                 const PageRequest& page) {
  if (page.limit < 1 || page.limit > 500) return ValidationFailed({{"limit", "out_of_range"}});
  return Transact(deps_.db, TxMode::kRead, [&](Tx& tx) -> Result<Page<Nomination>> {
    return tx.nominations().List(who, filter, page);
  });
}

Result<Nomination> NominationService::Approve(const Principal& who, const RequestContext& ctx,
                                              Id id, const std::string& comment) {
  return Decide(who, ctx, id, StepAction::kApprove, comment);
}

Result<Nomination> NominationService::Reject(const Principal& who, const RequestContext& ctx, Id id,
                                             const std::string& comment) {
  return Decide(who, ctx, id, StepAction::kReject, comment);
}

Result<Nomination> NominationService::Withdraw(const Principal& who, const RequestContext& ctx,
                                               Id id, const std::string& comment) {
  return Decide(who, ctx, id, StepAction::kWithdraw, comment);
}

Result<Nomination> NominationService::Decide(const Principal& who, const RequestContext& ctx, Id id,
                                             StepAction action, const std::string& raw_comment) {
  const std::string comment = TrimSpace(raw_comment);
  return Recorded(deps_, ctx, who, Transact(deps_.db, TxMode::kWrite, [&](Tx& tx) -> Result<Nomination> {
    auto found = tx.nominations().Get(id);
    if (!found) return NotFound("nomination not found");
    const Nomination before = *found;
    Nomination n = *found;
    const bool nominator = n.nominator_id == who.user_id;
    if (!nominator && !Decides(who, n) && who.role != Role::kAdmin &&
        !VisibleCustomer(tx, who, n.customer_id).ok()) {
      return NotFound("nomination not found");
    }
    if (Utf8Length(comment) > kMaxDecisionComment) {
      return ValidationFailed({{"comment", "too_long"}});
    }
    if (action == StepAction::kReject && comment.empty()) {
      return ValidationFailed({{"comment", "required_to_reject"}});
    }
    if (n.status != NominationStatus::kPending) {
      return Conflict("the request is already " + std::string(NominationStatusName(n.status)));
    }
    if (action == StepAction::kWithdraw) {
      if (!nominator && who.role != Role::kAdmin) {
        return DenyError("withdraw another user's request", "nomination", id);
      }
    } else {
      if (nominator) return DenyError("decide on your own request", "nomination", id);
      for (const auto& s : tx.nominations().Steps(id)) {
        if (s.submission == n.submissions && s.action == StepAction::kApprove &&
            s.actor_id == who.user_id) {
          return Conflict("you have already approved this request");
        }
      }
      if (!Decides(who, n)) {
        return DenyError("decide on this request at its current level", "nomination", id);
      }
    }
    const Timestamp now = deps_.clock.Now();
    tx.nominations().InsertStep(NominationStep{0, id, n.customer_id, n.submissions, n.level, action,
                                               who.user_id, comment, now, std::nullopt});
    n.updated_at = now;
    n.version += 1;
    std::string audit_action;
    if (action == StepAction::kApprove) {
      audit_action = "nomination.approve";
      KAMS_TRY(Customer customer, VisibleCustomer(tx, kEveryCustomer, n.customer_id));
      const auto chain = tx.nominations().ApprovalLevels();
      std::optional<Approver> next;
      if (n.approver_role && *n.approver_role != Role::kAdmin) {
        next = NextApprover(tx, chain, n.level + 1, customer.org_unit_id,
                            Approver{n.level, *n.approver_role, n.approver_unit_id.value_or(0)});
      }
      if (next) {
        n.level = next->level;
        n.approver_role = next->role;
        n.approver_unit_id = next->unit;
        tx.nominations().Update(n);
        Notify(tx, deps_, n.nominator_id, n, "nomination.advanced",
               "第 " + std::to_string(before.level) + " 级已通过 · ",
               "Approved at level " + std::to_string(before.level) + ":", comment);
        NotifyDeciders(tx, deps_, n);
      } else {
        n.status = NominationStatus::kApproved;
        n.decided_at = now;
        n.approver_role.reset();
        n.approver_unit_id.reset();
        tx.nominations().Update(n);
        KAMS_CHECK(Carry(tx, deps_, ctx, who, format_, n, customer));
        Notify(tx, deps_, n.nominator_id, n, "nomination.approved", "已批准 · ", "Approved:",
               comment);
      }
    } else {
      audit_action = action == StepAction::kReject ? "nomination.reject" : "nomination.withdraw";
      n.status = action == StepAction::kReject ? NominationStatus::kRejected
                                               : NominationStatus::kWithdrawn;
      n.decided_at = now;
      n.approver_role.reset();
      n.approver_unit_id.reset();
      tx.nominations().Update(n);
      if (action == StepAction::kReject) {
        Notify(tx, deps_, n.nominator_id, n, "nomination.rejected", "已驳回 · ", "Rejected:",
               comment);
      }
    }
    Audit(tx, deps_, ctx, who, audit_action, before, n, comment);
    auto stored = tx.nominations().Get(id);
    stored->steps = tx.nominations().Steps(id);
    return std::move(*stored);
  }));
}

Result<Nomination> NominationService::Resubmit(const Principal& who, const RequestContext& ctx,
                                               Id id, const NominationChanges& changes) {
  return Recorded(deps_, ctx, who, Transact(deps_.db, TxMode::kWrite, [&](Tx& tx) -> Result<Nomination> {
    auto found = tx.nominations().Get(id);
    if (!found) return NotFound("nomination not found");
    if (found->nominator_id != who.user_id) {
      // Only the nominator resubmits; others learn that the request exists only if they
      // may see its customer.
      if (who.role != Role::kAdmin && !VisibleCustomer(tx, who, found->customer_id).ok()) {
        return NotFound("nomination not found");
      }
      return DenyError("resubmit another user's request", "nomination", id);
    }
    const Nomination before = *found;
    Nomination n = *found;
    if (n.status != NominationStatus::kRejected) {
      return Conflict("only a rejected request can be submitted again; this one is " +
                      std::string(NominationStatusName(n.status)));
    }
    KAMS_TRY(Customer customer, VisibleCustomer(tx, who, n.customer_id));
    if (changes.reason) n.reason = TrimSpace(*changes.reason);
    if (changes.proposed_tier) n.proposed_tier = *changes.proposed_tier;
    if (changes.pinned_until) n.pinned_until = *changes.pinned_until;
    KAMS_CHECK(CheckDraft(n));
    if (n.kind == NominationKind::kNominate && n.proposed_tier != before.proposed_tier) {
      n.scheme_id.reset();
    }
    KAMS_CHECK(CheckProposal(tx, format_, n));
    if (n.reason == before.reason && n.proposed_tier == before.proposed_tier &&
        n.pinned_until == before.pinned_until) {
      return Conflict("change the request (reason, proposed tier or pin) before submitting it again");
    }
    if (tx.nominations().HasPending(n.customer_id, n.kind, n.scheme_id)) {
      return Conflict("a request of this kind for the customer is already waiting for a decision");
    }
    const Timestamp now = deps_.clock.Now();
    n.status = NominationStatus::kPending;
    n.submissions += 1;
    n.version += 1;
    n.updated_at = now;
    n.decided_at.reset();
    MeasureTwelveMonths(tx, deps_.clock, n);
    const auto chain = tx.nominations().ApprovalLevels();
    n.levels = static_cast<int>(std::max<std::size_t>(chain.size(), 1));
    RouteFrom(tx, n, chain, 1, customer.org_unit_id, std::nullopt);
    tx.nominations().Update(n);
    tx.nominations().InsertStep(NominationStep{0, id, n.customer_id, n.submissions, n.level,
                                               StepAction::kSubmit, who.user_id, "", now,
                                               std::nullopt});
    auto stored = tx.nominations().Get(id);
    NotifyDeciders(tx, deps_, *stored);
    Audit(tx, deps_, ctx, who, "nomination.resubmit", before, *stored, "");
    stored->steps = tx.nominations().Steps(id);
    return std::move(*stored);
  }));
}

Result<std::vector<Role>> NominationService::ApprovalChain(const Principal&) {
  return Transact(deps_.db, TxMode::kRead, [&](Tx& tx) -> Result<std::vector<Role>> {
    return tx.nominations().ApprovalLevels();
  });
}

Result<std::vector<Role>> NominationService::SetApprovalChain(const Principal& who,
                                                              const RequestContext& ctx,
                                                              const std::vector<Role>& roles) {
  return Recorded(deps_, ctx, who, Transact(deps_.db, TxMode::kWrite, [&](Tx& tx) -> Result<std::vector<Role>> {
    if (!Allows(who.role, Permission::kOrgManage)) {
      return DenyError("set the approval chain", "approval_chain", std::nullopt);
    }
    if (roles.empty() || roles.size() > kMaxApprovalLevels) {
      return ValidationFailed({{"levels", "out_of_range"}});
    }
    const auto before = tx.nominations().ApprovalLevels();
    const auto text = [](const std::vector<Role>& rs) {
      std::string out;
      for (Role r : rs) out += (out.empty() ? "" : ",") + std::string(RoleName(r));
      return out;
    };
    tx.nominations().SetApprovalLevels(roles);
    AppendAudit(tx, deps_, ctx, &who, "",
                AuditEvent{"approval_chain.update", "approval_chain", std::nullopt, std::nullopt,
                           {{"levels", text(before), text(roles)}}});
    return roles;
  }));
}

Result<Page<Notification>> NotificationService::List(const Principal& who, bool unread_only,
                                                     const PageRequest& page) {
  if (page.limit < 1 || page.limit > 500) return ValidationFailed({{"limit", "out_of_range"}});
  return Transact(deps_.db, TxMode::kRead, [&](Tx& tx) -> Result<Page<Notification>> {
    return tx.notifications().List(who, unread_only, page);
  });
}

Result<std::int64_t> NotificationService::UnreadCount(const Principal& who) {
  return Transact(deps_.db, TxMode::kRead, [&](Tx& tx) -> Result<std::int64_t> {
    return tx.notifications().UnreadCount(who);
  });
}

Status NotificationService::MarkRead(const Principal& who, Id id) {
  return deps_.db.Run(TxMode::kWrite, [&](Tx& tx) -> Status {
    if (!tx.notifications().MarkRead(who, id, deps_.clock.Now())) {
      return NotFound("notification not found");
    }
    return Ok();
  });
}

Result<std::int64_t> NotificationService::MarkAllRead(const Principal& who) {
  return Transact(deps_.db, TxMode::kWrite, [&](Tx& tx) -> Result<std::int64_t> {
    return tx.notifications().MarkAllRead(who, deps_.clock.Now());
  });
}

}  // namespace kams
