#include "store/sqlite/backup_file.h"

#include <SQLiteCpp/Backup.h>
#include <SQLiteCpp/SQLiteCpp.h>
#include <sqlite3.h>

#include <chrono>
#include <filesystem>
#include <set>
#include <stdexcept>
#include <thread>

#include "store/migration.h"
#include "store/sqlite/sqlite_schema.h"

namespace kams {
namespace {

namespace fs = std::filesystem;

std::string Quote(const std::string& name) {
  std::string out = "\"";
  for (char c : name) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

std::string ColumnList(const BackupTable& table) {
  std::string out;
  for (const auto& c : table.columns) {
    if (!out.empty()) out += ", ";
    out += Quote(c);
  }
  return out;
}

struct StmtDeleter {
  void operator()(sqlite3_stmt* s) const { sqlite3_finalize(s); }
};
using Stmt = std::unique_ptr<sqlite3_stmt, StmtDeleter>;

Stmt Prepare(SQLite::Database& db, const std::string& sql) {
  sqlite3_stmt* s = nullptr;
  const int rc =
      sqlite3_prepare_v2(db.getHandle(), sql.c_str(), static_cast<int>(sql.size()), &s, nullptr);
  if (rc != SQLITE_OK) throw SQLite::Exception(db.getHandle(), rc);
  return Stmt(s);
}

std::int64_t QueryInt(SQLite::Database& db, const std::string& sql) {
  SQLite::Statement st(db, sql);
  st.executeStep();
  return st.getColumn(0).getInt64();
}

// The tables of the schema (schema_migration aside) in creation order, except that each
// comes after the tables its foreign keys point at (references to itself aside).
std::vector<BackupTable> SchemaTables(SQLite::Database& db) {
  std::vector<std::string> names;
  {
    SQLite::Statement st(db,
                         "SELECT name FROM sqlite_master WHERE type = 'table' AND "
                         "name NOT LIKE 'sqlite\\_%' ESCAPE '\\' AND name <> 'schema_migration' "
                         "ORDER BY rowid");
    while (st.executeStep()) names.push_back(st.getColumn(0).getString());
  }
  const std::set<std::string> all(names.begin(), names.end());
  std::map<std::string, std::set<std::string>> parents;
  std::set<std::string> self_referencing;
  for (const auto& name : names) {
    SQLite::Statement st(db, "SELECT DISTINCT \"table\" FROM pragma_foreign_key_list(?)");
    st.bind(1, name);
    while (st.executeStep()) {
      std::string parent = st.getColumn(0).getString();
      if (parent == name) {
        self_referencing.insert(name);
      } else if (all.count(parent)) {
        parents[name].insert(std::move(parent));
      }
    }
  }
  std::vector<BackupTable> ordered;
  std::set<std::string> placed;
  while (ordered.size() < names.size()) {
    bool progress = false;
    for (const auto& name : names) {
      if (placed.count(name)) continue;
      bool ready = true;
      for (const auto& p : parents[name]) ready = ready && placed.count(p) > 0;
      if (!ready) continue;
      BackupTable t;
      t.name = name;
      t.references_itself = self_referencing.count(name) > 0;
      SQLite::Statement st(db, "SELECT name FROM pragma_table_info(?) ORDER BY cid");
      st.bind(1, name);
      while (st.executeStep()) t.columns.push_back(st.getColumn(0).getString());
      ordered.push_back(std::move(t));
      placed.insert(name);
      progress = true;
      break;  // start again from the first table, so creation order wins ties
    }
    if (!progress) throw std::runtime_error("the foreign keys between the tables form a cycle");
  }
  return ordered;
}

const Migration* FindMigration(int version) {
  for (const auto& m : SqliteMigrations()) {
    if (m.version == version) return &m;
  }
  return nullptr;
}

}  // namespace

// --- reading ----------------------------------------------------------------------------

struct BackupReader::Impl {
  explicit Impl(const std::string& path) : db(path, SQLite::OPEN_READONLY) {}
  SQLite::Database db;
};

BackupReader::BackupReader(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
BackupReader::~BackupReader() = default;

Result<std::unique_ptr<BackupReader>> BackupReader::Open(const std::string& path) {
  std::error_code ec;
  if (!fs::is_regular_file(path, ec)) return BadRequest("there is no backup file at " + path);
  const std::string not_kams = path + " is not a KAMS backup: ";
  try {
    auto impl = std::make_unique<Impl>(path);
    SQLite::Database& db = impl->db;
    try {
      db.exec("BEGIN");  // one snapshot for everything read below
      QueryInt(db, "SELECT count(*) FROM sqlite_master");
    } catch (const SQLite::Exception& e) {
      if ((e.getErrorCode() & 0xFF) == SQLITE_NOTADB) {
        return BadRequest(not_kams + "it is not a SQLite database");
      }
      throw;
    }
    if (!db.tableExists("schema_migration")) {
      return BadRequest(not_kams + "it has no schema_migration table");
    }
    SQLite::Statement st(db, "SELECT version, name FROM schema_migration ORDER BY version");
    std::size_t applied = 0;
    int last = 0;
    while (st.executeStep()) {
      const int version = st.getColumn(0).getInt();
      const std::string name = st.getColumn(1).getString();
      if (version != NextMigrationVersion(SqliteMigrations(), applied, last)) {
        return BadRequest(not_kams + "its migrations are not numbered 1, 2, 3 …");
      }
      const Migration* known = FindMigration(version);
      if (known && known->name != name) {
        return BadRequest(not_kams + "its migration " + std::to_string(version) + " is '" + name +
                          "', not '" + std::string(known->name) + "'");
      }
      ++applied;
      last = version;
    }
    if (applied == 0) return BadRequest(not_kams + "no migration was applied to it");
    std::unique_ptr<BackupReader> reader(new BackupReader(std::move(impl)));
    reader->version_ = last;
    reader->tables_ = SchemaTables(reader->impl_->db);
    return reader;
  } catch (const std::exception& e) {
    return MakeError(ErrorCode::kInternal, "cannot read " + path + ": " + e.what());
  }
}

std::int64_t BackupReader::CountRows(const BackupTable& table) {
  return QueryInt(impl_->db, "SELECT count(*) FROM " + Quote(table.name));
}

std::int64_t BackupReader::ForEachRow(
    const BackupTable& table, const std::function<void(const std::vector<BackupValue>&)>& row) {
  Stmt st = Prepare(impl_->db, "SELECT " + ColumnList(table) + " FROM " + Quote(table.name));
  sqlite3_stmt* s = st.get();
  const int n = static_cast<int>(table.columns.size());
  std::vector<BackupValue> values(table.columns.size());
  std::int64_t rows = 0;
  int rc;
  while ((rc = sqlite3_step(s)) == SQLITE_ROW) {
    for (int i = 0; i < n; ++i) {
      BackupValue& v = values[i];
      switch (sqlite3_column_type(s, i)) {
        case SQLITE_NULL:
          v.kind = BackupValue::Kind::kNull;
          break;
        case SQLITE_INTEGER:
          v.kind = BackupValue::Kind::kInteger;
          v.integer = sqlite3_column_int64(s, i);
          break;
        case SQLITE_TEXT: {
          const auto* p = reinterpret_cast<const char*>(sqlite3_column_text(s, i));
          v.kind = BackupValue::Kind::kText;
          v.text = std::string_view(p, static_cast<std::size_t>(sqlite3_column_bytes(s, i)));
          break;
        }
        default:
          throw std::runtime_error(table.name + "." + table.columns[i] +
                                   " holds a real number or a blob; KAMS columns hold "
                                   "integers and text only");
      }
    }
    row(values);
    ++rows;
  }
  if (rc != SQLITE_DONE) throw SQLite::Exception(impl_->db.getHandle(), rc);
  return rows;
}

// --- writing ----------------------------------------------------------------------------

struct BackupWriter::Impl {
  explicit Impl(const std::string& path) : db(path, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE) {}
  SQLite::Database db;  // declared first: closed after the statements are finalised
  std::map<std::string, Stmt> inserts;
};

BackupWriter::BackupWriter(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
BackupWriter::~BackupWriter() = default;

std::unique_ptr<BackupWriter> BackupWriter::Create(const std::string& path, int schema_version) {
  if (fs::exists(path)) throw std::runtime_error(path + " already exists");
  auto impl = std::make_unique<Impl>(path);
  SQLite::Database& db = impl->db;
  // A backup is written once, under a temporary name, and flushed as a whole before it is
  // renamed: a journal and per-commit syncs would only slow it down.
  db.exec("PRAGMA journal_mode = OFF");
  db.exec("PRAGMA synchronous = OFF");
  db.exec("PRAGMA cache_size = -131072");  // 128 MiB: index pages of large tables
  const int reached = ApplySqliteMigrations(db, schema_version);
  if (reached != schema_version) {
    throw std::runtime_error("the SQLite migrations reach schema version " +
                             std::to_string(reached) + ", not " + std::to_string(schema_version));
  }
  std::unique_ptr<BackupWriter> writer(new BackupWriter(std::move(impl)));
  writer->tables_ = SchemaTables(db);
  db.exec("BEGIN");
  for (auto t = writer->tables_.rbegin(); t != writer->tables_.rend(); ++t) {
    db.exec("DELETE FROM " + Quote(t->name));
  }
  return writer;
}

void BackupWriter::Insert(const BackupTable& table, const std::vector<BackupValue>& row) {
  auto it = impl_->inserts.find(table.name);
  if (it == impl_->inserts.end()) {
    std::string marks;
    for (std::size_t i = 0; i < table.columns.size(); ++i) marks += i ? ", ?" : "?";
    it = impl_->inserts
             .emplace(table.name,
                      Prepare(impl_->db, "INSERT INTO " + Quote(table.name) + " (" +
                                             ColumnList(table) + ") VALUES (" + marks + ")"))
             .first;
  }
  sqlite3_stmt* s = it->second.get();
  for (std::size_t i = 0; i < row.size(); ++i) {
    const int index = static_cast<int>(i) + 1;
    const BackupValue& v = row[i];
    switch (v.kind) {
      case BackupValue::Kind::kNull:
        sqlite3_bind_null(s, index);
        break;
      case BackupValue::Kind::kInteger:
        sqlite3_bind_int64(s, index, v.integer);
        break;
      case BackupValue::Kind::kText:
        sqlite3_bind_text64(s, index, v.text.data(), v.text.size(), SQLITE_STATIC, SQLITE_UTF8);
        break;
    }
  }
  const int rc = sqlite3_step(s);
  if (rc != SQLITE_DONE) {
    const std::string message = table.name + ": " + sqlite3_errmsg(impl_->db.getHandle());
    sqlite3_reset(s);
    throw SQLite::Exception(message, rc);
  }
  sqlite3_reset(s);
}

void BackupWriter::Finish() {
  impl_->inserts.clear();
  impl_->db.exec("COMMIT");
  impl_->db.exec("PRAGMA journal_mode = DELETE");
  impl_.reset();
}

// --- copies and checks ------------------------------------------------------------------

int CopyBackupFile(const std::string& from, const std::string& to, int up_to) {
  if (fs::exists(to)) throw std::runtime_error(to + " already exists");
  SQLite::Database source(from, SQLite::OPEN_READONLY);
  SQLite::Database copy(to, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
  {
    SQLite::Backup backup(copy, source);
    // All pages in one step; BUSY or LOCKED means another connection writes the source
    // (a backup file should have none): wait a little and go on.
    for (int attempt = 1; backup.executeStep(-1) != SQLITE_DONE; ++attempt) {
      if (attempt >= 1000) throw std::runtime_error(from + " stays locked by another process");
      std::this_thread::sleep_for(std::chrono::milliseconds(10));
    }
  }
  copy.exec("PRAGMA journal_mode = DELETE");
  const int version = SqliteSchemaVersion(copy);
  return version < up_to ? ApplySqliteMigrations(copy, up_to) : version;
}

const std::map<std::string, std::int64_t>& SeededRowCounts() {
  static const std::map<std::string, std::int64_t> counts = [] {
    SQLite::Database db(":memory:", SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    const auto& all = SqliteMigrations();
    ApplySqliteMigrations(db, all.empty() ? 0 : all.back().version);
    std::map<std::string, std::int64_t> out;
    for (const auto& t : SchemaTables(db)) {
      out[t.name] = QueryInt(db, "SELECT count(*) FROM " + Quote(t.name));
    }
    return out;
  }();
  return counts;
}

std::optional<std::string> SqliteFileData(const std::string& path) {
  std::error_code ec;
  if (!fs::exists(path, ec)) return std::nullopt;
  if (!fs::is_regular_file(path, ec)) return "it is not a file";
  if (fs::file_size(path, ec) == 0 && !ec) return std::nullopt;
  try {
    SQLite::Database db(path, SQLite::OPEN_READONLY);
    if (!db.tableExists("schema_migration")) return "it is not a KAMS database";
    const auto& seeded = SeededRowCounts();
    for (const auto& t : SchemaTables(db)) {
      const auto it = seeded.find(t.name);
      const std::int64_t expected = it == seeded.end() ? 0 : it->second;
      const std::int64_t found =
          QueryInt(db, "SELECT count(*) FROM (SELECT 1 FROM " + Quote(t.name) + " LIMIT " +
                           std::to_string(expected + 1) + ")");
      if (found > expected) return "table " + t.name + " has rows";
    }
    return std::nullopt;
  } catch (const SQLite::Exception&) {
    return "it is not a KAMS database";
  }
}

}  // namespace kams
