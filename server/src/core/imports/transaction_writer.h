#pragma once
// The one way transactions are written: each row, and what it adds to its customer's
// monthly roll-ups (customer_month), in the caller's unit of work. Imports and the demo
// both write through it, so the roll-ups tier evaluation reads always match the rows.

#include <cstddef>
#include <span>
#include <vector>

#include "core/imports/transaction.h"
#include "core/ports/database.h"

namespace kams {

// How a batch is written: its rows in (customer, date) order, without the rows whose txn_ref
// repeats an earlier row of the batch (`repeated`, ascending; the first one goes in). Pure:
// an import plans the next batch while the database writes the one before.
struct TransactionPlan {
  std::vector<std::size_t> order;
  std::vector<std::size_t> repeated;
};
TransactionPlan PlanTransactions(std::span<const Transaction> batch);

// Inserts `batch` as planned and adds the written rows to their months. Returns the positions
// in `batch` of rows refused because their txn_ref exists or repeats an earlier row of the
// batch, ascending; nothing of those is counted.
std::vector<std::size_t> RecordTransactions(Tx& tx, std::span<const Transaction> batch,
                                            const TransactionPlan& plan);
// The same, planning `batch` first.
std::vector<std::size_t> RecordTransactions(Tx& tx, std::span<const Transaction> batch);

}  // namespace kams
