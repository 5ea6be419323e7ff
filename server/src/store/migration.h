#pragma once
// Numbered schema migrations, embedded in the binary from migrations/<backend>/NNNN_name.sql.

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

}  // namespace kams
