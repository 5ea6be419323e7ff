#pragma once
// Use cases of visit plans and of the weekly review (core/engagement/visit_plan.h).
//
// Visit plans: whoever may record contacts (`interaction.write`) and sees the customer plans
// visits, for themselves or for another active user who sees the customer and may record
// contacts. The owner, the planner, a director over the owner and administrators change,
// reschedule or cancel a plan; the owner (or an administrator) completes it, which writes
// its contact record in the same transaction. Reads follow the customer's scope.
//
// Weekly review (`review.manage`): directors review the users of their org subtree,
// administrators everyone; only items of customers the reviewer sees. Comments: anyone who
// sees the item and may record contacts or review.

#include <optional>
#include <vector>

#include "core/common/context.h"
#include "core/engagement/engagement_service.h"
#include "core/engagement/visit_plan.h"
#include "core/ports/repositories.h"

namespace kams {

// What a PATCH of a plan changes (absent: unchanged).
struct VisitPlanPatch {
  std::optional<CivilDate> planned_on;
  std::optional<std::optional<std::string>> start_time;
  std::optional<std::string> purpose;
  std::optional<Id> owner_id;
  std::optional<std::vector<Id>> contact_ids;
  std::optional<std::vector<Id>> participant_ids;
};

// What completing a visit adds to its record (absent: taken from the plan or defaulted).
struct VisitCompletion {
  std::optional<Timestamp> occurred_at;
  std::string summary;
  std::string outcome;
  std::string next_step;
  std::optional<CivilDate> next_step_due;
  std::optional<Id> next_step_owner_id;
  std::optional<std::vector<Id>> contact_ids;
  std::optional<std::vector<Id>> participant_ids;
};

struct CompletedVisit {
  VisitPlan plan;
  Interaction record;
};

class VisitPlanService {
 public:
  explicit VisitPlanService(CoreDeps deps) : deps_(deps) {}
  Result<VisitPlan> Create(const Principal& who, const RequestContext& ctx, VisitPlan draft);
  Result<VisitPlan> Get(const Principal& who, const RequestContext& ctx, Id id);
  Result<Page<VisitPlan>> List(const Principal& who, VisitPlanFilter f, const PageRequest& page);
  Result<VisitPlan> Update(const Principal& who, const RequestContext& ctx, Id id,
                           std::int64_t expected_version, const VisitPlanPatch& patch);
  Result<VisitPlan> Cancel(const Principal& who, const RequestContext& ctx, Id id,
                           std::int64_t expected_version, std::string reason);
  Result<CompletedVisit> Complete(const Principal& who, const RequestContext& ctx, Id id,
                                  std::int64_t expected_version, VisitCompletion done);
  // The daily job: tells owners of plans missed since the last run.
  Result<std::string> NotifyMissed();
  // The business day now (China time): an open plan before it is missed.
  CivilDate Today() const { return BusinessDay(deps_.clock.Now()); }

 private:
  CoreDeps deps_;
};

// The review week: its Monday and the instants it spans.
struct ReviewWeek {
  CivilDate monday;
  Timestamp from = 0;
  Timestamp to = 0;
};
ReviewWeek WeekOf(const CivilDate& monday);

class ReviewService {
 public:
  explicit ReviewService(CoreDeps deps) : deps_(deps) {}
  // The queue with each item's record or plan.
  Result<Page<ReviewItem>> Queue(const Principal& who, const RequestContext& ctx,
                                 std::optional<CivilDate> week, ReviewState state,
                                 std::optional<Id> user_id, const PageRequest& page);
  Result<std::vector<ReviewUserWeek>> Summary(const Principal& who, const RequestContext& ctx,
                                              const CivilDate& monday);
  // Marks (or unmarks) all of them or none; how many changed.
  Result<std::int64_t> Mark(const Principal& who, const RequestContext& ctx,
                            const std::vector<ReviewRef>& items, bool reviewed);
  Result<Comment> AddComment(const Principal& who, const RequestContext& ctx, ReviewRef item,
                             std::string body);
  Result<Page<Comment>> Comments(const Principal& who, const RequestContext& ctx, ReviewRef item,
                                 const PageRequest& page);
  CivilDate ThisWeek() const { return WeekMonday(BusinessDay(deps_.clock.Now())); }

 private:
  CoreDeps deps_;
};

}  // namespace kams
