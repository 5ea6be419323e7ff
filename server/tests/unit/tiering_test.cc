// Tier schemes: ABC (Pareto), stars (months in a row) and rules, over monthly roll-ups.
#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <random>

#include "core/tiering/evaluate.h"

namespace kams {
namespace {

constexpr std::int64_t kYuan = 100;

CivilDate Date(int y, int m, int d) { return CivilDate{y, m, d}; }
MonthIndex Month(int y, int m) { return y * 12 + m - 1; }

// customer ref → {month → revenue fen}
using Data = std::map<std::string, std::map<MonthIndex, std::int64_t>>;

MonthlyRollups Rollups(const Data& data) {
  MonthlyRollups r;
  Id id = 1;
  for (const auto& [ref, months] : data) {
    r.AddCustomer(id++, ref);
    for (const auto& [m, fen] : months) r.AddMonth(m, fen, fen > 0 ? 1 : 0, fen / 4);
  }
  return r;
}

// ref → tier name ("" for none)
std::map<std::string, std::string> Tiers(const TierScheme& s, const Data& data,
                                         const CivilDate& as_of) {
  const MonthlyRollups r = Rollups(data);
  const Evaluation e = Evaluate(s, r, as_of);
  std::map<std::string, std::string> out;
  for (std::size_t i = 0; i < r.size(); ++i) {
    out[r.external_refs[i]] = e.tier[i] < 0 ? "" : e.tier_names[static_cast<std::size_t>(e.tier[i])];
  }
  return out;
}

TierScheme Abc(std::vector<int> cuts = {80, 95}, int window = 12) {
  TierScheme s;
  s.name = "ABC";
  s.kind = SchemeKind::kAbc;
  s.window_months = window;
  s.cuts_percent = std::move(cuts);
  s.tiers.clear();
  for (std::size_t k = 0; k <= s.cuts_percent.size(); ++k) s.tiers.push_back(std::string(1, 'A' + k));
  return s;
}

TEST(Tiering, LastWholeMonthEndsAtTheEvaluationDate) {
  struct Case {
    CivilDate as_of;
    MonthIndex last;
  };
  const Case cases[] = {
      {Date(2026, 10, 31), Month(2026, 10)},  // the month's last day: that month counts
      {Date(2026, 11, 1), Month(2026, 10)},
      {Date(2026, 11, 23), Month(2026, 10)},
      {Date(2026, 1, 15), Month(2025, 12)},   // year end
      {Date(2025, 12, 31), Month(2025, 12)},
      {Date(2024, 2, 29), Month(2024, 2)},    // leap day is February's last
      {Date(2024, 2, 28), Month(2024, 1)},
      {Date(2023, 2, 28), Month(2023, 2)},
  };
  for (const auto& c : cases) EXPECT_EQ(LastWholeMonth(c.as_of), c.last) << FormatCivilDate(c.as_of);
}

TEST(Tiering, AbcCutsByShareAndTheCrossingCustomerStaysUpper) {
  const auto m = Month(2026, 9);
  struct Case {
    const char* what;
    Data data;
    std::map<std::string, std::string> expect;
  };
  const std::vector<Case> cases = {
      {"the 80% line falls inside the second customer: it is still A",
       {{"1", {{m, 50 * kYuan}}}, {"2", {{m, 40 * kYuan}}}, {"3", {{m, 6 * kYuan}}},
        {"4", {{m, 4 * kYuan}}}},
       {{"1", "A"}, {"2", "A"}, {"3", "B"}, {"4", "C"}}},
      {"exactly on the line: the next customer starts B",
       {{"1", {{m, 80 * kYuan}}}, {"2", {{m, 15 * kYuan}}}, {"3", {{m, 5 * kYuan}}}},
       {{"1", "A"}, {"2", "B"}, {"3", "C"}}},
      {"no revenue in the window: no tier; a customer alone is A",
       {{"1", {{m, 10 * kYuan}}}, {"2", {}}, {"3", {{Month(2024, 1), 99 * kYuan}}},
        {"4", {{m, 0}}}},
       {{"1", "A"}, {"2", ""}, {"3", ""}, {"4", ""}}},
      {"ties rank by external reference, numerically (9 before 10)",
       {{"10", {{m, 30 * kYuan}}}, {"9", {{m, 30 * kYuan}}}, {"11", {{m, 30 * kYuan}}},
        {"12", {{m, 10 * kYuan}}}},
       {{"9", "A"}, {"10", "A"}, {"11", "A"}, {"12", "B"}}},
      {"refunds lower a customer's sum; a negative sum takes no part",
       {{"1", {{m, 100 * kYuan}, {m - 1, -20 * kYuan}}}, {"2", {{m, -5 * kYuan}}},
        {"3", {{m, 20 * kYuan}}}},
       {{"1", "A"}, {"2", ""}, {"3", "B"}}},
  };
  for (const auto& c : cases) {
    EXPECT_EQ(Tiers(Abc(), c.data, Date(2026, 10, 15)), c.expect) << c.what;
  }
}

TEST(Tiering, AbcTiesAtALineGoByNumericReference) {
  // 30/30/30/10 with a 50% line: the third of the tied customers falls below it. Byte
  // order would put "9" last; numeric order puts "11" there.
  const auto m = Month(2026, 9);
  const Data data = {{"10", {{m, 30 * kYuan}}}, {"9", {{m, 30 * kYuan}}},
                     {"11", {{m, 30 * kYuan}}}, {"12", {{m, 10 * kYuan}}}};
  EXPECT_EQ(Tiers(Abc({50, 95}), data, Date(2026, 9, 30)),
            (std::map<std::string, std::string>{{"9", "A"}, {"10", "A"}, {"11", "B"}, {"12", "B"}}));
}

// The fast path (radix sort, tie runs) against a plain reference on random data with
// many ties and amounts across all magnitudes.
TEST(Tiering, AbcMatchesAReferenceRankingOnRandomData) {
  std::mt19937_64 rng(7);
  for (int round = 0; round < 20; ++round) {
    MonthlyRollups r;
    const int n = 1 + static_cast<int>(rng() % 3000);
    for (int i = 0; i < n; ++i) {
      r.AddCustomer(i + 1, std::to_string(rng() % 500));
      const int shift = static_cast<int>(rng() % 40);
      const auto fen = static_cast<std::int64_t>(rng() % 7) << shift;
      r.AddMonth(Month(2026, 9), fen - (rng() % 5 == 0 ? 3 : 0), 1, 0);
    }
    const TierScheme s = Abc({60, 85, 97});
    const Evaluation e = Evaluate(s, r, Date(2026, 9, 30));
    std::vector<std::size_t> ref;
    std::int64_t total = 0;
    for (std::size_t i = 0; i < r.size(); ++i) {
      if (r.revenue_fen[i] > 0) {
        ref.push_back(i);
        total += r.revenue_fen[i];
      }
    }
    std::sort(ref.begin(), ref.end(), [&](std::size_t a, std::size_t b) {
      if (r.revenue_fen[a] != r.revenue_fen[b]) return r.revenue_fen[a] > r.revenue_fen[b];
      if (r.external_refs[a] != r.external_refs[b]) return ExternalRefLess(r.external_refs[a], r.external_refs[b]);
      return a < b;
    });
    __int128 before = 0;
    for (std::size_t k = 0; k < ref.size(); ++k) {
      int tier = 0;
      while (tier < 3 && before * 100 >= static_cast<__int128>(s.cuts_percent[static_cast<std::size_t>(tier)]) * total) ++tier;
      ASSERT_EQ(e.tier[ref[k]], tier) << "round " << round << " rank " << k;
      ASSERT_EQ(e.rank[ref[k]], k + 1);
      before += r.revenue_fen[ref[k]];
    }
  }
}

TEST(Tiering, AbcWindowIsWholeMonthsAcrossAYearEnd) {
  // as of 2026-01-10 a 3-month window is 2025-10 .. 2025-12.
  const Data data = {{"in", {{Month(2025, 10), 10 * kYuan}}},
                     {"late", {{Month(2026, 1), 1000 * kYuan}}},
                     {"early", {{Month(2025, 9), 1000 * kYuan}}}};
  EXPECT_EQ(Tiers(Abc({80, 95}, 3), data, Date(2026, 1, 10)),
            (std::map<std::string, std::string>{{"in", "A"}, {"late", ""}, {"early", ""}}));
}

TEST(Tiering, StarsNeedTheAmountInEveryMonthOfTheWindow) {
  TierScheme s;
  s.name = "Star level";
  s.kind = SchemeKind::kStars;
  s.months = 3;
  s.levels = {{"3star", 300 * kYuan}, {"4star", 500 * kYuan}, {"5star", 800 * kYuan}};
  const auto m = Month(2026, 10);
  const Data data = {
      {"five", {{m - 2, 900 * kYuan}, {m - 1, 800 * kYuan}, {m, 1000 * kYuan}}},
      {"four", {{m - 2, 900 * kYuan}, {m - 1, 500 * kYuan}, {m, 1000 * kYuan}}},
      {"gap", {{m - 2, 900 * kYuan}, {m, 900 * kYuan}}},  // a month without spend is 0
      {"old", {{m - 5, 900 * kYuan}, {m - 4, 900 * kYuan}, {m - 3, 900 * kYuan}}},
      {"just", {{m - 2, 300 * kYuan}, {m - 1, 300 * kYuan}, {m, 300 * kYuan}}},
      {"short", {{m - 2, 299 * kYuan}, {m - 1, 900 * kYuan}, {m, 900 * kYuan}}},
      {"future", {{m - 2, 900 * kYuan}, {m - 1, 900 * kYuan}, {m, 900 * kYuan}, {m + 1, 0}}},
  };
  EXPECT_EQ(Tiers(s, data, Date(2026, 10, 31)),
            (std::map<std::string, std::string>{{"five", "5star"}, {"four", "4star"},
                                                {"gap", ""}, {"old", ""}, {"just", "3star"},
                                                {"short", ""}, {"future", "5star"}}));
}

TEST(Tiering, RulesFirstMatchingTierWinsAllAndAny) {
  TierScheme s;
  s.name = "Key-account grade";
  s.kind = SchemeKind::kRules;
  s.rule_tiers = {
      {"strategic", true, {{Metric::kRevenue, 12, CompareOp::kGe, 5000 * kYuan}}},
      {"key", false,
       {{Metric::kRevenue, 12, CompareOp::kGe, 1000 * kYuan},
        {Metric::kOrders, 12, CompareOp::kGe, 3}}},
  };
  const auto m = Month(2026, 9);
  const Data data = {
      {"big", {{m, 6000 * kYuan}}},
      {"mid", {{m, 1500 * kYuan}}},
      {"busy", {{m, 10 * kYuan}, {m - 1, 10 * kYuan}, {m - 2, 10 * kYuan}}},  // 3 orders
      {"small", {{m, 10 * kYuan}}},
      {"stale", {{m - 12, 9000 * kYuan}}},  // outside the 12 months
  };
  EXPECT_EQ(Tiers(s, data, Date(2026, 9, 30)),
            (std::map<std::string, std::string>{{"big", "strategic"}, {"mid", "key"},
                                                {"busy", "key"}, {"small", ""}, {"stale", ""}}));
}

TEST(Tiering, ExplanationsGiveTheFiguresInBothLanguages) {
  TierScheme s;
  s.name = "grade";
  s.kind = SchemeKind::kRules;
  s.rule_tiers = {{"key", true, {{Metric::kRevenue, 12, CompareOp::kGe, 1'000'000 * kYuan}}}};
  const Data data = {{"1", {{Month(2026, 9), 900'000 * kYuan}}}};
  const MonthlyRollups r = Rollups(data);
  const Evaluation e = Evaluate(s, r, Date(2026, 9, 30));
  EXPECT_EQ(Explain(s, r, e, 0, "en-US"),
            "no tier (key: not revenue over the 12 months to 2026-09 ¥900,000.00 >= "
            "¥1,000,000.00)");
  EXPECT_EQ(Explain(s, r, e, 0, "zh-CN"),
            "未达任何等级（key：收入 近 12 个月（截至 2026-09） ¥900,000.00 >= ¥1,000,000.00 不成立）");
  const Evaluation abc = Evaluate(Abc(), r, Date(2026, 9, 30));
  EXPECT_EQ(Explain(Abc(), r, abc, 0, "en-US"),
            "revenue over the 12 months to 2026-09 ¥900,000.00, rank 1/1; the customers ranked "
            "above make 0.0% of the total (A up to 80%)");
}

TEST(Tiering, MoneyIsFormattedExactly) {
  EXPECT_EQ(FormatYuan(0), "¥0.00");
  EXPECT_EQ(FormatYuan(5), "¥0.05");
  EXPECT_EQ(FormatYuan(123456789), "¥1,234,567.89");
  EXPECT_EQ(FormatYuan(-100), "-¥1.00");
  EXPECT_EQ(FormatYuan(INT64_MIN), "-¥92,233,720,368,547,758.08");
  EXPECT_TRUE(ExternalRefLess("9", "10"));
  EXPECT_TRUE(ExternalRefLess("10", "A1"));
  EXPECT_TRUE(ExternalRefLess("007", "7"));
  EXPECT_FALSE(ExternalRefLess("7", "007"));
}

TEST(Tiering, SchemesAreValidatedFieldByField) {
  struct Case {
    std::function<void(TierScheme&)> edit;
    std::string field, problem;
  };
  const std::vector<Case> cases = {
      {[](TierScheme& s) { s.name = ""; }, "name", "required"},
      {[](TierScheme& s) { s.cuts_percent = {95, 80}; }, "cuts_percent",
       "must_increase_between_0_and_100"},
      {[](TierScheme& s) { s.cuts_percent = {80, 100}; }, "cuts_percent",
       "must_increase_between_0_and_100"},
      {[](TierScheme& s) { s.tiers = {"A", "B"}; }, "tiers", "must_be_one_more_than_cuts"},
      {[](TierScheme& s) { s.tiers = {"A", "A", "C"}; }, "tiers[1]", "duplicate"},
      {[](TierScheme& s) { s.window_months = 0; }, "window_months", "out_of_range"},
      {[](TierScheme& s) { s.window_months = 121; }, "window_months", "out_of_range"},
  };
  EXPECT_TRUE(ValidateScheme(Abc()).ok());
  for (const auto& c : cases) {
    TierScheme s = Abc();
    c.edit(s);
    auto st = ValidateScheme(s);
    ASSERT_FALSE(st.ok()) << c.field;
    bool found = false;
    for (const auto& f : st.error().fields) found |= f.field == c.field && f.problem == c.problem;
    EXPECT_TRUE(found) << c.field << " " << c.problem;
  }
  TierScheme stars;
  stars.name = "s";
  stars.kind = SchemeKind::kStars;
  stars.levels = {{"3star", 500}, {"4star", 500}};
  auto st = ValidateScheme(stars);
  ASSERT_FALSE(st.ok());
  EXPECT_EQ(st.error().fields.front().field, "levels[1].min_fen");
}

}  // namespace
}  // namespace kams
