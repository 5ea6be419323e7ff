#include "core/imports/transaction_writer.h"

#include <algorithm>
#include <cstdint>
#include <functional>
#include <string_view>
#include <tuple>

#include "core/ports/repositories.h"

namespace kams {

namespace {

// Positions of rows whose txn_ref repeats an earlier row's in the batch, ascending. Sorts
// 16-byte (hash, position) pairs instead of hashing into a node per row: a batch may hold
// millions of rows.
std::vector<std::size_t> RepeatedRefs(std::span<const Transaction> batch) {
  struct Hashed {
    std::uint64_t hash;
    std::uint32_t pos;
  };
  std::vector<Hashed> hashed(batch.size());
  const std::hash<std::string_view> hash;
  for (std::size_t i = 0; i < batch.size(); ++i) {
    hashed[i] = {hash(batch[i].txn_ref), static_cast<std::uint32_t>(i)};
  }
  std::sort(hashed.begin(), hashed.end(), [](const Hashed& a, const Hashed& b) {
    return std::tie(a.hash, a.pos) < std::tie(b.hash, b.pos);
  });
  std::vector<std::size_t> repeated;
  for (std::size_t run = 0; run < hashed.size();) {
    std::size_t end = run + 1;
    while (end < hashed.size() && hashed[end].hash == hashed[run].hash) ++end;
    // Within a run of equal hashes (by position), a row repeats when an earlier one has its ref.
    for (std::size_t k = run + 1; k < end; ++k) {
      const std::string& ref = batch[hashed[k].pos].txn_ref;
      for (std::size_t j = run; j < k; ++j) {
        if (batch[hashed[j].pos].txn_ref == ref) {
          repeated.push_back(hashed[k].pos);
          break;
        }
      }
    }
    run = end;
  }
  std::sort(repeated.begin(), repeated.end());
  return repeated;
}
}  // namespace

TransactionPlan PlanTransactions(std::span<const Transaction> batch) {
  TransactionPlan plan;
  plan.repeated = RepeatedRefs(batch);
  // Rows are written in (customer, date) order: the index on (customer, date), the foreign-key
  // probes and the roll-up upserts then walk their pages in order instead of all over, and the
  // month sums come out in order. The sort moves 16-byte keys, not the rows.
  struct Key {
    Id customer_id;
    std::int32_t day;
    std::uint32_t pos;
  };
  std::vector<Key> keys;
  keys.reserve(batch.size() - plan.repeated.size());
  auto repeated = plan.repeated.begin();
  for (std::size_t i = 0; i < batch.size(); ++i) {
    if (repeated != plan.repeated.end() && *repeated == i) {
      ++repeated;
      continue;
    }
    keys.push_back({batch[i].customer_id, static_cast<std::int32_t>(DaysFromCivil(batch[i].date)),
                    static_cast<std::uint32_t>(i)});
  }
  std::sort(keys.begin(), keys.end(), [](const Key& a, const Key& b) {
    return std::tie(a.customer_id, a.day, a.pos) < std::tie(b.customer_id, b.day, b.pos);
  });
  plan.order.reserve(keys.size());
  for (const Key& k : keys) plan.order.push_back(k.pos);
  return plan;
}

namespace {

// Inserts batch[order[0]], batch[order[1]], … and adds the written rows to their months;
// returns the positions skipped because their txn_ref exists.
std::vector<std::size_t> WriteInOrder(Tx& tx, std::span<const Transaction> batch,
                                      std::span<const std::size_t> order) {
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
  return skipped;
}

}  // namespace

std::vector<std::size_t> RecordTransactions(Tx& tx, std::span<const Transaction> batch) {
  const TransactionPlan plan = PlanTransactions(batch);
  std::vector<std::size_t> refused = WriteInOrder(tx, batch, plan.order);
  refused.insert(refused.end(), plan.repeated.begin(), plan.repeated.end());
  std::sort(refused.begin(), refused.end());
  return refused;
}

std::vector<std::size_t> RecordPlannedTransactions(Tx& tx, std::span<const Transaction> rows) {
  std::vector<std::size_t> order(rows.size());
  for (std::size_t k = 0; k < rows.size(); ++k) order[k] = k;
  return WriteInOrder(tx, rows, order);
}

}  // namespace kams
