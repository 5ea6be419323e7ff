#pragma once
// Revenue concentration (the Pareto curve): how much of the total the largest customers make.

#include <cstdint>
#include <string>
#include <vector>

#include "core/org/org_unit.h"

namespace kams {

// One customer's amount over the window.
struct CustomerAmount {
  Id customer_id = 0;
  std::int64_t amount = 0;
};

// One of the largest customers, with its share of the total.
struct TopCustomer {
  Id customer_id = 0;
  std::string name;
  std::int64_t amount = 0;
  std::int32_t share_bp = 0;
};

struct Concentration {
  std::int64_t customers = 0;  // with a positive amount
  std::int64_t total = 0;
  // share_bp[k]: the share of the total (basis points, 0..10000) made by the largest k% of
  // customers, k = 0..100 (rounded up to whole customers).
  std::vector<std::int32_t> share_bp;
  std::int64_t customers_for_80_percent = 0;  // the fewest largest customers making ≥ 80%
  std::vector<TopCustomer> top;               // the largest, largest first (names by the caller)
};

inline constexpr int kMaxTopCustomers = 100;

// From each customer's amount (any order; amounts ≤ 0 left out): the curve, and the `top`
// largest customers (ties: lower id first) without names. A total beyond the range of
// int64 is reported as its largest value; the shares stay exact.
Concentration ConcentrationOf(std::vector<CustomerAmount> amounts, int top = 0);

}  // namespace kams
