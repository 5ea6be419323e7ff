#pragma once
// The pure half of the CSV imports: the header and each row checked and turned into a
// domain value, with no database. ImportService adds what needs one (the references
// already stored, duplicate transactions) and writes the rows in batches.

#include <cstddef>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/common/result.h"
#include "core/customers/customer.h"
#include "core/imports/csv.h"
#include "core/imports/transaction.h"
#include "core/org/user.h"

namespace kams {

// Column positions of a customer file: `customer_id,name,region,industry,created_at`, in
// any order.
struct CustomerColumns {
  std::size_t count = 0;  // columns in the header; every row must have as many
  std::size_t ref = 0, name = 0, region = 0, industry = 0, created_at = 0;
};

// Column positions of a transaction file: `txn_id,customer_id,date,amount` and, optionally,
// `margin`, `product`, `order_ref`, in any order.
struct TransactionColumns {
  std::size_t count = 0;
  std::size_t txn = 0, customer = 0, date = 0, amount = 0;
  std::optional<std::size_t> margin, product, order_ref;
};

// Read the header record. An empty file, an unknown, duplicate or missing column is a
// validation_failed naming "file" or "header"; the whole import is refused.
Result<CustomerColumns> ReadCustomerHeader(CsvReader& reader);
Result<TransactionColumns> ReadTransactionHeader(CsvReader& reader);

// Why one row was refused: the column ("" for the whole row) and a reason for people.
struct RowProblem {
  std::string column;
  std::string reason;
};

// Checks the record `reader` just read into `fields` and, when it is good, fills `out`.
// Returns the row's first problem, or nothing when `out` holds the row.
//
// A customer belongs to `who`'s org unit and is created `now` unless the row says when;
// whether its reference is already taken is the caller's question.
std::optional<RowProblem> ReadCustomerRow(const CsvReader& reader,
                                          const std::vector<std::string>& fields,
                                          const CustomerColumns& columns, const Principal& who,
                                          Timestamp now, Customer& out);
// A transaction's customer is looked up in `customers` (external reference → id).
std::optional<RowProblem> ReadTransactionRow(
    const CsvReader& reader, const std::vector<std::string>& fields,
    const TransactionColumns& columns, const std::unordered_map<std::string, Id>& customers,
    const Principal& who, Timestamp now, Transaction& out);

}  // namespace kams
