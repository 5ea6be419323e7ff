#include "store/postgres/pg_repos.h"
#include "store/shared_sql.h"

namespace kams {
namespace {

// Bulk statements send this many rows at a time (one round trip each).
constexpr std::size_t kChunk = 10'000;

SchemeRecord ReadScheme(const pqxx::row& r) {
  SchemeRecord s;
  s.id = r[0].as<std::int64_t>();
  s.name = r[1].as<std::string>();
  s.kind = ParseSchemeKind(r[2].as<std::string>()).value_or(SchemeKind::kRules);
  s.current_version = r[3].as<std::int64_t>();
  s.active = r[4].as<bool>();
  s.primary = r[5].as<bool>();
  s.version = r[6].as<std::int64_t>();
  s.created_at = r[7].as<std::int64_t>();
  s.created_by = OptInt(r[8]);
  s.updated_at = r[9].as<std::int64_t>();
  s.last_applied_at = OptInt(r[10]);
  s.last_applied_version = OptInt(r[11]);
  if (auto d = OptText(r[12])) s.last_applied_as_of = ParseCivilDate(*d);
  s.definition = r[13].as<std::string>();
  return s;
}

SchemeVersionRecord ReadVersion(const pqxx::row& r) {
  return SchemeVersionRecord{r[0].as<std::int64_t>(), r[1].as<std::int64_t>(),
                             r[2].as<std::string>(), r[3].as<std::int64_t>(), OptInt(r[4])};
}

TierAssignment ReadAssignment(const pqxx::row& r) {
  TierAssignment a;
  a.customer_id = r[0].as<std::int64_t>();
  a.tier = OptText(r[1]);
  a.value = r[2].as<std::int64_t>();
  a.since = ParseCivilDate(r[3].as<std::string>()).value_or(CivilDate{});
  if (auto d = OptText(r[4])) a.pinned_until = ParseCivilDate(*d);
  return a;
}

std::string IdArray(const std::vector<Id>& ids, std::size_t from, std::size_t to) {
  ArrayLiteral a;
  for (std::size_t i = from; i < to; ++i) a.Int(ids[i]);
  return a.Take();
}

}  // namespace

std::vector<SchemeRecord> PgTieringRepository::Schemes() {
  std::vector<SchemeRecord> out;
  for (const auto& r :
       s_.Exec(std::string(sql::kSchemeColumns) + " WHERE s.deleted_at IS NULL ORDER BY s.id")) {
    out.push_back(ReadScheme(r));
  }
  return out;
}

std::optional<SchemeRecord> PgTieringRepository::Scheme(Id id) {
  auto res = s_.Exec(std::string(sql::kSchemeColumns) + " WHERE s.deleted_at IS NULL AND s.id = $1",
                     id);
  if (res.empty()) return std::nullopt;
  return ReadScheme(res[0]);
}

std::optional<SchemeRecord> PgTieringRepository::SchemeByName(const std::string& name) {
  auto res = s_.Exec(
      std::string(sql::kSchemeColumns) + " WHERE s.deleted_at IS NULL AND s.name = $1", name);
  if (res.empty()) return std::nullopt;
  return ReadScheme(res[0]);
}

Id PgTieringRepository::InsertScheme(const SchemeRecord& s) {
  const Id id =
      s_.Exec(
            "INSERT INTO tier_scheme (name, kind, current_version, active, is_primary, version, "
            "created_at, created_by, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) "
            "RETURNING id",
            s.name, std::string(SchemeKindName(s.kind)), s.current_version, s.active, s.primary,
            s.version, s.created_at, s.created_by, s.updated_at)[0][0]
          .as<std::int64_t>();
  InsertVersion(SchemeVersionRecord{id, s.current_version, s.definition, s.created_at, s.created_by});
  return id;
}

void PgTieringRepository::UpdateScheme(const SchemeRecord& s) {
  s_.Exec(
      "UPDATE tier_scheme SET name = $1, kind = $2, current_version = $3, active = $4, "
      "is_primary = $5, version = $6, updated_at = $7, last_applied_at = $8, "
      "last_applied_version = $9, last_applied_as_of = $10 WHERE id = $11",
      s.name, std::string(SchemeKindName(s.kind)), s.current_version, s.active, s.primary,
      s.version, s.updated_at, s.last_applied_at, s.last_applied_version,
      FormatCivilDate(s.last_applied_as_of), s.id);
}

void PgTieringRepository::SoftDeleteScheme(Id id, Timestamp at) {
  s_.Exec(
      "UPDATE tier_scheme SET deleted_at = $1, active = FALSE, is_primary = FALSE, "
      "version = version + 1 WHERE id = $2",
      at, id);
}

void PgTieringRepository::InsertVersion(const SchemeVersionRecord& v) {
  s_.Exec(
      "INSERT INTO tier_scheme_version (scheme_id, version, definition, created_at, created_by) "
      "VALUES ($1, $2, $3, $4, $5)",
      v.scheme_id, v.version, v.definition, v.created_at, v.created_by);
}

std::vector<SchemeVersionRecord> PgTieringRepository::Versions(Id scheme_id) {
  std::vector<SchemeVersionRecord> out;
  for (const auto& r : s_.Exec("SELECT scheme_id, version, definition, created_at, created_by "
                               "FROM tier_scheme_version WHERE scheme_id = $1 ORDER BY version DESC",
                               scheme_id)) {
    out.push_back(ReadVersion(r));
  }
  return out;
}

std::optional<SchemeVersionRecord> PgTieringRepository::Version(Id scheme_id,
                                                                std::int64_t version) {
  auto res = s_.Exec(
      "SELECT scheme_id, version, definition, created_at, created_by FROM tier_scheme_version "
      "WHERE scheme_id = $1 AND version = $2",
      scheme_id, version);
  if (res.empty()) return std::nullopt;
  return ReadVersion(res[0]);
}

std::vector<TierAssignment> PgTieringRepository::Assignments(Id scheme_id) {
  std::vector<TierAssignment> out;
  for (const auto& r : s_.Exec("SELECT customer_id, tier, value, since, pinned_until "
                               "FROM customer_tier WHERE scheme_id = $1 ORDER BY customer_id",
                               scheme_id)) {
    out.push_back(ReadAssignment(r));
  }
  return out;
}

std::optional<TierAssignment> PgTieringRepository::Assignment(Id scheme_id, Id customer_id) {
  auto res = s_.Exec(
      "SELECT customer_id, tier, value, since, pinned_until FROM customer_tier "
      "WHERE scheme_id = $1 AND customer_id = $2",
      scheme_id, customer_id);
  if (res.empty()) return std::nullopt;
  return ReadAssignment(res[0]);
}

void PgTieringRepository::PutAssignments(Id scheme_id, const std::vector<TierAssignment>& rows) {
  for (std::size_t from = 0; from < rows.size(); from += kChunk) {
    ArrayLiteral ids, tiers, values, since, pinned;
    for (std::size_t i = from; i < std::min(rows.size(), from + kChunk); ++i) {
      const auto& a = rows[i];
      CheckText(a.tier);
      ids.Int(a.customer_id);
      tiers.OptQuoted(a.tier);
      values.Int(a.value);
      since.Quoted(FormatCivilDate(a.since));
      pinned.OptQuoted(FormatCivilDate(a.pinned_until));
    }
    s_.Exec(
        "INSERT INTO customer_tier (customer_id, scheme_id, tier, value, since, pinned_until) "
        "SELECT c, $1, t, v, s, p FROM unnest($2::BIGINT[], $3::TEXT[], $4::BIGINT[], "
        "$5::TEXT[], $6::TEXT[]) AS x(c, t, v, s, p) "
        "ON CONFLICT (customer_id, scheme_id) DO UPDATE SET tier = excluded.tier, "
        "value = excluded.value, since = excluded.since, pinned_until = excluded.pinned_until",
        scheme_id, ids.Take(), tiers.Take(), values.Take(), since.Take(), pinned.Take());
  }
}

void PgTieringRepository::RemoveAssignments(Id scheme_id, const std::vector<Id>& customer_ids) {
  for (std::size_t from = 0; from < customer_ids.size(); from += kChunk) {
    s_.Exec("DELETE FROM customer_tier WHERE scheme_id = $1 AND customer_id = ANY($2::BIGINT[])",
            scheme_id, IdArray(customer_ids, from, std::min(customer_ids.size(), from + kChunk)));
  }
}

void PgTieringRepository::ClearAssignments(Id scheme_id) {
  s_.Exec("DELETE FROM customer_tier WHERE scheme_id = $1", scheme_id);
}

void PgTieringRepository::InsertChanges(const std::vector<TierChange>& changes) {
  for (std::size_t from = 0; from < changes.size(); from += kChunk) {
    ArrayLiteral customer, scheme, version, old_tier, new_tier, kind, source, note, facts, actor,
        effective, pinned, created;
    for (std::size_t i = from; i < std::min(changes.size(), from + kChunk); ++i) {
      const auto& c = changes[i];
      CheckText(c.old_tier);
      CheckText(c.new_tier);
      CheckText(c.note);
      customer.Int(c.customer_id);
      scheme.Int(c.scheme_id);
      version.Int(c.scheme_version);
      old_tier.OptQuoted(c.old_tier);
      new_tier.OptQuoted(c.new_tier);
      kind.Quoted(TierChangeKindName(c.kind));
      source.Quoted(TierChangeSourceName(c.source));
      note.Quoted(c.note);
      facts.Quoted(c.facts);
      actor.OptInt(c.actor_id);
      effective.Quoted(FormatCivilDate(c.effective_on));
      pinned.OptQuoted(FormatCivilDate(c.pinned_until));
      created.Int(c.created_at);
    }
    s_.Exec(
        "INSERT INTO tier_change (customer_id, scheme_id, scheme_version, old_tier, new_tier, "
        "kind, source, note, facts, actor_id, effective_on, pinned_until, created_at) "
        "SELECT * FROM unnest($1::BIGINT[], $2::BIGINT[], $3::BIGINT[], $4::TEXT[], $5::TEXT[], "
        "$6::TEXT[], $7::TEXT[], $8::TEXT[], $9::TEXT[], $10::BIGINT[], $11::TEXT[], $12::TEXT[], "
        "$13::BIGINT[])",
        customer.Take(), scheme.Take(), version.Take(), old_tier.Take(), new_tier.Take(),
        kind.Take(), source.Take(), note.Take(), facts.Take(), actor.Take(), effective.Take(),
        pinned.Take(), created.Take());
  }
}

Page<TierChange> PgTieringRepository::History(Id customer_id, const PageRequest& page) {
  Page<TierChange> out;
  for (const auto& r : s_.Exec(std::string(sql::kTierChangeColumns) +
                                   " WHERE t.customer_id = $1 AND t.id < $2 ORDER BY t.id DESC "
                                   "LIMIT $3",
                               customer_id, page.after ? page.after->id : INT64_MAX,
                               page.limit + 1)) {
    TierChange c;
    c.id = r[0].as<std::int64_t>();
    c.customer_id = r[1].as<std::int64_t>();
    c.scheme_id = r[2].as<std::int64_t>();
    c.scheme_version = r[3].as<std::int64_t>();
    c.old_tier = OptText(r[4]);
    c.new_tier = OptText(r[5]);
    c.kind = ParseTierChangeKind(r[6].as<std::string>()).value_or(TierChangeKind::kAssign);
    c.source = ParseTierChangeSource(r[7].as<std::string>()).value_or(TierChangeSource::kRule);
    c.note = r[8].as<std::string>();
    c.facts = r[9].as<std::string>();
    c.actor_id = OptInt(r[10]);
    c.effective_on = ParseCivilDate(r[11].as<std::string>()).value_or(CivilDate{});
    if (auto d = OptText(r[12])) c.pinned_until = ParseCivilDate(*d);
    c.created_at = r[13].as<std::int64_t>();
    c.scheme_name = OptText(r[14]).value_or("");
    c.actor_name = OptText(r[15]);
    out.items.push_back(std::move(c));
  }
  if (static_cast<int>(out.items.size()) > page.limit) {
    out.items.pop_back();
    out.next = Cursor{std::to_string(out.items.back().id), out.items.back().id};
  }
  return out;
}

void PgTieringRepository::SetCustomerTiers(const std::vector<CustomerTierUpdate>& updates) {
  for (std::size_t from = 0; from < updates.size(); from += kChunk) {
    ArrayLiteral ids, tiers, keys;
    for (std::size_t i = from; i < std::min(updates.size(), from + kChunk); ++i) {
      CheckText(updates[i].tier);
      ids.Int(updates[i].customer_id);
      tiers.OptQuoted(updates[i].tier);
      keys.Bare(updates[i].is_key_account ? "t" : "f");
    }
    s_.Exec(
        "UPDATE customer c SET tier = x.t, is_key_account = x.k FROM unnest($1::BIGINT[], "
        "$2::TEXT[], $3::BOOLEAN[]) AS x(id, t, k) WHERE c.id = x.id",
        ids.Take(), tiers.Take(), keys.Take());
  }
}

void PgTieringRepository::ClearCustomerTiers() {
  s_.Exec("UPDATE customer SET tier = NULL, is_key_account = FALSE "
          "WHERE tier IS NOT NULL OR is_key_account");
}

std::vector<std::pair<Id, std::string>> PgTieringRepository::CustomerNames(
    const std::vector<Id>& ids) {
  std::vector<std::pair<Id, std::string>> out;
  for (std::size_t from = 0; from < ids.size(); from += kChunk) {
    for (const auto& r : s_.Exec("SELECT id, name FROM customer WHERE id = ANY($1::BIGINT[])",
                                 IdArray(ids, from, std::min(ids.size(), from + kChunk)))) {
      out.emplace_back(r[0].as<std::int64_t>(), r[1].as<std::string>());
    }
  }
  return out;
}

}  // namespace kams
