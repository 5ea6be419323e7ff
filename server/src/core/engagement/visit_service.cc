#include "core/engagement/visit_service.h"

#include <algorithm>
#include <set>

#include "core/access/permissions.h"
#include "core/audit/audit_log.h"
#include "core/common/validation.h"
#include "core/customers/customer_service.h"
#include "core/notifications/notify.h"

namespace kams {
namespace {

constexpr int kMissedBatch = 500;

std::vector<Id> Unique(const std::vector<Id>& ids) {
  std::vector<Id> out;
  std::set<Id> seen;
  for (Id id : ids) {
    if (seen.insert(id).second) out.push_back(id);
  }
  return out;
}

std::string IdsText(const std::vector<Id>& ids) {
  std::string out;
  for (Id id : ids) out += (out.empty() ? "" : ",") + std::to_string(id);
  return out;
}

std::vector<FieldValue> Fields(const VisitPlan& p) {
  return {{"owner_id", std::to_string(p.owner_id)},
          {"planned_on", FormatCivilDate(p.planned_on)},
          {"start_time", p.start_time},
          {"purpose", p.purpose},
          {"status", std::string(VisitStatusName(p.status))},
          {"interaction_id",
           p.interaction_id ? std::optional(std::to_string(*p.interaction_id)) : std::nullopt},
          {"cancel_reason", p.cancel_reason},
          {"contact_ids", IdsText(p.contact_ids)},
          {"participant_ids", IdsText(p.participant_ids)}};
}

void Notify(Tx& tx, Timestamp now, Id user, const std::string& kind, const std::string& entity,
            Id entity_id, Id customer_id, const Localized& title, const std::string& body) {
  Notification n;
  n.kind = kind;
  n.entity = entity;
  n.entity_id = entity_id;
  n.customer_id = customer_id;
  NotifyUser(tx, now, user, n, title, {body, body});
}

// The plan, if `who` sees its customer.
Result<VisitPlan> VisiblePlan(Tx& tx, const Principal& who, Id id) {
  auto p = tx.visit_plans().Get(id);
  if (!p) return NotFound("visit plan not found");
  if (!tx.customers().Get(who, p->customer_id)) {
    return OutOfScope("visit_plan", id, "visit plan not found");
  }
  return std::move(*p);
}

// Checks that `user_id` may own a visit to the customer: active, may record contacts, sees it.
void CheckOwner(Tx& tx, Id user_id, Id customer_id, Validator& v) {
  auto u = tx.users().Get(user_id);
  if (!u || !u->active) {
    v.Add("owner_id", "unknown_user");
    return;
  }
  if (!Allows(u->role, Permission::kInteractionWrite)) {
    v.Add("owner_id", "cannot_record_contacts");
    return;
  }
  Principal them{u->id, u->username, u->role, u->org_unit_id};
  if (!tx.customers().Get(them, customer_id)) v.Add("owner_id", "cannot_see_the_customer");
}

void CheckRefs(Tx& tx, const VisitPlan& p, Validator& v) {
  for (std::size_t k = 0; k < p.contact_ids.size(); ++k) {
    if (!tx.contacts().Get(p.customer_id, p.contact_ids[k])) {
      v.Add("contact_ids[" + std::to_string(k) + "]", "not_a_contact_of_the_customer");
    }
  }
  for (std::size_t k = 0; k < p.participant_ids.size(); ++k) {
    auto u = tx.users().Get(p.participant_ids[k]);
    if (!u || !u->active) v.Add("participant_ids[" + std::to_string(k) + "]", "unknown_user");
  }
}

// Owner, planner, a director over the owner, or an administrator.
bool MayChange(Tx& tx, const Principal& who, const VisitPlan& p) {
  if (who.role == Role::kAdmin || who.user_id == p.owner_id || who.user_id == p.created_by) {
    return true;
  }
  if (who.role != Role::kDirector) return false;
  auto owner = tx.users().Get(p.owner_id);
  return owner && tx.org().InSubtree(who.org_unit_id, owner->org_unit_id);
}

enum class Acting { kChange, kCancel, kComplete };

// The plan `who` is about to act on: visible (404), theirs to act on (403: owner, planner,
// a director over the owner or an administrator; completing, the owner or an
// administrator), still open (409), at the version the client read (412).
Result<VisitPlan> PlanToChange(Tx& tx, const Principal& who, Id id, std::int64_t expected_version,
                               Acting acting) {
  KAMS_TRY(VisitPlan plan, VisiblePlan(tx, who, id));
  const bool allowed = acting == Acting::kComplete
                           ? who.role == Role::kAdmin || who.user_id == plan.owner_id
                           : MayChange(tx, who, plan);
  if (!allowed) {
    return DenyError(acting == Acting::kComplete ? "complete another user's visit"
                     : acting == Acting::kCancel ? "cancel another user's visit plan"
                                                 : "change another user's visit plan",
                     "visit_plan", id);
  }
  if (plan.status == VisitStatus::kCompleted) return Conflict("the visit plan is completed");
  if (plan.status == VisitStatus::kCancelled) return Conflict("the visit plan is cancelled");
  if (plan.version != expected_version) {
    return PreconditionFailed("the visit plan changed since version " +
                              std::to_string(expected_version));
  }
  return plan;
}

}  // namespace

// ---- visit plans ----

Result<VisitPlan> VisitPlanService::Create(const Principal& who, const RequestContext& ctx,
                                           VisitPlan d) {
  return Recorded(deps_, ctx, who, [&]() -> Result<VisitPlan> {
    if (!Allows(who.role, Permission::kInteractionWrite)) {
      return DenyError("plan visits", "customer", d.customer_id);
    }
    const Timestamp now = deps_.clock.Now();
    d.purpose = TrimSpace(d.purpose);
    d.contact_ids = Unique(d.contact_ids);
    d.participant_ids = Unique(d.participant_ids);
    if (d.owner_id == 0) d.owner_id = who.user_id;
    d.status = VisitStatus::kPlanned;
    KAMS_CHECK(ValidateVisitPlan(d, BusinessDay(now), true));
    return Transact(deps_.db, TxMode::kWrite, [&](Tx& tx) -> Result<VisitPlan> {
      KAMS_TRY(Customer c, VisibleCustomer(tx, who, d.customer_id));
      Validator v;
      if (d.owner_id != who.user_id) CheckOwner(tx, d.owner_id, c.id, v);
      CheckRefs(tx, d, v);
      KAMS_CHECK(v.ToStatus());
      d.version = 1;
      d.created_by = who.user_id;
      d.created_at = d.updated_at = now;
      d.id = tx.visit_plans().Insert(d);
      AppendAudit(
          tx, deps_, ctx, &who, "",
          AuditEvent{"visit_plan.create", "visit_plan", d.id, c.id, DiffFields({}, Fields(d))});
      auto saved = tx.visit_plans().Get(d.id);
      if (!saved) return MakeError(ErrorCode::kInternal, "the visit plan vanished");
      if (d.owner_id != who.user_id) {
        Notify(tx, now, d.owner_id, "visit_plan.assigned", "visit_plan", d.id, c.id,
               {"拜访计划 · " + c.name + " · " + FormatCivilDate(d.planned_on) + "：" + d.purpose,
                "Visit planned for you: " + c.name + " on " + FormatCivilDate(d.planned_on) + ": " +
                    d.purpose},
               saved->created_by_name);
      }
      return std::move(*saved);
    });
  }());
}

Result<VisitPlan> VisitPlanService::Get(const Principal& who, const RequestContext& ctx, Id id) {
  return Recorded(deps_, ctx, who, Transact(deps_.db, TxMode::kRead, [&](Tx& tx) {
                    return VisiblePlan(tx, who, id);
                  }));
}

Result<Page<VisitPlan>> VisitPlanService::List(const Principal& who, VisitPlanFilter f,
                                               const PageRequest& page) {
  f.today = BusinessDay(deps_.clock.Now());
  if (f.from && f.to && *f.to < *f.from) return ValidationFailed({{"to", "before_from"}});
  return Transact(deps_.db, TxMode::kRead, [&](Tx& tx) -> Result<Page<VisitPlan>> {
    return tx.visit_plans().List(who, f, page);
  });
}

Result<VisitPlan> VisitPlanService::Update(const Principal& who, const RequestContext& ctx, Id id,
                                           std::int64_t expected_version,
                                           const VisitPlanPatch& patch) {
  return Recorded(deps_, ctx, who, [&]() -> Result<VisitPlan> {
    if (!Allows(who.role, Permission::kInteractionWrite)) {
      return DenyError("change visit plans", "visit_plan", id);
    }
    return Transact(deps_.db, TxMode::kWrite, [&](Tx& tx) -> Result<VisitPlan> {
      KAMS_TRY(VisitPlan before, PlanToChange(tx, who, id, expected_version, Acting::kChange));
      const Timestamp now = deps_.clock.Now();
      VisitPlan next = before;
      if (patch.planned_on) next.planned_on = *patch.planned_on;
      if (patch.start_time) next.start_time = *patch.start_time;
      if (patch.purpose) next.purpose = TrimSpace(*patch.purpose);
      if (patch.owner_id) next.owner_id = *patch.owner_id;
      if (patch.contact_ids) next.contact_ids = Unique(*patch.contact_ids);
      if (patch.participant_ids) next.participant_ids = Unique(*patch.participant_ids);
      KAMS_CHECK(ValidateVisitPlan(next, BusinessDay(now), next.planned_on != before.planned_on));
      Validator v;
      if (next.owner_id != before.owner_id) CheckOwner(tx, next.owner_id, next.customer_id, v);
      if (patch.contact_ids || patch.participant_ids) CheckRefs(tx, next, v);
      KAMS_CHECK(v.ToStatus());
      auto changes = DiffFields(Fields(before), Fields(next));
      if (changes.empty()) return before;
      next.version = before.version + 1;
      next.updated_at = now;
      tx.visit_plans().Update(next);
      AppendAudit(
          tx, deps_, ctx, &who, "",
          AuditEvent{"visit_plan.update", "visit_plan", id, next.customer_id, std::move(changes)});
      if (next.owner_id != before.owner_id && next.owner_id != who.user_id) {
        Notify(tx, now, next.owner_id, "visit_plan.assigned", "visit_plan", id, next.customer_id,
               {"拜访计划 · " + next.customer_name + " · " + FormatCivilDate(next.planned_on) +
                    "：" + next.purpose,
                "Visit planned for you: " + next.customer_name + " on " +
                    FormatCivilDate(next.planned_on) + ": " + next.purpose},
               "");
      }
      auto saved = tx.visit_plans().Get(id);
      if (!saved) return MakeError(ErrorCode::kInternal, "the visit plan vanished");
      return std::move(*saved);
    });
  }());
}

Result<VisitPlan> VisitPlanService::Cancel(const Principal& who, const RequestContext& ctx, Id id,
                                           std::int64_t expected_version, std::string reason) {
  return Recorded(deps_, ctx, who, [&]() -> Result<VisitPlan> {
    if (!Allows(who.role, Permission::kInteractionWrite)) {
      return DenyError("cancel visit plans", "visit_plan", id);
    }
    reason = TrimSpace(reason);
    Validator v;
    v.Required("reason", reason);
    v.MaxLength("reason", reason, kMaxCancelReason);
    KAMS_CHECK(v.ToStatus());
    return Transact(deps_.db, TxMode::kWrite, [&](Tx& tx) -> Result<VisitPlan> {
      KAMS_TRY(VisitPlan before, PlanToChange(tx, who, id, expected_version, Acting::kCancel));
      const Timestamp now = deps_.clock.Now();
      VisitPlan next = before;
      next.status = VisitStatus::kCancelled;
      next.cancel_reason = reason;
      next.cancelled_at = now;
      next.version = before.version + 1;
      next.updated_at = now;
      tx.visit_plans().Update(next);
      AppendAudit(tx, deps_, ctx, &who, "",
                  AuditEvent{"visit_plan.cancel", "visit_plan", id, next.customer_id,
                             DiffFields(Fields(before), Fields(next))});
      if (before.owner_id != who.user_id) {
        Notify(tx, now, before.owner_id, "visit_plan.cancelled", "visit_plan", id,
               before.customer_id,
               {"拜访计划已取消 · " + before.customer_name + " · " +
                    FormatCivilDate(before.planned_on) + "：" + reason,
                "Visit cancelled: " + before.customer_name + " on " +
                    FormatCivilDate(before.planned_on) + ": " + reason},
               "");
      }
      auto saved = tx.visit_plans().Get(id);
      if (!saved) return MakeError(ErrorCode::kInternal, "the visit plan vanished");
      return std::move(*saved);
    });
  }());
}

Result<CompletedVisit> VisitPlanService::Complete(const Principal& who, const RequestContext& ctx,
                                                  Id id, std::int64_t expected_version,
                                                  VisitCompletion done) {
  return Recorded(deps_, ctx, who, [&]() -> Result<CompletedVisit> {
    if (!Allows(who.role, Permission::kInteractionWrite)) {
      return DenyError("complete visits", "visit_plan", id);
    }
    return Transact(deps_.db, TxMode::kWrite, [&](Tx& tx) -> Result<CompletedVisit> {
      KAMS_TRY(VisitPlan before, PlanToChange(tx, who, id, expected_version, Acting::kComplete));
      const Timestamp now = deps_.clock.Now();
      Interaction d;
      d.customer_id = before.customer_id;
      d.channel = "visit";
      d.purpose = before.purpose;
      d.summary = done.summary;
      d.outcome = done.outcome;
      d.next_step = done.next_step;
      d.next_step_due = done.next_step_due;
      d.next_step_owner_id = done.next_step_owner_id;
      // The visit happened at its planned time, unless that is still to come.
      d.occurred_at =
          done.occurred_at.value_or(std::min(now, PlanStart(before.planned_on, before.start_time)));
      d.contact_ids = done.contact_ids.value_or(before.contact_ids);
      d.participant_ids = done.participant_ids.value_or(before.participant_ids);
      KAMS_TRY(Interaction record, RecordContact(tx, deps_, ctx, who, std::move(d), now));
      VisitPlan next = before;
      next.status = VisitStatus::kCompleted;
      next.interaction_id = record.id;
      next.completed_at = now;
      next.version = before.version + 1;
      next.updated_at = now;
      tx.visit_plans().Update(next);
      AppendAudit(tx, deps_, ctx, &who, "",
                  AuditEvent{"visit_plan.complete", "visit_plan", id, next.customer_id,
                             DiffFields(Fields(before), Fields(next))});
      auto saved = tx.visit_plans().Get(id);
      auto with_link = tx.interactions().Get(record.id);
      if (!saved || !with_link) return MakeError(ErrorCode::kInternal, "the visit vanished");
      return CompletedVisit{std::move(*saved), std::move(*with_link)};
    });
  }());
}

Result<std::string> VisitPlanService::NotifyMissed() {
  const Timestamp now = deps_.clock.Now();
  const CivilDate today = BusinessDay(now);
  std::int64_t sent = 0;
  for (;;) {
    std::size_t got = 0;
    KAMS_CHECK(Transact(deps_.db, TxMode::kWrite, [&](Tx& tx) -> Status {
      const auto missed = tx.visit_plans().MissedUnreported(today, kMissedBatch);
      got = missed.size();
      for (const auto& p : missed) {
        Notify(tx, now, p.owner_id, "visit_plan.missed", "visit_plan", p.id, p.customer_id,
               {"拜访未完成 · " + p.customer_name + " · " + FormatCivilDate(p.planned_on) + "：" +
                    p.purpose,
                "Visit missed: " + p.customer_name + " on " + FormatCivilDate(p.planned_on) + ": " +
                    p.purpose},
               "");
        tx.visit_plans().SetMissedNotified(p.id, now);
        ++sent;
      }
      return Ok();
    }));
    if (got < static_cast<std::size_t>(kMissedBatch)) break;
  }
  return "told owners of " + std::to_string(sent) + " missed visits";
}

// ---- weekly review ----

ReviewWeek WeekOf(const CivilDate& monday) {
  ReviewWeek w;
  w.monday = monday;
  w.from = PlanStart(monday, std::nullopt);
  w.to = PlanStart(CivilFromDays(DaysFromCivil(monday) + 7), std::nullopt);
  return w;
}

Result<Page<ReviewItem>> ReviewService::Queue(const Principal& who, const RequestContext& ctx,
                                              std::optional<CivilDate> week, ReviewState state,
                                              std::optional<Id> user_id, const PageRequest& page) {
  if (!Allows(who.role, Permission::kReviewManage)) {
    return Recorded(
        deps_, ctx, who,
        Result<Page<ReviewItem>>(DenyError("review the team's records", "review", std::nullopt)));
  }
  const ReviewWeek w = WeekOf(week.value_or(ThisWeek()));
  ReviewQuery q;
  q.to = w.to;
  if (state != ReviewState::kUnreviewed) q.from = w.from;
  q.state = state;
  q.user_id = user_id;
  return Transact(deps_.db, TxMode::kRead, [&](Tx& tx) -> Result<Page<ReviewItem>> {
    auto list = tx.reviews().Queue(who, q, page);
    std::vector<Id> records, plans;
    for (const auto& item : list.items) {
      (item.kind == ReviewKind::kInteraction ? records : plans).push_back(item.id);
    }
    auto interactions = tx.interactions().GetMany(records);
    auto visit_plans = tx.visit_plans().GetMany(plans);
    for (auto& item : list.items) {
      if (item.kind == ReviewKind::kInteraction) {
        for (auto& i : interactions) {
          if (i.id == item.id) item.interaction = i;
        }
      } else {
        for (auto& p : visit_plans) {
          if (p.id == item.id) item.visit_plan = p;
        }
      }
    }
    return list;
  });
}

Result<std::vector<ReviewUserWeek>> ReviewService::Summary(const Principal& who,
                                                           const RequestContext& ctx,
                                                           const CivilDate& monday) {
  if (!Allows(who.role, Permission::kReviewManage)) {
    return Recorded(deps_, ctx, who,
                    Result<std::vector<ReviewUserWeek>>(
                        DenyError("review the team's records", "review", std::nullopt)));
  }
  const ReviewWeek w = WeekOf(monday);
  const CivilDate today = BusinessDay(deps_.clock.Now());
  return Transact(deps_.db, TxMode::kRead, [&](Tx& tx) -> Result<std::vector<ReviewUserWeek>> {
    return tx.reviews().Summary(who, w.from, w.to, today);
  });
}

Result<std::int64_t> ReviewService::Mark(const Principal& who, const RequestContext& ctx,
                                         const std::vector<ReviewRef>& items, bool reviewed) {
  return Recorded(deps_, ctx, who, [&]() -> Result<std::int64_t> {
    if (!Allows(who.role, Permission::kReviewManage)) {
      return DenyError("review the team's records", "review", std::nullopt);
    }
    Validator v;
    v.Check(!items.empty(), "items", "required");
    v.Check(items.size() <= kMaxReviewBatch, "items", "too_many");
    KAMS_CHECK(v.ToStatus());
    return Transact(deps_.db, TxMode::kWrite, [&](Tx& tx) -> Result<std::int64_t> {
      const Timestamp now = deps_.clock.Now();
      std::int64_t changed = 0;
      std::string marked;
      for (std::size_t k = 0; k < items.size(); ++k) {
        if (!tx.reviews().Reviewable(who, items[k])) {
          Error e = NotFound("items[" + std::to_string(k) + "] is not in your review");
          e.fields.push_back({"items[" + std::to_string(k) + "]", "not_found"});
          return e;
        }
        const bool did = reviewed ? tx.reviews().Mark(items[k], who.user_id, now)
                                  : tx.reviews().Unmark(items[k]);
        if (did) {
          ++changed;
          marked += (marked.empty() ? "" : ",") + std::string(ReviewKindName(items[k].kind)) + ":" +
                    std::to_string(items[k].id);
        }
      }
      if (changed > 0) {
        AppendAudit(tx, deps_, ctx, &who, "",
                    AuditEvent{reviewed ? "review.mark" : "review.unmark",
                               "review",
                               std::nullopt,
                               std::nullopt,
                               {{"items", std::nullopt, marked}}});
      }
      return changed;
    });
  }());
}

namespace {

// The item's customer and the user whose work it is, if `who` sees it.
struct CommentTarget {
  Id customer_id = 0;
  Id user_id = 0;
  std::string customer_name;
  std::string what;
};

Result<CommentTarget> VisibleItem(Tx& tx, const Principal& who, const ReviewRef& ref) {
  if (ref.kind == ReviewKind::kInteraction) {
    auto i = tx.interactions().Get(ref.id);
    if (!i) return NotFound("contact record not found");
    if (!tx.customers().Get(who, i->customer_id)) {
      return OutOfScope("interaction", ref.id, "contact record not found");
    }
    return CommentTarget{i->customer_id, i->recorded_by, i->customer_name, i->purpose};
  }
  auto p = tx.visit_plans().Get(ref.id);
  if (!p) return NotFound("visit plan not found");
  if (!tx.customers().Get(who, p->customer_id)) {
    return OutOfScope("visit_plan", ref.id, "visit plan not found");
  }
  return CommentTarget{p->customer_id, p->owner_id, p->customer_name, p->purpose};
}

}  // namespace

Result<Comment> ReviewService::AddComment(const Principal& who, const RequestContext& ctx,
                                          ReviewRef item, std::string body) {
  const std::string entity(ReviewKindName(item.kind));
  return Recorded(deps_, ctx, who, [&]() -> Result<Comment> {
    if (!Allows(who.role, Permission::kInteractionWrite) &&
        !Allows(who.role, Permission::kReviewManage)) {
      return DenyError("comment on records", entity, item.id);
    }
    body = TrimSpace(body);
    Validator v;
    v.Required("body", body);
    v.MaxLength("body", body, kMaxCommentBody);
    KAMS_CHECK(v.ToStatus());
    return Transact(deps_.db, TxMode::kWrite, [&](Tx& tx) -> Result<Comment> {
      KAMS_TRY(CommentTarget target, VisibleItem(tx, who, item));
      const Timestamp now = deps_.clock.Now();
      // Who hears of it: the item's user of others' comments; the others of the user's reply.
      std::vector<Id> tell;
      if (who.user_id != target.user_id) {
        tell.push_back(target.user_id);
      } else {
        for (Id id : tx.reviews().Commenters(item)) {
          if (id != who.user_id) tell.push_back(id);
        }
      }
      Comment c{0, item.kind, item.id, who.user_id, body, now, ""};
      c.id = tx.reviews().InsertComment(c);
      AppendAudit(tx, deps_, ctx, &who, "",
                  AuditEvent{"comment.create",
                             entity,
                             item.id,
                             target.customer_id,
                             {{"comment", std::nullopt, body}}});
      auto author = tx.users().Get(who.user_id);
      c.author_name = author ? author->display_name : who.username;
      for (Id user : tell) {
        Notify(tx, now, user, "comment", entity, item.id, target.customer_id,
               {"新评论 · " + target.customer_name + "：" + target.what,
                "New comment: " + target.customer_name + ": " + target.what},
               c.author_name + ": " + body);
      }
      return c;
    });
  }());
}

Result<Page<Comment>> ReviewService::Comments(const Principal& who, const RequestContext& ctx,
                                              ReviewRef item, const PageRequest& page) {
  return Recorded(deps_, ctx, who,
                  Transact(deps_.db, TxMode::kRead, [&](Tx& tx) -> Result<Page<Comment>> {
                    KAMS_TRY(CommentTarget target, VisibleItem(tx, who, item));
                    (void)target;
                    return tx.reviews().Comments(item, page);
                  }));
}

}  // namespace kams
