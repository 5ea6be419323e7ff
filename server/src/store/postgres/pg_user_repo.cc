#include "store/postgres/pg_repos.h"
#include "store/customer_query.h"
#include "store/text_grams.h"

namespace kams {
namespace {

constexpr const char* kColumns =
    "SELECT u.id, u.username, u.display_name, u.role, u.org_unit_id, u.active, u.email, "
    "u.phone, u.locale, u.version, u.created_at, u.updated_at, u.last_login_at FROM app_user u";

User Read(const pqxx::row& r) {
  User u;
  u.id = r[0].as<std::int64_t>();
  u.username = r[1].as<std::string>();
  u.display_name = r[2].as<std::string>();
  u.role = ParseRole(r[3].as<std::string>()).value_or(Role::kSales);
  u.org_unit_id = r[4].as<std::int64_t>();
  u.active = r[5].as<bool>();
  u.email = r[6].as<std::string>();
  u.phone = r[7].as<std::string>();
  u.locale = r[8].as<std::string>();
  u.version = r[9].as<std::int64_t>();
  u.created_at = r[10].as<std::int64_t>();
  u.updated_at = r[11].as<std::int64_t>();
  u.last_login_at = OptInt(r[12]);
  return u;
}

}  // namespace

std::optional<User> PgUserRepository::Get(Id id) {
  auto res = s_.Exec(std::string(kColumns) + " WHERE u.id = $1", id);
  if (res.empty()) return std::nullopt;
  return Read(res[0]);
}

std::optional<User> PgUserRepository::FindByUsername(std::string_view username) {
  auto res = s_.Exec(std::string(kColumns) + " WHERE u.username = $1", LowerAscii(username));
  if (res.empty()) return std::nullopt;
  return Read(res[0]);
}

std::optional<std::string> PgUserRepository::PasswordHash(Id id) {
  auto res = s_.Exec("SELECT password_hash FROM app_user WHERE id = $1", id);
  if (res.empty()) return std::nullopt;
  return res[0][0].as<std::string>();
}

Id PgUserRepository::Insert(const User& u, const std::string& hash) {
  return s_
      .Exec(
          "INSERT INTO app_user (username, display_name, role, org_unit_id, active, email, phone, "
          "locale, password_hash, version, created_at, updated_at) "
          "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) RETURNING id",
          LowerAscii(u.username), u.display_name, std::string(RoleName(u.role)), u.org_unit_id,
          u.active, u.email, u.phone, u.locale, hash, u.version, u.created_at, u.updated_at)[0][0]
      .as<std::int64_t>();
}

void PgUserRepository::Update(const User& u) {
  s_.Exec(
      "UPDATE app_user SET display_name = $1, role = $2, org_unit_id = $3, active = $4, "
      "email = $5, phone = $6, locale = $7, version = $8, updated_at = $9 WHERE id = $10",
      u.display_name, std::string(RoleName(u.role)), u.org_unit_id, u.active, u.email, u.phone,
      u.locale, u.version, u.updated_at, u.id);
}

void PgUserRepository::SetPasswordHash(Id id, const std::string& hash, Timestamp at) {
  s_.Exec("UPDATE app_user SET password_hash = $1, password_changed_at = $2 WHERE id = $3", hash,
          at, id);
}

void PgUserRepository::RecordLogin(Id id, Timestamp at) {
  s_.Exec("UPDATE app_user SET last_login_at = $1 WHERE id = $2", at, id);
}

Page<User> PgUserRepository::List(const UserFilter& f, const PageRequest& page) {
  std::string sql = std::string(kColumns) + " WHERE TRUE";
  PgBinds b;
  if (f.org_unit_id) {
    sql += " AND u.org_unit_id IN (SELECT descendant_id FROM org_unit_closure WHERE ancestor_id = " +
           b.Add(*f.org_unit_id) + ")";
  }
  if (f.role) sql += " AND u.role = " + b.Add(std::string(RoleName(*f.role)));
  if (f.active) sql += " AND u.active = " + b.AddBool(*f.active);
  if (!f.q.empty()) {
    sql += " AND (strpos(u.username, " + b.Add(LowerAscii(f.q)) + ") > 0 OR strpos(u.display_name, " +
           b.Add(f.q) + ") > 0)";
  }
  if (f.sees_customer) {
    sql += " AND " + UserSeesCustomerPredicate(*f.sees_customer,
                                                [&](std::int64_t v) { return b.Add(v); });
  }
  if (page.after) sql += " AND u.id > " + b.Add(page.after->id);
  sql += " ORDER BY u.id LIMIT " + b.Add(std::int64_t{page.limit + 1});
  Page<User> out;
  for (const auto& r : s_.ExecDynamic(sql, b.values())) out.items.push_back(Read(r));
  if (static_cast<int>(out.items.size()) > page.limit) {
    out.items.pop_back();
    out.next = Cursor{std::to_string(out.items.back().id), out.items.back().id};
  }
  return out;
}

}  // namespace kams

namespace kams {

std::optional<UserSettings> PgUserRepository::GetSettings(Id id) {
  auto res = s_.Exec("SELECT settings_version, settings FROM app_user WHERE id = $1", id);
  if (res.empty()) return std::nullopt;
  return UserSettings{res[0][0].as<std::int64_t>(), res[0][1].as<std::string>()};
}

void PgUserRepository::PutSettings(Id id, const UserSettings& s) {
  s_.Exec("UPDATE app_user SET settings_version = $1, settings = $2 WHERE id = $3", s.version,
          s.json, id);
}

}  // namespace kams
