#include "core/imports/import_service.h"

#include <algorithm>
#include <chrono>
#include <future>
#include <memory>
#include <unordered_map>

#include "core/access/permissions.h"
#include "core/audit/audit_log.h"
#include "core/imports/csv.h"
#include "core/imports/import_rows.h"
#include "core/imports/transaction.h"
#include "core/imports/transaction_writer.h"

namespace kams {
namespace {

using Steady = std::chrono::steady_clock;

// external_ref → id of every live customer that has one.
Status LoadCustomerRefs(const CoreDeps& deps, std::unordered_map<std::string, Id>& out) {
  return deps.db.Run(TxMode::kRead, [&](Tx& tx) -> Status {
    for (auto& [ref, id] : tx.transactions().CustomerRefs()) out.emplace(std::move(ref), id);
    return Ok();
  });
}

Status Refuse(const Principal& who) {
  if (!Allows(who.role, Permission::kDataImport)) {
    return DenyError("import data", "import", std::nullopt);
  }
  return Ok();
}

std::string Str(std::int64_t v) { return std::to_string(v); }

// What a run that ends early says, for the people who read it.
std::string StoppedMessage(const ImportRun& run) {
  return "the server stopped after " + Str(run.imported) +
         " rows were imported; import the file again to add the rest (rows already imported "
         "are refused as duplicates)";
}

// One kind of file: how a row is read into the batch being filled, how a full batch is
// sealed (handed to the writer's side) and how the sealed batch is written. Reading and
// sealing run on the reading thread; the writer runs inside the batch's transaction (perhaps
// more than once, when the database retries it) on another thread, while the next batch is
// read, and returns the sealed batch's positions refused as duplicates.
struct KindOps {
  using Refuse = std::function<void(std::int64_t line, const char* column, const char* reason)>;
  const char* audit_action;  // "customer.import" | "transaction.import"
  std::function<std::optional<RowProblem>(const CsvReader&, const std::vector<std::string>&,
                                          std::int64_t line)>
      read_row;  // adds a good row to the batch being filled
  std::function<void(const Refuse&)> seal;  // only while no sealed batch is being written
  std::function<std::vector<std::size_t>(Tx&)> write_batch;
  std::function<const std::vector<std::int64_t>&()> lines;  // the sealed batch's file lines
  std::function<void()> clear;                              // empties the sealed batch
  const char* duplicate_column;
};

// Reads the file after its header and writes it in batches of `batch_rows`, each with the
// run's progress; ends the run (succeeded, cancelled or interrupted) in the last batch's
// transaction. While a batch is written, the next one is read (two cores: parsing and
// planning overlap SQLite's work). A failed batch ends the run as failed (when the database
// still takes that) and is the answer; the batches before it stay imported.
Result<ImportReport> Drive(const CoreDeps& deps, const Principal& who, const RequestContext& ctx,
                           ImportRun& run, CsvReader& reader, std::size_t csv_size,
                           std::size_t batch_rows, const std::string& node, KindOps& ops,
                           const ImportProgress& progress, const std::atomic<bool>* stopping) {
  const auto start = Steady::now();
  // `report` and `run` belong to the writer while a batch is in flight; the reader keeps what
  // it reads since the last seal apart and hands it over when it seals the next batch.
  ImportReport report;
  report.run_id = run.id;
  std::size_t saved_rejects = 0;  // report.rejects already stored
  std::int64_t read_rows = 0;     // rows read since the last seal
  std::int64_t read_rejected = 0;
  std::vector<ImportReject> read_rejects;  // the first kMaxRejectsKept of those

  const auto add_reject = [&](std::int64_t line, std::string column, std::string reason) {
    ++report.rejected;
    if (report.rejects.size() < kMaxRejectsKept) {
      report.rejects.push_back({line, std::move(column), std::move(reason)});
    }
  };

  // Moves what was read since the last seal into the report and seals the batch; returns the
  // file offset it reaches. Only while no batch is being written.
  const auto seal = [&]() -> std::size_t {
    report.rows += read_rows;
    report.rejected += read_rejected - static_cast<std::int64_t>(read_rejects.size());
    for (auto& r : read_rejects) add_reject(r.line, std::move(r.column), std::move(r.reason));
    ops.seal([&](std::int64_t line, const char* column, const char* reason) {
      add_reject(line, column, reason);
    });
    read_rows = read_rejected = 0;
    read_rejects.clear();
    return reader.offset();
  };

  // Writes the sealed batch (maybe empty) with the run's progress up to `offset`; `ending`
  // also ends the run. Returns whether someone asked to cancel the run.
  const auto flush = [&](std::optional<ImportStatus> ending, std::size_t offset) -> Result<bool> {
    const auto& lines = ops.lines();
    std::vector<std::size_t> duplicates;
    std::vector<std::int64_t> duplicate_lines;
    ImportRun next;
    bool cancel = false;
    Status s = deps.db.Run(TxMode::kWrite, [&](Tx& tx) -> Status {
      duplicates = lines.empty() ? std::vector<std::size_t>{} : ops.write_batch(tx);
      const auto written = static_cast<std::int64_t>(lines.size() - duplicates.size());
      const Timestamp now = deps.clock.Now();
      next = run;
      next.rows = report.rows;
      next.imported = report.imported + written;
      next.rejected = report.rejected + static_cast<std::int64_t>(duplicates.size());
      next.bytes_done = static_cast<std::int64_t>(offset);
      next.heartbeat_at = now;
      if (ending) {
        next.status = *ending;
        next.finished_at = now;
        if (*ending == ImportStatus::kSucceeded) next.bytes_done = static_cast<std::int64_t>(csv_size);
        if (*ending == ImportStatus::kInterrupted) next.error = StoppedMessage(next);
      }
      tx.import_runs().Update(next);
      std::vector<ImportReject> fresh(report.rejects.begin() + static_cast<std::ptrdiff_t>(saved_rejects),
                                      report.rejects.end());
      // The duplicates as add_reject will keep them after the commit: the first by line.
      duplicate_lines.clear();
      for (std::size_t i : duplicates) duplicate_lines.push_back(lines[i]);
      std::sort(duplicate_lines.begin(), duplicate_lines.end());
      std::size_t room = kMaxRejectsKept - report.rejects.size();
      for (std::int64_t line : duplicate_lines) {
        if (room-- == 0) break;
        fresh.push_back({line, ops.duplicate_column, "duplicate: already imported"});
      }
      tx.import_runs().AddRejects(run.id, fresh);
      tx.import_runs().TouchQueued(node, now);
      if (!lines.empty()) {
        // A sealed batch may be in its write order, not the file's.
        const auto [first, last] = std::minmax_element(lines.begin(), lines.end());
        AppendAudit(tx, deps, ctx, &who, "",
                    AuditEvent{ops.audit_action, "import", std::nullopt, std::nullopt,
                               {{"rows", std::nullopt, Str(written)},
                                {"lines", std::nullopt, Str(*first) + "-" + Str(*last)},
                                {"import_run", std::nullopt, Str(run.id)}}});
      }
      if (ending) {
        AppendAudit(tx, deps, ctx, &who, "",
                    AuditEvent{"import.finish", "import_run", run.id, std::nullopt,
                               {{"status", std::nullopt, std::string(ImportStatusName(*ending))},
                                {"imported", std::nullopt, Str(next.imported)},
                                {"rejected", std::nullopt, Str(next.rejected)}}});
      } else {
        const auto stored = tx.import_runs().Get(run.id, false);
        cancel = stored && stored->cancel_requested;
      }
      return Ok();
    });
    if (!s.ok()) return s.take_error();
    for (std::int64_t line : duplicate_lines) add_reject(line, ops.duplicate_column, "duplicate: already imported");
    saved_rejects = report.rejects.size();
    report.imported = next.imported;
    run = next;
    ops.clear();
    if (progress) progress(report.rows, offset, csv_size);
    return cancel;
  };

  const auto fail = [&](Error e) -> Result<ImportReport> {
    // Best effort: the run says why it stopped (if even this fails, it reads as
    // interrupted once its heartbeat is old).
    ImportRun failed = run;
    failed.status = ImportStatus::kFailed;
    failed.error = e.message;
    failed.finished_at = failed.heartbeat_at = deps.clock.Now();
    (void)deps.db.Run(TxMode::kWrite, [&](Tx& tx) -> Status {
      tx.import_runs().Update(failed);
      AppendAudit(tx, deps, ctx, &who, "",
                  AuditEvent{"import.finish", "import_run", run.id, std::nullopt,
                             {{"status", std::nullopt, "failed"},
                              {"imported", std::nullopt, Str(run.imported)},
                              {"rejected", std::nullopt, Str(run.rejected)}}});
      return Ok();
    });
    e.message += " (import " + Str(run.id) + " stopped after " + Str(run.imported) +
                 " rows were imported; they stay imported)";
    return e;
  };

  // The batch being written, if any; waiting for it gives back `report` and `run`.
  std::future<Result<bool>> writing;
  std::optional<ImportStatus> ending;
  std::vector<std::string> f;
  while (reader.Next(f)) {
    ++read_rows;
    const std::int64_t line = reader.line();
    if (auto problem = ops.read_row(reader, f, line)) {
      if (read_rejects.size() < kMaxRejectsKept) {
        read_rejects.push_back({line, std::move(problem->column), std::move(problem->reason)});
      }
      ++read_rejected;
    }
    if (static_cast<std::size_t>(read_rows) < batch_rows) continue;
    if (writing.valid()) {
      // A run stops after the batch it is writing: what was read since is not imported.
      auto cancel = writing.get();
      if (!cancel.ok()) return fail(cancel.take_error());
      if (*cancel) {
        ending = ImportStatus::kCancelled;
        break;
      }
      if (stopping && stopping->load()) {
        ending = ImportStatus::kInterrupted;
        break;
      }
    }
    const std::size_t offset = seal();
    writing = std::async(std::launch::async, [&flush, offset] { return flush(std::nullopt, offset); });
  }
  if (writing.valid()) {
    auto cancel = writing.get();
    if (!cancel.ok()) return fail(cancel.take_error());
    if (*cancel && !ending) ending = ImportStatus::kCancelled;
  }
  std::size_t offset = reader.offset();
  if (!ending) {
    offset = seal();  // the last, partial batch
  } else {
    ops.seal([](std::int64_t, const char*, const char*) {});  // read, not imported
    ops.clear();
  }
  auto last = flush(ending.value_or(ImportStatus::kSucceeded), offset);
  if (!last.ok()) return fail(last.take_error());
  // Refusals found while reading, sealing and writing, in the file's order (as stored).
  std::stable_sort(report.rejects.begin(), report.rejects.end(),
                   [](const ImportReject& a, const ImportReject& b) { return a.line < b.line; });
  report.seconds = std::chrono::duration<double>(Steady::now() - start).count();
  return report;
}

}  // namespace

Status ImportService::Check(const Principal& who, const RequestContext& ctx, ImportKind kind,
                            std::string_view csv, const std::string& file_name) {
  if (Status s = Refuse(who); !s.ok()) return Recorded(deps_, ctx, who, s);
  KAMS_CHECK(ValidateImportFileName(file_name));
  CsvReader reader(csv);
  if (kind == ImportKind::kCustomers) {
    KAMS_TRY(const CustomerColumns columns, ReadCustomerHeader(reader));
    (void)columns;
  } else {
    KAMS_TRY(const TransactionColumns columns, ReadTransactionHeader(reader));
    (void)columns;
  }
  return Ok();
}

Result<ImportRun> ImportService::Record(const Principal& who, const RequestContext& ctx,
                                        ImportKind kind, std::size_t bytes,
                                        const std::string& file_name, bool queued) {
  ImportRun run;
  run.kind = kind;
  run.status = queued ? ImportStatus::kQueued : ImportStatus::kRunning;
  run.file_name = file_name;
  run.bytes_total = static_cast<std::int64_t>(bytes);
  if (who.user_id != 0) run.created_by = who.user_id;
  run.created_by_name = who.user_id != 0 ? who.username : "";
  run.node = node();
  run.created_at = run.heartbeat_at = deps_.clock.Now();
  if (!queued) run.started_at = run.created_at;
  KAMS_CHECK(deps_.db.Run(TxMode::kWrite, [&](Tx& tx) -> Status {
    run.id = tx.import_runs().Insert(run);
    AppendAudit(tx, deps_, ctx, &who, "",
                AuditEvent{"import.start", "import_run", run.id, std::nullopt,
                           {{"kind", std::nullopt, std::string(ImportKindName(kind))},
                            {"file_name", std::nullopt, file_name},
                            {"bytes", std::nullopt, Str(run.bytes_total)}}});
    // The creator's display name, as a read of the run gives it.
    if (who.user_id != 0) {
      if (auto user = tx.users().Get(who.user_id)) run.created_by_name = user->display_name;
    }
    return Ok();
  }));
  return run;
}

// Ends a run that never imported a row (refused by a full queue, or the server stopped before
// its turn), with its import.finish audit row, in `tx`.
void ImportService::EndUnrun(Tx& tx, const Principal& who, const RequestContext& ctx,
                             ImportRun run, ImportStatus status, std::string error) {
  run.status = status;
  run.error = std::move(error);
  run.finished_at = run.heartbeat_at = deps_.clock.Now();
  if (!run.started_at) run.started_at = run.finished_at;
  tx.import_runs().Update(run);
  AppendAudit(tx, deps_, ctx, &who, "",
              AuditEvent{"import.finish", "import_run", run.id, std::nullopt,
                         {{"status", std::nullopt, std::string(ImportStatusName(status))},
                          {"imported", std::nullopt, "0"},
                          {"rejected", std::nullopt, "0"}}});
}

Result<ImportReport> ImportService::Import(const Principal& who, const RequestContext& ctx,
                                           ImportKind kind, std::string_view csv,
                                           const std::string& file_name,
                                           const ImportProgress& progress) {
  KAMS_CHECK(Check(who, ctx, kind, csv, file_name));
  KAMS_TRY(ImportRun run, Record(who, ctx, kind, csv.size(), file_name, false));
  return Execute(who, ctx, run, csv, progress, nullptr);
}

Result<ImportRun> ImportService::Submit(const Principal& who, const RequestContext& ctx,
                                        ImportKind kind, std::string csv,
                                        const std::string& file_name) {
  KAMS_CHECK(Check(who, ctx, kind, csv, file_name));
  if (executor_ == nullptr) return BadRequest("background imports run only in `kams serve`");
  KAMS_TRY(ImportRun run, Record(who, ctx, kind, csv.size(), file_name, true));
  auto body = std::make_shared<std::string>(std::move(csv));
  const bool queued = executor_->Post(
      [this, who, ctx, run, body](const std::atomic<bool>& stopping) {
        RunQueued(who, ctx, run, *body, stopping);
      });
  if (!queued) {
    // Nobody will run it: the run says so (and the audit log), and the client hears why.
    (void)deps_.db.Run(TxMode::kWrite, [&](Tx& tx) -> Status {
      EndUnrun(tx, who, ctx, run, ImportStatus::kFailed,
               "this node had " + Str(static_cast<std::int64_t>(kMaxQueuedImports)) +
                   " imports waiting; nothing was imported");
      return Ok();
    });
    return Unavailable("this node has " + Str(static_cast<std::int64_t>(kMaxQueuedImports)) +
                           " imports waiting; try again when one has finished",
                       "import queue full");
  }
  return run;
}

void ImportService::RunQueued(const Principal& who, const RequestContext& ctx, ImportRun run,
                              const std::string& csv, const std::atomic<bool>& stopping) {
  const Timestamp now = deps_.clock.Now();
  bool started = false;
  const Status s = deps_.db.Run(TxMode::kWrite, [&](Tx& tx) -> Status {
    if (stopping.load()) {
      // The server stops before the run's turn came.
      if (tx.import_runs().Start(run.id, node(), now)) {
        EndUnrun(tx, who, ctx, run, ImportStatus::kInterrupted,
                 "the server stopped before the import started; nothing was imported");
      }
      return Ok();
    }
    started = tx.import_runs().Start(run.id, node(), now);  // false: cancelled while queued
    return Ok();
  });
  if (!s.ok() || !started) return;
  run.status = ImportStatus::kRunning;
  run.started_at = run.heartbeat_at = now;
  (void)Execute(who, ctx, run, csv, {}, &stopping);  // the run records how it ended
}

Result<ImportReport> ImportService::Execute(const Principal& who, const RequestContext& ctx,
                                            ImportRun& run, std::string_view csv,
                                            const ImportProgress& progress,
                                            const std::atomic<bool>* stopping) {
  CsvReader reader(csv);
  const Timestamp now = deps_.clock.Now();
  std::unordered_map<std::string, Id> known;  // external references, the database's first
  KAMS_CHECK(LoadCustomerRefs(deps_, known));

  if (run.kind == ImportKind::kCustomers) {
    KAMS_TRY(const CustomerColumns columns, ReadCustomerHeader(reader));
    // Filled by the reader, then swapped to the writer's side when sealed.
    std::vector<Customer> filling, sealed;
    std::vector<std::int64_t> filling_lines, sealed_lines;
    KindOps ops{
        "customer.import",
        [&](const CsvReader& r, const std::vector<std::string>& f,
            std::int64_t line) -> std::optional<RowProblem> {
          Customer c;
          if (auto problem = ReadCustomerRow(r, f, columns, who, now, c)) return problem;
          const std::string& ref = *c.external_ref;
          if (!known.emplace(ref, 0).second) {
            return RowProblem{"customer_id", "duplicate: customer " + ref + " exists"};
          }
          filling.push_back(std::move(c));
          filling_lines.push_back(line);
          return std::nullopt;
        },
        [&](const KindOps::Refuse&) {
          std::swap(filling, sealed);
          std::swap(filling_lines, sealed_lines);
        },
        [&](Tx& tx) {
          for (auto& c : sealed) c.id = tx.customers().Insert(c);
          return std::vector<std::size_t>{};
        },
        [&]() -> const std::vector<std::int64_t>& { return sealed_lines; },
        [&] {
          sealed.clear();
          sealed_lines.clear();
        },
        "customer_id"};
    return Drive(deps_, who, ctx, run, reader, csv.size(), batch_rows_, node(), ops, progress,
                 stopping);
  }

  KAMS_TRY(const TransactionColumns columns, ReadTransactionHeader(reader));
  // Sealing plans the filled batch and moves its rows into their write order, so that the
  // writer reads them one after the other (a batch is far larger than the CPU's caches).
  std::vector<Transaction> filling, sealed;
  std::vector<std::int64_t> filling_lines, sealed_lines;
  KindOps ops{
      "transaction.import",
      [&](const CsvReader& r, const std::vector<std::string>& f,
          std::int64_t line) -> std::optional<RowProblem> {
        Transaction t;
        if (auto problem = ReadTransactionRow(r, f, columns, known, who, now, t)) return problem;
        filling.push_back(std::move(t));
        filling_lines.push_back(line);
        return std::nullopt;
      },
      [&](const KindOps::Refuse& refuse) {
        const TransactionPlan plan = PlanTransactions(filling);
        for (std::size_t i : plan.repeated) refuse(filling_lines[i], "txn_id", "duplicate: already imported");
        sealed.reserve(plan.order.size());
        sealed_lines.reserve(plan.order.size());
        for (std::size_t i : plan.order) {
          sealed.push_back(std::move(filling[i]));
          sealed_lines.push_back(filling_lines[i]);
        }
        filling.clear();
        filling_lines.clear();
      },
      [&](Tx& tx) { return RecordPlannedTransactions(tx, sealed); },
      [&]() -> const std::vector<std::int64_t>& { return sealed_lines; },
      [&] {
        sealed.clear();
        sealed_lines.clear();
      },
      "txn_id"};
  return Drive(deps_, who, ctx, run, reader, csv.size(), batch_rows_, node(), ops, progress,
               stopping);
}

Result<ImportRun> ImportService::Get(const Principal& who, const RequestContext& ctx, Id id) {
  if (!Allows(who.role, Permission::kDataImport)) {
    return Recorded(deps_, ctx, who, Result<ImportRun>(DenyError("read import runs", "import_run", id)));
  }
  std::optional<ImportRun> run;
  KAMS_CHECK(deps_.db.Run(TxMode::kRead, [&](Tx& tx) -> Status {
    run = tx.import_runs().Get(id, true);
    return Ok();
  }));
  if (!run) return NotFound("no import " + Str(id));
  const Timestamp now = deps_.clock.Now();
  run->status = EffectiveStatus(*run, now);
  run->seconds = RunSeconds(*run, now);
  return std::move(*run);
}

Result<Page<ImportRun>> ImportService::List(const Principal& who, const RequestContext& ctx,
                                            ImportRunFilter filter, const PageRequest& page) {
  if (!Allows(who.role, Permission::kDataImport)) {
    return Recorded(deps_, ctx, who,
                    Result<Page<ImportRun>>(DenyError("read import runs", "import_run", std::nullopt)));
  }
  const Timestamp now = deps_.clock.Now();
  filter.silent_before = now - kImportSilenceLimit;
  Page<ImportRun> out;
  KAMS_CHECK(deps_.db.Run(TxMode::kRead, [&](Tx& tx) -> Status {
    out = tx.import_runs().List(filter, page);
    return Ok();
  }));
  for (auto& r : out.items) {
    r.status = EffectiveStatus(r, now);
    r.seconds = RunSeconds(r, now);
  }
  return out;
}

Result<ImportRun> ImportService::Cancel(const Principal& who, const RequestContext& ctx, Id id) {
  if (!Allows(who.role, Permission::kDataImport)) {
    return Recorded(deps_, ctx, who, Result<ImportRun>(DenyError("cancel imports", "import_run", id)));
  }
  std::optional<Error> refused;
  KAMS_CHECK(deps_.db.Run(TxMode::kWrite, [&](Tx& tx) -> Status {
    refused.reset();
    auto run = tx.import_runs().Get(id, false);
    if (!run) {
      refused = NotFound("no import " + Str(id));
      return Ok();
    }
    const Timestamp now = deps_.clock.Now();
    const ImportStatus status = EffectiveStatus(*run, now);
    if (IsFinished(status)) {
      refused = Conflict("import " + Str(id) + " has already ended (" +
                         std::string(ImportStatusName(status)) + ")");
      return Ok();
    }
    if (!tx.import_runs().CancelQueued(id, now)) tx.import_runs().RequestCancel(id);
    AppendAudit(tx, deps_, ctx, &who, "",
                AuditEvent{"import.cancel", "import_run", id, std::nullopt,
                           {{"status", std::string(ImportStatusName(status)), std::nullopt}}});
    return Ok();
  }));
  if (refused) return std::move(*refused);
  return Get(who, ctx, id);
}

}  // namespace kams
