#pragma once
// Per-customer monthly roll-ups held as columns (compressed rows): what tier evaluation,
// churn warnings and dashboards scan. One entry per customer and month with activity,
// months ascending within a customer.

#include <cstdint>
#include <string>
#include <vector>

#include "core/common/time.h"
#include "core/customers/customer.h"

namespace kams {

// Months as one integer: year * 12 + (month - 1).
using MonthIndex = std::int32_t;
inline MonthIndex MonthOf(const CivilDate& d) { return d.year * 12 + (d.month - 1); }
inline CivilDate FirstDayOf(MonthIndex m) { return CivilDate{m / 12, m % 12 + 1, 1}; }

// The last whole month on or before `as_of`: its own month when `as_of` is the month's
// last day, else the month before.
MonthIndex LastWholeMonth(const CivilDate& as_of);

struct MonthlyRollups {
  std::vector<Id> customer_ids;             // n
  std::vector<std::string> external_refs;   // n ("" when none)
  std::vector<std::uint32_t> offsets{0};    // n + 1, into the entry columns
  std::vector<MonthIndex> month;
  std::vector<std::int64_t> revenue_fen;
  std::vector<std::int64_t> orders;
  std::vector<std::int64_t> margin_fen;

  std::size_t size() const { return customer_ids.size(); }
  // Appends a customer; then AddMonth for each of their months in ascending order.
  void AddCustomer(Id id, std::string external_ref);
  void AddMonth(MonthIndex m, std::int64_t revenue, std::int64_t order_count,
                std::int64_t margin);
  // Sum of `metric` over months [first, last] of customer `i`.
  std::int64_t Sum(std::size_t i, int metric_column, MonthIndex first, MonthIndex last) const;
};

}  // namespace kams
