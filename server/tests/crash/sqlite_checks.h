#pragma once
// Checks of a SQLite database file as a killed server left it (before the restart
// recovers anything on its own). The file is opened read-only.

#include <string>
#include <vector>

namespace kams::crash {

// Problems found, empty when the file is sound:
// - PRAGMA integrity_check is not "ok", or PRAGMA foreign_key_check reports rows;
// - the audit chain's head (audit_head) is not the newest audit row;
// - a monthly roll-up (customer_month) of a customer with id > `after_customer_id`
//   differs from the sum of its transactions (customer_transaction), or one exists
//   without the other.
std::vector<std::string> CheckSqliteFile(const std::string& path, long long after_customer_id);

}  // namespace kams::crash
