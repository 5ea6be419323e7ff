#include "store/postgres/postgres_database.h"

#include <pqxx/pqxx>

#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <mutex>
#include <random>
#include <stdexcept>
#include <thread>
#include <vector>

#include "store/migration.h"
#include "store/postgres/pg_repos.h"
#include "store/postgres/pg_session.h"

namespace kams {
namespace {

// pg_advisory_xact_lock key of schema changes ('kams' in ASCII).
constexpr std::int64_t kSchemaLockKey = 0x6B616D73;
// A broken connection is retried this many times (with growing pauses, ~15 s in all),
// long enough for a failover to promote the standby.
constexpr int kMaxReconnects = 10;

Error Internal(std::string detail) { return MakeError(ErrorCode::kInternal, std::move(detail)); }

void Pause(int attempt, int cap_ms) {
  // Exponential back-off with jitter, so retrying writers do not collide again in step.
  thread_local std::minstd_rand rng(std::random_device{}());
  const int base = std::min(cap_ms, 1 << std::min(attempt, 12));
  std::uniform_int_distribution<int> d(base / 2, base);
  std::this_thread::sleep_for(std::chrono::milliseconds(d(rng)));
}

// What the client reads when the database cannot be reached or fails (the detail goes to
// the log): nothing was written; and when the connection broke during COMMIT, when the
// database may have committed without KAMS hearing of it.
constexpr const char* kNoDatabase =
    "the database cannot be reached just now; nothing was changed - try again in a moment";
constexpr const char* kInDoubt =
    "the connection to the database broke while saving: the change may or may not have "
    "been saved - reload and check before repeating it";

// Insufficient resources (53: disk full, out of memory, too many connections), operator
// intervention (57P: shutting down, starting up) and system errors (58: I/O): the
// database's trouble, not the request's.
bool IsServerTrouble(const std::string& sqlstate) {
  return sqlstate.rfind("53", 0) == 0 || sqlstate.rfind("57P", 0) == 0 ||
         sqlstate.rfind("58", 0) == 0;
}

// libpq's own errors carry no SQLSTATE: every error the server sends has one, so an error
// without it is the connection failing on this side (a receive that failed, a message cut
// short). The connection's state is then unknown — an unread reply could answer the next
// query — so it is given up like a broken one.
bool IsConnectionFailure(const pqxx::sql_error& e) { return e.sqlstate().empty(); }

bool IsRetryableState(const std::string& sqlstate) {
  return sqlstate == "40001" || sqlstate == "40P01";  // serialization failure, deadlock
}

}  // namespace

struct PostgresDatabase::Impl {
  PostgresOptions options;
  std::string url;
  std::mutex mutex;
  std::condition_variable cv;
  std::vector<std::unique_ptr<PgConnection>> idle;
  int open = 0;  // connections idle or lent out

  // A connection borrowed from the pool; a broken one is discarded instead of returned.
  class Lease {
   public:
    Lease(Impl& pool, std::unique_ptr<PgConnection> c) : pool_(pool), c_(std::move(c)) {}
    Lease(const Lease&) = delete;
    Lease& operator=(const Lease&) = delete;
    ~Lease() { pool_.Release(std::move(c_), discard_); }
    PgConnection* operator->() const { return c_.get(); }
    PgConnection& operator*() const { return *c_; }
    void Discard() { discard_ = true; }

   private:
    Impl& pool_;
    std::unique_ptr<PgConnection> c_;
    bool discard_ = false;
  };

  // Throws pqxx::broken_connection when a new connection cannot be made.
  std::unique_ptr<PgConnection> Take() {
    std::unique_lock lock(mutex);
    cv.wait(lock, [&] { return !idle.empty() || open < options.pool_size; });
    if (!idle.empty()) {
      auto c = std::move(idle.back());
      idle.pop_back();
      return c;
    }
    ++open;
    lock.unlock();
    try {
      return std::make_unique<PgConnection>(url);
    } catch (...) {
      lock.lock();
      --open;
      lock.unlock();
      cv.notify_one();
      throw;
    }
  }

  void Release(std::unique_ptr<PgConnection> c, bool discard) {
    {
      std::lock_guard lock(mutex);
      if (discard || !c || !c->raw().is_open()) {
        --open;
      } else {
        idle.push_back(std::move(c));
      }
    }
    cv.notify_one();
  }

  Lease Acquire() { return Lease(*this, Take()); }

