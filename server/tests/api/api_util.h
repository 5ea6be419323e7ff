#pragma once
// Shared helpers for the API tests: cached sign-ins of the demo users, unique names,
// paged listing, org-tree and audit look-ups, and read-only SQL on the database files.
//
// Helpers throw std::runtime_error on an unexpected answer; GoogleTest reports that as a
// failure of the calling test, with the server's body in the message.

#include <gtest/gtest.h>

#include <cstdint>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "harness.h"

namespace kams::test {

using Id = long long;

inline constexpr const char* kTestPassword = "Test-pass-2026";

// A demo user signed in once for the whole binary (Argon2id makes each login slow).
// Never end these sessions or edit these users in a test: create your own user instead.
const Client& As(const std::string& username);
Id UserId(const std::string& username);
Id UserUnit(const std::string& username);

// "<prefix>-<pid>-<n>", unique within and across runs of the binary.
std::string Unique(const std::string& prefix);
// A fresh loopback source address ("127.0.x.y") that no other test uses: failed
// sign-ins from it cannot trip the per-address throttle for everyone else.
std::string FreshSourceAddr();

// 统一社会信用代码 helpers (GB 32100-2015), implemented here independently of the server.
char CreditCheckChar(const std::string& first17);
std::string UniqueCreditCode();

// Every item of a collection, following next_cursor. `query` may be "" or "a=b&c=d".
std::vector<json> ListAll(const Client& c, const std::string& path, const std::string& query,
                          int limit = 500, int* pages = nullptr);
std::set<Id> IdSet(const std::vector<json>& items);
std::vector<Id> IdList(const std::vector<json>& items);

std::string CustomerPath(Id id);

// Creates a customer (expects 201) and returns it.
json CreateCustomer(const Client& c, json body);
json GetJson(const Client& c, const std::string& target);  // expects 200

// Org tree (as admin).
std::vector<json> OrgUnits();
Id UnitIdByName(const std::string& name);  // exact name, e.g. "华东区域", "苏州分公司"
std::set<Id> Subtree(Id root);              // root included

// Creates a user as admin (expects 201).
json CreateUser(const std::string& username, const std::string& role, Id org_unit_id,
                const std::string& password = kTestPassword);

// Audit rows (as admin), newest first; `query` as for ListAll.
std::vector<json> AuditRows(const std::string& query, int limit = 500);
Id LatestAuditId();
// Rows newer than `after_id` that match `query`.
std::vector<json> AuditSince(Id after_id, const std::string& query);
// The "changes" of an audit row as field -> (before, after), JSON null when absent.
std::map<std::string, std::pair<json, json>> Changes(const json& audit_row);

// Newest customer id (as admin): a cheap "nothing was created" check.
Id LatestCustomerId();

// SQL on a database file. ReadInts opens read-only (safe on the live database).
std::vector<std::int64_t> ReadInts(const std::string& db_path, const std::string& sql);
void ExecSql(const std::string& db_path, const std::string& sql);
// SQL on the shared server's database, whichever the backend (PostgreSQL through psql):
// any statement, DDL included; and integer results, one per row.
void DbExec(const std::string& sql);
std::vector<std::int64_t> DbInts(const std::string& sql);
std::int64_t DbInt(const std::string& sql);  // exactly one row

// A consistent copy of the live database via `kams backup`.
std::string BackupCopy(const std::string& name);

bool Contains(const std::string& haystack, const std::string& needle);

// The business day (China time) `days_ago` days before today (negative: ahead), YYYY-MM-DD.
std::string ChinaDate(int days_ago);

}  // namespace kams::test
