#include <algorithm>
#include <map>

#include "store/customer_query.h"
#include "store/postgres/pg_repos.h"
#include "store/text_grams.h"

namespace kams {
namespace {

constexpr const char* kSelectList = kCustomerColumns;
const std::string kColumns = std::string("SELECT ") + kSelectList + " FROM customer c";

Customer Read(const pqxx::row& r) {
  Customer c;
  int i = 0;
  c.id = r[i++].as<std::int64_t>();
  c.version = r[i++].as<std::int64_t>();
  c.external_ref = OptText(r[i++]);
  c.name = r[i++].as<std::string>();
  c.stage = r[i++].as<std::string>();
  c.credit_code = OptText(r[i++]);
  c.industry = r[i++].as<std::string>();
  c.region = r[i++].as<std::string>();
  c.address = r[i++].as<std::string>();
  c.phone = r[i++].as<std::string>();
  c.website = r[i++].as<std::string>();
  c.org_unit_id = r[i++].as<std::int64_t>();
  c.owner_id = OptInt(r[i++]);
  c.is_key_account = r[i++].as<bool>();
  c.tier = OptText(r[i++]);
  c.ownership = r[i++].as<std::string>();
  c.scale = r[i++].as<std::string>();
  c.employees = OptInt(r[i++]);
  c.founded_on = r[i++].as<std::string>();
  c.characteristics = r[i++].as<std::string>();
  c.annual_revenue_fen = OptInt(r[i++]);
  c.main_business = r[i++].as<std::string>();
  c.competitors = r[i++].as<std::string>();
  c.potential = r[i++].as<std::string>();
  c.business_notes = r[i++].as<std::string>();
  c.relationship_stage = r[i++].as<std::string>();
  c.loyalty = r[i++].as<std::string>();
  c.first_deal_on = r[i++].as<std::string>();
  c.credit_rating = r[i++].as<std::string>();
  c.payment_terms_days = OptInt(r[i++]);
  c.trading_notes = r[i++].as<std::string>();
  c.created_at = r[i++].as<std::int64_t>();
  c.updated_at = r[i++].as<std::int64_t>();
  c.created_by = OptInt(r[i++]);
  c.owner_name = OptText(r[i++]);
  c.org_unit_name = r[i].is_null() ? std::string() : r[i].as<std::string>();
  ++i;
  return c;
}

constexpr const char* kWriteColumns[] = {
    "version", "external_ref", "name", "name_lc", "stage", "credit_code", "industry",
    "region", "address", "phone", "website", "org_unit_id", "owner_id", "is_key_account",
    "tier", "ownership", "scale", "employees", "founded_on", "characteristics",
    "annual_revenue_fen", "main_business", "competitors", "potential", "business_notes",
    "relationship_stage", "loyalty",
    "first_deal_on", "credit_rating", "payment_terms_days", "trading_notes", "created_at",
    "updated_at", "created_by"};
constexpr std::size_t kWriteCount = sizeof(kWriteColumns) / sizeof(kWriteColumns[0]);

// Every writable column's value, in the order of kWriteColumns ($1 .. $32).
PgValues Writable(const Customer& c) {
  auto i64 = [](std::int64_t v) { return std::optional<std::string>(std::to_string(v)); };
  auto opt = [](const std::optional<std::int64_t>& v) {
    return v ? std::optional<std::string>(std::to_string(*v)) : std::nullopt;
  };
  PgValues v{i64(c.version),
             c.external_ref,
             c.name,
             LowerAscii(c.name),
             c.stage,
             c.credit_code,
             c.industry,
             c.region,
             c.address,
             c.phone,
             c.website,
             i64(c.org_unit_id),
             opt(c.owner_id),
             std::string(c.is_key_account ? "true" : "false"),
             c.tier,
             c.ownership,
             c.scale,
             opt(c.employees),
             c.founded_on,
             c.characteristics,
             opt(c.annual_revenue_fen),
             c.main_business,
             c.competitors,
             c.potential,
             c.business_notes,
             c.relationship_stage,
             c.loyalty,
             c.first_deal_on,
             c.credit_rating,
             opt(c.payment_terms_days),
             c.trading_notes,
             i64(c.created_at),
             i64(c.updated_at),
             opt(c.created_by)};
  return v;
}

std::string InsertSql() {
  std::string cols, ps;
  for (std::size_t k = 0; k < kWriteCount; ++k) {
    if (k) {
      cols += ", ";
      ps += ", ";
    }
    cols += kWriteColumns[k];
    ps += "$" + std::to_string(k + 1);
  }
  return "INSERT INTO customer (" + cols + ") VALUES (" + ps + ") RETURNING id";
}

std::string UpdateSql() {
  std::string sets;
  for (std::size_t k = 0; k < kWriteCount; ++k) {
    if (k) sets += ", ";
    sets += std::string(kWriteColumns[k]) + " = $" + std::to_string(k + 1);
  }
  return "UPDATE customer SET " + sets + " WHERE id = $" + std::to_string(kWriteCount + 1);
}

}  // namespace

std::optional<Customer> PgCustomerRepository::Get(const Principal& who, Id id) {
  SqlBinder b(SqlDialect::kPostgres);
  const std::string sql = CustomerGetSql(kColumns, who, id, b);
  auto res = s_.ExecDynamic(sql, ToPg(b.values()));
  if (res.empty()) return std::nullopt;
  return Read(res[0]);
}

bool PgCustomerRepository::Exists(Id id) {
  return !s_.Exec("SELECT 1 FROM customer WHERE id = $1 AND deleted_at IS NULL", id).empty();
}

Page<Customer> PgCustomerRepository::List(const Principal& who, const CustomerFilter& f,
                                          const SortSpec& sort, const PageRequest& page) {
  SqlBinder b(SqlDialect::kPostgres);
  const PostingCounts posting_counts = [this](const std::vector<std::string>& grams) {
    std::map<std::string, std::int64_t, std::less<>> known;
    for (const auto& r : s_.Exec("SELECT gram, sum(postings) FROM customer_name_gram_count "
                                 "WHERE gram = ANY($1::TEXT[]) GROUP BY gram",
                                 PgTextArray(grams))) {
      known.emplace(r[0].as<std::string>(), r[1].as<std::int64_t>());
    }
    std::vector<std::int64_t> out;
    out.reserve(grams.size());
    for (const auto& g : grams) {
      const auto it = known.find(g);
      out.push_back(it == known.end() ? 0 : it->second);
    }
    return out;
  };
  // A narrow scope's size, as on SQLite (the unit subtree's is left to the planner).
  ScopeSizes sizes;
  sizes.own = [this](Id user, bool with_team, std::int64_t cap) {
    const std::string team =
        with_team ? " + (SELECT count(*) FROM (SELECT 1 FROM account_team WHERE user_id = $1 "
                    "LIMIT $2) t)"
                  : "";
    return s_.Exec("SELECT (SELECT count(*) FROM (SELECT 1 FROM customer WHERE owner_id = $1 "
                   "LIMIT $2) o)" + team,
                   user, cap)[0][0]
        .as<std::int64_t>();
  };
  const std::string sql = CustomerListSql(kSelectList, who, f, sort, page, posting_counts, b, sizes);
  Page<Customer> out;
  out.items.reserve(static_cast<std::size_t>(page.limit) + 1);
  for (const auto& r : s_.ExecDynamic(sql, ToPg(b.values()))) out.items.push_back(Read(r));
  if (static_cast<int>(out.items.size()) > page.limit) {
    out.items.pop_back();
    out.next = CursorFor(out.items.back(), sort);
  }
  return out;
}

void PgCustomerRepository::WriteGrams(Id id, const std::string& name_lc) {
  for (const auto& r :
       s_.Exec("DELETE FROM customer_name_gram WHERE customer_id = $1 RETURNING gram", id)) {
    --count_delta_[r[0].as<std::string>()];
  }
  const auto grams = Bigrams(name_lc);
  if (grams.empty()) return;
  // Bigrams are distinct already: one statement inserts them all.
  for (const auto& r : s_.Exec(
           "INSERT INTO customer_name_gram (gram, customer_id) "
           "SELECT g, $2::BIGINT FROM unnest($1::TEXT[]) AS g "
           "ON CONFLICT DO NOTHING RETURNING gram",
           PgTextArray(grams), id)) {
    ++count_delta_[r[0].as<std::string>()];
  }
}

void PgCustomerRepository::FlushGramCounts() {
  std::vector<std::string> changed;
  ArrayLiteral by;
  for (const auto& [g, d] : count_delta_) {
    if (d == 0) continue;  // a rename that kept the gram
    changed.push_back(g);
    by.Int(d);
  }
  count_delta_.clear();
  if (changed.empty()) return;
  // One row per gram and shard; the shard is the backend's, so concurrent transactions
  // (other connections) rarely add to the same row, and rows are locked in gram order.
  s_.Exec(
      "INSERT INTO customer_name_gram_count (gram, shard, postings) "
      "SELECT g, pg_backend_pid() % 64, d "
      "FROM unnest($1::TEXT[], $2::BIGINT[]) AS u(g, d) ORDER BY g "
      "ON CONFLICT (gram, shard) DO UPDATE "
      "SET postings = customer_name_gram_count.postings + EXCLUDED.postings",
      PgTextArray(changed), by.Take());
}

Id PgCustomerRepository::Insert(const Customer& c) {
  static const std::string sql = InsertSql();
  const Id id = s_.ExecDynamic(sql, Writable(c))[0][0].as<std::int64_t>();
  WriteGrams(id, LowerAscii(c.name));
  return id;
}

void PgCustomerRepository::Update(const Customer& c) {
  static const std::string sql = UpdateSql();
  // Re-index the name only when it changed.
  auto old = s_.Exec("SELECT name FROM customer WHERE id = $1", c.id);
  const bool renamed = old.empty() || old[0][0].as<std::string>() != c.name;
  PgValues values = Writable(c);
  values.emplace_back(std::to_string(c.id));
  s_.ExecDynamic(sql, values);
  if (renamed) WriteGrams(c.id, LowerAscii(c.name));
}

void PgCustomerRepository::SoftDelete(Id id, Timestamp at) {
  s_.Exec("UPDATE customer SET deleted_at = $1, version = version + 1 WHERE id = $2", at, id);
}

bool PgCustomerRepository::ExternalRefTaken(const std::string& ref, Id except_id) {
  return !s_.Exec("SELECT 1 FROM customer WHERE external_ref = $1 AND id <> $2", ref, except_id)
              .empty();
}

bool PgCustomerRepository::CreditCodeTaken(const std::string& code, Id except_id) {
  return !s_.Exec("SELECT 1 FROM customer WHERE credit_code = $1 AND id <> $2", code, except_id)
              .empty();
}

std::vector<AccountTeamMember> PgCustomerRepository::Team(Id customer_id) {
  std::vector<AccountTeamMember> out;
  for (const auto& r : s_.Exec("SELECT t.customer_id, t.user_id, t.team_role, t.added_at, "
                               "u.display_name FROM account_team t JOIN app_user u ON u.id = "
                               "t.user_id WHERE t.customer_id = $1 ORDER BY t.added_at, t.user_id",
                               customer_id)) {
    out.push_back({r[0].as<std::int64_t>(), r[1].as<std::int64_t>(), r[2].as<std::string>(),
                   r[3].as<std::int64_t>(), r[4].as<std::string>()});
  }
  return out;
}

void PgCustomerRepository::AddTeamMember(const AccountTeamMember& m) {
  s_.Exec(
      "INSERT INTO account_team (customer_id, user_id, team_role, added_at) "
      "VALUES ($1, $2, $3, $4)",
      m.customer_id, m.user_id, m.team_role, m.added_at);
}

bool PgCustomerRepository::RemoveTeamMember(Id customer_id, Id user_id) {
  return s_.Exec("DELETE FROM account_team WHERE customer_id = $1 AND user_id = $2", customer_id,
                 user_id)
             .affected_rows() > 0;
}

DefaultTeam PgCustomerRepository::DefaultTeamOf(Id owner_id) {
  DefaultTeam t;
  t.owner_id = owner_id;
  const auto head =
      s_.Exec("SELECT version, updated_at FROM default_team WHERE owner_id = $1", owner_id);
  if (!head.empty()) {
    t.version = head[0][0].as<std::int64_t>();
    t.updated_at = head[0][1].as<std::int64_t>();
  }
  for (const auto& r : s_.Exec("SELECT m.user_id, m.team_role, u.display_name "
                               "FROM default_team_member m JOIN app_user u ON u.id = m.user_id "
                               "WHERE m.owner_id = $1 ORDER BY m.seq",
                               owner_id)) {
    t.members.push_back({r[0].as<std::int64_t>(), r[1].as<std::string>(), r[2].as<std::string>()});
  }
  return t;
}

void PgCustomerRepository::PutDefaultTeam(const DefaultTeam& t) {
  s_.Exec(
      "INSERT INTO default_team (owner_id, version, updated_at) VALUES ($1, $2, $3) "
      "ON CONFLICT (owner_id) DO UPDATE SET version = excluded.version, "
      "updated_at = excluded.updated_at",
      t.owner_id, t.version, t.updated_at);
  s_.Exec("DELETE FROM default_team_member WHERE owner_id = $1", t.owner_id);
  for (std::size_t i = 0; i < t.members.size(); ++i) {
    s_.Exec(
        "INSERT INTO default_team_member (owner_id, seq, user_id, team_role) "
        "VALUES ($1, $2, $3, $4)",
        t.owner_id, static_cast<std::int64_t>(i + 1), t.members[i].user_id, t.members[i].team_role);
  }
}

}  // namespace kams
