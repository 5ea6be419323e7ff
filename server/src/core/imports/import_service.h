#pragma once
// Bulk imports from CSV: customers (by their external reference) and their transactions.
// Rows are checked one by one; bad rows are reported (line, column, reason) and never stop
// good ones, and a row is written whole or not at all. Good rows go in batches, each one
// transaction with its roll-ups and an audit row.

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "core/common/context.h"
#include "core/common/result.h"
#include "core/org/user.h"

namespace kams {

struct ImportReject {
  std::int64_t line = 0;
  std::string column;
  std::string reason;
};

struct ImportReport {
  std::int64_t rows = 0;      // data rows read (the header not counted)
  std::int64_t imported = 0;
  std::int64_t rejected = 0;
  std::vector<ImportReject> rejects;  // the first kMaxRejectsKept
  double seconds = 0;
};
inline constexpr std::size_t kMaxRejectsKept = 1000;

// Called after every batch: rows done, bytes done, bytes in all.
using ImportProgress = std::function<void(std::int64_t, std::size_t, std::size_t)>;

class ImportService {
 public:
  explicit ImportService(CoreDeps deps, std::size_t batch_rows = 20000)
      : deps_(deps), batch_rows_(batch_rows) {}

  // Header `customer_id,name,region,industry,created_at`; customer_id becomes the
  // customer's external reference; created_at is YYYY-MM-DD or RFC 3339 (may be empty).
  Result<ImportReport> ImportCustomers(const Principal& who, const RequestContext& ctx,
                                       std::string_view csv, const ImportProgress& progress = {});
  // Header `txn_id,customer_id,date,amount` (amount in yuan, ≤ 2 decimals), with optional
  // further columns `margin`, `product`, `order_ref`.
  Result<ImportReport> ImportTransactions(const Principal& who, const RequestContext& ctx,
                                          std::string_view csv,
                                          const ImportProgress& progress = {});

 private:
  CoreDeps deps_;
  std::size_t batch_rows_;
};

}  // namespace kams
