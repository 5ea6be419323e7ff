#include "store/postgres/pg_repos.h"

namespace kams {
namespace {

constexpr const char* kTokenColumns =
    "SELECT id, user_id, name, token_hash, created_at, last_used_at, revoked_at, expires_at "
    "FROM api_token";

ApiToken ReadToken(const pqxx::row& r) {
  ApiToken t;
  t.id = r[0].as<std::int64_t>();
  t.user_id = r[1].as<std::int64_t>();
  t.name = r[2].as<std::string>();
  t.token_hash = r[3].as<std::string>();
  t.created_at = r[4].as<std::int64_t>();
  t.last_used_at = OptInt(r[5]);
  t.revoked_at = OptInt(r[6]);
  t.expires_at = OptInt(r[7]);
  return t;
}

}  // namespace

void PgAuthRepository::InsertSession(const Session& s) {
  s_.Exec(
      "INSERT INTO session (token_hash, user_id, csrf_hash, created_at, last_seen_at, "
      "client_addr) VALUES ($1, $2, $3, $4, $5, $6)",
      s.token_hash, s.user_id, s.csrf_hash, s.created_at, s.last_seen_at, s.client_addr);
}

std::optional<Session> PgAuthRepository::FindSession(const std::string& token_hash) {
  auto res = s_.Exec(
      "SELECT token_hash, user_id, csrf_hash, created_at, last_seen_at, client_addr "
      "FROM session WHERE token_hash = $1",
      token_hash);
  if (res.empty()) return std::nullopt;
  const auto& r = res[0];
  Session s;
  s.token_hash = r[0].as<std::string>();
  s.user_id = r[1].as<std::int64_t>();
  s.csrf_hash = r[2].as<std::string>();
  s.created_at = r[3].as<std::int64_t>();
  s.last_seen_at = r[4].as<std::int64_t>();
  s.client_addr = r[5].as<std::string>();
  return s;
}

void PgAuthRepository::TouchSession(const std::string& token_hash, Timestamp at) {
  s_.Exec("UPDATE session SET last_seen_at = $1 WHERE token_hash = $2", at, token_hash);
}

void PgAuthRepository::DeleteSession(const std::string& token_hash) {
  s_.Exec("DELETE FROM session WHERE token_hash = $1", token_hash);
}

void PgAuthRepository::DeleteSessionsOfUser(Id user_id) {
  s_.Exec("DELETE FROM session WHERE user_id = $1", user_id);
}

std::int64_t PgAuthRepository::DeleteSessionsBefore(Timestamp last_seen_before,
                                                    Timestamp created_before) {
  return s_.Exec("DELETE FROM session WHERE last_seen_at < $1 OR created_at < $2", last_seen_before,
          created_before)
      .affected_rows();
}

Id PgAuthRepository::InsertToken(const ApiToken& t) {
  return s_
      .Exec(
          "INSERT INTO api_token (user_id, name, token_hash, created_at, expires_at) "
          "VALUES ($1, $2, $3, $4, $5) RETURNING id",
          t.user_id, t.name, t.token_hash, t.created_at, t.expires_at)[0][0]
      .as<std::int64_t>();
}

std::optional<ApiToken> PgAuthRepository::FindToken(const std::string& token_hash) {
  auto res = s_.Exec(std::string(kTokenColumns) + " WHERE token_hash = $1", token_hash);
  if (res.empty()) return std::nullopt;
  return ReadToken(res[0]);
}

std::vector<ApiToken> PgAuthRepository::TokensOf(Id user_id) {
  std::vector<ApiToken> out;
  for (const auto& r : s_.Exec(std::string(kTokenColumns) + " WHERE user_id = $1 ORDER BY id",
                               user_id)) {
    out.push_back(ReadToken(r));
  }
  return out;
}

bool PgAuthRepository::RevokeToken(Id user_id, Id token_id, Timestamp at) {
  return s_.Exec(
               "UPDATE api_token SET revoked_at = $1 "
               "WHERE id = $2 AND user_id = $3 AND revoked_at IS NULL",
               at, token_id, user_id)
             .affected_rows() > 0;
}

void PgAuthRepository::TouchToken(Id token_id, Timestamp at) {
  s_.Exec("UPDATE api_token SET last_used_at = $1 WHERE id = $2", at, token_id);
}

ThrottleState PgAuthRepository::GetThrottle(const std::string& key) {
  auto res = s_.Exec(
      "SELECT failures, window_start, locked_until FROM login_throttle WHERE throttle_key = $1",
      key);
  if (res.empty()) return {};
  return ThrottleState{res[0][0].as<int>(), res[0][1].as<std::int64_t>(),
                       res[0][2].as<std::int64_t>()};
}

void PgAuthRepository::PutThrottle(const std::string& key, const ThrottleState& s) {
  s_.Exec(
      "INSERT INTO login_throttle (throttle_key, failures, window_start, locked_until) "
      "VALUES ($1, $2, $3, $4) ON CONFLICT (throttle_key) DO UPDATE SET "
      "failures = excluded.failures, window_start = excluded.window_start, "
      "locked_until = excluded.locked_until",
      key, s.failures, s.window_start, s.locked_until);
}

void PgAuthRepository::ClearThrottle(const std::string& key) {
  s_.Exec("DELETE FROM login_throttle WHERE throttle_key = $1", key);
}

void PgAccessLogRepository::InsertBatch(const std::vector<AccessEntry>& entries) {
  // Multi-row inserts of up to 500 entries per statement (one round trip each).
  constexpr std::size_t kRowsPerStatement = 500;
  for (std::size_t first = 0; first < entries.size(); first += kRowsPerStatement) {
    const std::size_t last = std::min(entries.size(), first + kRowsPerStatement);
    PgBinds b;
    std::string sql =
        "INSERT INTO access_log (at, user_id, entity, entity_id, customer_id, request_id, "
        "client_addr) VALUES ";
    for (std::size_t k = first; k < last; ++k) {
      const auto& e = entries[k];
      if (k != first) sql += ", ";
      sql += "(" + b.Add(e.at) + "::BIGINT, " + b.Add(e.user_id) + "::BIGINT, " + b.Add(e.entity) +
             ", " + b.Add(e.entity_id) + "::BIGINT, ";
      sql += e.customer_id ? b.Add(*e.customer_id) + "::BIGINT" : std::string("NULL::BIGINT");
      sql += ", " + b.Add(e.request_id) + ", " + b.Add(e.client_addr) + ")";
    }
    s_.ExecOnce(sql, b.values());
  }
}

std::int64_t PgAccessLogRepository::Count() {
  return s_.Exec("SELECT COUNT(*) FROM access_log")[0][0].as<std::int64_t>();
}

}  // namespace kams

namespace kams {

std::int64_t PgAuthRepository::DeleteStaleThrottles(Timestamp window_before, Timestamp now) {
  return s_.Exec("DELETE FROM login_throttle WHERE window_start < $1 AND locked_until <= $2",
                 window_before, now)
      .affected_rows();
}

}  // namespace kams
