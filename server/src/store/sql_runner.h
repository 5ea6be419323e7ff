#pragma once
// One statement runner over either backend, so that a repository whose SQL is portable is
// written once (store/engagement_repos.cc) instead of once per adapter. Statements are
// built with a SqlBinder of the runner's dialect and prepared once per connection.

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "store/sql_binder.h"

namespace kams {

class SqlRow {
 public:
  virtual ~SqlRow() = default;
  virtual bool IsNull(int i) const = 0;
  virtual std::int64_t Int(int i) const = 0;
  virtual std::string Text(int i) const = 0;
  std::optional<std::int64_t> OptInt(int i) const {
    if (IsNull(i)) return std::nullopt;
    return Int(i);
  }
  std::optional<std::string> OptText(int i) const {
    if (IsNull(i)) return std::nullopt;
    return Text(i);
  }
};

class SqlRunner {
 public:
  virtual ~SqlRunner() = default;
  virtual SqlDialect dialect() const = 0;
  // Runs the statement; `on_row` sees each result row. Returns the rows a write changed.
  virtual std::int64_t Run(const std::string& sql, const std::vector<SqlValue>& values,
                           const std::function<void(const SqlRow&)>& on_row) = 0;
  std::int64_t Run(const SqlBinder& b, const std::string& sql,
                   const std::function<void(const SqlRow&)>& on_row = {}) {
    return Run(sql, b.values(), on_row);
  }
};

// A value that may be missing (bound as NULL).
inline std::string AddOpt(SqlBinder& b, const std::optional<std::int64_t>& v) {
  return v ? b.Add(*v) : b.AddNull();
}
inline std::string AddOpt(SqlBinder& b, const std::optional<std::string>& v) {
  return v ? b.Add(*v) : b.AddNull();
}

// "?, ?, ?" binding each id (for IN lists; the caller keeps them few).
inline std::string SqlIdList(const std::vector<std::int64_t>& ids, SqlBinder& b) {
  std::string out;
  for (std::int64_t id : ids) out += (out.empty() ? "" : ", ") + b.Add(id);
  return out;
}

}  // namespace kams
