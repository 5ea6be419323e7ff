// The rules of engagement in core/: what counts as a purpose, and the cadence evaluation at
// the edges of its windows (business days, China time).
#include <gtest/gtest.h>

#include "core/engagement/cadence.h"
#include "core/engagement/interaction.h"

namespace kams {
namespace {

TEST(Purpose, OnlyARealReasonIsAPurpose) {
  struct Case {
    const char* text;
    bool real;
  };
  for (const Case& c : {Case{"季度业务回顾", true}, Case{"催收 3 月货款", true},
                        Case{"Quarterly review", true}, Case{"送样", true}, Case{"Q3", true},
                        Case{"无", false}, Case{"无。", false}, Case{"暂无", false},
                        Case{"N/A", false}, Case{"n/a.", false}, Case{"test", false},
                        Case{"-", false}, Case{"……", false}, Case{"   ", false},
                        Case{"？？", false}, Case{"其他", false}, Case{"　无　", false}}) {
    EXPECT_EQ(IsRealPurpose(c.text), c.real) << c.text;
  }
}

Timestamp At(CivilDate d, int hour_china) {
  return (DaysFromCivil(d) * 86400 + (hour_china - 8) * 3600) * kMicrosPerSecond;
}

TEST(Cadence, OverdueStartsTheDayAfterTheDueDay) {
  const CivilDate today{2026, 3, 16};
  CadenceRule rule;
  rule.min_interval_days = 14;
  struct Case {
    CivilDate last;
    int hour;
    bool overdue;
    std::int64_t days;
  };
  for (const Case& c : {Case{{2026, 3, 2}, 9, false, 0},    // due today
                        Case{{2026, 3, 2}, 0, false, 0},    // just after midnight in Beijing
                        Case{{2026, 3, 1}, 23, true, 1},    // 23:00 Beijing is still 1 March
                        Case{{2026, 2, 14}, 12, true, 16}}) {
    CadenceFacts f;
    f.today = today;
    f.last_contact_at = At(c.last, c.hour);
    auto found = EvaluateCadence(7, rule, f);
    ASSERT_EQ(found.size(), c.overdue ? 1u : 0u) << FormatCivilDate(c.last);
    if (c.overdue) {
      EXPECT_EQ(found[0].kind, BreachKind::kOverdue);
      EXPECT_EQ(DaysOverdue(found[0], today), c.days);
      EXPECT_EQ(found[0].since, CivilFromDays(DaysFromCivil(*found[0].due_on) + 1));
    }
  }
  // Never contacted: due counts from when the account came to be.
  CadenceFacts never;
  never.today = today;
  never.baseline = At({2026, 1, 1}, 10);
  auto found = EvaluateCadence(7, rule, never);
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].due_on, (CivilDate{2026, 1, 15}));
}

TEST(Cadence, OverContactedNeedsMoreThanTheMaximumWithinTheWindow) {
  CadenceRule rule;
  rule.max_contacts = 3;
  rule.period_days = 7;
  EXPECT_EQ(CadenceWindowStart({2026, 3, 16}, 7), (CivilDate{2026, 3, 10}));
  EXPECT_EQ(CadenceWindowStart({2026, 3, 1}, 1), (CivilDate{2026, 3, 1}));
  for (std::int64_t n : {0, 3, 4, 8}) {
    CadenceFacts f;
    f.today = {2026, 3, 16};
    f.contacts_in_period = n;
    auto found = EvaluateCadence(1, rule, f);
    EXPECT_EQ(found.size(), n > 3 ? 1u : 0u) << n;
  }
}

TEST(Cadence, RulesNeedABoundAndSaneNumbers) {
  struct Case {
    CadenceRule rule;
    const char* field;  // "" = valid
  };
  auto rule = [](std::optional<std::int64_t> min, std::optional<std::int64_t> max,
                 std::int64_t period) {
    CadenceRule r;
    r.tier = "key";
    r.min_interval_days = min;
    r.max_contacts = max;
    r.period_days = period;
    return r;
  };
  for (const Case& c : {Case{rule(14, 3, 7), ""}, Case{rule(std::nullopt, 3, 7), ""},
                        Case{rule(std::nullopt, std::nullopt, 7), "min_interval_days"},
                        Case{rule(0, 3, 7), "min_interval_days"}, Case{rule(14, 0, 7), "max_contacts"},
                        Case{rule(14, 3, 0), "period_days"}, Case{rule(400, 3, 7), "min_interval_days"}}) {
    Status st = ValidateCadenceRule(c.rule, "", true);
    if (std::string(c.field).empty()) {
      EXPECT_TRUE(st.ok());
    } else {
      ASSERT_FALSE(st.ok()) << c.field;
      EXPECT_EQ(st.error().fields.at(0).field, c.field);
    }
  }
}

}  // namespace
}  // namespace kams
