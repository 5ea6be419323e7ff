// Bulk-access alerts and the access-log counts the watch job reads.
#include "store/postgres/pg_repos.h"

namespace kams {
namespace {

// The columns of an alert with its user's and acknowledger's names, in ReadAlert's order.
constexpr const char* kAlertSelect =
    "SELECT a.id, a.user_id, a.role, a.customers, a.reads, a.threshold, a.window_start, "
    "a.window_end, a.status, a.version, a.created_at, a.acknowledged_at, a.acknowledged_by, "
    "a.comment, u.username, u.display_name, k.display_name FROM access_alert a "
    "JOIN app_user u ON u.id = a.user_id LEFT JOIN app_user k ON k.id = a.acknowledged_by";

AccessAlert ReadAlert(const pqxx::row& r) {
  AccessAlert a;
  a.id = r[0].as<std::int64_t>();
  a.user_id = r[1].as<std::int64_t>();
  a.role = ParseRole(r[2].as<std::string>()).value_or(Role::kSales);
  a.customers = r[3].as<std::int64_t>();
  a.reads = r[4].as<std::int64_t>();
  a.threshold = r[5].as<std::int64_t>();
  a.window_start = r[6].as<std::int64_t>();
  a.window_end = r[7].as<std::int64_t>();
  a.status = ParseAccessAlertStatus(r[8].as<std::string>()).value_or(AccessAlertStatus::kOpen);
  a.version = r[9].as<std::int64_t>();
  a.created_at = r[10].as<std::int64_t>();
  a.acknowledged_at = OptInt(r[11]);
  a.acknowledged_by = OptInt(r[12]);
  a.comment = r[13].as<std::string>();
  a.username = r[14].as<std::string>();
  a.user_name = r[15].as<std::string>();
  a.acknowledged_by_name = OptText(r[16]);
  return a;
}

UserReads ReadCounts(const pqxx::row& r) {
  return UserReads{r[0].as<std::int64_t>(), r[1].as<std::int64_t>(), r[2].as<std::int64_t>()};
}

}  // namespace

std::vector<UserReads> PgAccessLogRepository::ReadsBetween(Timestamp from, Timestamp to) {
  std::vector<UserReads> out;
  for (const auto& r : s_.Exec(
           "SELECT user_id, count(DISTINCT customer_id), count(*) FROM access_log "
           "WHERE at >= $1 AND at <= $2 AND customer_id IS NOT NULL "
           "GROUP BY user_id ORDER BY user_id",
           from, to)) {
    out.push_back(ReadCounts(r));
  }
  return out;
}

UserReads PgAccessLogRepository::ReadsOf(Id user_id, Timestamp from, Timestamp to) {
  return ReadCounts(s_.Exec(
      "SELECT $1::BIGINT, count(DISTINCT customer_id), count(*) FROM access_log "
      "WHERE user_id = $1 AND at >= $2 AND at <= $3 AND customer_id IS NOT NULL",
      user_id, from, to)[0]);
}

std::vector<AlertCustomer> PgAccessLogRepository::TopCustomers(Id user_id, Timestamp from,
                                                               Timestamp to, int limit) {
  std::vector<AlertCustomer> out;
  for (const auto& r : s_.Exec(
           "SELECT l.customer_id, coalesce(c.name, ''), l.n FROM (SELECT customer_id, "
           "count(*) AS n FROM access_log WHERE user_id = $1 AND at >= $2 AND at <= $3 "
           "AND customer_id IS NOT NULL GROUP BY customer_id) l "
           "LEFT JOIN customer c ON c.id = l.customer_id ORDER BY l.n DESC, l.customer_id "
           "LIMIT $4",
           user_id, from, to, limit)) {
    out.push_back({r[0].as<std::int64_t>(), r[1].as<std::string>(), r[2].as<std::int64_t>()});
  }
  return out;
}

AccessAlertSettings PgAccessAlertRepository::Settings() {
  AccessAlertSettings s;
  const auto head = s_.Exec(
      "SELECT window_minutes, version, updated_at FROM access_alert_settings WHERE singleton = 1");
  if (!head.empty()) {
    s.window_minutes = head[0][0].as<std::int64_t>();
    s.version = head[0][1].as<std::int64_t>();
    s.updated_at = head[0][2].as<std::int64_t>();
  }
  for (const auto& r : s_.Exec("SELECT role, threshold FROM access_alert_threshold")) {
    if (auto role = ParseRole(r[0].as<std::string>())) s.thresholds[*role] = OptInt(r[1]);
  }
  return s;
}

void PgAccessAlertRepository::PutSettings(const AccessAlertSettings& s) {
  s_.Exec(
      "UPDATE access_alert_settings SET window_minutes = $1, version = $2, updated_at = $3 "
      "WHERE singleton = 1",
      s.window_minutes, s.version, s.updated_at);
  for (const auto& [role, threshold] : s.thresholds) {
    s_.Exec(
        "INSERT INTO access_alert_threshold (role, threshold) VALUES ($1, $2) "
        "ON CONFLICT (role) DO UPDATE SET threshold = excluded.threshold",
        std::string(RoleName(role)), threshold);
  }
}

Id PgAccessAlertRepository::Insert(const AccessAlert& a) {
  const Id id =
      s_.Exec(
            "INSERT INTO access_alert (user_id, role, customers, reads, threshold, window_start, "
            "window_end, status, version, created_at, acknowledged_at, acknowledged_by, comment) "
            "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13) RETURNING id",
            a.user_id, std::string(RoleName(a.role)), a.customers, a.reads, a.threshold,
            a.window_start, a.window_end, std::string(AccessAlertStatusName(a.status)), a.version,
            a.created_at, a.acknowledged_at, a.acknowledged_by, a.comment)[0][0]
          .as<std::int64_t>();
  for (std::size_t i = 0; i < a.top_customers.size(); ++i) {
    s_.Exec(
        "INSERT INTO access_alert_customer (alert_id, seq, customer_id, reads) "
        "VALUES ($1, $2, $3, $4)",
        id, static_cast<std::int64_t>(i + 1), a.top_customers[i].customer_id,
        a.top_customers[i].reads);
  }
  return id;
}

void PgAccessAlertRepository::Update(const AccessAlert& a) {
  s_.Exec(
      "UPDATE access_alert SET status = $1, version = $2, acknowledged_at = $3, "
      "acknowledged_by = $4, comment = $5 WHERE id = $6",
      std::string(AccessAlertStatusName(a.status)), a.version, a.acknowledged_at,
      a.acknowledged_by, a.comment, a.id);
}

std::vector<AlertCustomer> PgAccessAlertRepository::TopOf(Id alert_id) {
  std::vector<AlertCustomer> out;
  for (const auto& r : s_.Exec(
           "SELECT t.customer_id, coalesce(c.name, ''), t.reads FROM access_alert_customer t "
           "LEFT JOIN customer c ON c.id = t.customer_id WHERE t.alert_id = $1 ORDER BY t.seq",
           alert_id)) {
    out.push_back({r[0].as<std::int64_t>(), r[1].as<std::string>(), r[2].as<std::int64_t>()});
  }
  return out;
}

std::optional<AccessAlert> PgAccessAlertRepository::Get(Id id) {
  const auto rows = s_.Exec(std::string(kAlertSelect) + " WHERE a.id = $1", id);
  if (rows.empty()) return std::nullopt;
  AccessAlert a = ReadAlert(rows[0]);
  a.top_customers = TopOf(id);
  return a;
}

std::optional<AccessAlert> PgAccessAlertRepository::LatestOf(Id user_id) {
  const auto rows = s_.Exec(
      std::string(kAlertSelect) + " WHERE a.user_id = $1 ORDER BY a.id DESC LIMIT 1", user_id);
  if (rows.empty()) return std::nullopt;
  return ReadAlert(rows[0]);
}

Page<AccessAlert> PgAccessAlertRepository::List(std::optional<AccessAlertStatus> status,
                                                const PageRequest& page) {
  const std::string wanted = status ? std::string(AccessAlertStatusName(*status)) : "";
  Page<AccessAlert> out;
  for (const auto& r : s_.Exec(std::string(kAlertSelect) +
                                   " WHERE a.id < $1 AND ($2 = '' OR a.status = $2) "
                                   "ORDER BY a.id DESC LIMIT $3",
                               page.after ? page.after->id : INT64_MAX, wanted,
                               page.limit + 1)) {
    out.items.push_back(ReadAlert(r));
  }
  if (static_cast<int>(out.items.size()) > page.limit) {
    out.items.pop_back();
    out.next = Cursor{std::to_string(out.items.back().id), out.items.back().id};
  }
  for (auto& a : out.items) a.top_customers = TopOf(a.id);
  return out;
}

}  // namespace kams
