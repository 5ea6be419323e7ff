#include "core/engagement/handover_service.h"

#include <algorithm>
#include <map>
#include <set>

#include "core/access/permissions.h"
#include "core/audit/audit_log.h"
#include "core/common/validation.h"
#include "core/customers/customer_service.h"
#include "core/notifications/notify.h"

namespace kams {
namespace {

// Reads any customer regardless of scope (to check a seat's owner, which no caller lists).
const Principal kEveryCustomer{0, "system", Role::kAdmin, 0};

Status CheckPage(const PageRequest& page) {
  if (page.limit < 1 || page.limit > 500) return ValidationFailed({{"limit", "out_of_range"}});
  return Ok();
}

std::string Successor(std::size_t i) { return "to_user_ids[" + std::to_string(i) + "]"; }

std::string JoinIds(const std::vector<Id>& ids) {
  std::string out;
  for (Id id : ids) out += (out.empty() ? "" : ",") + std::to_string(id);
  return out;
}

// The one audit event of a handover: what moved, by kind, and where each customer went.
std::vector<FieldChange> AuditChanges(const Handover& h, const HandoverPlan& plan) {
  std::vector<FieldChange> changes;
  changes.push_back({"handover_id", std::nullopt, std::to_string(h.id)});
  changes.push_back({"mode", std::nullopt, std::string(HandoverModeName(h.mode))});
  std::vector<Id> to;
  for (const auto& u : plan.successors) to.push_back(u.id);
  changes.push_back({"to_user_ids", std::nullopt, JoinIds(to)});
  if (plan.from_user.active) changes.push_back({"active", "true", "false"});
  std::map<HandoverKind, std::int64_t> counts;
  std::string customers;
  std::int64_t dropped_seats = 0;
  for (const auto& item : plan.items) {
    if (item.dropped) {
      ++dropped_seats;
      continue;
    }
    ++counts[item.kind];
    if (item.kind == HandoverKind::kCustomer) {
      customers += (customers.empty() ? "" : ",") + std::to_string(item.entity_id) + ":" +
                   std::to_string(item.to_user_id);
    }
  }
  for (HandoverKind k : kHandoverKinds) {
    changes.push_back(
        {std::string(HandoverKindName(k)) + "_count", std::nullopt, std::to_string(counts[k])});
  }
  if (dropped_seats > 0) {
    changes.push_back({"team_seat_dropped_count", std::nullopt, std::to_string(dropped_seats)});
  }
  if (!customers.empty()) changes.push_back({"customers", std::nullopt, customers});
  return changes;
}

// Each successor hears what came to them, in counts by kind.
void TellSuccessors(Tx& tx, Timestamp now, Id handover_id, const HandoverPlan& plan) {
  static constexpr struct {
    HandoverKind kind;
    const char* zh;
    const char* en;
  } kWords[] = {{HandoverKind::kCustomer, "个客户", "customers"},
                {HandoverKind::kTeamSeat, "个团队席位", "team seats"},
                {HandoverKind::kNextStep, "个下一步", "next steps"},
                {HandoverKind::kRequest, "个首问请求", "requests"},
                {HandoverKind::kNomination, "个提报", "nominations"},
                {HandoverKind::kVisitPlan, "个拜访计划", "visit plans"},
                {HandoverKind::kNotification, "条通知", "notifications"}};
  for (const User& successor : plan.successors) {
    std::string zh, en;
    for (const auto& w : kWords) {
      const auto n = std::count_if(plan.items.begin(), plan.items.end(), [&](const HandoverItem& i) {
        return i.kind == w.kind && i.to_user_id == successor.id && !i.dropped;
      });
      if (n == 0) continue;
      zh += (zh.empty() ? "" : "、") + std::to_string(n) + " " + w.zh;
      en += (en.empty() ? "" : ", ") + std::to_string(n) + " " + w.en;
    }
    if (zh.empty()) continue;
    Notification n;
    n.kind = "handover.received";
    n.entity = "handover";
    n.entity_id = handover_id;
    NotifyUser(tx, now, successor.id, n,
               {"交接 · 你接手了 " + plan.from_user.display_name + " 的工作",
                "Handover: you took over from " + plan.from_user.display_name},
               {zh, en});
  }
}

}  // namespace

namespace {

// Whether `item`'s successor already covers the customer of a team seat: owns it (after this
// handover) or sits on its team.
bool SeatCovered(Tx& tx, const std::map<Id, Id>& new_owner, const HandoverItem& item) {
  const Id customer = item.entity_id;
  std::optional<Id> owner;
  if (auto it = new_owner.find(customer); it != new_owner.end()) {
    owner = it->second;
  } else if (auto c = tx.customers().Get(kEveryCustomer, customer)) {
    owner = c->owner_id;
  }
  if (owner == item.to_user_id) return true;
  for (const auto& m : tx.customers().Team(customer)) {
    if (m.user_id == item.to_user_id) return true;
  }
  return false;
}

}  // namespace

Result<HandoverPlan> HandoverService::Plan(Tx& tx, const Principal& who, Id user_id,
                                           const HandoverOrder& order) {
  if (!Allows(who.role, Permission::kUserHandover) || who.user_id <= 0) {
    return DenyError("hand over users", "user", user_id);
  }
  const bool director = who.role != Role::kAdmin;
  auto from = tx.users().Get(user_id);
  if (!from) return NotFound("user not found");
  if (director) {
    if (!tx.org().InSubtree(who.org_unit_id, from->org_unit_id)) {
      return OutOfScope("user", user_id, "user not found");
    }
    if (!DirectorMayHandOver(from->role)) {
      return DenyError("hand over a user of role " + std::string(RoleName(from->role)), "user",
                       user_id);
    }
  }
  if (from->id == who.user_id) return Conflict("you cannot hand over your own accounts");

  // The order's shape and every successor: all problems in one answer.
  Validator v;
  HandoverMode mode = HandoverMode::kSingle;
  if (auto checked = CheckOrder(order); checked.ok()) {
    mode = *checked;
  } else {
    for (const auto& f : checked.error().fields) v.Add(f.field, f.problem);
  }
  HandoverPlan plan;
  plan.from_user = *from;
  plan.mode = mode;
  std::set<Id> seen;
  for (std::size_t i = 0; i < order.to_user_ids.size() && i < kMaxSuccessors; ++i) {
    const Id id = order.to_user_ids[i];
    if (!seen.insert(id).second) continue;  // reported by CheckOrder
    auto u = tx.users().Get(id);
    if (!u) {
      v.Add(Successor(i), "not_found");
    } else if (u->id == from->id) {
      v.Add(Successor(i), "is_the_leaving_user");
    } else if (!u->active) {
      v.Add(Successor(i), "inactive");
    } else if (!CanTakeOverWork(u->role)) {
      v.Add(Successor(i), "role_cannot_take_over");
    } else if (director && !tx.org().InSubtree(who.org_unit_id, u->org_unit_id)) {
      v.Add(Successor(i), "out_of_scope");
    } else {
      plan.successors.push_back(*u);
    }
  }
  KAMS_CHECK(v.ToStatus());

  const std::vector<Holding> holdings = tx.handovers().Holdings(from->id);
  if (!from->active && holdings.empty()) {
    return Conflict("the user is disabled and holds nothing to hand over");
  }
  std::vector<Id> successor_ids;
  for (const auto& u : plan.successors) successor_ids.push_back(u.id);
  KAMS_TRY(plan.items,
           PlanHandover(holdings, mode, successor_ids, order.mapping.value_or(std::map<Id, Id>{})));

  // Customers go only to roles that own accounts, and a director moves only what they see.
  std::map<Id, std::size_t> position;  // successor → its index in to_user_ids
  for (std::size_t i = 0; i < order.to_user_ids.size(); ++i)
    position.emplace(order.to_user_ids[i], i);
  std::map<Id, Role> role_of;
  for (const auto& u : plan.successors) role_of[u.id] = u.role;
  std::vector<Id> customer_ids;
  for (const auto& item : plan.items) {
    if (item.kind != HandoverKind::kCustomer) continue;
    customer_ids.push_back(item.entity_id);
    if (!CanOwnAccounts(role_of.at(item.to_user_id))) {
      v.Add(Successor(position.at(item.to_user_id)), "cannot_own_accounts");
    }
    if (director && !tx.customers().Get(who, item.entity_id)) {
      return DenyError("hand over accounts outside your scope", "user", user_id);
    }
  }
  KAMS_CHECK(v.ToStatus());

  // A seat on an account the successor will own, or whose team they are on already, is
  // dropped rather than moved (the preview says so too).
  std::map<Id, Id> new_owner;
  for (const auto& item : plan.items) {
    if (item.kind == HandoverKind::kCustomer) new_owner[item.entity_id] = item.to_user_id;
  }
  for (auto& item : plan.items) {
    if (item.kind == HandoverKind::kTeamSeat) item.dropped = SeatCovered(tx, new_owner, item);
  }

  // Names for the answer.
  std::map<Id, std::string> customer_names;
  for (auto& [id, name] : tx.tiering().CustomerNames(customer_ids)) customer_names[id] = name;
  std::map<Id, std::string> user_names;
  for (const auto& u : plan.successors) user_names[u.id] = u.display_name;
  for (auto& item : plan.items) {
    item.to_user_name = user_names[item.to_user_id];
    if (item.kind == HandoverKind::kCustomer) {
      if (auto it = customer_names.find(item.entity_id); it != customer_names.end()) {
        item.customer_name = it->second;
      }
    }
  }
  return plan;
}

Result<HandoverPlan> HandoverService::Preview(const Principal& who, const RequestContext& ctx,
                                              Id user_id, const HandoverOrder& order) {
  auto plan =
      Transact(deps_.db, TxMode::kRead, [&](Tx& tx) { return Plan(tx, who, user_id, order); });
  return Recorded(deps_, ctx, who, std::move(plan));
}

Result<Handover> HandoverService::Execute(const Principal& who, const RequestContext& ctx,
                                          Id user_id, const HandoverOrder& order) {
  auto done = Transact(deps_.db, TxMode::kWrite, [&](Tx& tx) -> Result<Handover> {
    KAMS_TRY(HandoverPlan plan, Plan(tx, who, user_id, order));
    return Carry(tx, who, ctx, std::move(plan));
  });
  return Recorded(deps_, ctx, who, std::move(done));
}


Result<Handover> HandoverService::Carry(Tx& tx, const Principal& who, const RequestContext& ctx,
                                        HandoverPlan plan) {
  const Timestamp now = deps_.clock.Now();
  const Id from = plan.from_user.id;
  Handover h;
  h.from_user_id = from;
  h.actor_id = who.user_id;
  h.mode = plan.mode;
  h.at = now;
  h.id = tx.handovers().Insert(h);

  // Customers first, each leaving its previous owner in the history; then the other kinds
  // in order (seats the plan found covered are removed), notifications last.
  for (auto& item : plan.items) {
    item.handover_id = h.id;
    if (item.kind != HandoverKind::kCustomer) continue;
    OwnerHistoryEntry previous;
    previous.customer_id = item.entity_id;
    previous.owner_id = from;
    previous.until_at = now;
    previous.changed_by = who.user_id;
    previous.handover_id = h.id;
    tx.handovers().InsertOwnerHistory(previous);
  }
  for (HandoverKind kind : kHandoverKinds) {
    std::vector<HandoverItem> moves;
    for (const auto& item : plan.items) {
      if (item.kind != kind) continue;
      if (item.dropped) {
        tx.customers().RemoveTeamMember(item.entity_id, from);
        continue;
      }
      moves.push_back(item);
    }
    tx.handovers().Move(from, moves, now);
  }
  tx.handovers().InsertItems(plan.items);

  if (plan.from_user.active) {
    User disabled = plan.from_user;
    disabled.active = false;
    disabled.version += 1;
    disabled.updated_at = now;
    tx.users().Update(disabled);
  }
  tx.auth().DeleteSessionsOfUser(from);
  AppendAudit(tx, deps_, ctx, &who, "",
              AuditEvent{"user.handover", "user", from, std::nullopt, AuditChanges(h, plan)});
  TellSuccessors(tx, now, h.id, plan);

  auto stored = tx.handovers().Get(h.id);
  if (!stored) return MakeError(ErrorCode::kInternal, "the handover was not stored");
  stored->items = tx.handovers().Items(h.id, who);
  return std::move(*stored);
}

Result<Page<Handover>> HandoverService::List(const Principal& who, const HandoverFilter& filter,
                                             const PageRequest& page) {
  KAMS_CHECK(CheckPage(page));
  if (!Allows(who.role, Permission::kHandoverRead)) {
    Error e = DenyError("read handovers", "handover", std::nullopt);
    RecordDenial(deps_, RequestContext{}, who, e);
    return e;
  }
  return Transact(deps_.db, TxMode::kRead, [&](Tx& tx) -> Result<Page<Handover>> {
    return tx.handovers().List(who, filter, page);
  });
}

Result<Handover> HandoverService::Get(const Principal& who, const RequestContext& ctx, Id id) {
  auto found = Transact(deps_.db, TxMode::kRead, [&](Tx& tx) -> Result<Handover> {
    if (!Allows(who.role, Permission::kHandoverRead)) {
      return DenyError("read handovers", "handover", id);
    }
    auto h = tx.handovers().Get(id);
    if (!h) return NotFound("handover not found");
    if (who.scope() != ScopeKind::kAll) {
      auto from = tx.users().Get(h->from_user_id);
      if (!from || !tx.org().InSubtree(who.org_unit_id, from->org_unit_id)) {
        return OutOfScope("handover", id, "handover not found");
      }
    }
    h->items = tx.handovers().Items(id, who);
    return std::move(*h);
  });
  return Recorded(deps_, ctx, who, std::move(found));
}

Result<Page<OwnerHistoryEntry>> HandoverService::OwnerHistory(const Principal& who,
                                                              const RequestContext& ctx,
                                                              Id customer_id,
                                                              const PageRequest& page) {
  KAMS_CHECK(CheckPage(page));
  auto found = Transact(deps_.db, TxMode::kRead, [&](Tx& tx) -> Result<Page<OwnerHistoryEntry>> {
    KAMS_CHECK(VisibleCustomer(tx, who, customer_id));
    return tx.handovers().OwnerHistory(customer_id, page);
  });
  return Recorded(deps_, ctx, who, std::move(found));
}

Result<Page<HandoverDecay>> HandoverService::Decay(const Principal& who,
                                                   const HandoverDecayFilter& filter,
                                                   const PageRequest& page) {
  KAMS_CHECK(CheckPage(page));
  return Transact(deps_.db, TxMode::kRead, [&](Tx& tx) -> Result<Page<HandoverDecay>> {
    return tx.handovers().Decay(who, filter, page);
  });
}

}  // namespace kams
