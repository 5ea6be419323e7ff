#include "core/tiering/rollups.h"

#include <algorithm>

namespace kams {

MonthIndex LastWholeMonth(const CivilDate& as_of) {
  const MonthIndex m = MonthOf(as_of);
  const CivilDate next = FirstDayOf(m + 1);
  const bool last_day = DaysFromCivil(as_of) + 1 == DaysFromCivil(next);
  return last_day ? m : m - 1;
}

void MonthlyRollups::AddCustomer(Id id, std::string external_ref) {
  customer_ids.push_back(id);
  external_refs.push_back(std::move(external_ref));
  offsets.push_back(static_cast<std::uint32_t>(month.size()));
}

void MonthlyRollups::AddMonth(MonthIndex m, std::int64_t revenue, std::int64_t order_count,
                              std::int64_t margin) {
  month.push_back(m);
  revenue_fen.push_back(revenue);
  orders.push_back(order_count);
  margin_fen.push_back(margin);
  offsets.back() = static_cast<std::uint32_t>(month.size());
}

std::int64_t MonthlyRollups::Sum(std::size_t i, int metric_column, MonthIndex first,
                                 MonthIndex last) const {
  const std::vector<std::int64_t>& column =
      metric_column == 0 ? revenue_fen : metric_column == 1 ? orders : margin_fen;
  std::int64_t sum = 0;
  // Months ascend: walk back from the newest, stop before the window.
  for (std::uint32_t k = offsets[i + 1]; k > offsets[i]; --k) {
    const MonthIndex m = month[k - 1];
    if (m > last) continue;
    if (m < first) break;
    sum += column[k - 1];
  }
  return sum;
}

}  // namespace kams
