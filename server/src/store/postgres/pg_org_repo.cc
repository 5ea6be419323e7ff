#include "store/shared_sql.h"
#include "store/postgres/pg_repos.h"

namespace kams {
namespace {

constexpr const char* kColumns =
    "SELECT id, parent_id, name, kind, version, created_at, updated_at FROM org_unit";

OrgUnit Read(const pqxx::row& r) {
  OrgUnit u;
  u.id = r[0].as<std::int64_t>();
  u.parent_id = OptInt(r[1]);
  u.name = r[2].as<std::string>();
  u.kind = r[3].as<std::string>();
  u.version = r[4].as<std::int64_t>();
  u.created_at = r[5].as<std::int64_t>();
  u.updated_at = r[6].as<std::int64_t>();
  return u;
}

std::int64_t CountOf(PgSession& s, const std::string& sql, Id id) {
  return s.Exec(sql, id)[0][0].as<std::int64_t>();
}

}  // namespace

std::vector<OrgUnit> PgOrgRepository::All() {
  std::vector<OrgUnit> out;
  for (const auto& r : s_.Exec(std::string(kColumns) + " ORDER BY id")) out.push_back(Read(r));
  return out;
}

std::optional<OrgUnit> PgOrgRepository::Get(Id id) {
  auto res = s_.Exec(std::string(kColumns) + " WHERE id = $1", id);
  if (res.empty()) return std::nullopt;
  return Read(res[0]);
}

Id PgOrgRepository::Insert(const OrgUnit& u) {
  const Id id = s_.Exec(
                      "INSERT INTO org_unit (parent_id, name, kind, version, created_at, updated_at) "
                      "VALUES ($1, $2, $3, $4, $5, $6) RETURNING id",
                      u.parent_id, u.name, u.kind, u.version, u.created_at, u.updated_at)[0][0]
                    .as<std::int64_t>();
  s_.Exec("INSERT INTO org_unit_closure (ancestor_id, descendant_id, depth) VALUES ($1, $1, 0)",
          id);
  if (u.parent_id) {
    s_.Exec(
        "INSERT INTO org_unit_closure (ancestor_id, descendant_id, depth) "
        "SELECT ancestor_id, $1::BIGINT, depth + 1 FROM org_unit_closure WHERE descendant_id = $2",
        id, *u.parent_id);
  }
  return id;
}

void PgOrgRepository::Update(const OrgUnit& u) {
  auto before = Get(u.id);
  s_.Exec(
      "UPDATE org_unit SET parent_id = $1, name = $2, kind = $3, version = $4, updated_at = $5 "
      "WHERE id = $6",
      u.parent_id, u.name, u.kind, u.version, u.updated_at, u.id);
  if (before && before->parent_id != u.parent_id) RebuildClosure();
}

void PgOrgRepository::RebuildClosure() {
  // The tree is small (hundreds of units): recompute the whole ancestry.
  s_.Exec("DELETE FROM org_unit_closure");
  s_.Exec(kRebuildOrgClosureSql);
}

void PgOrgRepository::Delete(Id id) {
  s_.Exec("DELETE FROM org_unit_closure WHERE descendant_id = $1 OR ancestor_id = $1", id);
  s_.Exec("DELETE FROM org_unit WHERE id = $1", id);
}

bool PgOrgRepository::InSubtree(Id ancestor, Id unit) {
  return !s_.Exec("SELECT 1 FROM org_unit_closure WHERE ancestor_id = $1 AND descendant_id = $2",
                  ancestor, unit)
              .empty();
}

std::int64_t PgOrgRepository::CountChildren(Id id) {
  return CountOf(s_, "SELECT COUNT(*) FROM org_unit WHERE parent_id = $1", id);
}
std::int64_t PgOrgRepository::CountUsers(Id id) {
  return CountOf(s_, "SELECT COUNT(*) FROM app_user WHERE org_unit_id = $1", id);
}
std::int64_t PgOrgRepository::CountCustomers(Id id) {
  return CountOf(s_,
                 "SELECT COUNT(*) FROM customer WHERE org_unit_id = $1 AND deleted_at IS NULL", id);
}

}  // namespace kams
