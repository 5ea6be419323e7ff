#pragma once
// Numbered schema migrations, embedded in the binary from migrations/<backend>/NNNN_name.sql.

#include <cstddef>
#include <string_view>
#include <vector>

namespace kams {

struct Migration {
  int version;
  std::string_view name;
  std::string_view sql;
};

// In ascending version order (generated at build time).
const std::vector<Migration>& SqliteMigrations();
const std::vector<Migration>& PostgresMigrations();

// The version a database's migration number `applied` (0-based) must have, `last` being the
// one before it: this binary's own sequence while it lasts (numbers held for work that is not
// in this build may be skipped), then consecutive numbers (a newer schema).
inline int NextMigrationVersion(const std::vector<Migration>& known, std::size_t applied,
                                int last) {
  return applied < known.size() ? known[applied].version : last + 1;
}

}  // namespace kams
