#include "core/imports/import_service.h"

#include <chrono>
#include <map>
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

class Rejects {
 public:
  explicit Rejects(ImportReport& report) : report_(report) {}
  void Add(std::int64_t line, std::string column, std::string reason) {
    ++report_.rejected;
    if (report_.rejects.size() < kMaxRejectsKept) {
      report_.rejects.push_back({line, std::move(column), std::move(reason)});
    }
  }

 private:
  ImportReport& report_;
};

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

}  // namespace

Result<ImportReport> ImportService::ImportCustomers(const Principal& who,
                                                    const RequestContext& ctx,
                                                    std::string_view csv,
                                                    const ImportProgress& progress) {
  if (Status s = Refuse(who); !s.ok()) return Recorded(deps_, ctx, who, Result<ImportReport>(s.take_error()));
  const auto start = Steady::now();
  CsvReader reader(csv);
  KAMS_TRY(const CustomerColumns columns, ReadCustomerHeader(reader));
  ImportReport report;
  Rejects rejects(report);

  // Known references: the database's, then this file's as rows are accepted.
  std::unordered_map<std::string, Id> known;
  KAMS_CHECK(LoadCustomerRefs(deps_, known));

  std::vector<std::pair<std::int64_t, Customer>> batch;
  const auto flush = [&]() -> Status {
    if (batch.empty()) return Ok();
    KAMS_CHECK(deps_.db.Run(TxMode::kWrite, [&](Tx& tx) -> Status {
      for (auto& [line, c] : batch) c.id = tx.customers().Insert(c);
      AppendAudit(tx, deps_, ctx, &who, "",
                  AuditEvent{"customer.import", "import", std::nullopt, std::nullopt,
                             {{"rows", std::nullopt, std::to_string(batch.size())},
                              {"lines", std::nullopt,
                               std::to_string(batch.front().first) + "-" +
                                   std::to_string(batch.back().first)}}});
      return Ok();
    }));
    report.imported += static_cast<std::int64_t>(batch.size());
    batch.clear();
    if (progress) progress(report.rows, reader.offset(), csv.size());
    return Ok();
  };

  std::vector<std::string> f;
  const Timestamp now = deps_.clock.Now();
  while (reader.Next(f)) {
    ++report.rows;
    const std::int64_t line = reader.line();
    Customer c;
    if (auto problem = ReadCustomerRow(reader, f, columns, who, now, c)) {
      rejects.Add(line, std::move(problem->column), std::move(problem->reason));
      continue;
    }
    const std::string& ref = *c.external_ref;
    if (!known.emplace(ref, 0).second) {
      rejects.Add(line, "customer_id", "duplicate: customer " + ref + " exists");
      continue;
    }
    batch.emplace_back(line, std::move(c));
    if (batch.size() >= batch_rows_) KAMS_CHECK(flush());
  }
  KAMS_CHECK(flush());
  report.seconds = std::chrono::duration<double>(Steady::now() - start).count();
  return report;
}

Result<ImportReport> ImportService::ImportTransactions(const Principal& who,
                                                       const RequestContext& ctx,
                                                       std::string_view csv,
                                                       const ImportProgress& progress) {
  if (Status s = Refuse(who); !s.ok()) return Recorded(deps_, ctx, who, Result<ImportReport>(s.take_error()));
  const auto start = Steady::now();
  CsvReader reader(csv);
  KAMS_TRY(const TransactionColumns columns, ReadTransactionHeader(reader));
  ImportReport report;
  Rejects rejects(report);

  std::unordered_map<std::string, Id> customers;
  KAMS_CHECK(LoadCustomerRefs(deps_, customers));

  // The batch's rows and the file line of each.
  std::vector<Transaction> batch;
  std::vector<std::int64_t> lines;
  const auto flush = [&]() -> Status {
    if (batch.empty()) return Ok();
    std::int64_t written = 0;
    std::vector<std::size_t> duplicates;
    KAMS_CHECK(deps_.db.Run(TxMode::kWrite, [&](Tx& tx) -> Status {
      duplicates = RecordTransactions(tx, batch);
      written = static_cast<std::int64_t>(batch.size() - duplicates.size());
      AppendAudit(tx, deps_, ctx, &who, "",
                  AuditEvent{"transaction.import", "import", std::nullopt, std::nullopt,
                             {{"rows", std::nullopt, std::to_string(written)},
                              {"lines", std::nullopt,
                               std::to_string(lines.front()) + "-" + std::to_string(lines.back())}}});
      return Ok();
    }));
    for (auto i : duplicates) rejects.Add(lines[i], "txn_id", "duplicate: already imported");
    report.imported += written;
    batch.clear();
    lines.clear();
    if (progress) progress(report.rows, reader.offset(), csv.size());
    return Ok();
  };

  std::vector<std::string> f;
  const Timestamp now = deps_.clock.Now();
  while (reader.Next(f)) {
    ++report.rows;
    const std::int64_t line = reader.line();
    Transaction t;
    if (auto problem = ReadTransactionRow(reader, f, columns, customers, who, now, t)) {
      rejects.Add(line, std::move(problem->column), std::move(problem->reason));
      continue;
    }
    batch.push_back(std::move(t));
    lines.push_back(line);
    if (batch.size() >= batch_rows_) KAMS_CHECK(flush());
  }
  KAMS_CHECK(flush());
  report.seconds = std::chrono::duration<double>(Steady::now() - start).count();
  return report;
}

}  // namespace kams
