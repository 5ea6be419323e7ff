#include "core/imports/transaction_writer.h"

#include <algorithm>
#include <string_view>
#include <tuple>
#include <unordered_set>

#include "core/ports/repositories.h"

namespace kams {

std::vector<std::size_t> RecordTransactions(Tx& tx, std::span<const Transaction> batch) {
  // A txn_ref repeated within the batch: its first row goes in and the later ones are
  // refused here, before the database sees them (across batches its unique index refuses).
  std::vector<std::size_t> refused;
  std::vector<std::size_t> order;
  order.reserve(batch.size());
  {
    std::unordered_set<std::string_view> refs;
    refs.reserve(batch.size());
    for (std::size_t i = 0; i < batch.size(); ++i) {
      (refs.insert(batch[i].txn_ref).second ? order : refused).push_back(i);
    }
  }
  // Rows are written in (customer, date) order: the index on (customer, date), the foreign-key
  // probes and the roll-up upserts then walk their pages in order instead of all over, and the
  // month sums come out in order.
  std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    return std::tie(batch[a].customer_id, batch[a].date.year, batch[a].date.month,
                    batch[a].date.day, a) < std::tie(batch[b].customer_id, batch[b].date.year,
                                                     batch[b].date.month, batch[b].date.day, b);
  });
  const std::vector<std::size_t> skipped = tx.transactions().InsertMany(batch, order);
  std::vector<char> written(batch.size(), 0);
  for (std::size_t i : order) written[i] = 1;
  for (std::size_t i : skipped) written[i] = 0;

  std::vector<MonthDelta> deltas;
  for (std::size_t i : order) {
    if (!written[i]) continue;
    const Transaction& t = batch[i];
    const MonthIndex month = MonthOf(t.date);
    if (deltas.empty() || deltas.back().customer_id != t.customer_id ||
        deltas.back().month != month) {
      deltas.push_back({t.customer_id, month, 0, 0, 0});
    }
    deltas.back().revenue_fen += t.amount_fen;
    deltas.back().orders += 1;
    deltas.back().margin_fen += t.margin_fen.value_or(0);
  }
  tx.transactions().AddToMonths(deltas);

  refused.insert(refused.end(), skipped.begin(), skipped.end());
  std::sort(refused.begin(), refused.end());
  return refused;
}

}  // namespace kams
