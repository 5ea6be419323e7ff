#pragma once
// What the app needs from a storage backend beyond the core's Database port: schema
// migrations and a reset for the demo loader. Implemented by SqliteDatabase and
// PostgresDatabase; OpenStore picks one from the --db value. Backups and restores, which
// open connections of their own, are in backup.h.

#include <memory>
#include <string>

#include "core/ports/database.h"

namespace kams {

class StoreDatabase : public Database {
 public:
  // Applies every pending migration in one transaction. Fails (without change) when the
  // database's schema is newer than this binary. Returns the resulting schema version.
  virtual Result<int> Migrate() = 0;
  // The schema version of the database (0 for an empty one).
  virtual int SchemaVersion() = 0;
  // Drops every table, so the demo loader starts from nothing (only `kams demo` calls it).
  virtual Status Reset() = 0;
};

// True for postgres:// and postgresql:// connection strings.
bool IsPostgresUrl(const std::string& db);

// `db` with the password of a URL replaced by "***", for logs and messages.
std::string RedactPassword(const std::string& db);

// What the connections are tuned for. kBulkLoad (`kams import`): a SQLite connection may
// keep up to 4 GiB of pages in its cache (allocated as pages are read) and checkpoints its
// WAL every 1 GiB instead of every 4 MiB. A large import inserts into indexes keyed by
// customer in the file's (date) order, so every batch dirties pages all over them: the
// cache must hold a batch's dirty pages (or they spill into the WAL and are written again),
// and fewer checkpoints copy each page back fewer times. Durability is the same (WAL,
// synchronous=FULL, every batch one transaction).
enum class StoreWorkload { kOnline, kBulkLoad };

// Opens (without migrating) a SQLite file or, for a postgres:// URL, a PostgreSQL database
// with a pool of `pool_size` connections. Throws std::runtime_error when it cannot.
std::unique_ptr<StoreDatabase> OpenStore(const std::string& db, int pool_size,
                                         StoreWorkload workload = StoreWorkload::kOnline);

}  // namespace kams
