#include "core/imports/transaction_writer.h"

#include <map>

#include "core/ports/repositories.h"

namespace kams {

std::vector<std::size_t> RecordTransactions(Tx& tx, std::span<const Transaction> batch) {
  std::vector<std::size_t> duplicates;
  std::map<std::pair<Id, MonthIndex>, MonthDelta> months;
  for (std::size_t i = 0; i < batch.size(); ++i) {
    const Transaction& t = batch[i];
    if (!tx.transactions().Insert(t)) {
      duplicates.push_back(i);
      continue;
    }
    auto& d = months[{t.customer_id, MonthOf(t.date)}];
    d.customer_id = t.customer_id;
    d.month = MonthOf(t.date);
    d.revenue_fen += t.amount_fen;
    d.orders += 1;
    d.margin_fen += t.margin_fen.value_or(0);
  }
  std::vector<MonthDelta> deltas;
  deltas.reserve(months.size());
  for (auto& [key, d] : months) deltas.push_back(d);
  tx.transactions().AddToMonths(deltas);
  return duplicates;
}

}  // namespace kams
