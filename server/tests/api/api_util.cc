#include "api_util.h"

#include <sqlite3.h>
#include <unistd.h>

#include <cstdio>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>

namespace kams::test {

namespace {

std::runtime_error Unexpected(const std::string& what, const HttpResponse& r) {
  return std::runtime_error(what + " answered " + std::to_string(r.status) + ": " +
                            r.body.substr(0, 500));
}

std::string WithQuery(const std::string& path, const std::string& query) {
  return query.empty() ? path : path + "?" + query;
}

}  // namespace

const Client& As(const std::string& username) {
  static std::map<std::string, Client> clients;
  auto it = clients.find(username);
  if (it == clients.end()) it = clients.emplace(username, Client::Login(username)).first;
  return it->second;
}

Id UserId(const std::string& username) { return As(username).user["id"].get<Id>(); }
Id UserUnit(const std::string& username) { return As(username).user["org_unit_id"].get<Id>(); }

std::string Unique(const std::string& prefix) {
  static int counter = 0;
  return prefix + "-" + std::to_string(::getpid()) + "-" + std::to_string(++counter);
}

std::string FreshSourceAddr() {
  static int next = 0;
  ++next;
  return "127.0." + std::to_string(10 + next / 250) + "." + std::to_string(1 + next % 250);
}

char CreditCheckChar(const std::string& first17) {
  static const std::string kAlphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
  static const int kWeights[17] = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};
  int sum = 0;
  for (int i = 0; i < 17; ++i) sum += static_cast<int>(kAlphabet.find(first17[i])) * kWeights[i];
  return kAlphabet[static_cast<std::size_t>((31 - sum % 31) % 31)];
}

std::string UniqueCreditCode() {
  // "51" (社会团体) never occurs in the demo data, whose codes all start with "91".
  static int counter = 0;
  char digits[16];
  std::snprintf(digits, sizeof digits, "%05d%04d", static_cast<int>(::getpid() % 100000),
                ++counter % 10000);
  std::string code = std::string("51000000") + digits;
  code.push_back(CreditCheckChar(code));
  return code;
}

std::vector<json> ListAll(const Client& c, const std::string& path, const std::string& query,
                          int limit, int* pages) {
  std::vector<json> out;
  std::string cursor;
  int n = 0;
  for (;;) {
    std::string q = query;
    if (!q.empty()) q += "&";
    q += "limit=" + std::to_string(limit);
    if (!cursor.empty()) q += "&cursor=" + UrlEncode(cursor);
    auto r = c.Get(WithQuery(path, q));
    if (r.status != 200) throw Unexpected("GET " + WithQuery(path, q), r);
    auto j = r.Json();
    for (auto& item : j["items"]) out.push_back(item);
    ++n;
    if (j["next_cursor"].is_null()) break;
    cursor = j["next_cursor"].get<std::string>();
    if (n > 10000) throw std::runtime_error("paging does not end: " + path);
  }
  if (pages) *pages = n;
  return out;
}

std::set<Id> IdSet(const std::vector<json>& items) {
  std::set<Id> out;
  for (const auto& i : items) out.insert(i["id"].get<Id>());
  return out;
}

std::vector<Id> IdList(const std::vector<json>& items) {
  std::vector<Id> out;
  for (const auto& i : items) out.push_back(i["id"].get<Id>());
  return out;
}

std::string CustomerPath(Id id) { return "/api/v1/customers/" + std::to_string(id); }

json CreateCustomer(const Client& c, json body) {
  auto r = c.Post("/api/v1/customers", body);
  if (r.status != 201) throw Unexpected("POST /api/v1/customers " + body.dump(), r);
  return r.Json();
}

json GetJson(const Client& c, const std::string& target) {
  auto r = c.Get(target);
  if (r.status != 200) throw Unexpected("GET " + target, r);
  return r.Json();
}

std::vector<json> OrgUnits() {
  return GetJson(As("admin"), "/api/v1/org-units")["items"].get<std::vector<json>>();
}

Id UnitIdByName(const std::string& name) {
  for (const auto& u : OrgUnits()) {
    if (u["name"] == name) return u["id"].get<Id>();
  }
  throw std::runtime_error("no org unit named " + name);
}

std::set<Id> Subtree(Id root) {
  const auto units = OrgUnits();
  std::set<Id> out{root};
  for (bool grew = true; grew;) {
    grew = false;
    for (const auto& u : units) {
      if (!u["parent_id"].is_null() && out.count(u["parent_id"].get<Id>()) &&
          out.insert(u["id"].get<Id>()).second) {
        grew = true;
      }
    }
  }
  return out;
}

json CreateUser(const std::string& username, const std::string& role, Id org_unit_id,
                const std::string& password) {
  auto r = As("admin").Post("/api/v1/users", json{{"username", username},
                                                   {"display_name", "测试 " + username},
                                                   {"role", role},
                                                   {"org_unit_id", org_unit_id},
                                                   {"password", password}});
  if (r.status != 201) throw Unexpected("POST /api/v1/users " + username, r);
  return r.Json();
}

std::vector<json> AuditRows(const std::string& query, int limit) {
  std::string q = query;
  if (!q.empty()) q += "&";
  q += "limit=" + std::to_string(limit);
  return GetJson(As("admin"), "/api/v1/audit?" + q)["items"].get<std::vector<json>>();
}

Id LatestAuditId() {
  auto rows = AuditRows("", 1);
  return rows.empty() ? 0 : rows.front()["id"].get<Id>();
}

std::vector<json> AuditSince(Id after_id, const std::string& query) {
  std::vector<json> out;
  for (auto& row : AuditRows(query, 500)) {
    if (row["id"].get<Id>() > after_id) out.push_back(row);
  }
  return out;
}

