#include "store/handover_query.h"
#include "store/postgres/pg_repos.h"

namespace kams {
namespace {

pqxx::result Run(PgSession& s, const std::string& sql, const SqlBinder& b) {
  return s.ExecDynamic(sql, ToPg(b.values()));
}

Handover ReadHandover(const pqxx::row& r) {
  Handover h;
  h.id = r[0].as<std::int64_t>();
  h.from_user_id = r[1].as<std::int64_t>();
  h.actor_id = r[2].as<std::int64_t>();
  h.mode = ParseHandoverMode(r[3].as<std::string>()).value_or(HandoverMode::kSingle);
  h.at = r[4].as<std::int64_t>();
  h.from_user_name = r[5].as<std::string>();
  h.actor_name = r[6].as<std::string>();
  return h;
}

}  // namespace

std::vector<Holding> PgHandoverRepository::Holdings(Id user_id) {
  SqlBinder b(SqlDialect::kPostgres);
  std::vector<Holding> out;
  for (const auto& r : Run(s_, HandoverHoldingsSql(user_id, b), b)) {
    auto kind = ParseHandoverKind(r[0].as<std::string>());
    if (!kind) continue;
    out.push_back(Holding{*kind, r[1].as<std::int64_t>(), OptInt(r[2])});
  }
  return out;
}

Id PgHandoverRepository::Insert(const Handover& h) {
  return s_
      .Exec(
          "INSERT INTO handover (from_user_id, actor_id, mode, at) VALUES ($1, $2, $3, $4) "
          "RETURNING id",
          h.from_user_id, h.actor_id, std::string(HandoverModeName(h.mode)), h.at)[0][0]
      .as<std::int64_t>();
}

void PgHandoverRepository::Move(Id from_user, const std::vector<HandoverItem>& items,
                                Timestamp at) {
  for (const auto& item : items) {
    SqlBinder b(SqlDialect::kPostgres);
    Run(s_, HandoverMoveSql(from_user, item, at, b), b);
  }
}

void PgHandoverRepository::InsertItems(const std::vector<HandoverItem>& items) {
  for (const auto& item : items) {
    SqlBinder b(SqlDialect::kPostgres);
    Run(s_, HandoverItemInsertSql(item, b), b);
  }
}

void PgHandoverRepository::InsertOwnerHistory(const OwnerHistoryEntry& e) {
  SqlBinder b(SqlDialect::kPostgres);
  Run(s_, OwnerHistoryInsertSql(e, b), b);
}

std::optional<Handover> PgHandoverRepository::Get(Id id) {
  SqlBinder b(SqlDialect::kPostgres);
  auto res = Run(s_, HandoverGetSql(id, b), b);
  if (res.empty()) return std::nullopt;
  std::vector<Handover> one{ReadHandover(res[0])};
  Tally(one);
  return std::move(one.front());
}

void PgHandoverRepository::Tally(std::vector<Handover>& handovers) {
  if (handovers.empty()) return;
  std::vector<Id> ids;
  for (const auto& h : handovers) ids.push_back(h.id);
  SqlBinder b(SqlDialect::kPostgres);
  std::vector<TallyRow> rows;
  for (const auto& r : Run(s_, HandoverTalliesSql(ids, b), b)) {
    auto kind = ParseHandoverKind(r[3].as<std::string>());
    if (!kind) continue;
    TallyRow row;
    row.handover_id = r[0].as<std::int64_t>();
    row.tally.to_user_id = r[1].as<std::int64_t>();
    row.tally.to_user_name = r[2].as<std::string>();
    row.tally.kind = *kind;
    row.tally.count = r[4].as<std::int64_t>();
    row.tally.dropped = r[5].as<std::int64_t>() != 0;
    rows.push_back(std::move(row));
  }
  AttachTallies(handovers, rows);
}

std::vector<HandoverItem> PgHandoverRepository::Items(Id handover_id, const Principal& who) {
  SqlBinder b(SqlDialect::kPostgres);
  std::vector<HandoverItem> out;
  for (const auto& r : Run(s_, HandoverItemsSql(handover_id, who, b), b)) {
    auto kind = ParseHandoverKind(r[0].as<std::string>());
    if (!kind) continue;
    HandoverItem item;
    item.handover_id = handover_id;
    item.kind = *kind;
    item.entity_id = r[1].as<std::int64_t>();
    item.customer_id = OptInt(r[2]);
    item.to_user_id = r[3].as<std::int64_t>();
    item.customer_name = OptText(r[4]);
    item.to_user_name = r[5].as<std::string>();
    item.dropped = r[6].as<std::int64_t>() != 0;
    out.push_back(std::move(item));
  }
  SortItems(out);
  return out;
}

Page<Handover> PgHandoverRepository::List(const Principal& who, const HandoverFilter& f,
                                          const PageRequest& page) {
  SqlBinder b(SqlDialect::kPostgres);
  Page<Handover> out;
  for (const auto& r : Run(s_, HandoverListSql(who, f, page, b), b)) {
    out.items.push_back(ReadHandover(r));
  }
  if (static_cast<int>(out.items.size()) > page.limit) {
    out.items.pop_back();
    out.next = Cursor{std::to_string(out.items.back().id), out.items.back().id};
  }
  Tally(out.items);
  return out;
}

Page<OwnerHistoryEntry> PgHandoverRepository::OwnerHistory(Id customer_id,
                                                           const PageRequest& page) {
  SqlBinder b(SqlDialect::kPostgres);
  Page<OwnerHistoryEntry> out;
  for (const auto& r : Run(s_, OwnerHistorySql(customer_id, page, b), b)) {
    OwnerHistoryEntry e;
    e.id = r[0].as<std::int64_t>();
    e.customer_id = r[1].as<std::int64_t>();
    e.owner_id = OptInt(r[2]);
    e.until_at = r[3].as<std::int64_t>();
    e.changed_by = OptInt(r[4]);
    e.handover_id = OptInt(r[5]);
    e.owner_name = OptText(r[6]);
    e.changed_by_name = OptText(r[7]);
    out.items.push_back(std::move(e));
  }
  if (static_cast<int>(out.items.size()) > page.limit) {
    out.items.pop_back();
    out.next = Cursor{std::to_string(out.items.back().id), out.items.back().id};
  }
  return out;
}

Page<HandoverDecay> PgHandoverRepository::Decay(const Principal& who, const HandoverDecayFilter& f,
                                                const PageRequest& page) {
  SqlBinder b(SqlDialect::kPostgres);
  Page<HandoverDecay> out;
  for (const auto& r : Run(s_, HandoverDecaySql(who, f, page, b), b)) {
    HandoverDecay d;
    d.handover_id = r[0].as<std::int64_t>();
    d.customer_id = r[1].as<std::int64_t>();
    d.kind = r[2].as<std::string>();
    d.since = r[3].as<std::string>();
    d.flagged_at = r[4].as<std::int64_t>();
    d.customer_name = r[5].as<std::string>();
    d.handed_over_at = r[6].as<std::int64_t>();
    d.from_user_id = r[7].as<std::int64_t>();
    d.from_user_name = r[8].as<std::string>();
    d.to_user_id = OptInt(r[9]);
    d.to_user_name = OptText(r[10]);
    out.items.push_back(std::move(d));
  }
  if (static_cast<int>(out.items.size()) > page.limit) {
    out.items.pop_back();
    out.next = HandoverDecayCursor(out.items.back());
  }
  return out;
}

}  // namespace kams
