// The rules of visit plans and review weeks in core/: ISO weeks (Monday to Sunday, week 1
// holds 4 January), start times, when a plan counts as missed, and what a plan must hold.
#include "core/engagement/visit_plan.h"

#include <gtest/gtest.h>

namespace kams {
namespace {

CivilDate D(const char* text) { return *ParseCivilDate(text); }

TEST(ReviewWeek, IsoWeeksRunMondayToSundayAcrossYearEnds) {
  struct Case {
    const char* day;
    const char* monday;
    const char* week;
  };
  for (const Case& c :
       {Case{"2026-11-23", "2026-11-23", "2026-W48"},  // a Monday
        Case{"2026-11-29", "2026-11-23", "2026-W48"},  // its Sunday
        Case{"2026-11-30", "2026-11-30", "2026-W49"},
        Case{"2027-01-01", "2026-12-28", "2026-W53"},  // 2026 has 53 weeks
        Case{"2027-01-04", "2027-01-04", "2027-W01"},
        Case{"2025-12-29", "2025-12-29", "2026-W01"},  // week 1 of 2026 starts in 2025
        Case{"2024-02-29", "2024-02-26", "2024-W09"},
        Case{"2021-01-03", "2020-12-28", "2020-W53"}}) {
    EXPECT_EQ(FormatCivilDate(WeekMonday(D(c.day))), c.monday) << c.day;
    EXPECT_EQ(FormatIsoWeek(D(c.day)), c.week) << c.day;
    auto parsed = ParseWeek(c.week);
    ASSERT_TRUE(parsed) << c.week;
    EXPECT_EQ(FormatCivilDate(*parsed), c.monday) << c.week;
    EXPECT_EQ(FormatCivilDate(*ParseWeek(c.day)), c.monday) << c.day;
  }
  for (const char* bad : {"2026-W00", "2026-W54", "2025-W53", "2026W48", "2026-X48", "2026-W4",
                          "26-W48", "2026-02-30", "", "week"}) {
    EXPECT_FALSE(ParseWeek(bad)) << bad;
  }
  EXPECT_TRUE(ParseWeek("2026-w48"));
}

TEST(VisitPlan, StartTimesAreHoursAndMinutesOfTheDayInChinaTime) {
  EXPECT_EQ(ParseStartTime("00:00"), 0);
  EXPECT_EQ(ParseStartTime("09:30"), 570);
  EXPECT_EQ(ParseStartTime("23:59"), 1439);
  for (const char* bad : {"24:00", "9:30", "09:60", "0930", "09:3a", " 09:30", ""}) {
    EXPECT_FALSE(ParseStartTime(bad)) << bad;
  }
  // 2026-11-24 09:30 in Beijing is 01:30 UTC.
  EXPECT_EQ(FormatRfc3339(PlanStart(D("2026-11-24"), std::string("09:30"))),
            "2026-11-24T01:30:00Z");
  EXPECT_EQ(FormatRfc3339(PlanStart(D("2026-11-24"), std::nullopt)), "2026-11-23T16:00:00Z");
}

TEST(VisitPlan, APlanStillOpenAfterItsDayIsMissed) {
  struct Case {
    VisitStatus stored;
    const char* planned_on;
    VisitStatus shown;
  };
  const CivilDate today = D("2026-11-24");
  for (const Case& c : {Case{VisitStatus::kPlanned, "2026-11-23", VisitStatus::kMissed},
                        Case{VisitStatus::kPlanned, "2026-11-24", VisitStatus::kPlanned},
                        Case{VisitStatus::kPlanned, "2026-11-25", VisitStatus::kPlanned},
                        Case{VisitStatus::kCompleted, "2026-11-01", VisitStatus::kCompleted},
                        Case{VisitStatus::kCancelled, "2026-11-01", VisitStatus::kCancelled}}) {
    VisitPlan p;
    p.status = c.stored;
    p.planned_on = D(c.planned_on);
    EXPECT_EQ(EffectiveStatus(p, today), c.shown) << c.planned_on;
  }
}

TEST(VisitPlan, APlanNeedsARealPurposeAndAComingDayWhenSetOrMoved) {
  const CivilDate today = D("2026-11-24");
  struct Case {
    const char* purpose;
    const char* day;
    bool day_changed;
    std::optional<std::string> start;
    const char* problem;  // "" when valid
  };
  for (const Case& c : {Case{"季度拜访", "2026-11-24", true, std::nullopt, ""},
                        Case{"季度拜访", "2027-11-24", true, "18:00", ""},  // 365 days ahead
                        Case{"季度拜访", "2027-11-26", true, std::nullopt, "planned_on"},
                        Case{"季度拜访", "2026-11-23", true, std::nullopt, "planned_on"},
                        Case{"季度拜访", "2026-11-23", false, std::nullopt, ""},  // unchanged
                        Case{"无", "2026-11-24", true, std::nullopt, "purpose"},
                        Case{"  ", "2026-11-24", true, std::nullopt, "purpose"},
                        Case{"季度拜访", "2026-11-24", true, "7:00", "start_time"}}) {
    VisitPlan p;
    p.purpose = c.purpose;
    p.planned_on = D(c.day);
    p.start_time = c.start;
    Status st = ValidateVisitPlan(p, today, c.day_changed);
    if (std::string(c.problem).empty()) {
      EXPECT_TRUE(st.ok()) << c.purpose << " " << c.day;
    } else {
      ASSERT_FALSE(st.ok()) << c.purpose << " " << c.day;
      EXPECT_EQ(st.error().fields.at(0).field, c.problem) << c.purpose << " " << c.day;
    }
  }
}

}  // namespace
}  // namespace kams
