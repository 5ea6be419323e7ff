#include "store/sqlite/sqlite_repos.h"

namespace kams {
namespace {

constexpr const char* kColumns =
    "SELECT id, customer_id, version, name, title, department, phone, email, buying_role, "
    "reports_to_id, interests, birthday, notes, created_at, updated_at FROM contact";

Contact Read(SQLite::Statement& st) {
  Contact c;
  int i = 0;
  c.id = st.getColumn(i++).getInt64();
  c.customer_id = st.getColumn(i++).getInt64();
  c.version = st.getColumn(i++).getInt64();
  c.name = st.getColumn(i++).getString();
  c.title = st.getColumn(i++).getString();
  c.department = st.getColumn(i++).getString();
  c.phone = st.getColumn(i++).getString();
  c.email = st.getColumn(i++).getString();
  c.buying_role = st.getColumn(i++).getString();
  c.reports_to_id = OptInt(st.getColumn(i++));
  c.interests = st.getColumn(i++).getString();
  c.birthday = st.getColumn(i++).getString();
  c.notes = st.getColumn(i++).getString();
  c.created_at = st.getColumn(i++).getInt64();
  c.updated_at = st.getColumn(i++).getInt64();
  return c;
}

int BindWritable(SQLite::Statement& st, const Contact& c) {
  int i = 1;
  st.bind(i++, static_cast<std::int64_t>(c.customer_id));
  st.bind(i++, static_cast<std::int64_t>(c.version));
  st.bind(i++, c.name);
  st.bind(i++, c.title);
  st.bind(i++, c.department);
  st.bind(i++, c.phone);
  st.bind(i++, c.email);
  st.bind(i++, c.buying_role);
  BindOpt(st, i++, c.reports_to_id);
  st.bind(i++, c.interests);
  st.bind(i++, c.birthday);
  st.bind(i++, c.notes);
  st.bind(i++, static_cast<std::int64_t>(c.created_at));
  st.bind(i++, static_cast<std::int64_t>(c.updated_at));
  return i;
}

}  // namespace

Page<Contact> SqliteContactRepository::List(Id customer_id, const PageRequest& page) {
  auto& st = c_.Prepare(std::string(kColumns) +
                        " WHERE customer_id = ? AND id > ? ORDER BY id LIMIT ?");
  st.bind(1, static_cast<std::int64_t>(customer_id));
  st.bind(2, static_cast<std::int64_t>(page.after ? page.after->id : 0));
  st.bind(3, page.limit + 1);
  Page<Contact> out;
  while (st.executeStep()) out.items.push_back(Read(st));
  if (static_cast<int>(out.items.size()) > page.limit) {
    out.items.pop_back();
    out.next = Cursor{std::to_string(out.items.back().id), out.items.back().id};
  }
  return out;
}

std::optional<Contact> SqliteContactRepository::Get(Id customer_id, Id contact_id) {
  auto& st = c_.Prepare(std::string(kColumns) + " WHERE id = ? AND customer_id = ?");
  st.bind(1, static_cast<std::int64_t>(contact_id));
  st.bind(2, static_cast<std::int64_t>(customer_id));
  if (!st.executeStep()) return std::nullopt;
  return Read(st);
}

Id SqliteContactRepository::Insert(const Contact& c) {
  auto& st = c_.Prepare(
      "INSERT INTO contact (customer_id, version, name, title, department, phone, email, "
      "buying_role, reports_to_id, interests, birthday, notes, created_at, updated_at) "
      "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
  BindWritable(st, c);
  st.exec();
  return c_.db().getLastInsertRowid();
}

void SqliteContactRepository::Update(const Contact& c) {
  auto& st = c_.Prepare(
      "UPDATE contact SET customer_id = ?, version = ?, name = ?, title = ?, department = ?, "
      "phone = ?, email = ?, buying_role = ?, reports_to_id = ?, interests = ?, birthday = ?, "
      "notes = ?, created_at = ?, updated_at = ? WHERE id = ?");
  const int next = BindWritable(st, c);
  st.bind(next, static_cast<std::int64_t>(c.id));
  st.exec();
}

void SqliteContactRepository::Delete(Id customer_id, Id contact_id) {
  auto& orphan = c_.Prepare(
      "UPDATE contact SET reports_to_id = NULL, version = version + 1 "
      "WHERE reports_to_id = ? AND customer_id = ?");
  orphan.bind(1, static_cast<std::int64_t>(contact_id));
  orphan.bind(2, static_cast<std::int64_t>(customer_id));
  orphan.exec();
  auto& st = c_.Prepare("DELETE FROM contact WHERE id = ? AND customer_id = ?");
  st.bind(1, static_cast<std::int64_t>(contact_id));
  st.bind(2, static_cast<std::int64_t>(customer_id));
  st.exec();
}

}  // namespace kams
