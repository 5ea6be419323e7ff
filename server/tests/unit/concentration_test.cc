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
    const Concentration got = ConcentrationOf(c.amounts);
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

}  // namespace
}  // namespace kams
