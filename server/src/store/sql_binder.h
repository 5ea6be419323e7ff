#pragma once
// Values bound to dynamically built SQL, with numbered placeholders in the backend's
// syntax (SQLite `?N`, PostgreSQL `$N`), so one builder serves both adapters and a
// value may be referenced more than once.

#include <cstdint>
#include <string>
#include <variant>
#include <vector>

namespace kams {

enum class SqlDialect { kSqlite, kPostgres };

using SqlValue = std::variant<std::int64_t, std::string, std::monostate>;  // monostate: NULL

class SqlBinder {
 public:
  explicit SqlBinder(SqlDialect dialect) : dialect_(dialect) {}
  // Each Add binds one more value and returns its placeholder.
  std::string Add(std::int64_t v);
  std::string Add(std::string v);
  std::string AddBool(bool v);
  std::string AddNull();
  SqlDialect dialect() const { return dialect_; }
  const std::vector<SqlValue>& values() const { return values_; }

 private:
  std::string Placeholder() const;
  SqlDialect dialect_;
  std::vector<SqlValue> values_;
};

// `haystack` contains `needle` (both SQL expressions): instr() or strpos().
std::string SqlContains(SqlDialect d, const std::string& haystack, const std::string& needle);

}  // namespace kams
