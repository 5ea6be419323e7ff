#pragma once
// The PostgreSQL adapter (libpqxx on libpq). A pool of connections to one database given
// by a libpq URL; several hosts with target_session_attrs=read-write follow a failover.
//
// Transactions: reads run in REPEATABLE READ READ ONLY (one snapshot for the whole unit of
// work, like SQLite's read transactions); writes run in SERIALIZABLE, so the core's
// read-check-write use cases (If-Match versions, uniqueness checks, throttle counters)
// behave exactly as under SQLite's single writer. Serialization failures, deadlocks and
// broken connections are retried here a bounded number of times and never reach clients.
//
// No libpqxx type appears in this header: it is included by app/.

#include <memory>
#include <string>

#include "store/backup.h"
#include "store/store_database.h"

namespace kams {

struct PostgresOptions {
  std::string url;   // postgres://user@host:port/dbname?... (libpq syntax, several hosts ok)
  int pool_size = 8;
  int max_attempts = 30;  // per transaction, for serialization failures and deadlocks
};

class PostgresDatabase final : public StoreDatabase {
 public:
  // Connects once to fail early. Throws std::runtime_error when the server is unreachable.
  explicit PostgresDatabase(PostgresOptions options);
  ~PostgresDatabase() override;

  Status Run(TxMode mode, const std::function<Status(Tx&)>& work) override;
  std::string_view Backend() const override { return "postgres"; }

  // Migrations hold a transaction-scoped advisory lock, so of several nodes starting at
  // once exactly one migrates and the others then see the result.
  Result<int> Migrate() override;
  int SchemaVersion() override;
  // Drops every table of the current schema (for `kams demo`).
  Status Reset() override;

  struct Impl;

 private:
  std::unique_ptr<Impl> impl_;
};

// `kams backup` and `kams restore` of PostgreSQL databases (see store/backup.h for the
// contract), on connections of their own (pg_backup.cc). The backup reads every KAMS table
// in one REPEATABLE READ READ ONLY transaction into a new SQLite file made by the SQLite
// migrations up to the database's version. The restore migrates the database (after
// dropping its tables when `existing` is kReplace), then in one transaction empties every
// table, copies the backup in (batched INSERT … SELECT FROM unnest of one array per column),
// and moves every identity sequence past the largest id restored.
Result<BackupReport> BackupPostgres(const std::string& url, const std::string& out_path);
Result<RestoreReport> RestorePostgres(const std::string& backup_path, const std::string& url,
                                      ExistingData existing);

// libpq accepts several hosts in one URL; a writer must land on the primary, so unless the
// URL says otherwise such a URL gets target_session_attrs=read-write.
std::string NormaliseUrl(std::string url);

}  // namespace kams
