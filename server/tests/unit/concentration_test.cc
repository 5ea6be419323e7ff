// The Pareto curve: shares made by the largest k% of customers, and how many make 80%.
#include <gtest/gtest.h>

#include "core/tiering/concentration.h"

namespace kams {
namespace {

TEST(Concentration, CurveAndTheEightyPercentLine) {
  struct Case {
    const char* name;
    std::vector<std::int64_t> amounts;
    std::int64_t customers, total, for_80;
    std::vector<std::pair<int, std::int32_t>> points;  // k% → basis points
  };
  const Case cases[] = {
      {"nobody", {}, 0, 0, 0, {{0, 0}, {100, 0}}},
      {"zeros and refunds take no part", {0, -5, 0}, 0, 0, 0, {{100, 0}}},
      {"one customer makes everything", {700}, 1, 700, 1, {{0, 0}, {1, 10000}, {100, 10000}}},
      {"equal customers: a straight line", {10, 10, 10, 10, 10}, 5, 50, 4,
       {{20, 2000}, {40, 4000}, {60, 6000}, {100, 10000}}},
      {"80/20, in any order", {5, 5, 80, 5, 5}, 5, 100, 1, {{20, 8000}, {40, 8500}, {100, 10000}}},
      {"the line is reached exactly", {40, 40, 20}, 3, 100, 2, {{34, 8000}, {67, 10000}}},
  };
  for (const auto& c : cases) {
    std::vector<CustomerAmount> amounts;
    for (std::size_t i = 0; i < c.amounts.size(); ++i) {
      amounts.push_back({static_cast<Id>(i + 1), c.amounts[i]});
    }
    const Concentration got = ConcentrationOf(amounts);
    EXPECT_EQ(got.customers, c.customers) << c.name;
    EXPECT_EQ(got.total, c.total) << c.name;
    EXPECT_EQ(got.customers_for_80_percent, c.for_80) << c.name;
    ASSERT_EQ(got.share_bp.size(), 101u) << c.name;
    for (const auto& [k, bp] : c.points) EXPECT_EQ(got.share_bp[k], bp) << c.name << " at " << k;
    for (std::size_t k = 1; k < got.share_bp.size(); ++k) {
      EXPECT_GE(got.share_bp[k], got.share_bp[k - 1]) << c.name;  // never falls
    }
  }
}

TEST(Concentration, TheLargestCustomersComeFirstWithTheirShares) {
  const Concentration c = ConcentrationOf({{7, 10}, {3, 50}, {9, 0}, {4, 10}, {5, 30}}, 3);
  ASSERT_EQ(c.top.size(), 3u);
  EXPECT_EQ(c.top[0].customer_id, 3);
  EXPECT_EQ(c.top[0].share_bp, 5000);
  EXPECT_EQ(c.top[1].customer_id, 5);
  EXPECT_EQ(c.top[2].customer_id, 4);  // equal amounts: lower id first
  EXPECT_EQ(c.top[2].share_bp, 1000);
  EXPECT_TRUE(ConcentrationOf({{1, 5}}, 0).top.empty());
  EXPECT_EQ(ConcentrationOf({{1, 5}}, 100).top.size(), 1u);
}

TEST(Concentration, ATotalBeyondInt64DoesNotWrap) {
  const std::int64_t big = INT64_MAX / 2 + 1;
  const Concentration c = ConcentrationOf({{1, big}, {2, big}, {3, big}, {4, big}});
  EXPECT_EQ(c.total, INT64_MAX);  // saturated, not negative
  EXPECT_EQ(c.share_bp[50], 5000);
  EXPECT_EQ(c.share_bp[100], 10000);
  EXPECT_EQ(c.customers_for_80_percent, 4);
}

}  // namespace
}  // namespace kams
