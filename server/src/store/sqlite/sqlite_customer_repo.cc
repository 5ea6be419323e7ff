#include "store/sqlite/sqlite_repos.h"

#include <map>

#include "store/customer_query.h"
#include "store/text_grams.h"

namespace kams {
namespace {

constexpr const char* kSelectList = kCustomerColumns;
const std::string kColumns = std::string("SELECT ") + kSelectList + " FROM customer c";

// Stops the statements of one connection after about `steps` virtual-machine steps
// (SQLite calls the handler every kStepsPerCall steps; the next step then fails with
// SQLITE_INTERRUPT); removed again when it goes out of scope.
class StepBudget {
 public:
  StepBudget(sqlite3* db, std::int64_t steps) : db_(db), calls_left_(steps / kStepsPerCall + 1) {
    sqlite3_progress_handler(db_, kStepsPerCall, &StepBudget::Tick, this);
  }
  ~StepBudget() { sqlite3_progress_handler(db_, 0, nullptr, nullptr); }
  StepBudget(const StepBudget&) = delete;
  StepBudget& operator=(const StepBudget&) = delete;

 private:
  static int Tick(void* self) { return --static_cast<StepBudget*>(self)->calls_left_ <= 0; }
  static constexpr int kStepsPerCall = 1000;
  sqlite3* db_;
  std::int64_t calls_left_;
};

// Virtual-machine steps per row a walk of the customer table checks (11 measured for a
// KAM's scope in id order; a search's checks add a few).
constexpr std::int64_t kStepsPerWalkedRow = 16;

// Runs a prepared `SELECT count(*) FROM (… = ? LIMIT ?)` for one key and cap.
std::int64_t BoundedCount(SQLite::Statement& count, Id key, std::int64_t cap) {
  count.reset();
  count.bind(1, static_cast<std::int64_t>(key));
  count.bind(2, cap);
  count.executeStep();
  const std::int64_t n = count.getColumn(0).getInt64();
  count.reset();
  return n;
}

// Through the C API: a list page reads 36 columns of 20 to 50 rows, and SQLiteCpp's
// Column costs a shared_ptr copy and a check per value (a sixth of a search page's work).
Customer Read(sqlite3_stmt* st) {
  int i = 0;
  const auto integer = [&] { return static_cast<std::int64_t>(sqlite3_column_int64(st, i++)); };
  const auto opt_integer = [&]() -> std::optional<std::int64_t> {
    if (sqlite3_column_type(st, i) == SQLITE_NULL) return ++i, std::nullopt;
    return integer();
  };
  const auto text = [&] {
    const auto* p = reinterpret_cast<const char*>(sqlite3_column_text(st, i));
    const auto n = static_cast<std::size_t>(sqlite3_column_bytes(st, i++));
    return p ? std::string(p, n) : std::string();
  };
  const auto opt_text = [&]() -> std::optional<std::string> {
    if (sqlite3_column_type(st, i) == SQLITE_NULL) return ++i, std::nullopt;
    return text();
  };
  Customer c;
  c.id = integer();
  c.version = integer();
  c.external_ref = opt_text();
  c.name = text();
  c.stage = text();
  c.credit_code = opt_text();
  c.industry = text();
  c.region = text();
  c.address = text();
  c.phone = text();
  c.website = text();
  c.org_unit_id = integer();
  c.owner_id = opt_integer();
  c.is_key_account = integer() != 0;
  c.tier = opt_text();
  c.ownership = text();
  c.scale = text();
  c.employees = opt_integer();
  c.founded_on = text();
  c.characteristics = text();
  c.annual_revenue_fen = opt_integer();
  c.main_business = text();
  c.competitors = text();
  c.potential = text();
  c.business_notes = text();
  c.relationship_stage = text();
  c.loyalty = text();
  c.first_deal_on = text();
  c.credit_rating = text();
  c.payment_terms_days = opt_integer();
  c.trading_notes = text();
  c.created_at = integer();
  c.updated_at = integer();
  c.created_by = opt_integer();
  c.owner_name = opt_text();
  c.org_unit_name = text();
  return c;
}

// Binds every writable column in the order of kWriteColumns; returns the next index.
int BindWritable(SQLite::Statement& st, const Customer& c) {
  int i = 1;
  st.bind(i++, static_cast<std::int64_t>(c.version));
  BindOpt(st, i++, c.external_ref);
  st.bind(i++, c.name);
  st.bind(i++, LowerAscii(c.name));
  st.bind(i++, c.stage);
  BindOpt(st, i++, c.credit_code);
  st.bind(i++, c.industry);
  st.bind(i++, c.region);
  st.bind(i++, c.address);
  st.bind(i++, c.phone);
  st.bind(i++, c.website);
  st.bind(i++, static_cast<std::int64_t>(c.org_unit_id));
  BindOpt(st, i++, c.owner_id);
  st.bind(i++, c.is_key_account ? 1 : 0);
  BindOpt(st, i++, c.tier);
  st.bind(i++, c.ownership);
  st.bind(i++, c.scale);
  BindOpt(st, i++, c.employees);
  st.bind(i++, c.founded_on);
  st.bind(i++, c.characteristics);
  BindOpt(st, i++, c.annual_revenue_fen);
  st.bind(i++, c.main_business);
  st.bind(i++, c.competitors);
  st.bind(i++, c.potential);
  st.bind(i++, c.business_notes);
  st.bind(i++, c.relationship_stage);
  st.bind(i++, c.loyalty);
  st.bind(i++, c.first_deal_on);
  st.bind(i++, c.credit_rating);
  BindOpt(st, i++, c.payment_terms_days);
  st.bind(i++, c.trading_notes);
  st.bind(i++, static_cast<std::int64_t>(c.created_at));
  st.bind(i++, static_cast<std::int64_t>(c.updated_at));
  BindOpt(st, i++, c.created_by);
  return i;
}

constexpr const char* kWriteColumns[] = {
    "version", "external_ref", "name", "name_lc", "stage", "credit_code", "industry",
    "region", "address", "phone", "website", "org_unit_id", "owner_id", "is_key_account",
    "tier", "ownership", "scale", "employees", "founded_on", "characteristics",
    "annual_revenue_fen", "main_business", "competitors", "potential", "business_notes",
    "relationship_stage", "loyalty",
    "first_deal_on", "credit_rating", "payment_terms_days", "trading_notes", "created_at",
    "updated_at", "created_by"};

std::string InsertSql() {
  std::string cols, qs;
  for (const char* c : kWriteColumns) {
    if (!cols.empty()) {
      cols += ", ";
      qs += ", ";
    }
    cols += c;
    qs += "?";
  }
  return "INSERT INTO customer (" + cols + ") VALUES (" + qs + ")";
}

std::string UpdateSql() {
  std::string sets;
  for (const char* c : kWriteColumns) {
    if (!sets.empty()) sets += ", ";
    sets += std::string(c) + " = ?";
  }
  return "UPDATE customer SET " + sets + " WHERE id = ?";
}

}  // namespace

std::optional<Customer> SqliteCustomerRepository::Get(const Principal& who, Id id) {
  SqlBinder b(SqlDialect::kSqlite);
  sqlite3_stmt* st = c_.PrepareRaw(CustomerGetSql(kColumns, who, id, b));
  BindAll(st, b.values());
  const int rc = sqlite3_step(st);
  c_.Check(rc);
  if (rc != SQLITE_ROW) return std::nullopt;
  return Read(st);
}

bool SqliteCustomerRepository::Exists(Id id) {
  auto& st = c_.Prepare("SELECT 1 FROM customer WHERE id = ? AND deleted_at IS NULL");
  st.bind(1, static_cast<std::int64_t>(id));
  return st.executeStep();
}

Page<Customer> SqliteCustomerRepository::List(const Principal& who, const CustomerFilter& f,
                                              const SortSpec& sort, const PageRequest& page) {
  SqlBinder b(SqlDialect::kSqlite);
  const PostingCounts posting_counts = [this](const std::vector<std::string>& grams) {
    auto& count = c_.Prepare("SELECT sum(postings) FROM customer_name_gram_count WHERE gram = ?");
    std::vector<std::int64_t> out;
    out.reserve(grams.size());
    for (const auto& g : grams) {
      count.reset();
      count.bind(1, g);
      const bool any = count.executeStep() && !count.getColumn(0).isNull();
      out.push_back(any ? count.getColumn(0).getInt64() : 0);
    }
    count.reset();
    return out;
  };
  // Index-only and bounded: at most `cap` index entries are counted.
  ScopeSizes sizes;
  sizes.unit = [this](Id unit, std::int64_t cap) {
    auto& count = c_.Prepare(
        "SELECT count(*) FROM (SELECT 1 FROM customer WHERE org_unit_id IN (SELECT descendant_id "
        "FROM org_unit_closure WHERE ancestor_id = ?) LIMIT ?)");
    return BoundedCount(count, unit, cap);
  };
  // Owned plus team entries: an account both owned and on the team counts twice, which
  // only makes the scope look larger than it is (and a gram walk a little likelier).
  sizes.own = [this](Id user, bool with_team, std::int64_t cap) {
    auto& owned = c_.Prepare("SELECT count(*) FROM (SELECT 1 FROM customer WHERE owner_id = ? LIMIT ?)");
    std::int64_t n = BoundedCount(owned, user, cap);
    if (with_team && n < cap) {
      auto& team = c_.Prepare(
          "SELECT count(*) FROM (SELECT 1 FROM account_team WHERE user_id = ? LIMIT ?)");
      n += BoundedCount(team, user, cap - n);
    }
    return n;
  };
  sizes.total = [this] {
    auto& max_id = c_.Prepare("SELECT coalesce(max(id), 0) FROM customer");
    max_id.reset();
    const std::int64_t n = max_id.executeStep() ? max_id.getColumn(0).getInt64() : 0;
    max_id.reset();
    return n;
  };
  const auto run = [&](const std::string& sql, const SqlBinder& binder) {
    sqlite3_stmt* st = c_.PrepareRaw(sql);
    BindAll(st, binder.values());
    Page<Customer> out;
    out.items.reserve(static_cast<std::size_t>(page.limit) + 1);
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) out.items.push_back(Read(st));
    c_.Check(rc);  // an interrupted walk throws here
    if (static_cast<int>(out.items.size()) > page.limit) {
      out.items.pop_back();
      out.next = CursorFor(out.items.back(), sort);
    }
    return out;
  };
  ListPlan plan;
  const std::string sql =
      CustomerListSql(kSelectList, who, f, sort, page, posting_counts, b, sizes, &plan);
  if (plan.walk_rows_budget == 0) return run(sql, b);
  try {
    StepBudget budget(c_.db().getHandle(), plan.walk_rows_budget * kStepsPerWalkedRow);
    return run(sql, b);
  } catch (const SQLite::Exception& e) {
    if (e.getErrorCode() != SQLITE_INTERRUPT) throw;
  }
  // The walk found too few of the user's accounts: they sit together. Through their index.
  SqlBinder again(SqlDialect::kSqlite);
  sizes.total = nullptr;
  return run(CustomerListSql(kSelectList, who, f, sort, page, posting_counts, again, sizes), again);
}

