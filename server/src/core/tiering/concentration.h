#pragma once
// Revenue concentration (the Pareto curve): how much of the total the largest customers make.

#include <cstdint>
#include <vector>

namespace kams {

struct Concentration {
  std::int64_t customers = 0;  // with a positive amount
  std::int64_t total = 0;
  // share_bp[k]: the share of the total (basis points, 0..10000) made by the largest k% of
  // customers, k = 0..100 (rounded up to whole customers).
  std::vector<std::int32_t> share_bp;
  std::int64_t customers_for_80_percent = 0;  // the fewest largest customers making ≥ 80%
};

// From each customer's positive amount (any order).
Concentration ConcentrationOf(std::vector<std::int64_t> amounts);

}  // namespace kams
