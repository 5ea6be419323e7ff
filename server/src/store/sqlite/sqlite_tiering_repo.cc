#include "store/sqlite/sqlite_repos.h"

#include <map>

#include "store/shared_sql.h"

namespace kams {
namespace {

SchemeRecord ReadScheme(SQLite::Statement& st) {
  SchemeRecord s;
  s.id = st.getColumn(0).getInt64();
  s.name = st.getColumn(1).getString();
  s.kind = ParseSchemeKind(st.getColumn(2).getString()).value_or(SchemeKind::kRules);
  s.current_version = st.getColumn(3).getInt64();
  s.active = st.getColumn(4).getInt() != 0;
  s.primary = st.getColumn(5).getInt() != 0;
  s.version = st.getColumn(6).getInt64();
  s.created_at = st.getColumn(7).getInt64();
  s.created_by = OptInt(st.getColumn(8));
  s.updated_at = st.getColumn(9).getInt64();
  s.last_applied_at = OptInt(st.getColumn(10));
  s.last_applied_version = OptInt(st.getColumn(11));
  if (auto d = OptText(st.getColumn(12))) s.last_applied_as_of = ParseCivilDate(*d);
  s.definition = st.getColumn(13).getString();
  return s;
}

SchemeVersionRecord ReadVersion(SQLite::Statement& st) {
  SchemeVersionRecord v;
  v.scheme_id = st.getColumn(0).getInt64();
  v.version = st.getColumn(1).getInt64();
  v.definition = st.getColumn(2).getString();
  v.created_at = st.getColumn(3).getInt64();
  v.created_by = OptInt(st.getColumn(4));
  return v;
}

// Text bound without a copy (SQLITE_STATIC): `text` must outlive the statement's next step.
void BindText(sqlite3_stmt* st, int index, std::string_view text) {
  sqlite3_bind_text(st, index, text.data(), static_cast<int>(text.size()), SQLITE_STATIC);
}
void BindText(sqlite3_stmt* st, int index, const std::string& text) {
  BindText(st, index, std::string_view(text));
}
void BindText(sqlite3_stmt* st, int index, const std::optional<std::string>& text) {
  text ? BindText(st, index, std::string_view(*text)) : static_cast<void>(sqlite3_bind_null(st, index));
}

// YYYY-MM-DD texts of the dates being written, formatted once per distinct date (a
// re-tiering writes the same day a million times). A text stays put as long as this object
// lives: a statement of many rows binds several of them without copies.
class DateTexts {
 public:
  const std::optional<std::string>& Since(const CivilDate& d) { return Text(d); }
  const std::optional<std::string>& Until(const std::optional<CivilDate>& d) {
    return d ? Text(*d) : none_;
  }