void SqliteCustomerRepository::WriteGrams(Id id, const std::string& old_name_lc,
                                          const std::string& name_lc) {
  // Net change of each gram's posting count: a gram both names hold nets to zero and its
  // count row is not written.
  std::map<std::string, std::int64_t> delta;
  // Old grams are removed by primary key (gram, customer_id): no scan of the gram table.
  if (!old_name_lc.empty()) {
    auto& del = c_.Prepare("DELETE FROM customer_name_gram WHERE gram = ? AND customer_id = ?");
    for (const auto& g : Bigrams(old_name_lc)) {
      del.reset();
      del.bind(1, g);
      del.bind(2, static_cast<std::int64_t>(id));
      if (del.exec() > 0) --delta[g];
    }
  }
  auto& ins = c_.Prepare("INSERT OR IGNORE INTO customer_name_gram (gram, customer_id) VALUES (?, ?)");
  for (const auto& g : Bigrams(name_lc)) {
    ins.reset();
    ins.bind(1, g);
    ins.bind(2, static_cast<std::int64_t>(id));
    if (ins.exec() > 0) ++delta[g];
  }
  auto& count = c_.Prepare(
      "INSERT INTO customer_name_gram_count (gram, shard, postings) VALUES (?, 0, ?) "
      "ON CONFLICT (gram, shard) DO UPDATE SET postings = postings + excluded.postings");
  for (const auto& [g, d] : delta) {
    if (d == 0) continue;
    count.reset();
    count.bind(1, g);
    count.bind(2, d);
    count.exec();
  }
}