std::map<std::string, std::pair<json, json>> Changes(const json& audit_row) {
  std::map<std::string, std::pair<json, json>> out;
  for (const auto& c : audit_row["changes"]) {
    out[c["field"].get<std::string>()] = {c["before"], c["after"]};
  }
  return out;
}

Id LatestCustomerId() {
  auto j = GetJson(As("admin"), "/api/v1/customers?sort=-id&limit=1");
  return j["items"].empty() ? 0 : j["items"][0]["id"].get<Id>();
}

std::vector<std::int64_t> ReadInts(const std::string& db_path, const std::string& sql) {
  sqlite3* db = nullptr;
  if (sqlite3_open_v2(db_path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK) {
    std::string msg = db ? sqlite3_errmsg(db) : "out of memory";
    sqlite3_close(db);
    throw std::runtime_error("cannot open " + db_path + ": " + msg);
  }
  sqlite3_busy_timeout(db, 5000);
  sqlite3_stmt* st = nullptr;
  if (sqlite3_prepare_v2(db, sql.c_str(), -1, &st, nullptr) != SQLITE_OK) {
    std::string msg = sqlite3_errmsg(db);
    sqlite3_close(db);
    throw std::runtime_error("bad SQL " + sql + ": " + msg);
  }
  std::vector<std::int64_t> out;
  int rc;
  while ((rc = sqlite3_step(st)) == SQLITE_ROW) out.push_back(sqlite3_column_int64(st, 0));
  sqlite3_finalize(st);
  sqlite3_close(db);
  if (rc != SQLITE_DONE) throw std::runtime_error("SQL failed: " + sql);
  return out;
}

void ExecSql(const std::string& db_path, const std::string& sql) {
  sqlite3* db = nullptr;
  if (sqlite3_open_v2(db_path.c_str(), &db, SQLITE_OPEN_READWRITE, nullptr) != SQLITE_OK) {
    sqlite3_close(db);
    throw std::runtime_error("cannot open " + db_path);
  }
  char* err = nullptr;
  const int rc = sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &err);
  std::string msg = err ? err : "";
  sqlite3_free(err);
  const int changed = sqlite3_changes(db);
  sqlite3_close(db);
  if (rc != SQLITE_OK) throw std::runtime_error("SQL failed: " + sql + ": " + msg);
  if (changed == 0) throw std::runtime_error("SQL changed nothing: " + sql);
}

std::string BackupCopy(const std::string& name) {
  auto& s = KamsServer::Get();
  const std::string out = s.dir() + "/" + Unique(name) + ".db";
  std::string text;
  const int rc = s.RunCli({"backup", "--db", s.db_path(), "--out", out}, &text);
  if (rc != 0) throw std::runtime_error("kams backup failed (" + std::to_string(rc) + "): " + text);
  return out;
}

bool Contains(const std::string& haystack, const std::string& needle) {
  return haystack.find(needle) != std::string::npos;
}

std::string ChinaDate(int days_ago) {
  const std::time_t now = std::time(nullptr) + 8 * 3600 - static_cast<std::time_t>(days_ago) * 86400;
  std::tm tm{};
  gmtime_r(&now, &tm);
  char buf[16];
  std::strftime(buf, sizeof buf, "%Y-%m-%d", &tm);
  return buf;
}

namespace {

std::string Psql(const std::string& sql) {
  auto& s = KamsServer::Get();
  const std::string file = s.dir() + "/" + Unique("test-sql") + ".sql";
  {
    std::ofstream out(file);
    out << sql;
  }
  const std::string cmd =
      "psql -X -q -A -t -v ON_ERROR_STOP=1 -d '" + s.db_path() + "' -f '" + file + "' 2>&1";
  FILE* pipe = ::popen(cmd.c_str(), "r");
  if (!pipe) throw std::runtime_error("cannot run psql");
  std::string out;
  char buf[4096];
  while (std::size_t n = std::fread(buf, 1, sizeof buf, pipe)) out.append(buf, n);
  const int rc = ::pclose(pipe);
  std::remove(file.c_str());
  if (rc != 0) throw std::runtime_error("psql failed on " + sql + ": " + out);
  return out;
}

}  // namespace

void DbExec(const std::string& sql) {
  auto& s = KamsServer::Get();
  if (s.postgres()) {
    Psql(sql);
    return;
  }
  sqlite3* db = nullptr;
  if (sqlite3_open_v2(s.db_path().c_str(), &db, SQLITE_OPEN_READWRITE, nullptr) != SQLITE_OK) {
    sqlite3_close(db);
    throw std::runtime_error("cannot open " + s.db_path());
  }
  sqlite3_busy_timeout(db, 10000);
  char* err = nullptr;
  const int rc = sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &err);
  std::string msg = err ? err : "";
  sqlite3_free(err);
  sqlite3_close(db);
  if (rc != SQLITE_OK) throw std::runtime_error("SQL failed: " + sql + ": " + msg);
}

std::vector<std::int64_t> DbInts(const std::string& sql) {
  auto& s = KamsServer::Get();
  if (!s.postgres()) return ReadInts(s.db_path(), sql);
  std::vector<std::int64_t> out;
  std::istringstream lines(Psql(sql));
  for (std::string line; std::getline(lines, line);) {
    if (!line.empty()) out.push_back(std::stoll(line));
  }
  return out;
}

std::int64_t DbInt(const std::string& sql) {
  auto v = DbInts(sql);
  if (v.size() != 1) throw std::runtime_error("expected one value from " + sql);
  return v.front();
}

}  // namespace kams::test
