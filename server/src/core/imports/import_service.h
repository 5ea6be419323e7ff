#pragma once
// Bulk imports from CSV: customers (by their external reference) and their transactions.
// Rows are checked one by one; bad rows are reported (line, column, reason) and never stop
// good ones, and a row is written whole or not at all. Good rows go in batches, each one
// transaction with its roll-ups, an audit row and the run's progress (core/imports/import_run.h).
//
// Every import is an import run: from the command line and from the API, at once (the
// request waits for the report) or in the background (Submit: the run is queued on this
// node's ImportExecutor and its progress read with Get).

#include <atomic>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "core/common/context.h"
#include "core/common/result.h"
#include "core/customers/customer.h"
#include "core/imports/import_run.h"
#include "core/org/user.h"

namespace kams {

struct ImportReport {
  Id run_id = 0;
  std::int64_t rows = 0;      // data rows read (the header not counted)
  std::int64_t imported = 0;
  std::int64_t rejected = 0;
  std::vector<ImportReject> rejects;  // the first kMaxRejectsKept
  double seconds = 0;
};

// Called after every batch: rows done, bytes done, bytes in all.
using ImportProgress = std::function<void(std::int64_t, std::size_t, std::size_t)>;

// Where background imports run: one queue and thread per node (app/import_worker.h).
class ImportExecutor {
 public:
  virtual ~ImportExecutor() = default;
  // Queues `task`; false when the queue is full. The task runs once, on the executor's
  // thread; `stopping` turns true when the process shuts down, and tasks still queued then
  // run at once with it set (so that they can record that they never ran).
  virtual bool Post(std::function<void(const std::atomic<bool>& stopping)> task) = 0;
  virtual const std::string& node() const = 0;
};

// Imports a node queues behind the running one before it refuses more (503).
inline constexpr std::size_t kMaxQueuedImports = 4;

class ImportService {
 public:
  explicit ImportService(CoreDeps deps, std::size_t batch_rows = 20000)
      : deps_(deps), batch_rows_(batch_rows) {}
  // Set once at start, before any request (nullptr: no background imports, e.g. the CLI).
  void SetExecutor(ImportExecutor* executor) { executor_ = executor; }

  // Checks the caller may import and the file's header, records the run and imports the
  // file before returning. Files:
  //  customers     header `customer_id,name,region,industry,created_at`; customer_id becomes
  //                the customer's external reference; created_at is YYYY-MM-DD or RFC 3339
  //                (may be empty);
  //  transactions  header `txn_id,customer_id,date,amount` (amount in yuan, ≤ 2 decimals),
  //                with optional further columns `margin`, `product`, `order_ref`.
  Result<ImportReport> Import(const Principal& who, const RequestContext& ctx, ImportKind kind,
                              std::string_view csv, const std::string& file_name = {},
                              const ImportProgress& progress = {});
  // The same checks, then the run is queued and imported in the background; returns the
  // queued run. 503 when this node's queue is full.
  Result<ImportRun> Submit(const Principal& who, const RequestContext& ctx, ImportKind kind,
                           std::string csv, const std::string& file_name);

  // Runs are read by those who may import (data.import; 403 for others): all runs, since
  // imports are not anyone's customers.
  Result<ImportRun> Get(const Principal& who, const RequestContext& ctx, Id id);
  Result<Page<ImportRun>> List(const Principal& who, const RequestContext& ctx,
                               ImportRunFilter filter, const PageRequest& page);
  // A queued run is cancelled at once; a running one stops after the batch it is writing
  // (what was imported stays); a finished run is a 409.
  Result<ImportRun> Cancel(const Principal& who, const RequestContext& ctx, Id id);

 private:
  Status Check(const Principal& who, const RequestContext& ctx, ImportKind kind,
               std::string_view csv, const std::string& file_name);
  Result<ImportRun> Record(const Principal& who, const RequestContext& ctx, ImportKind kind,
                           std::size_t bytes, const std::string& file_name, bool queued);
  Result<ImportReport> Execute(const Principal& who, const RequestContext& ctx, ImportRun& run,
                               std::string_view csv, const ImportProgress& progress,
                               const std::atomic<bool>* stopping);
  void RunQueued(const Principal& who, const RequestContext& ctx, ImportRun run,
                 const std::string& csv, const std::atomic<bool>& stopping);
  void EndUnrun(Tx& tx, const Principal& who, const RequestContext& ctx, ImportRun run,
                ImportStatus status, std::string error);
  std::string node() const { return executor_ ? executor_->node() : std::string("cli"); }

  CoreDeps deps_;
  std::size_t batch_rows_;
  ImportExecutor* executor_ = nullptr;
};

}  // namespace kams
