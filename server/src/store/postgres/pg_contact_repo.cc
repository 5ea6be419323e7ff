#include "store/postgres/pg_repos.h"

namespace kams {
namespace {

constexpr const char* kColumns =
    "SELECT id, customer_id, version, name, title, department, phone, email, buying_role, "
    "reports_to_id, interests, birthday, notes, created_at, updated_at FROM contact";

Contact Read(const pqxx::row& r) {
  Contact c;
  int i = 0;
  c.id = r[i++].as<std::int64_t>();
  c.customer_id = r[i++].as<std::int64_t>();
  c.version = r[i++].as<std::int64_t>();
  c.name = r[i++].as<std::string>();
  c.title = r[i++].as<std::string>();
  c.department = r[i++].as<std::string>();
  c.phone = r[i++].as<std::string>();
  c.email = r[i++].as<std::string>();
  c.buying_role = r[i++].as<std::string>();
  c.reports_to_id = OptInt(r[i++]);
  c.interests = r[i++].as<std::string>();
  c.birthday = r[i++].as<std::string>();
  c.notes = r[i++].as<std::string>();
  c.created_at = r[i++].as<std::int64_t>();
  c.updated_at = r[i++].as<std::int64_t>();
  return c;
}

}  // namespace

Page<Contact> PgContactRepository::List(Id customer_id, const PageRequest& page) {
  Page<Contact> out;
  for (const auto& r : s_.Exec(std::string(kColumns) +
                                   " WHERE customer_id = $1 AND id > $2 ORDER BY id LIMIT $3",
                               customer_id, page.after ? page.after->id : Id{0},
                               std::int64_t{page.limit + 1})) {
    out.items.push_back(Read(r));
  }
  if (static_cast<int>(out.items.size()) > page.limit) {
    out.items.pop_back();
    out.next = Cursor{std::to_string(out.items.back().id), out.items.back().id};
  }
  return out;
}

std::optional<Contact> PgContactRepository::Get(Id customer_id, Id contact_id) {
  auto res = s_.Exec(std::string(kColumns) + " WHERE id = $1 AND customer_id = $2", contact_id,
                     customer_id);
  if (res.empty()) return std::nullopt;
  return Read(res[0]);
}

Id PgContactRepository::Insert(const Contact& c) {
  return s_
      .Exec(
          "INSERT INTO contact (customer_id, version, name, title, department, phone, email, "
          "buying_role, reports_to_id, interests, birthday, notes, created_at, updated_at) "
          "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14) RETURNING id",
          c.customer_id, c.version, c.name, c.title, c.department, c.phone, c.email,
          c.buying_role, c.reports_to_id, c.interests, c.birthday, c.notes, c.created_at,
          c.updated_at)[0][0]
      .as<std::int64_t>();
}

void PgContactRepository::Update(const Contact& c) {
  s_.Exec(
      "UPDATE contact SET customer_id = $1, version = $2, name = $3, title = $4, "
      "department = $5, phone = $6, email = $7, buying_role = $8, reports_to_id = $9, "
      "interests = $10, birthday = $11, notes = $12, created_at = $13, updated_at = $14 "
      "WHERE id = $15",
      c.customer_id, c.version, c.name, c.title, c.department, c.phone, c.email, c.buying_role,
      c.reports_to_id, c.interests, c.birthday, c.notes, c.created_at, c.updated_at, c.id);
}

void PgContactRepository::Delete(Id customer_id, Id contact_id) {
  s_.Exec(
      "UPDATE contact SET reports_to_id = NULL, version = version + 1 "
      "WHERE reports_to_id = $1 AND customer_id = $2",
      contact_id, customer_id);
  s_.Exec("DELETE FROM contact WHERE id = $1 AND customer_id = $2", contact_id, customer_id);
}

}  // namespace kams
