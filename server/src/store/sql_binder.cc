#include "store/sql_binder.h"

namespace kams {

std::string SqlBinder::Add(std::int64_t v) {
  values_.emplace_back(v);
  return Placeholder();
}

std::string SqlBinder::Add(std::string v) {
  values_.emplace_back(std::move(v));
  return Placeholder();
}

std::string SqlBinder::AddNull() {
  values_.emplace_back(std::monostate{});
  return Placeholder();
}

std::string SqlBinder::AddBool(bool v) {
  // SQLite stores booleans as 0/1; PostgreSQL parses the text of a boolean parameter.
  if (dialect_ == SqlDialect::kPostgres) return Add(std::string(v ? "true" : "false"));
  return Add(std::int64_t{v ? 1 : 0});
}

std::string SqlBinder::Placeholder() const {
  return (dialect_ == SqlDialect::kSqlite ? "?" : "$") + std::to_string(values_.size());
}

std::string SqlContains(SqlDialect d, const std::string& haystack, const std::string& needle) {
  return d == SqlDialect::kSqlite ? "instr(" + haystack + ", " + needle + ") > 0"
                                  : "strpos(" + haystack + ", " + needle + ") > 0";
}

}  // namespace kams
