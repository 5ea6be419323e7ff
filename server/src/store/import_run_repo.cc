#include "store/import_run_repo.h"

#include <climits>

namespace kams {
namespace {

constexpr const char* kRunSelect =
    "SELECT r.id, r.kind, r.status, r.file_name, r.bytes_total, r.bytes_done, r.rows_read, "
    "r.imported, r.rejected, r.error, r.cancel_requested, r.created_by, "
    "COALESCE(u.display_name, ''), r.node, r.created_at, r.started_at, r.finished_at, "
    "r.heartbeat_at FROM import_run r LEFT JOIN app_user u ON u.id = r.created_by";

ImportRun ReadRun(const SqlRow& row) {
  ImportRun r;
  r.id = row.Int(0);
  r.kind = ParseImportKind(row.Text(1)).value_or(ImportKind::kTransactions);
  r.status = ParseImportStatus(row.Text(2)).value_or(ImportStatus::kFailed);
  r.file_name = row.Text(3);
  r.bytes_total = row.Int(4);
  r.bytes_done = row.Int(5);
  r.rows = row.Int(6);
  r.imported = row.Int(7);
  r.rejected = row.Int(8);
  r.error = row.OptText(9);
  r.cancel_requested = row.Int(10) != 0;
  r.created_by = row.OptInt(11);
  r.created_by_name = row.Text(12);
  r.node = row.Text(13);
  r.created_at = row.Int(14);
  r.started_at = row.OptInt(15);
  r.finished_at = row.OptInt(16);
  r.heartbeat_at = row.Int(17);
  return r;
}

std::string Name(ImportStatus s) { return std::string(ImportStatusName(s)); }

}  // namespace

Id SqlImportRunRepository::Insert(const ImportRun& r) {
  SqlBinder b(run_.dialect());
  const std::string sql =
      "INSERT INTO import_run (kind, status, file_name, bytes_total, created_by, node, "
      "created_at, heartbeat_at) VALUES (" +
      b.Add(std::string(ImportKindName(r.kind))) + ", " + b.Add(Name(r.status)) + ", " +
      b.Add(r.file_name) + ", " + b.Add(r.bytes_total) + ", " + AddOpt(b, r.created_by) + ", " +
      b.Add(r.node) + ", " + b.Add(r.created_at) + ", " + b.Add(r.heartbeat_at) +
      ") RETURNING id";
  Id id = 0;
  run_.Run(b, sql, [&](const SqlRow& row) { id = row.Int(0); });
  return id;
}

void SqlImportRunRepository::Update(const ImportRun& r) {
  SqlBinder b(run_.dialect());
  const std::string sql =
      "UPDATE import_run SET status = " + b.Add(Name(r.status)) +
      ", bytes_done = " + b.Add(r.bytes_done) + ", rows_read = " + b.Add(r.rows) +
      ", imported = " + b.Add(r.imported) + ", rejected = " + b.Add(r.rejected) +
      ", error = " + AddOpt(b, r.error) + ", started_at = " + AddOpt(b, r.started_at) +
      ", finished_at = " + AddOpt(b, r.finished_at) + ", heartbeat_at = " +
      b.Add(r.heartbeat_at) + " WHERE id = " + b.Add(r.id);
  run_.Run(b, sql);
}

void SqlImportRunRepository::AddRejects(Id run_id, const std::vector<ImportReject>& rejects) {
  for (const ImportReject& x : rejects) {
    SqlBinder b(run_.dialect());
    const std::string sql =
        "INSERT INTO import_reject (import_run_id, line, column_name, reason) VALUES (" +
        b.Add(run_id) + ", " + b.Add(x.line) + ", " + b.Add(x.column) + ", " + b.Add(x.reason) +
        ")";
    run_.Run(b, sql);
  }
}

std::optional<ImportRun> SqlImportRunRepository::Get(Id id, bool with_rejects) {
  SqlBinder b(run_.dialect());
  std::optional<ImportRun> out;
  run_.Run(b, std::string(kRunSelect) + " WHERE r.id = " + b.Add(id),
           [&](const SqlRow& row) { out = ReadRun(row); });
  if (out && with_rejects) {
    SqlBinder rb(run_.dialect());
    run_.Run(rb,
             "SELECT line, column_name, reason FROM import_reject WHERE import_run_id = " +
                 rb.Add(id) + " ORDER BY line, column_name",
             [&](const SqlRow& row) {
               out->rejects.push_back({row.Int(0), row.Text(1), row.Text(2)});
             });
  }
  return out;
}

Page<ImportRun> SqlImportRunRepository::List(const ImportRunFilter& f, const PageRequest& page) {
  SqlBinder b(run_.dialect());
  std::string sql = std::string(kRunSelect) + " WHERE r.id < " +
                    b.Add(page.after ? page.after->id : std::int64_t{INT64_MAX});
  if (f.kind) sql += " AND r.kind = " + b.Add(std::string(ImportKindName(*f.kind)));
  if (f.status) {
    // Runs whose node fell silent read as interrupted (EffectiveStatus).
    switch (*f.status) {
      case ImportStatus::kQueued:
      case ImportStatus::kRunning:
        sql += " AND r.status = " + b.Add(Name(*f.status)) +
               " AND r.heartbeat_at >= " + b.Add(f.silent_before);
        break;
      case ImportStatus::kInterrupted:
        sql += " AND (r.status = 'interrupted' OR (r.status IN ('queued', 'running') AND "
               "r.heartbeat_at < " +
               b.Add(f.silent_before) + "))";
        break;
      default: sql += " AND r.status = " + b.Add(Name(*f.status)); break;
    }
  }
  sql += " ORDER BY r.id DESC LIMIT " + b.Add(std::int64_t{page.limit} + 1);
  Page<ImportRun> out;
  run_.Run(b, sql, [&](const SqlRow& row) { out.items.push_back(ReadRun(row)); });
  if (static_cast<int>(out.items.size()) > page.limit) {
    out.items.pop_back();
    out.next = Cursor{std::to_string(out.items.back().id), out.items.back().id};
  }
  return out;
}

bool SqlImportRunRepository::Start(Id id, const std::string& node, Timestamp at) {
  SqlBinder b(run_.dialect());
  const std::string sql = "UPDATE import_run SET status = 'running', node = " + b.Add(node) +
                          ", started_at = " + b.Add(at) + ", heartbeat_at = " + b.Add(at) +
                          " WHERE id = " + b.Add(id) + " AND status = 'queued'";
  return run_.Run(b, sql) == 1;
}

bool SqlImportRunRepository::CancelQueued(Id id, Timestamp at) {
  SqlBinder b(run_.dialect());
  const std::string sql = "UPDATE import_run SET status = 'cancelled', cancel_requested = 1, "
                          "finished_at = " +
                          b.Add(at) + ", heartbeat_at = " + b.Add(at) + " WHERE id = " +
                          b.Add(id) + " AND status = 'queued'";
  return run_.Run(b, sql) == 1;
}

void SqlImportRunRepository::RequestCancel(Id id) {
  SqlBinder b(run_.dialect());
  run_.Run(b, "UPDATE import_run SET cancel_requested = 1 WHERE id = " + b.Add(id));
}

void SqlImportRunRepository::TouchQueued(const std::string& node, Timestamp at) {
  SqlBinder b(run_.dialect());
  run_.Run(b, "UPDATE import_run SET heartbeat_at = " + b.Add(at) + " WHERE status = 'queued' AND node = " +
                  b.Add(node));
}

}  // namespace kams
