// `kams backup` and `kams restore` of PostgreSQL databases (declared in
// postgres_database.h): rows move between PostgreSQL and the backup format (a SQLite file,
// sqlite/backup_file.h) on a connection of their own.
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <charconv>
#include <cstring>
#include <filesystem>
#include <map>
#include <optional>
#include <pqxx/pqxx>
#include <set>
#include <stdexcept>

#include "store/durable_file.h"
#include "store/migration.h"
#include "store/postgres/pg_session.h"
#include "store/postgres/postgres_database.h"
#include "store/sqlite/backup_file.h"

namespace kams {
namespace {

namespace fs = std::filesystem;

Error Internal(std::string detail) { return MakeError(ErrorCode::kInternal, std::move(detail)); }

// Rows fetched per round trip while reading a table.
constexpr int kFetchRows = 10'000;

// Both backends have the same numbered migrations; a backup at version N is made of the
// SQLite migrations 1..N.
Result<int> LatestVersion() {
  const auto& sqlite = SqliteMigrations();
  const auto& postgres = PostgresMigrations();
  const int s = sqlite.empty() ? 0 : sqlite.back().version;
  const int p = postgres.empty() ? 0 : postgres.back().version;
  if (s != p) {
    return Internal("this binary's SQLite and PostgreSQL migrations differ (" + std::to_string(s) +
                    " and " + std::to_string(p) + "): it cannot move data between them");
  }
  return s;
}

// How a column's values travel: integers (BIGINT, INTEGER, SMALLINT), booleans (as 0/1 in
// the backup) and text.
enum class ColumnKind { kInteger, kBoolean, kText };

struct ColumnSpec {
  ColumnKind kind;
  std::string type;  // PostgreSQL's name of the column's type, for casts ("bigint", "text")
};

// table -> column -> data_type (information_schema) of every table of the current schema.
using PgColumns = std::map<std::string, std::map<std::string, std::string>>;

PgColumns ReadColumns(pqxx::transaction_base& tx) {
  PgColumns out;
  for (const auto& row :
       tx.exec("SELECT c.table_name, c.column_name, c.data_type FROM information_schema.columns c "
               "JOIN information_schema.tables t "
               "  ON t.table_schema = c.table_schema AND t.table_name = c.table_name "
               "WHERE c.table_schema = current_schema() AND t.table_type = 'BASE TABLE'")) {
    out[row[0].as<std::string>()][row[1].as<std::string>()] = row[2].as<std::string>();
  }
  return out;
}

// Checks that PostgreSQL holds exactly the tables and columns of `tables` (KAMS's schema at
// the backup's version, schema_migration aside) and returns, for each table, the kind of
// each column in the backup's column order. Throws std::runtime_error naming a difference.
std::vector<std::vector<ColumnSpec>> MatchSchema(const PgColumns& pg,
                                                 const std::vector<BackupTable>& tables) {
  std::set<std::string> names;
  for (const auto& t : tables) names.insert(t.name);
  for (const auto& [table, columns] : pg) {
    if (table != "schema_migration" && !names.count(table)) {
      throw std::runtime_error("the database has a table " + table +
                               " that is not in KAMS's schema at this version");
    }
  }
  std::vector<std::vector<ColumnSpec>> specs;
  for (const auto& t : tables) {
    const auto found = pg.find(t.name);
    if (found == pg.end()) throw std::runtime_error("the database has no table " + t.name);
    if (found->second.size() != t.columns.size()) {
      throw std::runtime_error("table " + t.name + " has " + std::to_string(found->second.size()) +
                               " columns in PostgreSQL and " + std::to_string(t.columns.size()) +
                               " in the backup's schema");
    }
    std::vector<ColumnSpec> row;
    for (const auto& c : t.columns) {
      const auto type = found->second.find(c);
      if (type == found->second.end()) {
        throw std::runtime_error("the database has no column " + t.name + "." + c);
      }
      const std::string& d = type->second;
      if (d == "bigint" || d == "integer" || d == "smallint") {
        row.push_back({ColumnKind::kInteger, d});
      } else if (d == "boolean") {
        row.push_back({ColumnKind::kBoolean, d});
      } else if (d == "text" || d == "character varying" || d == "character") {
        row.push_back({ColumnKind::kText, "text"});
      } else {
        throw std::runtime_error(t.name + "." + c + " is of type " + d +
                                 ", which the backup format does not carry");
      }
    }
    specs.push_back(std::move(row));
  }
  return specs;
}

// The schema version recorded in schema_migration (0 without one), after checking that its
// migrations are KAMS's, numbered 1..N with the names of this binary's.
Result<int> RecordedVersion(pqxx::transaction_base& tx) {
  if (tx.exec("SELECT to_regclass('schema_migration') IS NULL")[0][0].as<bool>()) return 0;
  std::size_t applied = 0;
  int last = 0;
  for (const auto& row : tx.exec("SELECT version, name FROM schema_migration ORDER BY version")) {
    const int version = row[0].as<int>();
    const std::string name = row[1].as<std::string>();
    if (version != NextMigrationVersion(PostgresMigrations(), applied, last)) {
      return BadRequest("its migrations are not numbered 1, 2, 3 …");
    }
    for (const auto& m : PostgresMigrations()) {
      if (m.version == version && m.name != name) {
        return BadRequest("its migration " + std::to_string(version) + " is '" + name + "', not '" +
                          std::string(m.name) + "'");
      }
    }
    ++applied;
    last = version;
  }
  return last;
}

std::int64_t CopyOut(pqxx::transaction_base& tx, pqxx::connection& c, const BackupTable& table,
                     const std::vector<ColumnSpec>& specs, BackupWriter& writer) {
  std::string columns;
  for (const auto& col : table.columns) {
    if (!columns.empty()) columns += ", ";
    columns += c.quote_name(col);
  }
  tx.exec("DECLARE kams_backup NO SCROLL CURSOR FOR SELECT " + columns + " FROM " +
          c.quote_name(table.name));
  const std::string fetch = "FETCH FORWARD " + std::to_string(kFetchRows) + " FROM kams_backup";
  std::vector<BackupValue> values(table.columns.size());
  std::int64_t rows = 0;
  for (;;) {
    const pqxx::result batch = tx.exec(fetch);
    if (batch.empty()) break;
    for (const auto& row : batch) {
      for (std::size_t i = 0; i < values.size(); ++i) {
        const pqxx::field f = row[static_cast<pqxx::row::size_type>(i)];
        BackupValue& v = values[i];
        if (f.is_null()) {
          v.kind = BackupValue::Kind::kNull;
          continue;
        }
        const char* text = f.c_str();
        const std::size_t size = f.size();
        switch (specs[i].kind) {
          case ColumnKind::kInteger: {
            v.kind = BackupValue::Kind::kInteger;
            const auto [end, ec] = std::from_chars(text, text + size, v.integer);
            if (ec != std::errc() || end != text + size) {
              throw std::runtime_error(table.name + "." + table.columns[i] + " holds '" +
                                       std::string(text, size) + "', not an integer");
            }
            break;
          }
          case ColumnKind::kBoolean:
            v.kind = BackupValue::Kind::kInteger;
            v.integer = text[0] == 't' ? 1 : 0;
            break;
          case ColumnKind::kText:
            v.kind = BackupValue::Kind::kText;
            v.text = std::string_view(text, size);
            break;
        }
      }
      writer.Insert(table, values);
      ++rows;
    }
  }
  tx.exec("CLOSE kams_backup");
  return rows;
}
// A batch is sent when it has this many rows or this many bytes.
constexpr std::int64_t kBatchRows = 5'000;
constexpr std::size_t kBatchBytes = 8u << 20;

// Copies the rows of `table` from the backup in batches, each one INSERT … SELECT FROM
// unnest() of one array parameter per column. (libpqxx 6.4's stream_to, its COPY, takes
// only rows of a fixed arity known at compile time.) Foreign keys are checked at the end of
// each statement, so a table whose rows reference rows of the same table (org units, contacts)
// goes through a temporary table first and then in one INSERT, whatever the rows' order.
std::int64_t CopyIn(pqxx::transaction_base& tx, pqxx::connection& c, BackupReader& reader,
                    const BackupTable& table, const std::vector<ColumnSpec>& specs) {
  const std::string target = c.quote_name(table.name);
  std::string columns, arrays;
  for (std::size_t i = 0; i < table.columns.size(); ++i) {
    if (i) columns += ", ", arrays += ", ";
    columns += c.quote_name(table.columns[i]);
    arrays += "$" + std::to_string(i + 1) + "::" + specs[i].type + "[]";
  }
  std::string into = target;
  if (table.references_itself) {
    into = "kams_restore_rows";
    tx.exec("CREATE TEMPORARY TABLE " + into + " ON COMMIT DROP AS SELECT " + columns + " FROM " +
            target + " WITH NO DATA");
  }
  const std::string insert =
      "INSERT INTO " + into + " (" + columns + ") SELECT * FROM unnest(" + arrays + ")";
  std::vector<ArrayLiteral> literals(table.columns.size());
  std::int64_t batch_rows = 0;
  std::size_t batch_bytes = 0;
  const auto flush = [&] {
    if (batch_rows == 0) return;
    std::vector<std::string> params;
    for (auto& l : literals) params.push_back(l.Take());
    tx.exec_params(insert, pqxx::prepare::make_dynamic_params(params));
    batch_rows = 0;
    batch_bytes = 0;
  };
  const std::int64_t rows = reader.ForEachRow(table, [&](const std::vector<BackupValue>& values) {
    for (std::size_t i = 0; i < values.size(); ++i) {
      const BackupValue& v = values[i];
      ArrayLiteral& l = literals[i];
      const std::size_t before = l.size();
      switch (v.kind) {
        case BackupValue::Kind::kNull:
          l.Null();
          break;
        case BackupValue::Kind::kInteger:
          if (specs[i].kind == ColumnKind::kBoolean) {
            if (v.integer != 0 && v.integer != 1) {
              throw std::runtime_error(table.name + "." + table.columns[i] + " holds " +
                                       std::to_string(v.integer) + ", not a boolean (0 or 1)");
            }
            l.Bare(v.integer ? "t" : "f");
          } else {
            l.Bare(std::to_string(v.integer));
          }
          break;
        case BackupValue::Kind::kText:
          if (std::memchr(v.text.data(), '\0', v.text.size())) {
            throw std::runtime_error(table.name + "." + table.columns[i] +
                                     " holds text with a NUL character, which PostgreSQL "
                                     "cannot store");
          }
          l.Quoted(v.text);
          break;
      }
      batch_bytes += l.size() - before;
    }
    if (++batch_rows >= kBatchRows || batch_bytes >= kBatchBytes) flush();
  });
  flush();
  if (table.references_itself) {
    tx.exec("INSERT INTO " + target + " (" + columns + ") SELECT " + columns + " FROM " + into);
    tx.exec("DROP TABLE " + into);
  }
  return rows;
}

// Moves every identity sequence past the largest id in its column, so rows inserted after
// the restore get new ids.
void ResetIdentities(pqxx::transaction_base& tx, pqxx::connection& c) {
  const pqxx::result identities = tx.exec(
      "SELECT table_name, column_name FROM information_schema.columns "
      "WHERE table_schema = current_schema() AND is_identity = 'YES'");
  for (const auto& row : identities) {
    const std::string table = c.quote_name(row[0].as<std::string>());
    const std::string column = row[1].as<std::string>();
    tx.exec_params("SELECT setval(pg_get_serial_sequence($1, $2), COALESCE((SELECT max(" +
                       c.quote_name(column) + ") FROM " + table + "), 0) + 1, false)",
                   table, column);
  }
}

// What makes the database worth keeping (as SqliteFileData): nullopt when it has no tables
// or only KAMS's with no more rows than a freshly migrated database.
std::optional<std::string> DatabaseData(pqxx::connection& c) {
  pqxx::read_transaction tx(c);
  const auto& seeded = SeededRowCounts();
  std::optional<std::string> data;
  for (const auto& row : tx.exec("SELECT table_name FROM information_schema.tables "
                                 "WHERE table_schema = current_schema() "
                                 "AND table_type = 'BASE TABLE' ORDER BY table_name")) {
    const std::string table = row[0].as<std::string>();
    if (table == "schema_migration") continue;
    const auto it = seeded.find(table);
    if (it == seeded.end()) {
      data = "table " + table + " is not KAMS's";
      break;
    }
    const std::int64_t found =
        tx.exec("SELECT count(*) FROM (SELECT 1 FROM " + c.quote_name(table) + " LIMIT " +
                std::to_string(it->second + 1) + ") s")[0][0]
            .as<std::int64_t>();
    if (found > it->second) {
      data = "table " + table + " has rows";
      break;
    }
  }
  tx.commit();
  return data;
}

std::string TempBackupPath() {
  static std::atomic<int> n{0};
  return (fs::temp_directory_path() /
          ("kams-restore-" + std::to_string(::getpid()) + "-" + std::to_string(++n) + ".db"))
      .string();
}

}  // namespace

Result<BackupReport> BackupPostgres(const std::string& url, const std::string& out_path) {
  KAMS_TRY(const int latest, LatestVersion());
  std::error_code ec;
  if (fs::exists(out_path, ec)) return Conflict(out_path + " already exists");
  const std::string tmp_path = out_path + ".tmp";
  if (fs::exists(tmp_path, ec)) {
    return Conflict(tmp_path +
                    " exists: another backup is being written, or one was "
                    "interrupted (then remove it)");
  }
  const std::string where = RedactPassword(url);
  BackupReport report;
  try {
    PgConnection conn(NormaliseUrl(url));
    // One snapshot for every table: the backup is consistent while the nodes go on writing.
    pqxx::transaction<pqxx::repeatable_read, pqxx::read_only> tx(conn.raw());
    auto version = RecordedVersion(tx);
    if (!version.ok())
      return BadRequest(where + " is not a KAMS database: " + version.error().message);
    if (*version == 0) return BadRequest(where + " is not a KAMS database: it has no schema");
    if (*version > latest) {
      return BadRequest(where + " is at schema version " + std::to_string(*version) +
                        ", newer than this binary's (" + std::to_string(latest) +
                        "); back it up with a newer kams");
    }
    report.schema_version = *version;
    TempFile tmp(tmp_path);
    auto writer = BackupWriter::Create(tmp_path, report.schema_version);
    const auto specs = MatchSchema(ReadColumns(tx), writer->tables());
    for (std::size_t i = 0; i < specs.size(); ++i) {
      const BackupTable& table = writer->tables()[i];
      report.tables.push_back({table.name, CopyOut(tx, conn.raw(), table, specs[i], *writer)});
    }
    tx.commit();
    writer->Finish();
    if (!tmp.Publish(out_path, TempFile::Replace::kNoReplace)) {
      return Conflict(out_path + " already exists");
    }
  } catch (const pqxx::broken_connection& e) {
    return Internal("backup failed: the connection to PostgreSQL at " + where +
                    " broke: " + e.what());
  } catch (const std::exception& e) {
    return Internal(std::string("backup failed: ") + e.what());
  }
  return report;
}

Result<RestoreReport> RestorePostgres(const std::string& backup_path, const std::string& url,
                                      ExistingData existing) {
  KAMS_TRY(const int latest, LatestVersion());
  KAMS_TRY(auto reader, BackupReader::Open(backup_path));
  RestoreReport report;
  report.backup_version = reader->schema_version();
  if (report.backup_version > latest) {
    return Conflict("the backup's schema version " + std::to_string(report.backup_version) +
                    " is newer than this binary's (" + std::to_string(latest) +
                    "); restore it with a newer kams");
  }
  const std::string where = RedactPassword(url);
  try {
    // An older backup is migrated in a temporary copy, so its tables match the database's
    // once that is migrated too.
    std::optional<TempFile> migrated;
    if (report.backup_version < latest) {
      reader.reset();
      migrated.emplace(TempBackupPath());
      CopyBackupFile(backup_path, migrated->path(), latest);
      KAMS_TRY(reader, BackupReader::Open(migrated->path()));
    }

    PgConnection conn(NormaliseUrl(url));
    PostgresDatabase target(PostgresOptions{url, 1});
    const int current = target.SchemaVersion();
    if (current > latest) {
      return Conflict(where + " is at schema version " + std::to_string(current) +
                      ", newer than this binary's (" + std::to_string(latest) + ")");
    }
    if (existing == ExistingData::kRefuse) {
      if (auto data = DatabaseData(conn.raw())) {
        return Conflict(where + " holds data (" + *data +
                        "); a restore replaces it only with --force");
      }
    } else {
      KAMS_CHECK(target.Reset());
    }
    KAMS_TRY(report.schema_version, target.Migrate());

    pqxx::work tx(conn.raw());
    const auto specs = MatchSchema(ReadColumns(tx), reader->tables());
    std::string all;
    for (const auto& t : reader->tables()) {
      if (!all.empty()) all += ", ";
      all += conn.raw().quote_name(t.name);
    }
    // Empty even a freshly migrated database: the migrations' own rows (audit_head's) are
    // in the backup too. Tables in foreign-key order, so every row finds its parent.
    tx.exec("TRUNCATE " + all);
    for (std::size_t i = 0; i < specs.size(); ++i) {
      const BackupTable& table = reader->tables()[i];
      report.tables.push_back({table.name, CopyIn(tx, conn.raw(), *reader, table, specs[i])});
    }
    // A backup from before the posting counts (schema 11) restores its postings only; the
    // counts are derived from them, as the migration that added them did.
    const auto& tables = reader->tables();
    if (std::none_of(tables.begin(), tables.end(),
                     [](const BackupTable& t) { return t.name == "customer_name_gram_count"; })) {
      tx.exec(
          "INSERT INTO customer_name_gram_count (gram, shard, postings) "
          "SELECT gram, 0, count(*) FROM customer_name_gram GROUP BY gram");
    }
    ResetIdentities(tx, conn.raw());
    tx.commit();
  } catch (const pqxx::broken_connection& e) {
    return Internal("restore failed: the connection to PostgreSQL at " + where +
                    " broke: " + e.what());
  } catch (const std::exception& e) {
    return Internal(std::string("restore failed: ") + e.what());
  }
  return report;
}

}  // namespace kams
