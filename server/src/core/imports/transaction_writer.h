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

// Plans `batch`, inserts it in that order and adds the written rows to their months. Returns
// the positions in `batch` of rows refused because their txn_ref exists or repeats an earlier
// row of the batch, ascending; nothing of those is counted.
std::vector<std::size_t> RecordTransactions(Tx& tx, std::span<const Transaction> batch);
// The same for rows already in write order with no txn_ref repeated (an import moves each
// batch into its plan's order before the write, so that the writer reads the rows one after
// the other): returns the positions of the rows whose txn_ref exists, ascending.
std::vector<std::size_t> RecordPlannedTransactions(Tx& tx, std::span<const Transaction> rows);

}  // namespace kams
