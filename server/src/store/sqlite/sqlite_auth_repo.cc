#include "store/sqlite/sqlite_repos.h"

namespace kams {
namespace {

constexpr const char* kTokenColumns =
    "SELECT id, user_id, name, token_hash, created_at, last_used_at, revoked_at, expires_at "
    "FROM api_token";

ApiToken ReadToken(SQLite::Statement& st) {
  ApiToken t;
  t.id = st.getColumn(0).getInt64();
  t.user_id = st.getColumn(1).getInt64();
  t.name = st.getColumn(2).getString();
  t.token_hash = st.getColumn(3).getString();
  t.created_at = st.getColumn(4).getInt64();
  t.last_used_at = OptInt(st.getColumn(5));
  t.revoked_at = OptInt(st.getColumn(6));
  t.expires_at = OptInt(st.getColumn(7));
  return t;
}

}  // namespace

void SqliteAuthRepository::InsertSession(const Session& s) {
  auto& st = c_.Prepare(
      "INSERT INTO session (token_hash, user_id, csrf_hash, created_at, last_seen_at, client_addr) "
      "VALUES (?, ?, ?, ?, ?, ?)");
  st.bind(1, s.token_hash);
  st.bind(2, static_cast<std::int64_t>(s.user_id));
  st.bind(3, s.csrf_hash);
  st.bind(4, static_cast<std::int64_t>(s.created_at));
  st.bind(5, static_cast<std::int64_t>(s.last_seen_at));
  st.bind(6, s.client_addr);
  st.exec();
}

std::optional<Session> SqliteAuthRepository::FindSession(const std::string& token_hash) {
  auto& st = c_.Prepare(
      "SELECT token_hash, user_id, csrf_hash, created_at, last_seen_at, client_addr "
      "FROM session WHERE token_hash = ?");
  st.bind(1, token_hash);
  if (!st.executeStep()) return std::nullopt;
  Session s;
  s.token_hash = st.getColumn(0).getString();
  s.user_id = st.getColumn(1).getInt64();
  s.csrf_hash = st.getColumn(2).getString();
  s.created_at = st.getColumn(3).getInt64();
  s.last_seen_at = st.getColumn(4).getInt64();
  s.client_addr = st.getColumn(5).getString();
  return s;
}

void SqliteAuthRepository::TouchSession(const std::string& token_hash, Timestamp at) {
  auto& st = c_.Prepare("UPDATE session SET last_seen_at = ? WHERE token_hash = ?");
  st.bind(1, static_cast<std::int64_t>(at));
  st.bind(2, token_hash);
  st.exec();
}

void SqliteAuthRepository::DeleteSession(const std::string& token_hash) {
  auto& st = c_.Prepare("DELETE FROM session WHERE token_hash = ?");
  st.bind(1, token_hash);
  st.exec();
}

void SqliteAuthRepository::DeleteSessionsOfUser(Id user_id) {
  auto& st = c_.Prepare("DELETE FROM session WHERE user_id = ?");
  st.bind(1, static_cast<std::int64_t>(user_id));
  st.exec();
}

std::int64_t SqliteAuthRepository::DeleteSessionsBefore(Timestamp last_seen_before,
                                                        Timestamp created_before) {
  auto& st = c_.Prepare("DELETE FROM session WHERE last_seen_at < ? OR created_at < ?");
  st.bind(1, static_cast<std::int64_t>(last_seen_before));
  st.bind(2, static_cast<std::int64_t>(created_before));
  return st.exec();
}

Id SqliteAuthRepository::InsertToken(const ApiToken& t) {
  auto& st = c_.Prepare(
      "INSERT INTO api_token (user_id, name, token_hash, created_at, expires_at) "
      "VALUES (?, ?, ?, ?, ?)");
  st.bind(1, static_cast<std::int64_t>(t.user_id));
  st.bind(2, t.name);
  st.bind(3, t.token_hash);
  st.bind(4, static_cast<std::int64_t>(t.created_at));
  BindOpt(st, 5, t.expires_at);
  st.exec();
  return c_.db().getLastInsertRowid();
}

std::optional<ApiToken> SqliteAuthRepository::FindToken(const std::string& token_hash) {
  auto& st = c_.Prepare(std::string(kTokenColumns) + " WHERE token_hash = ?");
  st.bind(1, token_hash);
  if (!st.executeStep()) return std::nullopt;
  return ReadToken(st);
}

std::vector<ApiToken> SqliteAuthRepository::TokensOf(Id user_id) {
  auto& st = c_.Prepare(std::string(kTokenColumns) + " WHERE user_id = ? ORDER BY id");
  st.bind(1, static_cast<std::int64_t>(user_id));
  std::vector<ApiToken> out;
  while (st.executeStep()) out.push_back(ReadToken(st));
  return out;
}

bool SqliteAuthRepository::RevokeToken(Id user_id, Id token_id, Timestamp at) {
  auto& st = c_.Prepare(
      "UPDATE api_token SET revoked_at = ? WHERE id = ? AND user_id = ? AND revoked_at IS NULL");
  st.bind(1, static_cast<std::int64_t>(at));
  st.bind(2, static_cast<std::int64_t>(token_id));
  st.bind(3, static_cast<std::int64_t>(user_id));
  return st.exec() > 0;
}

void SqliteAuthRepository::TouchToken(Id token_id, Timestamp at) {
  auto& st = c_.Prepare("UPDATE api_token SET last_used_at = ? WHERE id = ?");
  st.bind(1, static_cast<std::int64_t>(at));
  st.bind(2, static_cast<std::int64_t>(token_id));
  st.exec();
}

ThrottleState SqliteAuthRepository::GetThrottle(const std::string& key) {
  auto& st = c_.Prepare(
      "SELECT failures, window_start, locked_until FROM login_throttle WHERE throttle_key = ?");
  st.bind(1, key);
  if (!st.executeStep()) return {};
  return ThrottleState{st.getColumn(0).getInt(), st.getColumn(1).getInt64(),
                       st.getColumn(2).getInt64()};
}

void SqliteAuthRepository::PutThrottle(const std::string& key, const ThrottleState& s) {
  auto& st = c_.Prepare(
      "INSERT INTO login_throttle (throttle_key, failures, window_start, locked_until) "
      "VALUES (?, ?, ?, ?) ON CONFLICT (throttle_key) DO UPDATE SET failures = excluded.failures, "
      "window_start = excluded.window_start, locked_until = excluded.locked_until");
  st.bind(1, key);
  st.bind(2, s.failures);
  st.bind(3, static_cast<std::int64_t>(s.window_start));
  st.bind(4, static_cast<std::int64_t>(s.locked_until));
  st.exec();
}

void SqliteAuthRepository::ClearThrottle(const std::string& key) {
  auto& st = c_.Prepare("DELETE FROM login_throttle WHERE throttle_key = ?");
  st.bind(1, key);
  st.exec();
}

void SqliteAccessLogRepository::InsertBatch(const std::vector<AccessEntry>& entries) {
  // The entries outlive the statements' steps: their texts need not be copied.
  const auto text = [](sqlite3_stmt* st, int index, const std::string& s) {
    sqlite3_bind_text(st, index, s.data(), static_cast<int>(s.size()), SQLITE_STATIC);
  };
  c_.WriteRows(
      "INSERT INTO access_log (at, user_id, entity, entity_id, customer_id, request_id, "
      "client_addr)",
      "(?, ?, ?, ?, ?, ?, ?)", "", 7, entries, [&](sqlite3_stmt* st, int p, const AccessEntry& e) {
        sqlite3_bind_int64(st, p + 1, e.at);
        sqlite3_bind_int64(st, p + 2, e.user_id);
        text(st, p + 3, e.entity);
        sqlite3_bind_int64(st, p + 4, e.entity_id);
        e.customer_id ? sqlite3_bind_int64(st, p + 5, *e.customer_id)
                      : sqlite3_bind_null(st, p + 5);
        text(st, p + 6, e.request_id);
        text(st, p + 7, e.client_addr);
      });
}

std::int64_t SqliteAccessLogRepository::Count() {
  auto& st = c_.Prepare("SELECT COUNT(*) FROM access_log");
  st.executeStep();
  return st.getColumn(0).getInt64();
}

}  // namespace kams

namespace kams {

std::int64_t SqliteAuthRepository::DeleteStaleThrottles(Timestamp window_before, Timestamp now) {
  auto& st = c_.Prepare("DELETE FROM login_throttle WHERE window_start < ? AND locked_until <= ?");
  st.bind(1, static_cast<std::int64_t>(window_before));
  st.bind(2, static_cast<std::int64_t>(now));
  return st.exec();
}

}  // namespace kams
