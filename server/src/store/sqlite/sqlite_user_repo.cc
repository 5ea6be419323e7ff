#include "store/sqlite/sqlite_repos.h"

#include "store/customer_query.h"
#include "store/text_grams.h"

namespace kams {
namespace {

constexpr const char* kColumns =
    "SELECT u.id, u.username, u.display_name, u.role, u.org_unit_id, u.active, u.email, "
    "u.phone, u.locale, u.version, u.created_at, u.updated_at, u.last_login_at FROM app_user u";

User Read(SQLite::Statement& st) {
  User u;
  u.id = st.getColumn(0).getInt64();
  u.username = st.getColumn(1).getString();
  u.display_name = st.getColumn(2).getString();
  u.role = ParseRole(st.getColumn(3).getString()).value_or(Role::kSales);
  u.org_unit_id = st.getColumn(4).getInt64();
  u.active = st.getColumn(5).getInt() != 0;
  u.email = st.getColumn(6).getString();
  u.phone = st.getColumn(7).getString();
  u.locale = st.getColumn(8).getString();
  u.version = st.getColumn(9).getInt64();
  u.created_at = st.getColumn(10).getInt64();
  u.updated_at = st.getColumn(11).getInt64();
  u.last_login_at = OptInt(st.getColumn(12));
  return u;
}

}  // namespace

std::optional<User> SqliteUserRepository::Get(Id id) {
  auto& st = c_.Prepare(std::string(kColumns) + " WHERE u.id = ?");
  st.bind(1, static_cast<std::int64_t>(id));
  if (!st.executeStep()) return std::nullopt;
  return Read(st);
}

std::optional<User> SqliteUserRepository::FindByUsername(std::string_view username) {
  auto& st = c_.Prepare(std::string(kColumns) + " WHERE u.username = ?");
  st.bind(1, LowerAscii(username));
  if (!st.executeStep()) return std::nullopt;
  return Read(st);
}

std::optional<std::string> SqliteUserRepository::PasswordHash(Id id) {
  auto& st = c_.Prepare("SELECT password_hash FROM app_user WHERE id = ?");
  st.bind(1, static_cast<std::int64_t>(id));
  if (!st.executeStep()) return std::nullopt;
  return st.getColumn(0).getString();
}

Id SqliteUserRepository::Insert(const User& u, const std::string& hash) {
  auto& st = c_.Prepare(
      "INSERT INTO app_user (username, display_name, role, org_unit_id, active, email, phone, "
      "locale, password_hash, version, created_at, updated_at) "
      "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
  st.bind(1, LowerAscii(u.username));
  st.bind(2, u.display_name);
  st.bind(3, std::string(RoleName(u.role)));
  st.bind(4, static_cast<std::int64_t>(u.org_unit_id));
  st.bind(5, u.active ? 1 : 0);
  st.bind(6, u.email);
  st.bind(7, u.phone);
  st.bind(8, u.locale);
  st.bind(9, hash);
  st.bind(10, static_cast<std::int64_t>(u.version));
  st.bind(11, static_cast<std::int64_t>(u.created_at));
  st.bind(12, static_cast<std::int64_t>(u.updated_at));
  st.exec();
  return c_.db().getLastInsertRowid();
}

void SqliteUserRepository::Update(const User& u) {
  auto& st = c_.Prepare(
      "UPDATE app_user SET display_name = ?, role = ?, org_unit_id = ?, active = ?, email = ?, "
      "phone = ?, locale = ?, version = ?, updated_at = ? WHERE id = ?");
  st.bind(1, u.display_name);
  st.bind(2, std::string(RoleName(u.role)));
  st.bind(3, static_cast<std::int64_t>(u.org_unit_id));
  st.bind(4, u.active ? 1 : 0);
  st.bind(5, u.email);
  st.bind(6, u.phone);
  st.bind(7, u.locale);
  st.bind(8, static_cast<std::int64_t>(u.version));
  st.bind(9, static_cast<std::int64_t>(u.updated_at));
  st.bind(10, static_cast<std::int64_t>(u.id));
  st.exec();
}

void SqliteUserRepository::SetPasswordHash(Id id, const std::string& hash, Timestamp at) {
  auto& st = c_.Prepare(
      "UPDATE app_user SET password_hash = ?, password_changed_at = ? WHERE id = ?");
  st.bind(1, hash);
  st.bind(2, static_cast<std::int64_t>(at));
  st.bind(3, static_cast<std::int64_t>(id));
  st.exec();
}

void SqliteUserRepository::RecordLogin(Id id, Timestamp at) {
  auto& st = c_.Prepare("UPDATE app_user SET last_login_at = ? WHERE id = ?");
  st.bind(1, static_cast<std::int64_t>(at));
  st.bind(2, static_cast<std::int64_t>(id));
  st.exec();
}

Page<User> SqliteUserRepository::List(const UserFilter& f, const PageRequest& page) {
  std::string sql = std::string(kColumns) + " WHERE 1=1";
  std::vector<SqlValue> binds;
  if (f.org_unit_id) {
    sql += " AND u.org_unit_id IN (SELECT descendant_id FROM org_unit_closure WHERE ancestor_id = ?)";
    binds.emplace_back(*f.org_unit_id);
  }
  if (f.role) {
    sql += " AND u.role = ?";
    binds.emplace_back(std::string(RoleName(*f.role)));
  }
  if (f.active) {
    sql += " AND u.active = ?";
    binds.emplace_back(std::int64_t{*f.active ? 1 : 0});
  }
  if (!f.q.empty()) {
    sql += " AND (instr(u.username, ?) > 0 OR instr(u.display_name, ?) > 0)";
    binds.emplace_back(LowerAscii(f.q));
    binds.emplace_back(f.q);
  }
  if (f.sees_customer) {
    sql += " AND " + UserSeesCustomerPredicate(*f.sees_customer, [&](std::int64_t v) {
             binds.emplace_back(v);
             return std::string("?");
           });
  }
  if (page.after) {
    sql += " AND u.id > ?";
    binds.emplace_back(page.after->id);
  }
  sql += " ORDER BY u.id LIMIT ?";
  binds.emplace_back(std::int64_t{page.limit + 1});
  auto& st = c_.Prepare(sql);
  BindAll(st, binds);
  Page<User> out;
  while (st.executeStep()) out.items.push_back(Read(st));
  if (static_cast<int>(out.items.size()) > page.limit) {
    out.items.pop_back();
    out.next = Cursor{std::to_string(out.items.back().id), out.items.back().id};
  }
  return out;
}

}  // namespace kams

namespace kams {

std::optional<UserSettings> SqliteUserRepository::GetSettings(Id id) {
  auto& st = c_.Prepare("SELECT settings_version, settings FROM app_user WHERE id = ?");
  st.bind(1, static_cast<std::int64_t>(id));
  if (!st.executeStep()) return std::nullopt;
  return UserSettings{st.getColumn(0).getInt64(), st.getColumn(1).getString()};
}

void SqliteUserRepository::PutSettings(Id id, const UserSettings& s) {
  auto& st = c_.Prepare("UPDATE app_user SET settings_version = ?, settings = ? WHERE id = ?");
  st.bind(1, static_cast<std::int64_t>(s.version));
  st.bind(2, s.json);
  st.bind(3, static_cast<std::int64_t>(id));
  st.exec();
}

}  // namespace kams
