#include <limits>
#include <map>

#include "store/postgres/pg_repos.h"

namespace kams {
namespace {

constexpr const char* kColumns =
    "SELECT id, at, actor_id, actor_name, action, entity, entity_id, customer_id, request_id, "
    "client_addr, prev_hash, hash FROM audit";

// ForEach reads the chain in slices of this many rows (a result is held in memory whole).
constexpr std::int64_t kSlice = 2000;

AuditRecord Read(const pqxx::row& row) {
  AuditRecord r;
  int i = 0;
  r.id = row[i++].as<std::int64_t>();
  r.at = row[i++].as<std::int64_t>();
  r.actor_id = OptInt(row[i++]);
  r.actor_name = row[i++].as<std::string>();
  r.action = row[i++].as<std::string>();
  r.entity = row[i++].as<std::string>();
  r.entity_id = OptInt(row[i++]);
  r.customer_id = OptInt(row[i++]);
  r.request_id = row[i++].as<std::string>();
  r.client_addr = row[i++].as<std::string>();
  r.prev_hash = row[i++].as<std::string>();
  r.hash = row[i++].as<std::string>();
  return r;
}

FieldChange ReadChange(const pqxx::row& row, int first) {
  return FieldChange{row[first].as<std::string>(), OptText(row[first + 1]),
                     OptText(row[first + 2])};
}

// Attaches the changes of rows with ids in [low, high] to `by_id`.
void AttachChanges(PgSession& s, Id low, Id high, const std::map<Id, AuditRecord*>& by_id) {
  for (const auto& row : s.Exec("SELECT audit_id, field, before, after FROM audit_change "
                                "WHERE audit_id BETWEEN $1 AND $2 ORDER BY audit_id, seq",
                                low, high)) {
    auto it = by_id.find(row[0].as<std::int64_t>());
    if (it != by_id.end()) it->second->changes.push_back(ReadChange(row, 1));
  }
}

}  // namespace

std::pair<Id, std::string> PgAuditRepository::Head() {
  // In a write transaction the row lock serialises appenders across every node: a second
  // appender waits here and then retries on the new head (serialization failure).
  auto res = s_.writable()
                 ? s_.Exec("SELECT last_id, last_hash FROM audit_head WHERE singleton = 1 FOR UPDATE")
                 : s_.Exec("SELECT last_id, last_hash FROM audit_head WHERE singleton = 1");
  if (res.empty()) return {0, ""};
  return {res[0][0].as<std::int64_t>(), res[0][1].as<std::string>()};
}

void PgAuditRepository::Insert(const AuditRecord& r) {
  s_.Exec(
      "INSERT INTO audit (id, at, actor_id, actor_name, action, entity, entity_id, customer_id, "
      "request_id, client_addr, prev_hash, hash) "
      "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)",
      r.id, r.at, r.actor_id, r.actor_name, r.action, r.entity, r.entity_id, r.customer_id,
      r.request_id, r.client_addr, r.prev_hash, r.hash);
  for (std::size_t k = 0; k < r.changes.size(); ++k) {
    s_.Exec(
        "INSERT INTO audit_change (audit_id, seq, field, before, after) "
        "VALUES ($1, $2, $3, $4, $5)",
        r.id, static_cast<int>(k), r.changes[k].field, r.changes[k].before, r.changes[k].after);
  }
  s_.Exec("UPDATE audit_head SET last_id = $1, last_hash = $2 WHERE singleton = 1", r.id, r.hash);
}

Page<AuditRecord> PgAuditRepository::List(const AuditFilter& f, const PageRequest& page) {
  std::string sql = std::string(kColumns) + " WHERE TRUE";
  PgBinds b;
  if (f.entity) sql += " AND entity = " + b.Add(*f.entity);
  if (f.entity_id) sql += " AND entity_id = " + b.Add(*f.entity_id);
  if (f.actor_id) sql += " AND actor_id = " + b.Add(*f.actor_id);
  if (f.action) sql += " AND action = " + b.Add(*f.action);
  if (f.customer_id) sql += " AND customer_id = " + b.Add(*f.customer_id);
  if (!f.any_field.empty()) {
    std::string fields;
    for (const auto& field : f.any_field) fields += (fields.empty() ? "" : ", ") + b.Add(field);
    sql += " AND id IN (SELECT audit_id FROM audit_change WHERE field IN (" + fields + "))";
  }
  if (f.from) sql += " AND at >= " + b.Add(*f.from);
  if (f.to) sql += " AND at < " + b.Add(*f.to);
  if (page.after) sql += " AND id < " + b.Add(page.after->id);
  sql += " ORDER BY id DESC LIMIT " + b.Add(std::int64_t{page.limit + 1});
  Page<AuditRecord> out;
  for (const auto& row : s_.ExecDynamic(sql, b.values())) out.items.push_back(Read(row));
  if (static_cast<int>(out.items.size()) > page.limit) {
    out.items.pop_back();
    out.next = Cursor{std::to_string(out.items.back().id), out.items.back().id};
  }
  if (!out.items.empty()) {
    // One query for the changes of the whole page (ids are contiguous-ish, descending).
    std::map<Id, AuditRecord*> by_id;
    for (auto& r : out.items) by_id[r.id] = &r;
    AttachChanges(s_, out.items.back().id, out.items.front().id, by_id);
  }
  return out;
}

void PgAuditRepository::ForEach(const std::function<bool(const AuditRecord&)>& fn) {
  // Every row in id order, a slice at a time (the transaction's snapshot keeps the slices
  // consistent with each other).
  Id after = std::numeric_limits<Id>::min();
  for (;;) {
    std::vector<AuditRecord> slice;
    for (const auto& row :
         s_.Exec(std::string(kColumns) + " WHERE id > $1 ORDER BY id LIMIT $2", after, kSlice)) {
      slice.push_back(Read(row));
    }
    if (slice.empty()) return;
    std::map<Id, AuditRecord*> by_id;
    for (auto& r : slice) by_id[r.id] = &r;
    AttachChanges(s_, slice.front().id, slice.back().id, by_id);
    for (const auto& r : slice) {
      if (!fn(r)) return;
    }
    if (static_cast<std::int64_t>(slice.size()) < kSlice) return;
    after = slice.back().id;
  }
}

}  // namespace kams