Id SqliteCustomerRepository::Insert(const Customer& c) {
  static const std::string sql = InsertSql();
  auto& st = c_.Prepare(sql);
  BindWritable(st, c);
  st.exec();
  const Id id = c_.db().getLastInsertRowid();
  WriteGrams(id, "", LowerAscii(c.name));
  return id;
}

void SqliteCustomerRepository::Update(const Customer& c) {
  static const std::string sql = UpdateSql();
  // Re-index the name only when it changed.
  auto& old = c_.Prepare("SELECT name_lc FROM customer WHERE id = ?");
  old.bind(1, static_cast<std::int64_t>(c.id));
  const std::string old_lc = old.executeStep() ? old.getColumn(0).getString() : "";
  old.reset();
  auto& st = c_.Prepare(sql);
  const int next = BindWritable(st, c);
  st.bind(next, static_cast<std::int64_t>(c.id));
  st.exec();
  const std::string new_lc = LowerAscii(c.name);
  if (new_lc != old_lc) WriteGrams(c.id, old_lc, new_lc);
}

void SqliteCustomerRepository::SoftDelete(Id id, Timestamp at) {
  auto& st = c_.Prepare("UPDATE customer SET deleted_at = ?, version = version + 1 WHERE id = ?");
  st.bind(1, static_cast<std::int64_t>(at));
  st.bind(2, static_cast<std::int64_t>(id));
  st.exec();
}

