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

// Inserts `batch` (in customer, date order) and adds the written rows to their months.
// Returns the positions in `batch` of rows refused because their txn_ref exists, or repeats
// an earlier row of the batch (the first one goes in), ascending; nothing of those is counted.
std::vector<std::size_t> RecordTransactions(Tx& tx, std::span<const Transaction> batch);

}  // namespace kams