  // Runs `fn(conn)` on a pooled connection, reconnecting a bounded number of times when the
  // connection breaks before anything was committed.
  template <class F>
  auto WithConnection(F&& fn) -> decltype(fn(std::declval<PgConnection&>())) {
    for (int attempt = 1;; ++attempt) {
      try {
        Lease conn = Acquire();
        try {
          return fn(*conn);
        } catch (const pqxx::broken_connection&) {
          conn.Discard();
          throw;
        } catch (const pqxx::sql_error& e) {
          if (!IsConnectionFailure(e)) throw;
          conn.Discard();
          throw pqxx::broken_connection(e.what());
        } catch (...) {
          conn.Discard();  // its state is unknown
          throw;
        }
      } catch (const pqxx::broken_connection&) {
        if (attempt >= kMaxReconnects) throw;
        Pause(6 + attempt, 2000);
      }
    }
  }
};

PostgresDatabase::PostgresDatabase(PostgresOptions options) : impl_(std::make_unique<Impl>()) {
  impl_->options = std::move(options);
  if (impl_->options.pool_size < 1) impl_->options.pool_size = 1;
  if (impl_->options.max_attempts < 1) impl_->options.max_attempts = 1;
  impl_->url = NormaliseUrl(impl_->options.url);
  try {
    impl_->Release(impl_->Take(), false);  // connect once now, to fail early
  } catch (const std::exception& e) {
    throw std::runtime_error("cannot connect to PostgreSQL at " + RedactPassword(impl_->options.url) +
                             ": " + e.what());
  }
}

PostgresDatabase::~PostgresDatabase() = default;

Status PostgresDatabase::Run(TxMode mode, const std::function<Status(Tx&)>& work) {
  int reconnects = 0;
  for (int attempt = 1;; ++attempt) {
    std::optional<Impl::Lease> conn;
    try {
      conn.emplace(*impl_, impl_->Take());
    } catch (const std::exception& e) {
      // broken_connection, or a connection that broke while it was being set up.
      if (++reconnects < kMaxReconnects) {
        Pause(6 + reconnects, 2000);
        continue;
      }
      return Unavailable(kNoDatabase, std::string("postgres: cannot connect: ") + e.what());
    }
    bool committing = false;
    try {
      Status s = Ok();
      auto body = [&](pqxx::transaction_base& tx) {
        PgSession session(**conn, tx, mode);
        PgTx repos(session);
        s = work(repos);
        if (!s.ok()) {
          tx.abort();
          return;
        }
        if (mode == TxMode::kWrite) repos.BeforeCommit();
        committing = true;
        tx.commit();
      };
      if (mode == TxMode::kWrite) {
        pqxx::transaction<pqxx::serializable, pqxx::read_write> tx((*conn)->raw());
        body(tx);
      } else {
        pqxx::transaction<pqxx::repeatable_read, pqxx::read_only> tx((*conn)->raw());
        body(tx);
      }
      return s;
    } catch (const PgNulInText&) {
      return BadRequest("text must not contain the NUL character (U+0000)");
    } catch (const pqxx::in_doubt_error& e) {
      conn->Discard();
      // Only a write can be in doubt. A read-only transaction that loses its connection at
      // COMMIT (the primary died just then) changed nothing: it is run again like any
      // other read whose connection broke, instead of failing the request (the failover
      // drill saw such a failed token lookup answer 401).
      if (mode == TxMode::kWrite) {
        return InDoubt(kInDoubt, std::string("postgres: the connection broke while "
                                             "committing; the outcome is unknown: ") +
                                     e.what());
      }
      if (++reconnects < kMaxReconnects) {
        conn.reset();
        Pause(6 + reconnects, 2000);
        continue;
      }
      return Unavailable(kNoDatabase, std::string("postgres: connection lost: ") + e.what());
    } catch (const pqxx::broken_connection& e) {
      conn->Discard();
      if (committing && mode == TxMode::kWrite) {
        return InDoubt(kInDoubt,
                       std::string("postgres: the connection broke while committing: ") +
                           e.what());
      }
      if (++reconnects < kMaxReconnects) {
        conn.reset();
        Pause(6 + reconnects, 2000);
        continue;
      }
      return Unavailable(kNoDatabase, std::string("postgres: connection lost: ") + e.what());
    } catch (const pqxx::serialization_failure& e) {
      if (attempt < impl_->options.max_attempts) {
        conn.reset();
        Pause(attempt, 100);
        continue;
      }
      return Internal(std::string("postgres: still conflicting after retries: ") + e.what());
    } catch (const pqxx::deadlock_detected& e) {
      if (attempt < impl_->options.max_attempts) {
        conn.reset();
        Pause(attempt, 100);
        continue;
      }
      return Internal(std::string("postgres: still deadlocking after retries: ") + e.what());
    } catch (const pqxx::integrity_constraint_violation&) {
      // Like SQLite's SQLITE_CONSTRAINT: a uniqueness (or other integrity) race the use
      // case's own checks could not see.
      return Conflict("the change conflicts with an existing record");
    } catch (const pqxx::sql_error& e) {
      if (IsConnectionFailure(e)) {
        conn->Discard();
        if (committing && mode == TxMode::kWrite) {
          return InDoubt(kInDoubt, std::string("postgres: the connection failed while "
                                               "committing: ") + e.what());
        }
        if (++reconnects < kMaxReconnects) {
          conn.reset();
          Pause(6 + reconnects, 2000);
          continue;
        }
        return Unavailable(kNoDatabase, std::string("postgres: connection failed: ") + e.what());
      }
      if (IsRetryableState(e.sqlstate()) && attempt < impl_->options.max_attempts) {
        conn.reset();
        Pause(attempt, 100);
        continue;
      }
      if (IsServerTrouble(e.sqlstate())) {
        return Unavailable(kNoDatabase,
                           std::string("postgres: ") + e.what() + " [" + e.sqlstate() + "]");
      }
      return Internal(std::string("postgres: ") + e.what() + " [" + e.sqlstate() + "]");
    } catch (const std::exception& e) {
      conn->Discard();  // whatever went wrong, the connection's state is unknown
      return Internal(std::string("storage: ") + e.what());
    }
  }
}

int PostgresDatabase::SchemaVersion() {
  return impl_->WithConnection([](PgConnection& c) {
    pqxx::nontransaction tx(c.raw());
    if (tx.exec("SELECT to_regclass('schema_migration') IS NULL")[0][0].as<bool>()) return 0;
    return tx.exec("SELECT COALESCE(MAX(version), 0) FROM schema_migration")[0][0].as<int>();
  });
}

Result<int> PostgresDatabase::Migrate() {
  const auto& all = PostgresMigrations();
  const int known = all.empty() ? 0 : all.back().version;
  try {
    if (SchemaVersion() == known) return known;
    return impl_->WithConnection([&](PgConnection& c) -> Result<int> {
      pqxx::work tx(c.raw());
      // Several nodes may start at once: one migrates, the others wait here and then find
      // nothing left to do.
      tx.exec_params("SELECT pg_advisory_xact_lock($1)", kSchemaLockKey);
      tx.exec(
          "CREATE TABLE IF NOT EXISTS schema_migration (version INTEGER PRIMARY KEY, "
          "name TEXT NOT NULL, applied_at BIGINT NOT NULL)");
      const int current =
          tx.exec("SELECT COALESCE(MAX(version), 0) FROM schema_migration")[0][0].as<int>();
      if (current > known) {
        return Internal("database schema version " + std::to_string(current) +
                        " is newer than this binary (" + std::to_string(known) +
                        "); upgrade KAMS before opening it");
      }
      for (const auto& m : all) {
        if (m.version <= current) continue;
        tx.exec(std::string(m.sql));
        tx.exec_params(
            "INSERT INTO schema_migration (version, name, applied_at) "
            "VALUES ($1, $2, (EXTRACT(EPOCH FROM clock_timestamp()) * 1000000)::BIGINT)",
            m.version, std::string(m.name));
      }
      tx.commit();
      return known;
    });
  } catch (const std::exception& e) {
    return Internal(std::string("migration failed: ") + e.what());
  }
}

Status PostgresDatabase::Reset() {
  try {
    impl_->WithConnection([](PgConnection& c) {
      pqxx::work tx(c.raw());
      tx.exec_params("SELECT pg_advisory_xact_lock($1)", kSchemaLockKey);
      std::string tables;
      for (const auto& row :
           tx.exec("SELECT tablename FROM pg_tables WHERE schemaname = current_schema()")) {
        if (!tables.empty()) tables += ", ";
        tables += c.raw().quote_name(row[0].as<std::string>());
      }
      if (!tables.empty()) tx.exec("DROP TABLE IF EXISTS " + tables + " CASCADE");
      tx.commit();
    });
    return Ok();
  } catch (const std::exception& e) {
    return Internal(std::string("reset failed: ") + e.what());
  }
}

std::string NormaliseUrl(std::string url) {
  const auto scheme_end = url.find("://");
  const auto authority_begin = scheme_end == std::string::npos ? 0 : scheme_end + 3;
  const auto authority_end = url.find_first_of("/?", authority_begin);
  const std::string authority = url.substr(authority_begin, authority_end - authority_begin);
  const bool several_hosts = authority.find(',') != std::string::npos;
  if (several_hosts && url.find("target_session_attrs=") == std::string::npos) {
    if (authority_end == std::string::npos) url += "/";
    url += url.find('?') == std::string::npos ? "?" : "&";
    url += "target_session_attrs=read-write";
  }
  return url;
}

}  // namespace kams
