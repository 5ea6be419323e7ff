// `kams backup` and `kams restore` of SQLite files (declared in sqlite_database.h).
#include <SQLiteCpp/SQLiteCpp.h>

#include <filesystem>

#include "store/durable_file.h"
#include "store/migration.h"
#include "store/sqlite/backup_file.h"
#include "store/sqlite/sqlite_database.h"
#include "store/sqlite/sqlite_schema.h"

namespace kams {
namespace {

namespace fs = std::filesystem;

Error Internal(std::string detail) { return MakeError(ErrorCode::kInternal, std::move(detail)); }

int LatestVersion() {
  const auto& all = SqliteMigrations();
  return all.empty() ? 0 : all.back().version;
}

Result<std::vector<TableRows>> CountRows(const std::string& backup_path) {
  KAMS_TRY(auto reader, BackupReader::Open(backup_path));
  std::vector<TableRows> out;
  for (const auto& t : reader->tables()) out.push_back({t.name, reader->CountRows(t)});
  return out;
}

}  // namespace

Result<BackupReport> BackupSqlite(const std::string& db, const std::string& out_path) {
  std::error_code ec;
  if (!fs::is_regular_file(db, ec)) return BadRequest("there is no SQLite database at " + db);
  if (fs::exists(out_path, ec)) return Conflict(out_path + " already exists");
  const std::string tmp_path = out_path + ".tmp";
  if (fs::exists(tmp_path, ec)) {
    return Conflict(tmp_path +
                    " exists: another backup is being written, or one was "
                    "interrupted (then remove it)");
  }
  BackupReport report;
  try {
    TempFile tmp(tmp_path);
    {
      SQLite::Database source(db, SQLite::OPEN_READWRITE);
      source.setBusyTimeout(10'000);
      report.schema_version = SqliteSchemaVersion(source);
      if (report.schema_version == 0) {
        return BadRequest(db + " is not a KAMS database: it has no schema");
      }
      // One read transaction: a consistent copy while the server goes on writing. The
      // copy is in rollback-journal mode, a single self-contained file.
      SQLite::Statement vacuum(source, "VACUUM INTO ?");
      vacuum.bind(1, tmp_path);
      vacuum.exec();
    }
    KAMS_TRY(report.tables, CountRows(tmp_path));
    if (!tmp.Publish(out_path, TempFile::Replace::kNoReplace)) {
      return Conflict(out_path + " already exists");
    }
  } catch (const std::exception& e) {
    return Internal(std::string("backup failed: ") + e.what());
  }
  return report;
}

Result<RestoreReport> RestoreSqlite(const std::string& backup_path, const std::string& db,
                                    ExistingData existing) {
  RestoreReport report;
  const int latest = LatestVersion();
  {
    KAMS_TRY(auto reader, BackupReader::Open(backup_path));
    report.backup_version = reader->schema_version();
  }
  if (report.backup_version > latest) {
    return Conflict("the backup's schema version " + std::to_string(report.backup_version) +
                    " is newer than this binary's (" + std::to_string(latest) +
                    "); restore it with a newer kams");
  }
  std::error_code ec;
  const bool target_existed = fs::exists(db, ec);
  if (existing == ExistingData::kRefuse) {
    if (auto data = SqliteFileData(db)) {
      return Conflict(db + " holds data (" + *data + "); a restore replaces it only with --force");
    }
  }
  const std::string tmp_path = db + ".tmp";
  if (fs::exists(tmp_path, ec)) {
    return Conflict(tmp_path +
                    " exists: another restore is being written, or one was "
                    "interrupted (then remove it)");
  }
  try {
    TempFile tmp(tmp_path);
    report.schema_version = CopyBackupFile(backup_path, tmp_path, latest);
    KAMS_TRY(report.tables, CountRows(tmp_path));
    // The old file's journal or WAL must not be replayed into the new one.
    RemoveSqliteCompanions(db);
    const auto replace = target_existed || existing == ExistingData::kReplace
                             ? TempFile::Replace::kReplace
                             : TempFile::Replace::kNoReplace;
    if (!tmp.Publish(db, replace)) return Conflict(db + " was created during the restore");
  } catch (const std::exception& e) {
    return Internal(std::string("restore failed: ") + e.what());
  }
  return report;
}

}  // namespace kams
