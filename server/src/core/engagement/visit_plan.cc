#include "core/engagement/visit_plan.h"

#include <cstdio>

#include "core/common/validation.h"

namespace kams {

std::string_view VisitStatusName(VisitStatus s) {
  switch (s) {
    case VisitStatus::kPlanned:
      return "planned";
    case VisitStatus::kMissed:
      return "missed";
    case VisitStatus::kCompleted:
      return "completed";
    case VisitStatus::kCancelled:
      return "cancelled";
  }
  return "planned";
}

std::optional<VisitStatus> ParseVisitStatus(std::string_view s) {
  for (auto v : {VisitStatus::kPlanned, VisitStatus::kMissed, VisitStatus::kCompleted,
                 VisitStatus::kCancelled}) {
    if (VisitStatusName(v) == s) return v;
  }
  return std::nullopt;
}

std::optional<int> ParseStartTime(std::string_view t) {
  auto digit = [&](std::size_t i) { return t[i] >= '0' && t[i] <= '9'; };
  if (t.size() != 5 || t[2] != ':' || !digit(0) || !digit(1) || !digit(3) || !digit(4)) {
    return std::nullopt;
  }
  const int h = (t[0] - '0') * 10 + (t[1] - '0');
  const int m = (t[3] - '0') * 10 + (t[4] - '0');
  if (h > 23 || m > 59) return std::nullopt;
  return h * 60 + m;
}

Timestamp PlanStart(const CivilDate& day, const std::optional<std::string>& start_time) {
  const std::int64_t minutes = start_time ? ParseStartTime(*start_time).value_or(0) : 0;
  return (DaysFromCivil(day) * 86400 - kBusinessUtcOffsetSeconds + minutes * 60) * kMicrosPerSecond;
}

VisitStatus EffectiveStatus(const VisitPlan& p, const CivilDate& today) {
  if (p.status == VisitStatus::kPlanned && p.planned_on < today) return VisitStatus::kMissed;
  return p.status;
}

Status ValidateVisitPlan(const VisitPlan& p, const CivilDate& today, bool day_changed) {
  Validator v;
  const std::string purpose = TrimSpace(p.purpose);
  v.Required("purpose", purpose);
  v.MaxLength("purpose", purpose, kMaxPurpose);
  if (!purpose.empty()) v.Check(IsRealPurpose(purpose), "purpose", "not_a_purpose");
  if (p.start_time)
    v.Check(ParseStartTime(*p.start_time).has_value(), "start_time", "must_be_hh_mm");
  if (day_changed) {
    v.Check(p.planned_on >= today, "planned_on", "in_the_past");
    v.Check(DaysFromCivil(p.planned_on) - DaysFromCivil(today) <= kMaxPlanAheadDays, "planned_on",
            "too_far_ahead");
  }
  v.Check(p.contact_ids.size() <= kMaxInteractionContacts, "contact_ids", "too_many");
  v.Check(p.participant_ids.size() <= kMaxParticipants, "participant_ids", "too_many");
  if (p.cancel_reason) v.MaxLength("reason", *p.cancel_reason, kMaxCancelReason);
  return v.ToStatus();
}

CivilDate WeekMonday(const CivilDate& d) {
  const std::int64_t days = DaysFromCivil(d);
  // 1970-01-01 was a Thursday: (days + 3) mod 7 is 0 on Mondays.
  const std::int64_t since_monday = ((days + 3) % 7 + 7) % 7;
  return CivilFromDays(days - since_monday);
}

std::string FormatIsoWeek(const CivilDate& d) {
  // The ISO year is the year of the week's Thursday.
  const CivilDate thursday = CivilFromDays(DaysFromCivil(WeekMonday(d)) + 3);
  const CivilDate jan1{thursday.year, 1, 1};
  const std::int64_t week = (DaysFromCivil(thursday) - DaysFromCivil(jan1)) / 7 + 1;
  char out[16];
  std::snprintf(out, sizeof out, "%04d-W%02d", thursday.year, static_cast<int>(week));
  return out;
}

std::optional<CivilDate> ParseWeek(std::string_view text) {
  if (auto d = ParseCivilDate(text)) return WeekMonday(*d);
  if (text.size() != 8 || text[4] != '-' || (text[5] != 'W' && text[5] != 'w')) return std::nullopt;
  int year = 0, week = 0;
  for (std::size_t i : {0u, 1u, 2u, 3u}) {
    if (text[i] < '0' || text[i] > '9') return std::nullopt;
    year = year * 10 + (text[i] - '0');
  }
  for (std::size_t i : {6u, 7u}) {
    if (text[i] < '0' || text[i] > '9') return std::nullopt;
    week = week * 10 + (text[i] - '0');
  }
  if (year < 1971 || year > 9998 || week < 1) return std::nullopt;
  // Week 1 holds 4 January.
  const CivilDate first = WeekMonday(CivilDate{year, 1, 4});
  const CivilDate monday = CivilFromDays(DaysFromCivil(first) + 7 * (week - 1));
  if (FormatIsoWeek(monday) != std::string(text.substr(0, 5)) + "W" + std::string(text.substr(6))) {
    return std::nullopt;  // week 53 of a year that has 52
  }
  return monday;
}

std::string_view ReviewKindName(ReviewKind k) {
  return k == ReviewKind::kInteraction ? "interaction" : "visit_plan";
}

std::optional<ReviewKind> ParseReviewKind(std::string_view s) {
  if (s == "interaction") return ReviewKind::kInteraction;
  if (s == "visit_plan") return ReviewKind::kVisitPlan;
  return std::nullopt;
}

}  // namespace kams
