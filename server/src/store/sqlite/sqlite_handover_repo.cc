#include "store/handover_query.h"
#include "store/sqlite/sqlite_repos.h"

namespace kams {
namespace {

// Runs `sql` with the binder's values; returns the prepared statement, ready to step.
SQLite::Statement& Run(SqliteConnection& c, const std::string& sql, const SqlBinder& b) {
  auto& st = c.Prepare(sql);
  BindAll(st, b.values());
  return st;
}

Handover ReadHandover(SQLite::Statement& st) {
  Handover h;
  h.id = st.getColumn(0).getInt64();
  h.from_user_id = st.getColumn(1).getInt64();
  h.actor_id = st.getColumn(2).getInt64();
  h.mode = ParseHandoverMode(st.getColumn(3).getString()).value_or(HandoverMode::kSingle);
  h.at = st.getColumn(4).getInt64();
  h.from_user_name = st.getColumn(5).getString();
  h.actor_name = st.getColumn(6).getString();
  return h;
}

}  // namespace

std::vector<Holding> SqliteHandoverRepository::Holdings(Id user_id) {
  SqlBinder b(SqlDialect::kSqlite);
  auto& st = Run(c_, HandoverHoldingsSql(user_id, b), b);
  std::vector<Holding> out;
  while (st.executeStep()) {
    auto kind = ParseHandoverKind(st.getColumn(0).getString());
    if (!kind) continue;
    out.push_back(Holding{*kind, st.getColumn(1).getInt64(), OptInt(st.getColumn(2))});
  }
  return out;
}

Id SqliteHandoverRepository::Insert(const Handover& h) {
  auto& st =
      c_.Prepare("INSERT INTO handover (from_user_id, actor_id, mode, at) VALUES (?, ?, ?, ?)");
  st.bind(1, static_cast<std::int64_t>(h.from_user_id));
  st.bind(2, static_cast<std::int64_t>(h.actor_id));
  st.bind(3, std::string(HandoverModeName(h.mode)));
  st.bind(4, static_cast<std::int64_t>(h.at));
  st.exec();
  return c_.db().getLastInsertRowid();
}

void SqliteHandoverRepository::Move(Id from_user, const std::vector<HandoverItem>& items,
                                    Timestamp at) {
  for (const auto& item : items) {
    SqlBinder b(SqlDialect::kSqlite);
    Run(c_, HandoverMoveSql(from_user, item, at, b), b).exec();
  }
}

void SqliteHandoverRepository::InsertItems(const std::vector<HandoverItem>& items) {
  for (const auto& item : items) {
    SqlBinder b(SqlDialect::kSqlite);
    Run(c_, HandoverItemInsertSql(item, b), b).exec();
  }
}

void SqliteHandoverRepository::InsertOwnerHistory(const OwnerHistoryEntry& e) {
  SqlBinder b(SqlDialect::kSqlite);
  Run(c_, OwnerHistoryInsertSql(e, b), b).exec();
}

std::optional<Handover> SqliteHandoverRepository::Get(Id id) {
  SqlBinder b(SqlDialect::kSqlite);
  auto& st = Run(c_, HandoverGetSql(id, b), b);
  if (!st.executeStep()) return std::nullopt;
  std::vector<Handover> one{ReadHandover(st)};
  Tally(one);
  return std::move(one.front());
}

void SqliteHandoverRepository::Tally(std::vector<Handover>& handovers) {
  if (handovers.empty()) return;
  std::vector<Id> ids;
  for (const auto& h : handovers) ids.push_back(h.id);
  SqlBinder b(SqlDialect::kSqlite);
  auto& st = Run(c_, HandoverTalliesSql(ids, b), b);
  std::vector<TallyRow> rows;
  while (st.executeStep()) {
    TallyRow r;
    r.handover_id = st.getColumn(0).getInt64();
    r.tally.to_user_id = st.getColumn(1).getInt64();
    r.tally.to_user_name = st.getColumn(2).getString();
    auto kind = ParseHandoverKind(st.getColumn(3).getString());
    if (!kind) continue;
    r.tally.kind = *kind;
    r.tally.count = st.getColumn(4).getInt64();
    r.tally.dropped = st.getColumn(5).getInt64() != 0;
    rows.push_back(std::move(r));
  }
  AttachTallies(handovers, rows);
}

std::vector<HandoverItem> SqliteHandoverRepository::Items(Id handover_id, const Principal& who) {
  SqlBinder b(SqlDialect::kSqlite);
  auto& st = Run(c_, HandoverItemsSql(handover_id, who, b), b);
  std::vector<HandoverItem> out;
  while (st.executeStep()) {
    auto kind = ParseHandoverKind(st.getColumn(0).getString());
    if (!kind) continue;
    HandoverItem item;
    item.handover_id = handover_id;
    item.kind = *kind;
    item.entity_id = st.getColumn(1).getInt64();
    item.customer_id = OptInt(st.getColumn(2));
    item.to_user_id = st.getColumn(3).getInt64();
    item.customer_name = OptText(st.getColumn(4));
    item.to_user_name = st.getColumn(5).getString();
    item.dropped = st.getColumn(6).getInt64() != 0;
    out.push_back(std::move(item));
  }
  SortItems(out);
  return out;
}

Page<Handover> SqliteHandoverRepository::List(const Principal& who, const HandoverFilter& f,
                                              const PageRequest& page) {
  SqlBinder b(SqlDialect::kSqlite);
  auto& st = Run(c_, HandoverListSql(who, f, page, b), b);
  Page<Handover> out;
  while (st.executeStep()) out.items.push_back(ReadHandover(st));
  if (static_cast<int>(out.items.size()) > page.limit) {
    out.items.pop_back();
    out.next = Cursor{std::to_string(out.items.back().id), out.items.back().id};
  }
  Tally(out.items);
  return out;
}

Page<OwnerHistoryEntry> SqliteHandoverRepository::OwnerHistory(Id customer_id,
                                                               const PageRequest& page) {
  SqlBinder b(SqlDialect::kSqlite);
  auto& st = Run(c_, OwnerHistorySql(customer_id, page, b), b);
  Page<OwnerHistoryEntry> out;
  while (st.executeStep()) {
    OwnerHistoryEntry e;
    e.id = st.getColumn(0).getInt64();
    e.customer_id = st.getColumn(1).getInt64();
    e.owner_id = OptInt(st.getColumn(2));
    e.until_at = st.getColumn(3).getInt64();
    e.changed_by = OptInt(st.getColumn(4));
    e.handover_id = OptInt(st.getColumn(5));
    e.owner_name = OptText(st.getColumn(6));
    e.changed_by_name = OptText(st.getColumn(7));
    out.items.push_back(std::move(e));
  }
  if (static_cast<int>(out.items.size()) > page.limit) {
    out.items.pop_back();
    out.next = Cursor{std::to_string(out.items.back().id), out.items.back().id};
  }
  return out;
}

Page<HandoverDecay> SqliteHandoverRepository::Decay(const Principal& who,
                                                    const HandoverDecayFilter& f,
                                                    const PageRequest& page) {
  SqlBinder b(SqlDialect::kSqlite);
  auto& st = Run(c_, HandoverDecaySql(who, f, page, b), b);
  Page<HandoverDecay> out;
  while (st.executeStep()) {
    HandoverDecay d;
    d.handover_id = st.getColumn(0).getInt64();
    d.customer_id = st.getColumn(1).getInt64();
    d.kind = st.getColumn(2).getString();
    d.since = st.getColumn(3).getString();
    d.flagged_at = st.getColumn(4).getInt64();
    d.customer_name = st.getColumn(5).getString();
    d.handed_over_at = st.getColumn(6).getInt64();
    d.from_user_id = st.getColumn(7).getInt64();
    d.from_user_name = st.getColumn(8).getString();
    d.to_user_id = OptInt(st.getColumn(9));
    d.to_user_name = OptText(st.getColumn(10));
    out.items.push_back(std::move(d));
  }
  if (static_cast<int>(out.items.size()) > page.limit) {
    out.items.pop_back();
    out.next = HandoverDecayCursor(out.items.back());
  }
  return out;
}

}  // namespace kams
