#include "store/sqlite/sqlite_database.h"

#include <sqlite3.h>

#include <chrono>
#include <stdexcept>
#include <thread>

#include "store/migration.h"
#include "store/sqlite/sqlite_connection.h"
#include "store/sqlite/sqlite_repos.h"
#include "store/sqlite/sqlite_schema.h"

namespace kams {
namespace {

constexpr int kMaxAttempts = 20;

bool IsTransient(const SQLite::Exception& e) {
  const int code = e.getErrorCode() & 0xFF;
  return code == SQLITE_BUSY || code == SQLITE_LOCKED;
}

bool IsConstraint(const SQLite::Exception& e) {
  return (e.getErrorCode() & 0xFF) == SQLITE_CONSTRAINT;
}

// The file system failed the database (a read, write or sync error, a full disk, a file
// that cannot be opened, pages that read back wrong): nothing about the request was
// wrong, and it may work again. SQLITE_CORRUPT is here because a failed or short read
// shows as a malformed page; corruption that lasts keeps failing, loudly, in the log.
bool IsStorageFault(const SQLite::Exception& e) {
  switch (e.getErrorCode() & 0xFF) {
    case SQLITE_IOERR:
    case SQLITE_FULL:
    case SQLITE_CANTOPEN:
    case SQLITE_NOMEM:
    case SQLITE_READONLY:
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
      return true;
    default:
      return false;
  }
}

constexpr const char* kCommitInDoubt =
    "the database failed while saving and cannot tell yet whether the change was kept: "
    "reload and check before repeating it";

Error CommitInDoubt(const SQLite::Exception& e) {
  return InDoubt(kCommitInDoubt, std::string("sqlite: commit failed and the WAL fence too: ") +
                                     e.what() + " (extended code " +
                                     std::to_string(e.getExtendedErrorCode()) + ")");
}

Error StorageFault(const SQLite::Exception& e) {
  return Unavailable("the database cannot be read or written just now (storage error); "
                     "nothing was changed - try again in a moment",
                     std::string("sqlite: ") + e.what() + " (extended code " +
                         std::to_string(e.getExtendedErrorCode()) + ")");
}

Error Internal(std::string detail) { return MakeError(ErrorCode::kInternal, std::move(detail)); }

}  // namespace

SqliteDatabase::SqliteDatabase(SqliteOptions options) : options_(std::move(options)) {
  if (options_.pool_size < 1) options_.pool_size = 1;
  try {
    for (int i = 0; i < options_.pool_size; ++i) {
      idle_.push_back(std::make_unique<SqliteConnection>(options_.path, options_.busy_timeout_ms,
                                                         options_.cache_mib,
                                                         options_.wal_autocheckpoint_pages));
    }
  } catch (const SQLite::Exception& e) {
    throw std::runtime_error("cannot open database " + options_.path + ": " + e.what());
  }
}

SqliteDatabase::~SqliteDatabase() {
  std::lock_guard lock(pool_mutex_);
  // Close all but one connection, then checkpoint so the file is complete on its own
  // after a clean shutdown (a checkpoint waits for other connections' readers).
  while (idle_.size() > 1) idle_.pop_back();
  if (!idle_.empty()) {
    try {
      idle_.front()->Exec("PRAGMA wal_checkpoint(TRUNCATE)");
    } catch (const SQLite::Exception&) {
    }
  }
  idle_.clear();
}

// A connection borrowed from the pool, returned when the lease ends.
struct SqliteDatabase::Lease {
  SqliteDatabase* self;
  std::unique_ptr<SqliteConnection> c;
  Lease(SqliteDatabase* s, std::unique_ptr<SqliteConnection> conn) : self(s), c(std::move(conn)) {}
  Lease(const Lease&) = delete;
  Lease& operator=(const Lease&) = delete;
  ~Lease() { self->Release(std::move(c)); }
  SqliteConnection* operator->() const { return c.get(); }
  SqliteConnection& operator*() const { return *c; }
};

SqliteDatabase::Lease SqliteDatabase::Acquire() {
  std::unique_lock lock(pool_mutex_);
  pool_cv_.wait(lock, [&] { return !idle_.empty(); });
  auto c = std::move(idle_.back());
  idle_.pop_back();
  return Lease(this, std::move(c));
}

void SqliteDatabase::Release(std::unique_ptr<SqliteConnection> c) {
  {
    std::lock_guard lock(pool_mutex_);
    idle_.push_back(std::move(c));
  }
  pool_cv_.notify_one();
}

Status SqliteDatabase::Run(TxMode mode, const std::function<Status(Tx&)>& work) {
  Lease conn = Acquire();

  std::unique_lock<std::mutex> write_lock(write_mutex_, std::defer_lock);
  if (mode == TxMode::kWrite) {
    write_lock.lock();
    // A commit failed earlier and its frames may still lie in the WAL: no new write
    // before they are overwritten (see FenceFailedCommit).
    if (fence_pending_ && !FenceFailedCommit(*conn, 1)) {
      return Unavailable("the database cannot be written just now (storage error); nothing "
                         "was changed - try again in a moment",
                         "sqlite: the WAL fence after a failed commit still fails");
    }
  }

  for (int attempt = 1;; ++attempt) {
    bool open = false;
    bool committing = false;
    try {
      conn->ExecCached(mode == TxMode::kWrite ? "BEGIN IMMEDIATE" : "BEGIN");
      open = true;
      SqliteTx tx(*conn);
      Status s = work(tx);
      conn->ResetInUse();
      if (!s.ok()) {
        conn->ExecCached("ROLLBACK");
        return s;
      }
      // Only a write's COMMIT leaves frames in the WAL to fence, and only a write holds
      // write_mutex_, which guards fence_pending_ and FenceFailedCommit: a read whose
      // COMMIT failed is a plain storage fault.
      committing = mode == TxMode::kWrite;
      conn->ExecCached("COMMIT");
      return Ok();
    } catch (const SQLite::Exception& e) {
      conn->ResetInUse();
      if (open) {
        try {
          if (sqlite3_get_autocommit(conn->db().getHandle()) == 0) {
            conn->Exec("ROLLBACK");
          }
        } catch (const SQLite::Exception&) {
        }
      }
      if (IsTransient(e) && attempt < kMaxAttempts) {
        std::this_thread::sleep_for(std::chrono::milliseconds(2 * attempt));
        continue;
      }
      if (IsConstraint(e)) {
        return Conflict("the change conflicts with an existing record");
      }
      if (IsStorageFault(e)) {
        if (committing) {
          fence_pending_ = true;
          if (!FenceFailedCommit(*conn, 7)) return CommitInDoubt(e);
        }
        return StorageFault(e);
      }
      return Internal(std::string("sqlite: ") + e.what());
    } catch (const std::exception& e) {
      conn->ResetInUse();
      if (open) {
        try {
          if (sqlite3_get_autocommit(conn->db().getHandle()) == 0) conn->Exec("ROLLBACK");
        } catch (const SQLite::Exception&) {
        }
      }
      if (committing) {
        fence_pending_ = true;
        if (!FenceFailedCommit(*conn, 7)) {
          return InDoubt(kCommitInDoubt, std::string("storage: ") + e.what());
        }
      }
      return Internal(std::string("storage: ") + e.what());
    }
  }
}

// A COMMIT that fails on the WAL's sync has already written the transaction's frames,
// commit mark included, to the WAL file; SQLite rolls it back in memory (the WAL index
// never hears of the frames), but a restart that rebuilds the index from the file before
// anything overwrote them would bring the refused transaction back. The next write
// starts where the failed one began and so breaks its checksum chain: the fence is such
// a write, made at once, of a value that changes nothing (page 1's user_version), so
// that an answer "nothing was changed" stays true across a restart. While the fence
// fails (the disk still refuses), the failed write is answered "in doubt" and later writes
// try the fence first; reads go on.
// REQUIRES: write_mutex_ held.
bool SqliteDatabase::FenceFailedCommit(SqliteConnection& conn, int attempts) {
  // 7 attempts take about 0.6 s: a passing fault clears, a lasting one is reported.
  for (int attempt = 1; attempt <= attempts; ++attempt) {
    try {
      conn.Exec("BEGIN IMMEDIATE");
      try {
        SQLite::Statement read(conn.db(), "PRAGMA user_version");
        read.executeStep();
        const int version = read.getColumn(0).getInt();
        conn.Exec("PRAGMA user_version=" + std::to_string(version));
        conn.Exec("COMMIT");
        fence_pending_ = false;
        return true;
      } catch (const SQLite::Exception&) {
        if (sqlite3_get_autocommit(conn.db().getHandle()) == 0) conn.Exec("ROLLBACK");
        throw;
      }
    } catch (const SQLite::Exception&) {
      if (attempt < attempts) std::this_thread::sleep_for(std::chrono::milliseconds(5 << attempt));
    }
  }
  return false;
}

int SqliteDatabase::SchemaVersion() {
  Lease conn = Acquire();
  return SqliteSchemaVersion(conn->db());
}

Result<int> SqliteDatabase::Migrate() {
  const auto& all = SqliteMigrations();
  const int known = all.empty() ? 0 : all.back().version;
  const int current = SchemaVersion();
  if (current > known) {
    return MakeError(ErrorCode::kInternal,
                     "database schema version " + std::to_string(current) +
                         " is newer than this binary (" + std::to_string(known) +
                         "); upgrade KAMS before opening it");
  }
  if (current == known) return current;
  Lease conn = Acquire();
  std::lock_guard write_lock(write_mutex_);
  try {
    return ApplySqliteMigrations(conn->db(), known);
  } catch (const SQLite::Exception& e) {
    return MakeError(ErrorCode::kInternal, std::string("migration failed: ") + e.what());
  }
}

Status SqliteDatabase::Reset() {
  return MakeError(ErrorCode::kInternal, "a SQLite database is reset by removing its file");
}

void SqliteDatabase::ExecRaw(const std::string& sql) {
  Lease conn = Acquire();
  conn->Exec(sql);
}

}  // namespace kams
