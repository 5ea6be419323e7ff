#include "core/tiering/concentration.h"

#include <algorithm>
#include <functional>

namespace kams {

Concentration ConcentrationOf(std::vector<std::int64_t> amounts) {
  Concentration c;
  std::erase_if(amounts, [](std::int64_t a) { return a <= 0; });
  std::sort(amounts.begin(), amounts.end(), std::greater<>());
  c.customers = static_cast<std::int64_t>(amounts.size());
  std::vector<std::int64_t> cumulative(amounts.size() + 1, 0);
  for (std::size_t i = 0; i < amounts.size(); ++i) cumulative[i + 1] = cumulative[i] + amounts[i];
  c.total = cumulative.back();
  c.share_bp.assign(101, 0);
  for (int k = 0; k <= 100; ++k) {
    const auto n = static_cast<std::size_t>((c.customers * k + 99) / 100);  // ceil(k% of n)
    c.share_bp[static_cast<std::size_t>(k)] =
        c.total > 0 ? static_cast<std::int32_t>(static_cast<__int128>(cumulative[n]) * 10000 / c.total)
                    : 0;
  }
  if (c.total > 0) {
    const auto line = std::lower_bound(cumulative.begin(), cumulative.end(), 0,
                                       [&](std::int64_t have, int) {
                                         return static_cast<__int128>(have) * 10 <
                                                static_cast<__int128>(c.total) * 8;
                                       });
    c.customers_for_80_percent = line - cumulative.begin();
  }
  return c;
}

}  // namespace kams