bool SqliteCustomerRepository::ExternalRefTaken(const std::string& ref, Id except_id) {
  auto& st = c_.Prepare("SELECT 1 FROM customer WHERE external_ref = ? AND id <> ?");
  st.bind(1, ref);
  st.bind(2, static_cast<std::int64_t>(except_id));
  return st.executeStep();
}

bool SqliteCustomerRepository::CreditCodeTaken(const std::string& code, Id except_id) {
  auto& st = c_.Prepare("SELECT 1 FROM customer WHERE credit_code = ? AND id <> ?");
  st.bind(1, code);
  st.bind(2, static_cast<std::int64_t>(except_id));
  return st.executeStep();
}

std::vector<AccountTeamMember> SqliteCustomerRepository::Team(Id customer_id) {
  auto& st = c_.Prepare(
      "SELECT t.customer_id, t.user_id, t.team_role, t.added_at, u.display_name "
      "FROM account_team t JOIN app_user u ON u.id = t.user_id "
      "WHERE t.customer_id = ? ORDER BY t.added_at, t.user_id");
  st.bind(1, static_cast<std::int64_t>(customer_id));
  std::vector<AccountTeamMember> out;
  while (st.executeStep()) {
    out.push_back({st.getColumn(0).getInt64(), st.getColumn(1).getInt64(),
                   st.getColumn(2).getString(), st.getColumn(3).getInt64(),
                   st.getColumn(4).getString()});
  }
  return out;
}

void SqliteCustomerRepository::AddTeamMember(const AccountTeamMember& m) {
  auto& st = c_.Prepare(
      "INSERT INTO account_team (customer_id, user_id, team_role, added_at) VALUES (?, ?, ?, ?)");
  st.bind(1, static_cast<std::int64_t>(m.customer_id));
  st.bind(2, static_cast<std::int64_t>(m.user_id));
  st.bind(3, m.team_role);
  st.bind(4, static_cast<std::int64_t>(m.added_at));
  st.exec();
}

bool SqliteCustomerRepository::RemoveTeamMember(Id customer_id, Id user_id) {
  auto& st = c_.Prepare("DELETE FROM account_team WHERE customer_id = ? AND user_id = ?");
  st.bind(1, static_cast<std::int64_t>(customer_id));
  st.bind(2, static_cast<std::int64_t>(user_id));
  return st.exec() > 0;
}

DefaultTeam SqliteCustomerRepository::DefaultTeamOf(Id owner_id) {
  DefaultTeam t;
  t.owner_id = owner_id;
  auto& head = c_.Prepare("SELECT version, updated_at FROM default_team WHERE owner_id = ?");
  head.bind(1, static_cast<std::int64_t>(owner_id));
  if (head.executeStep()) {
    t.version = head.getColumn(0).getInt64();
    t.updated_at = head.getColumn(1).getInt64();
  }
  auto& st = c_.Prepare(
      "SELECT m.user_id, m.team_role, u.display_name FROM default_team_member m "
      "JOIN app_user u ON u.id = m.user_id WHERE m.owner_id = ? ORDER BY m.seq");
  st.bind(1, static_cast<std::int64_t>(owner_id));
  while (st.executeStep()) {
    t.members.push_back({st.getColumn(0).getInt64(), st.getColumn(1).getString(),
                         st.getColumn(2).getString()});
  }
  return t;
}

void SqliteCustomerRepository::PutDefaultTeam(const DefaultTeam& t) {
  auto& head = c_.Prepare(
      "INSERT INTO default_team (owner_id, version, updated_at) VALUES (?, ?, ?) "
      "ON CONFLICT (owner_id) DO UPDATE SET version = excluded.version, "
      "updated_at = excluded.updated_at");
  head.bind(1, static_cast<std::int64_t>(t.owner_id));
  head.bind(2, static_cast<std::int64_t>(t.version));
  head.bind(3, static_cast<std::int64_t>(t.updated_at));
  head.exec();
  auto& clear = c_.Prepare("DELETE FROM default_team_member WHERE owner_id = ?");
  clear.bind(1, static_cast<std::int64_t>(t.owner_id));
  clear.exec();
  auto& st = c_.Prepare(
      "INSERT INTO default_team_member (owner_id, seq, user_id, team_role) VALUES (?, ?, ?, ?)");
  for (std::size_t i = 0; i < t.members.size(); ++i) {
    st.reset();
    st.bind(1, static_cast<std::int64_t>(t.owner_id));
    st.bind(2, static_cast<std::int64_t>(i + 1));
    st.bind(3, static_cast<std::int64_t>(t.members[i].user_id));
    st.bind(4, t.members[i].team_role);
    st.exec();
  }
}

}  // namespace kams
