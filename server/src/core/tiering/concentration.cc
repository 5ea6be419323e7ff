#include "core/tiering/concentration.h"

#include <algorithm>
#include <limits>

namespace kams {

Concentration ConcentrationOf(std::vector<CustomerAmount> amounts, int top) {
  Concentration c;
  std::erase_if(amounts, [](const CustomerAmount& a) { return a.amount <= 0; });
  std::sort(amounts.begin(), amounts.end(), [](const CustomerAmount& a, const CustomerAmount& b) {
    return a.amount != b.amount ? a.amount > b.amount : a.customer_id < b.customer_id;
  });
  c.customers = static_cast<std::int64_t>(amounts.size());
  // Sums in 128 bits: a roll-up of many large amounts cannot wrap.
  std::vector<__int128> cumulative(amounts.size() + 1, 0);
  for (std::size_t i = 0; i < amounts.size(); ++i) {
    cumulative[i + 1] = cumulative[i] + amounts[i].amount;
  }
  const __int128 total = cumulative.back();
  c.total = static_cast<std::int64_t>(
      std::min<__int128>(total, std::numeric_limits<std::int64_t>::max()));
  auto share = [&](__int128 part) {
    return total > 0 ? static_cast<std::int32_t>(part * 10000 / total) : 0;
  };
  c.share_bp.assign(101, 0);
  for (int k = 0; k <= 100; ++k) {
    const auto n = static_cast<std::size_t>((c.customers * k + 99) / 100);  // ceil(k% of n)
    c.share_bp[static_cast<std::size_t>(k)] = share(cumulative[n]);
  }
  if (total > 0) {
    const auto line = std::lower_bound(cumulative.begin(), cumulative.end(), 0,
                                       [&](__int128 have, int) { return have * 10 < total * 8; });
    c.customers_for_80_percent = line - cumulative.begin();
  }
  const auto n = std::min<std::size_t>(amounts.size(), static_cast<std::size_t>(std::max(top, 0)));
  for (std::size_t i = 0; i < n; ++i) {
    c.top.push_back({amounts[i].customer_id, "", amounts[i].amount, share(amounts[i].amount)});
  }
  return c;
}

}  // namespace kams
