#pragma once
// Visit plans (拜访计划) and the weekly review (周检查) of contact records and plans.
//
// A KAM plans a visit: a customer, a day (China time), optionally a start time, a purpose
// (as real as a contact record's) and the contacts to meet. Completing the visit writes its
// contact record (channel `visit`) and links it; a plan whose day has passed while still
// open is *missed* (derived, not stored: it may still be rescheduled or completed late);
// a plan may be cancelled with a reason.
//
// Supervisors check their team's records every week (002 客户资料卡): a director's review
// queue holds the contact records and the plans (completed plans appear through their
// record) of the users they supervise, by ISO week (Monday to Sunday, China time). An item
// stays in the queue until it is marked reviewed; comments on records and plans are a
// thread under each.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/common/result.h"
#include "core/common/time.h"
#include "core/engagement/interaction.h"
#include "core/org/org_unit.h"

namespace kams {

enum class VisitStatus { kPlanned, kMissed, kCompleted, kCancelled };
std::string_view VisitStatusName(VisitStatus s);
std::optional<VisitStatus> ParseVisitStatus(std::string_view s);

struct VisitPlan {
  Id id = 0;
  Id customer_id = 0;
  Id owner_id = 0;
  std::int64_t version = 1;
  CivilDate planned_on;
  std::optional<std::string> start_time;  // HH:MM
  std::string purpose;
  VisitStatus status = VisitStatus::kPlanned;  // as stored: planned | completed | cancelled
  std::optional<Id> interaction_id;
  std::optional<std::string> cancel_reason;
  std::optional<Timestamp> completed_at;
  std::optional<Timestamp> cancelled_at;
  Id created_by = 0;
  Timestamp created_at = 0;
  Timestamp updated_at = 0;
  std::vector<Id> contact_ids;
  std::vector<Id> participant_ids;
  // Read with the plan, not written:
  std::string customer_name;
  std::string owner_name;
  std::string created_by_name;
  std::vector<NamedRef> contacts;
  std::vector<NamedRef> participants;
};

inline constexpr std::size_t kMaxCancelReason = 500;
// How far ahead a visit may be planned.
inline constexpr std::int64_t kMaxPlanAheadDays = 366;

// "HH:MM" (00:00–23:59) as minutes after midnight.
std::optional<int> ParseStartTime(std::string_view text);

// The instant the visit begins: its day's start (China time) plus the start time.
Timestamp PlanStart(const CivilDate& day, const std::optional<std::string>& start_time);

// What the plan is today: a stored `planned` whose day is before `today` is missed.
VisitStatus EffectiveStatus(const VisitPlan& p, const CivilDate& today);

// Checks the plan's own fields (not its references). A new or moved plan (`day_changed`) may
// not be on a past day nor more than kMaxPlanAheadDays ahead. Every problem at once.
Status ValidateVisitPlan(const VisitPlan& p, const CivilDate& today, bool day_changed);

// ISO weeks: Monday to Sunday.
CivilDate WeekMonday(const CivilDate& d);
std::string FormatIsoWeek(const CivilDate& d);  // "2026-W48" for any day of that week
// "2026-W48" or a day "2026-11-24" → the week's Monday.
std::optional<CivilDate> ParseWeek(std::string_view text);

enum class ReviewKind { kInteraction, kVisitPlan };
std::string_view ReviewKindName(ReviewKind k);
std::optional<ReviewKind> ParseReviewKind(std::string_view s);

struct ReviewRef {
  ReviewKind kind = ReviewKind::kInteraction;
  Id id = 0;
};

// A comment under a contact record or a visit plan.
struct Comment {
  Id id = 0;
  ReviewKind item_kind = ReviewKind::kInteraction;
  Id item_id = 0;
  Id author_id = 0;
  std::string body;
  Timestamp created_at = 0;
  std::string author_name;  // read only
};
inline constexpr std::size_t kMaxCommentBody = 2000;
inline constexpr std::size_t kMaxReviewBatch = 500;

// One entry of the review queue.
struct ReviewItem {
  ReviewKind kind = ReviewKind::kInteraction;
  Id id = 0;
  Timestamp at = 0;  // occurred_at, or the plan's start
  Id user_id = 0;    // recorder or plan owner
  std::string user_name;
  Id customer_id = 0;
  std::string customer_name;
  std::optional<Timestamp> reviewed_at;
  std::optional<Id> reviewed_by;
  std::optional<std::string> reviewed_by_name;
  std::int64_t comment_count = 0;
  std::optional<Interaction> interaction;
  std::optional<VisitPlan> visit_plan;
};

enum class ReviewState { kUnreviewed, kReviewed, kAll };

// One reviewed user's week.
struct ReviewUserWeek {
  Id user_id = 0;
  std::string user_name;
  std::string role;
  std::int64_t records = 0;
  std::int64_t visits_planned = 0;
  std::int64_t visits_completed = 0;
  std::int64_t visits_missed = 0;
  std::int64_t visits_cancelled = 0;
  std::int64_t unreviewed = 0;
  std::int64_t unreviewed_earlier = 0;
};

}  // namespace kams
