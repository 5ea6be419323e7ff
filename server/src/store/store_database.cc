#include "store/store_database.h"

#include "store/postgres/postgres_database.h"
#include "store/sqlite/sqlite_database.h"

namespace kams {

bool IsPostgresUrl(const std::string& db) {
  return db.rfind("postgres://", 0) == 0 || db.rfind("postgresql://", 0) == 0;
}

std::string RedactPassword(const std::string& db) {
  const auto scheme_end = db.find("://");
  if (scheme_end == std::string::npos) return db;
  const auto begin = scheme_end + 3;
  const auto at = db.find('@', begin);
  const auto end = db.find_first_of("/?", begin);
  if (at == std::string::npos || (end != std::string::npos && at > end)) return db;
  const auto colon = db.find(':', begin);
  if (colon == std::string::npos || colon > at) return db;
  return db.substr(0, colon + 1) + "***" + db.substr(at);
}

std::unique_ptr<StoreDatabase> OpenStore(const std::string& db, int pool_size,
                                         StoreWorkload workload) {
  if (IsPostgresUrl(db)) {
    return std::make_unique<PostgresDatabase>(PostgresOptions{db, pool_size});
  }
  SqliteOptions options;
  options.path = db;
  options.pool_size = pool_size;
  if (workload == StoreWorkload::kBulkLoad) {
    options.cache_mib = 4096;
    options.wal_autocheckpoint_pages = 262144;
  }
  return std::make_unique<SqliteDatabase>(options);
}

}  // namespace kams