 private:
  const std::optional<std::string>& Text(const CivilDate& d) {
    if (last_ == nullptr || !(last_->first == d)) {
      last_ = &*texts_.try_emplace(d, FormatCivilDate(d)).first;
    }
    return last_->second;
  }
  std::map<CivilDate, std::optional<std::string>> texts_;
  const std::pair<const CivilDate, std::optional<std::string>>* last_ = nullptr;
  std::optional<std::string> none_;
};

TierAssignment ReadAssignment(SQLite::Statement& st) {
  TierAssignment a;
  a.customer_id = st.getColumn(0).getInt64();
  a.tier = OptText(st.getColumn(1));
  a.value = st.getColumn(2).getInt64();
  a.since = ParseCivilDate(st.getColumn(3).getString()).value_or(CivilDate{});
  if (auto d = OptText(st.getColumn(4))) a.pinned_until = ParseCivilDate(*d);
  return a;
}

}  // namespace

std::vector<SchemeRecord> SqliteTieringRepository::Schemes() {
  auto& st = c_.Prepare(std::string(sql::kSchemeColumns) + " WHERE s.deleted_at IS NULL ORDER BY s.id");
  std::vector<SchemeRecord> out;
  while (st.executeStep()) out.push_back(ReadScheme(st));
  return out;
}

std::optional<SchemeRecord> SqliteTieringRepository::Scheme(Id id) {
  auto& st = c_.Prepare(std::string(sql::kSchemeColumns) + " WHERE s.deleted_at IS NULL AND s.id = ?");
  st.bind(1, static_cast<std::int64_t>(id));
  if (!st.executeStep()) return std::nullopt;
  return ReadScheme(st);
}

std::optional<SchemeRecord> SqliteTieringRepository::SchemeByName(const std::string& name) {
  auto& st =
      c_.Prepare(std::string(sql::kSchemeColumns) + " WHERE s.deleted_at IS NULL AND s.name = ?");
  st.bind(1, name);
  if (!st.executeStep()) return std::nullopt;
  return ReadScheme(st);
}

Id SqliteTieringRepository::InsertScheme(const SchemeRecord& s) {
  auto& st = c_.Prepare(
      "INSERT INTO tier_scheme (name, kind, current_version, active, is_primary, version, "
      "created_at, created_by, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)");
  st.bind(1, s.name);
  st.bind(2, std::string(SchemeKindName(s.kind)));
  st.bind(3, static_cast<std::int64_t>(s.current_version));
  st.bind(4, s.active ? 1 : 0);
  st.bind(5, s.primary ? 1 : 0);
  st.bind(6, static_cast<std::int64_t>(s.version));
  st.bind(7, static_cast<std::int64_t>(s.created_at));
  BindOpt(st, 8, s.created_by);
  st.bind(9, static_cast<std::int64_t>(s.updated_at));
  st.exec();
  const Id id = c_.db().getLastInsertRowid();
  InsertVersion(SchemeVersionRecord{id, s.current_version, s.definition, s.created_at, s.created_by});
  return id;
}

void SqliteTieringRepository::UpdateScheme(const SchemeRecord& s) {
  auto& st = c_.Prepare(
      "UPDATE tier_scheme SET name = ?, kind = ?, current_version = ?, active = ?, "
      "is_primary = ?, version = ?, updated_at = ?, last_applied_at = ?, "
      "last_applied_version = ?, last_applied_as_of = ? WHERE id = ?");
  st.bind(1, s.name);
  st.bind(2, std::string(SchemeKindName(s.kind)));
  st.bind(3, static_cast<std::int64_t>(s.current_version));
  st.bind(4, s.active ? 1 : 0);
  st.bind(5, s.primary ? 1 : 0);
  st.bind(6, static_cast<std::int64_t>(s.version));
  st.bind(7, static_cast<std::int64_t>(s.updated_at));
  BindOpt(st, 8, s.last_applied_at);
  BindOpt(st, 9, s.last_applied_version);
  BindOpt(st, 10, FormatCivilDate(s.last_applied_as_of));
  st.bind(11, static_cast<std::int64_t>(s.id));
  st.exec();
}

void SqliteTieringRepository::SoftDeleteScheme(Id id, Timestamp at) {
  auto& st = c_.Prepare(
      "UPDATE tier_scheme SET deleted_at = ?, active = 0, is_primary = 0, version = version + 1 "
      "WHERE id = ?");
  st.bind(1, static_cast<std::int64_t>(at));
  st.bind(2, static_cast<std::int64_t>(id));
  st.exec();
}

void SqliteTieringRepository::InsertVersion(const SchemeVersionRecord& v) {
  auto& st = c_.Prepare(
      "INSERT INTO tier_scheme_version (scheme_id, version, definition, created_at, created_by) "
      "VALUES (?, ?, ?, ?, ?)");
  st.bind(1, static_cast<std::int64_t>(v.scheme_id));
  st.bind(2, static_cast<std::int64_t>(v.version));
  st.bind(3, v.definition);
  st.bind(4, static_cast<std::int64_t>(v.created_at));
  BindOpt(st, 5, v.created_by);
  st.exec();
}

std::vector<SchemeVersionRecord> SqliteTieringRepository::Versions(Id scheme_id) {
  auto& st = c_.Prepare(
      "SELECT scheme_id, version, definition, created_at, created_by FROM tier_scheme_version "
      "WHERE scheme_id = ? ORDER BY version DESC");
  st.bind(1, static_cast<std::int64_t>(scheme_id));
  std::vector<SchemeVersionRecord> out;
  while (st.executeStep()) out.push_back(ReadVersion(st));
  return out;
}

std::optional<SchemeVersionRecord> SqliteTieringRepository::Version(Id scheme_id,
                                                                    std::int64_t version) {
  auto& st = c_.Prepare(
      "SELECT scheme_id, version, definition, created_at, created_by FROM tier_scheme_version "
      "WHERE scheme_id = ? AND version = ?");
  st.bind(1, static_cast<std::int64_t>(scheme_id));
  st.bind(2, static_cast<std::int64_t>(version));
  if (!st.executeStep()) return std::nullopt;
  return ReadVersion(st);
}

std::vector<TierAssignment> SqliteTieringRepository::Assignments(Id scheme_id) {
  auto& st = c_.Prepare(
      "SELECT customer_id, tier, value, since, pinned_until FROM customer_tier "
      "WHERE scheme_id = ? ORDER BY customer_id");
  st.bind(1, static_cast<std::int64_t>(scheme_id));
  std::vector<TierAssignment> out;
  while (st.executeStep()) out.push_back(ReadAssignment(st));
  return out;
}

std::optional<TierAssignment> SqliteTieringRepository::Assignment(Id scheme_id, Id customer_id) {
  auto& st = c_.Prepare(
      "SELECT customer_id, tier, value, since, pinned_until FROM customer_tier "
      "WHERE scheme_id = ? AND customer_id = ?");
  st.bind(1, static_cast<std::int64_t>(scheme_id));
  st.bind(2, static_cast<std::int64_t>(customer_id));
  if (!st.executeStep()) return std::nullopt;
  return ReadAssignment(st);
}

void SqliteTieringRepository::PutAssignments(Id scheme_id,
                                             const std::vector<TierAssignment>& rows) {
  DateTexts dates;
  c_.WriteRows(
      "INSERT INTO customer_tier (customer_id, scheme_id, tier, value, since, pinned_until)",
      "(?, ?, ?, ?, ?, ?)",
      " ON CONFLICT (customer_id, scheme_id) DO UPDATE SET tier = excluded.tier, "
      "value = excluded.value, since = excluded.since, pinned_until = excluded.pinned_until",
      6, rows, [&](sqlite3_stmt* st, int p, const TierAssignment& a) {
        sqlite3_bind_int64(st, p + 1, a.customer_id);
        sqlite3_bind_int64(st, p + 2, scheme_id);
        BindText(st, p + 3, a.tier);
        sqlite3_bind_int64(st, p + 4, a.value);
        BindText(st, p + 5, dates.Since(a.since));
        BindText(st, p + 6, dates.Until(a.pinned_until));
      });
}

void SqliteTieringRepository::RemoveAssignments(Id scheme_id, const std::vector<Id>& customer_ids) {
  sqlite3_stmt* st =
      c_.PrepareRaw("DELETE FROM customer_tier WHERE customer_id = ? AND scheme_id = ?");
  for (Id id : customer_ids) {
    sqlite3_bind_int64(st, 1, id);
    sqlite3_bind_int64(st, 2, scheme_id);
    const int rc = sqlite3_step(st);
    sqlite3_reset(st);
    c_.Check(rc);
  }
}

void SqliteTieringRepository::ClearAssignments(Id scheme_id) {
  auto& st = c_.Prepare("DELETE FROM customer_tier WHERE scheme_id = ?");
  st.bind(1, static_cast<std::int64_t>(scheme_id));
  st.exec();
}

void SqliteTieringRepository::InsertChanges(const std::vector<TierChange>& changes) {
  DateTexts dates;
  c_.WriteRows(
      "INSERT INTO tier_change (customer_id, scheme_id, scheme_version, old_tier, new_tier, "
      "kind, source, note, facts, actor_id, effective_on, pinned_until, created_at)",
      "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", "", 13, changes,
      [&](sqlite3_stmt* st, int p, const TierChange& c) {
        sqlite3_bind_int64(st, p + 1, c.customer_id);
        sqlite3_bind_int64(st, p + 2, c.scheme_id);
        sqlite3_bind_int64(st, p + 3, c.scheme_version);
        BindText(st, p + 4, c.old_tier);
        BindText(st, p + 5, c.new_tier);
        BindText(st, p + 6, TierChangeKindName(c.kind));
        BindText(st, p + 7, TierChangeSourceName(c.source));
        BindText(st, p + 8, c.note);
        BindText(st, p + 9, c.facts);
        c.actor_id ? sqlite3_bind_int64(st, p + 10, *c.actor_id) : sqlite3_bind_null(st, p + 10);
        BindText(st, p + 11, dates.Since(c.effective_on));
        BindText(st, p + 12, dates.Until(c.pinned_until));
        sqlite3_bind_int64(st, p + 13, c.created_at);
      });
}

Page<TierChange> SqliteTieringRepository::History(Id customer_id, const PageRequest& page) {
  auto& st = c_.Prepare(std::string(sql::kTierChangeColumns) +
                        " WHERE t.customer_id = ? AND t.id < ? ORDER BY t.id DESC LIMIT ?");
  st.bind(1, static_cast<std::int64_t>(customer_id));
  st.bind(2, static_cast<std::int64_t>(page.after ? page.after->id : INT64_MAX));
  st.bind(3, page.limit + 1);
  Page<TierChange> out;
  while (st.executeStep()) {
    TierChange c;
    c.id = st.getColumn(0).getInt64();
    c.customer_id = st.getColumn(1).getInt64();
    c.scheme_id = st.getColumn(2).getInt64();
    c.scheme_version = st.getColumn(3).getInt64();
    c.old_tier = OptText(st.getColumn(4));
    c.new_tier = OptText(st.getColumn(5));
    c.kind = ParseTierChangeKind(st.getColumn(6).getString()).value_or(TierChangeKind::kAssign);
    c.source = ParseTierChangeSource(st.getColumn(7).getString()).value_or(TierChangeSource::kRule);
    c.note = st.getColumn(8).getString();
    c.facts = st.getColumn(9).getString();
    c.actor_id = OptInt(st.getColumn(10));
    c.effective_on = ParseCivilDate(st.getColumn(11).getString()).value_or(CivilDate{});
    if (auto d = OptText(st.getColumn(12))) c.pinned_until = ParseCivilDate(*d);
    c.created_at = st.getColumn(13).getInt64();
    c.scheme_name = st.getColumn(14).getString();
    c.actor_name = OptText(st.getColumn(15));
    out.items.push_back(std::move(c));
  }
  if (static_cast<int>(out.items.size()) > page.limit) {
    out.items.pop_back();
    out.next = Cursor{std::to_string(out.items.back().id), out.items.back().id};
  }
  return out;
}

void SqliteTieringRepository::SetCustomerTiers(const std::vector<CustomerTierUpdate>& updates) {
  sqlite3_stmt* st = c_.PrepareRaw("UPDATE customer SET tier = ?, is_key_account = ? WHERE id = ?");
  for (const auto& u : updates) {
    BindText(st, 1, u.tier);
    sqlite3_bind_int(st, 2, u.is_key_account ? 1 : 0);
    sqlite3_bind_int64(st, 3, u.customer_id);
    const int rc = sqlite3_step(st);
    sqlite3_reset(st);
    c_.Check(rc);
  }
}

void SqliteTieringRepository::ClearCustomerTiers() {
  c_.Prepare("UPDATE customer SET tier = NULL, is_key_account = 0 "
             "WHERE tier IS NOT NULL OR is_key_account <> 0").exec();
}

std::vector<std::pair<Id, std::string>> SqliteTieringRepository::CustomerNames(
    const std::vector<Id>& ids) {
  auto& st = c_.Prepare("SELECT name FROM customer WHERE id = ?");
  std::vector<std::pair<Id, std::string>> out;
  for (Id id : ids) {
    st.bind(1, static_cast<std::int64_t>(id));
    if (st.executeStep()) out.emplace_back(id, st.getColumn(0).getString());
    st.reset();
  }
  return out;
}

}  // namespace kams
