// Bulk-access alerts and the access-log counts the watch job reads.
#include "store/sqlite/sqlite_repos.h"

namespace kams {
namespace {

// The columns of an alert with its user's and acknowledger's names, in ReadAlert's order.
constexpr const char* kAlertSelect =
    "SELECT a.id, a.user_id, a.role, a.customers, a.reads, a.threshold, a.window_start, "
    "a.window_end, a.status, a.version, a.created_at, a.acknowledged_at, a.acknowledged_by, "
    "a.comment, u.username, u.display_name, k.display_name FROM access_alert a "
    "JOIN app_user u ON u.id = a.user_id LEFT JOIN app_user k ON k.id = a.acknowledged_by";

AccessAlert ReadAlert(SQLite::Statement& st) {
  AccessAlert a;
  a.id = st.getColumn(0).getInt64();
  a.user_id = st.getColumn(1).getInt64();
  a.role = ParseRole(st.getColumn(2).getString()).value_or(Role::kSales);
  a.customers = st.getColumn(3).getInt64();
  a.reads = st.getColumn(4).getInt64();
  a.threshold = st.getColumn(5).getInt64();
  a.window_start = st.getColumn(6).getInt64();
  a.window_end = st.getColumn(7).getInt64();
  a.status = ParseAccessAlertStatus(st.getColumn(8).getString()).value_or(AccessAlertStatus::kOpen);
  a.version = st.getColumn(9).getInt64();
  a.created_at = st.getColumn(10).getInt64();
  a.acknowledged_at = OptInt(st.getColumn(11));
  a.acknowledged_by = OptInt(st.getColumn(12));
  a.comment = st.getColumn(13).getString();
  a.username = st.getColumn(14).getString();
  a.user_name = st.getColumn(15).getString();
  a.acknowledged_by_name = OptText(st.getColumn(16));
  return a;
}

UserReads ReadCounts(SQLite::Statement& st) {
  UserReads r;
  r.user_id = st.getColumn(0).getInt64();
  r.customers = st.getColumn(1).getInt64();
  r.reads = st.getColumn(2).getInt64();
  return r;
}

}  // namespace

std::vector<UserReads> SqliteAccessLogRepository::ReadsBetween(Timestamp from, Timestamp to) {
  auto& st = c_.Prepare(
      "SELECT user_id, count(DISTINCT customer_id), count(*) FROM access_log "
      "WHERE at >= ? AND at <= ? AND customer_id IS NOT NULL GROUP BY user_id ORDER BY user_id");
  st.bind(1, static_cast<std::int64_t>(from));
  st.bind(2, static_cast<std::int64_t>(to));
  std::vector<UserReads> out;
  while (st.executeStep()) out.push_back(ReadCounts(st));
  return out;
}

UserReads SqliteAccessLogRepository::ReadsOf(Id user_id, Timestamp from, Timestamp to) {
  auto& st = c_.Prepare(
      "SELECT ?, count(DISTINCT customer_id), count(*) FROM access_log "
      "WHERE user_id = ? AND at >= ? AND at <= ? AND customer_id IS NOT NULL");
  st.bind(1, static_cast<std::int64_t>(user_id));
  st.bind(2, static_cast<std::int64_t>(user_id));
  st.bind(3, static_cast<std::int64_t>(from));
  st.bind(4, static_cast<std::int64_t>(to));
  st.executeStep();
  return ReadCounts(st);
}

std::vector<AlertCustomer> SqliteAccessLogRepository::TopCustomers(Id user_id, Timestamp from,
                                                                   Timestamp to, int limit) {
  auto& st = c_.Prepare(
      "SELECT l.customer_id, coalesce(c.name, ''), l.n FROM (SELECT customer_id, count(*) AS n "
      "FROM access_log WHERE user_id = ? AND at >= ? AND at <= ? AND customer_id IS NOT NULL "
      "GROUP BY customer_id) l LEFT JOIN customer c ON c.id = l.customer_id "
      "ORDER BY l.n DESC, l.customer_id LIMIT ?");
  st.bind(1, static_cast<std::int64_t>(user_id));
  st.bind(2, static_cast<std::int64_t>(from));
  st.bind(3, static_cast<std::int64_t>(to));
  st.bind(4, limit);
  std::vector<AlertCustomer> out;
  while (st.executeStep()) {
    out.push_back({st.getColumn(0).getInt64(), st.getColumn(1).getString(),
                   st.getColumn(2).getInt64()});
  }
  return out;
}

AccessAlertSettings SqliteAccessAlertRepository::Settings() {
  AccessAlertSettings s;
  auto& head = c_.Prepare(
      "SELECT window_minutes, version, updated_at FROM access_alert_settings WHERE singleton = 1");
  if (head.executeStep()) {
    s.window_minutes = head.getColumn(0).getInt64();
    s.version = head.getColumn(1).getInt64();
    s.updated_at = head.getColumn(2).getInt64();
  }
  auto& st = c_.Prepare("SELECT role, threshold FROM access_alert_threshold");
  while (st.executeStep()) {
    if (auto role = ParseRole(st.getColumn(0).getString())) {
      s.thresholds[*role] = OptInt(st.getColumn(1));
    }
  }
  return s;
}

void SqliteAccessAlertRepository::PutSettings(const AccessAlertSettings& s) {
  auto& head = c_.Prepare(
      "UPDATE access_alert_settings SET window_minutes = ?, version = ?, updated_at = ? "
      "WHERE singleton = 1");
  head.bind(1, static_cast<std::int64_t>(s.window_minutes));
  head.bind(2, static_cast<std::int64_t>(s.version));
  head.bind(3, static_cast<std::int64_t>(s.updated_at));
  head.exec();
  auto& st = c_.Prepare(
      "INSERT INTO access_alert_threshold (role, threshold) VALUES (?, ?) "
      "ON CONFLICT (role) DO UPDATE SET threshold = excluded.threshold");
  for (const auto& [role, threshold] : s.thresholds) {
    st.reset();
    st.bind(1, std::string(RoleName(role)));
    BindOpt(st, 2, threshold);
    st.exec();
  }
}

Id SqliteAccessAlertRepository::Insert(const AccessAlert& a) {
  auto& st = c_.Prepare(
      "INSERT INTO access_alert (user_id, role, customers, reads, threshold, window_start, "
      "window_end, status, version, created_at, acknowledged_at, acknowledged_by, comment) "
      "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
  st.bind(1, static_cast<std::int64_t>(a.user_id));
  st.bind(2, std::string(RoleName(a.role)));
  st.bind(3, static_cast<std::int64_t>(a.customers));
  st.bind(4, static_cast<std::int64_t>(a.reads));
  st.bind(5, static_cast<std::int64_t>(a.threshold));
  st.bind(6, static_cast<std::int64_t>(a.window_start));
  st.bind(7, static_cast<std::int64_t>(a.window_end));
  st.bind(8, std::string(AccessAlertStatusName(a.status)));
  st.bind(9, static_cast<std::int64_t>(a.version));
  st.bind(10, static_cast<std::int64_t>(a.created_at));
  BindOpt(st, 11, a.acknowledged_at);
  BindOpt(st, 12, a.acknowledged_by);
  st.bind(13, a.comment);
  st.exec();
  const Id id = c_.db().getLastInsertRowid();
  auto& top = c_.Prepare(
      "INSERT INTO access_alert_customer (alert_id, seq, customer_id, reads) VALUES (?, ?, ?, ?)");
  for (std::size_t i = 0; i < a.top_customers.size(); ++i) {
    top.reset();
    top.bind(1, static_cast<std::int64_t>(id));
    top.bind(2, static_cast<std::int64_t>(i + 1));
    top.bind(3, static_cast<std::int64_t>(a.top_customers[i].customer_id));
    top.bind(4, static_cast<std::int64_t>(a.top_customers[i].reads));
    top.exec();
  }
  return id;
}

void SqliteAccessAlertRepository::Update(const AccessAlert& a) {
  auto& st = c_.Prepare(
      "UPDATE access_alert SET status = ?, version = ?, acknowledged_at = ?, "
      "acknowledged_by = ?, comment = ? WHERE id = ?");
  st.bind(1, std::string(AccessAlertStatusName(a.status)));
  st.bind(2, static_cast<std::int64_t>(a.version));
  BindOpt(st, 3, a.acknowledged_at);
  BindOpt(st, 4, a.acknowledged_by);
  st.bind(5, a.comment);
  st.bind(6, static_cast<std::int64_t>(a.id));
  st.exec();
}

std::vector<AlertCustomer> SqliteAccessAlertRepository::TopOf(Id alert_id) {
  auto& st = c_.Prepare(
      "SELECT t.customer_id, coalesce(c.name, ''), t.reads FROM access_alert_customer t "
      "LEFT JOIN customer c ON c.id = t.customer_id WHERE t.alert_id = ? ORDER BY t.seq");
  st.bind(1, static_cast<std::int64_t>(alert_id));
  std::vector<AlertCustomer> out;
  while (st.executeStep()) {
    out.push_back({st.getColumn(0).getInt64(), st.getColumn(1).getString(),
                   st.getColumn(2).getInt64()});
  }
  return out;
}

std::optional<AccessAlert> SqliteAccessAlertRepository::Get(Id id) {
  auto& st = c_.Prepare(std::string(kAlertSelect) + " WHERE a.id = ?");
  st.bind(1, static_cast<std::int64_t>(id));
  if (!st.executeStep()) return std::nullopt;
  AccessAlert a = ReadAlert(st);
  st.reset();
  a.top_customers = TopOf(id);
  return a;
}

std::optional<AccessAlert> SqliteAccessAlertRepository::LatestOf(Id user_id) {
  auto& st = c_.Prepare(std::string(kAlertSelect) +
                        " WHERE a.user_id = ? ORDER BY a.id DESC LIMIT 1");
  st.bind(1, static_cast<std::int64_t>(user_id));
  if (!st.executeStep()) return std::nullopt;
  return ReadAlert(st);
}

Page<AccessAlert> SqliteAccessAlertRepository::List(std::optional<AccessAlertStatus> status,
                                                    const PageRequest& page) {
  auto& st = c_.Prepare(std::string(kAlertSelect) +
                        " WHERE a.id < ? AND (? = '' OR a.status = ?) ORDER BY a.id DESC LIMIT ?");
  const std::string wanted = status ? std::string(AccessAlertStatusName(*status)) : "";
  st.bind(1, static_cast<std::int64_t>(page.after ? page.after->id : INT64_MAX));
  st.bind(2, wanted);
  st.bind(3, wanted);
  st.bind(4, page.limit + 1);
  Page<AccessAlert> out;
  while (st.executeStep()) out.items.push_back(ReadAlert(st));
  st.reset();
  if (static_cast<int>(out.items.size()) > page.limit) {
    out.items.pop_back();
    out.next = Cursor{std::to_string(out.items.back().id), out.items.back().id};
  }
  for (auto& a : out.items) a.top_customers = TopOf(a.id);
  return out;
}

}  // namespace kams
