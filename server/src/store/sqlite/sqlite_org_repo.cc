#include "store/shared_sql.h"
#include "store/sqlite/sqlite_repos.h"

namespace kams {
namespace {

constexpr const char* kColumns =
    "SELECT id, parent_id, name, kind, version, created_at, updated_at FROM org_unit";

OrgUnit Read(SQLite::Statement& st) {
  OrgUnit u;
  u.id = st.getColumn(0).getInt64();
  u.parent_id = OptInt(st.getColumn(1));
  u.name = st.getColumn(2).getString();
  u.kind = st.getColumn(3).getString();
  u.version = st.getColumn(4).getInt64();
  u.created_at = st.getColumn(5).getInt64();
  u.updated_at = st.getColumn(6).getInt64();
  return u;
}

std::int64_t CountOf(SqliteConnection& c, const std::string& sql, Id id) {
  auto& st = c.Prepare(sql);
  st.bind(1, static_cast<std::int64_t>(id));
  st.executeStep();
  return st.getColumn(0).getInt64();
}

}  // namespace

std::vector<OrgUnit> SqliteOrgRepository::All() {
  auto& st = c_.Prepare(std::string(kColumns) + " ORDER BY id");
  std::vector<OrgUnit> out;
  while (st.executeStep()) out.push_back(Read(st));
  return out;
}

std::optional<OrgUnit> SqliteOrgRepository::Get(Id id) {
  auto& st = c_.Prepare(std::string(kColumns) + " WHERE id = ?");
  st.bind(1, static_cast<std::int64_t>(id));
  if (!st.executeStep()) return std::nullopt;
  return Read(st);
}

Id SqliteOrgRepository::Insert(const OrgUnit& u) {
  auto& st = c_.Prepare(
      "INSERT INTO org_unit (parent_id, name, kind, version, created_at, updated_at) "
      "VALUES (?, ?, ?, ?, ?, ?)");
  BindOpt(st, 1, u.parent_id);
  st.bind(2, u.name);
  st.bind(3, u.kind);
  st.bind(4, static_cast<std::int64_t>(u.version));
  st.bind(5, static_cast<std::int64_t>(u.created_at));
  st.bind(6, static_cast<std::int64_t>(u.updated_at));
  st.exec();
  const Id id = c_.db().getLastInsertRowid();
  auto& self = c_.Prepare("INSERT INTO org_unit_closure (ancestor_id, descendant_id, depth) VALUES (?, ?, 0)");
  self.bind(1, static_cast<std::int64_t>(id));
  self.bind(2, static_cast<std::int64_t>(id));
  self.exec();
  if (u.parent_id) {
    auto& up = c_.Prepare(
        "INSERT INTO org_unit_closure (ancestor_id, descendant_id, depth) "
        "SELECT ancestor_id, ?, depth + 1 FROM org_unit_closure WHERE descendant_id = ?");
    up.bind(1, static_cast<std::int64_t>(id));
    up.bind(2, static_cast<std::int64_t>(*u.parent_id));
    up.exec();
  }
  return id;
}

void SqliteOrgRepository::Update(const OrgUnit& u) {
  auto before = Get(u.id);
  auto& st = c_.Prepare(
      "UPDATE org_unit SET parent_id = ?, name = ?, kind = ?, version = ?, updated_at = ? "
      "WHERE id = ?");
  BindOpt(st, 1, u.parent_id);
  st.bind(2, u.name);
  st.bind(3, u.kind);
  st.bind(4, static_cast<std::int64_t>(u.version));
  st.bind(5, static_cast<std::int64_t>(u.updated_at));
  st.bind(6, static_cast<std::int64_t>(u.id));
  st.exec();
  if (before && before->parent_id != u.parent_id) RebuildClosure();
}

void SqliteOrgRepository::RebuildClosure() {
  // The tree is small (hundreds of units): recompute the whole ancestry.
  c_.Exec("DELETE FROM org_unit_closure");
  c_.Exec(kRebuildOrgClosureSql);
}

void SqliteOrgRepository::Delete(Id id) {
  auto& cl = c_.Prepare("DELETE FROM org_unit_closure WHERE descendant_id = ? OR ancestor_id = ?");
  cl.bind(1, static_cast<std::int64_t>(id));
  cl.bind(2, static_cast<std::int64_t>(id));
  cl.exec();
  auto& st = c_.Prepare("DELETE FROM org_unit WHERE id = ?");
  st.bind(1, static_cast<std::int64_t>(id));
  st.exec();
}

bool SqliteOrgRepository::InSubtree(Id ancestor, Id unit) {
  auto& st = c_.Prepare(
      "SELECT 1 FROM org_unit_closure WHERE ancestor_id = ? AND descendant_id = ?");
  st.bind(1, static_cast<std::int64_t>(ancestor));
  st.bind(2, static_cast<std::int64_t>(unit));
  return st.executeStep();
}

std::int64_t SqliteOrgRepository::CountChildren(Id id) {
  return CountOf(c_, "SELECT COUNT(*) FROM org_unit WHERE parent_id = ?", id);
}
std::int64_t SqliteOrgRepository::CountUsers(Id id) {
  return CountOf(c_, "SELECT COUNT(*) FROM app_user WHERE org_unit_id = ?", id);
}
std::int64_t SqliteOrgRepository::CountCustomers(Id id) {
  return CountOf(c_, "SELECT COUNT(*) FROM customer WHERE org_unit_id = ? AND deleted_at IS NULL",
                 id);
}

}  // namespace kams
