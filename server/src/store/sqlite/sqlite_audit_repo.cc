#include "store/sqlite/sqlite_repos.h"

#include <map>

namespace kams {
namespace {

constexpr const char* kColumns =
    "SELECT id, at, actor_id, actor_name, action, entity, entity_id, customer_id, request_id, "
    "client_addr, prev_hash, hash FROM audit";

AuditRecord Read(SQLite::Statement& st) {
  AuditRecord r;
  int i = 0;
  r.id = st.getColumn(i++).getInt64();
  r.at = st.getColumn(i++).getInt64();
  r.actor_id = OptInt(st.getColumn(i++));
  r.actor_name = st.getColumn(i++).getString();
  r.action = st.getColumn(i++).getString();
  r.entity = st.getColumn(i++).getString();
  r.entity_id = OptInt(st.getColumn(i++));
  r.customer_id = OptInt(st.getColumn(i++));
  r.request_id = st.getColumn(i++).getString();
  r.client_addr = st.getColumn(i++).getString();
  r.prev_hash = st.getColumn(i++).getString();
  r.hash = st.getColumn(i++).getString();
  return r;
}

FieldChange ReadChange(SQLite::Statement& st, int first) {
  return FieldChange{st.getColumn(first).getString(), OptText(st.getColumn(first + 1)),
                     OptText(st.getColumn(first + 2))};
}

}  // namespace

std::pair<Id, std::string> SqliteAuditRepository::Head() {
  auto& st = c_.Prepare("SELECT last_id, last_hash FROM audit_head WHERE singleton = 1");
  if (!st.executeStep()) return {0, ""};
  return {st.getColumn(0).getInt64(), st.getColumn(1).getString()};
}

void SqliteAuditRepository::Insert(const AuditRecord& r) {
  auto& st = c_.Prepare(
      "INSERT INTO audit (id, at, actor_id, actor_name, action, entity, entity_id, customer_id, "
      "request_id, client_addr, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
  int i = 1;
  st.bind(i++, static_cast<std::int64_t>(r.id));
  st.bind(i++, static_cast<std::int64_t>(r.at));
  BindOpt(st, i++, r.actor_id);
  st.bind(i++, r.actor_name);
  st.bind(i++, r.action);
  st.bind(i++, r.entity);
  BindOpt(st, i++, r.entity_id);
  BindOpt(st, i++, r.customer_id);
  st.bind(i++, r.request_id);
  st.bind(i++, r.client_addr);
  st.bind(i++, r.prev_hash);
  st.bind(i++, r.hash);
  st.exec();
  auto& ch = c_.Prepare(
      "INSERT INTO audit_change (audit_id, seq, field, before, after) VALUES (?, ?, ?, ?, ?)");
  for (std::size_t k = 0; k < r.changes.size(); ++k) {
    ch.reset();
    ch.bind(1, static_cast<std::int64_t>(r.id));
    ch.bind(2, static_cast<int>(k));
    ch.bind(3, r.changes[k].field);
    BindOpt(ch, 4, r.changes[k].before);
    BindOpt(ch, 5, r.changes[k].after);
    ch.exec();
  }
  auto& head = c_.Prepare("UPDATE audit_head SET last_id = ?, last_hash = ? WHERE singleton = 1");
  head.bind(1, static_cast<std::int64_t>(r.id));
  head.bind(2, r.hash);
  head.exec();
}

Page<AuditRecord> SqliteAuditRepository::List(const AuditFilter& f, const PageRequest& page) {
  std::string sql = std::string(kColumns) + " WHERE 1=1";
  std::vector<SqlValue> binds;
  if (f.entity) {
    sql += " AND entity = ?";
    binds.emplace_back(*f.entity);
  }
  if (f.entity_id) {
    sql += " AND entity_id = ?";
    binds.emplace_back(*f.entity_id);
  }
  if (f.actor_id) {
    sql += " AND actor_id = ?";
    binds.emplace_back(*f.actor_id);
  }
  if (f.action) {
    sql += " AND action = ?";
    binds.emplace_back(*f.action);
  }
  if (f.customer_id) {
    sql += " AND customer_id = ?";
    binds.emplace_back(*f.customer_id);
  }
  if (!f.any_field.empty()) {
    sql += " AND id IN (SELECT audit_id FROM audit_change WHERE field IN (";
    for (std::size_t i = 0; i < f.any_field.size(); ++i) {
      sql += i ? ", ?" : "?";
      binds.emplace_back(f.any_field[i]);
    }
    sql += "))";
  }
  if (f.from) {
    sql += " AND at >= ?";
    binds.emplace_back(*f.from);
  }
  if (f.to) {
    sql += " AND at < ?";
    binds.emplace_back(*f.to);
  }
  if (page.after) {
    sql += " AND id < ?";
    binds.emplace_back(page.after->id);
  }
  sql += " ORDER BY id DESC LIMIT ?";
  binds.emplace_back(std::int64_t{page.limit + 1});
  auto& st = c_.Prepare(sql);
  BindAll(st, binds);
  Page<AuditRecord> out;
  while (st.executeStep()) out.items.push_back(Read(st));
  if (static_cast<int>(out.items.size()) > page.limit) {
    out.items.pop_back();
    out.next = Cursor{std::to_string(out.items.back().id), out.items.back().id};
  }
  if (!out.items.empty()) {
    // One query for the changes of the whole page (ids are contiguous-ish, descending).
    auto& ch = c_.Prepare(
        "SELECT audit_id, field, before, after FROM audit_change "
        "WHERE audit_id BETWEEN ? AND ? ORDER BY audit_id, seq");
    ch.bind(1, static_cast<std::int64_t>(out.items.back().id));
    ch.bind(2, static_cast<std::int64_t>(out.items.front().id));
    std::map<Id, AuditRecord*> by_id;
    for (auto& r : out.items) by_id[r.id] = &r;
    while (ch.executeStep()) {
      auto it = by_id.find(ch.getColumn(0).getInt64());
      if (it != by_id.end()) it->second->changes.push_back(ReadChange(ch, 1));
    }
  }
  return out;
}

void SqliteAuditRepository::ForEach(const std::function<bool(const AuditRecord&)>& fn) {
  // Walk rows and changes side by side, both in id order: one pass over each table.
  SQLite::Statement rows(c_.db(), std::string(kColumns) + " ORDER BY id");
  SQLite::Statement changes(c_.db(),
                            "SELECT audit_id, field, before, after FROM audit_change "
                            "ORDER BY audit_id, seq");
  bool have_change = changes.executeStep();
  while (rows.executeStep()) {
    AuditRecord r = Read(rows);
    while (have_change && changes.getColumn(0).getInt64() < r.id) have_change = changes.executeStep();
    while (have_change && changes.getColumn(0).getInt64() == r.id) {
      r.changes.push_back(ReadChange(changes, 1));
      have_change = changes.executeStep();
    }
    if (!fn(r)) return;
  }
}

}  // namespace kams
