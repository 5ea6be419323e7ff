#include "store/backup.h"

#include <chrono>

#include "store/postgres/postgres_database.h"
#include "store/sqlite/sqlite_database.h"
#include "store/store_database.h"

namespace kams {
namespace {

double SecondsSince(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

}  // namespace

Result<BackupReport> BackupDatabase(const std::string& db, const std::string& out_path) {
  const auto start = std::chrono::steady_clock::now();
  KAMS_TRY(BackupReport report,
           IsPostgresUrl(db) ? BackupPostgres(db, out_path) : BackupSqlite(db, out_path));
  report.seconds = SecondsSince(start);
  return report;
}

Result<RestoreReport> RestoreDatabase(const std::string& backup_path, const std::string& db,
                                      ExistingData existing) {
  const auto start = std::chrono::steady_clock::now();
  KAMS_TRY(RestoreReport report, IsPostgresUrl(db) ? RestorePostgres(backup_path, db, existing)
                                                   : RestoreSqlite(backup_path, db, existing));
  report.seconds = SecondsSince(start);
  return report;
}

}  // namespace kams
