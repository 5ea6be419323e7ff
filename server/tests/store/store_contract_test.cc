// Store contract tests: the same expectations of every storage port, run against SQLite
// (a fresh file per test) and PostgreSQL (KAMS_TEST_PG_URL, reset per test; ctest runs
// that half as `store_postgres` inside tests/with_postgres.sh, and skips it otherwise).
#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <set>
#include <stdexcept>
#include <thread>
#include <tuple>

#include <unistd.h>

#include <SQLiteCpp/SQLiteCpp.h>

#include "core/ports/database.h"
#include "store/backup.h"
#include "store/sqlite/sqlite_schema.h"
#include "store/store_database.h"

namespace kams {
namespace {

namespace fs = std::filesystem;

class StoreContract : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    if (GetParam() == "postgres") {
      const char* url = std::getenv("KAMS_TEST_PG_URL");
      if (!url || !*url) GTEST_SKIP() << "KAMS_TEST_PG_URL is not set (ctest: store_postgres)";
      db_ = OpenStore(url, 8);
      ASSERT_TRUE(db_->Reset().ok());
    } else {
      static std::atomic<int> n{0};
      const char* tmp = std::getenv("KAMS_TEST_TMP");
      fs::path dir = tmp ? fs::path(tmp) : fs::temp_directory_path();
      fs::create_directories(dir);
      path_ = (dir / ("store-" + std::to_string(::getpid()) + "-" + std::to_string(++n) + ".db"))
                  .string();
      RemoveFiles();
      db_ = OpenStore(path_, 8);
    }
    auto m = db_->Migrate();
    ASSERT_TRUE(m.ok()) << m.error().message;
  }
  void TearDown() override {
    db_.reset();
    if (!path_.empty()) RemoveFiles();
  }
  void RemoveFiles() {
    for (const char* suffix : {"", "-wal", "-shm"}) {
      std::error_code ec;
      fs::remove(path_ + suffix, ec);
    }
  }

  // Runs `f` in a write transaction that must commit.
  template <class F>
  void Write(F&& f) {
    Status s = db_->Run(TxMode::kWrite, [&](Tx& tx) {
      f(tx);
      return Ok();
    });
    ASSERT_TRUE(s.ok()) << s.error().message;
  }
  template <class F>
  void Read(F&& f) {
    Status s = db_->Run(TxMode::kRead, [&](Tx& tx) {
      f(tx);
      return Ok();
    });
    ASSERT_TRUE(s.ok()) << s.error().message;
  }

  Id AddUnit(std::optional<Id> parent, const std::string& name, const std::string& kind = "city") {
    Id id = 0;
    Write([&](Tx& tx) {
      OrgUnit u;
      u.parent_id = parent;
      u.name = name;
      u.kind = kind;
      u.created_at = u.updated_at = 1;
      id = tx.org().Insert(u);
    });
    return id;
  }
  Id AddUser(const std::string& username, Role role, Id unit) {
    Id id = 0;
    Write([&](Tx& tx) {
      User u;
      u.username = username;
      u.display_name = "用户" + username;
      u.role = role;
      u.org_unit_id = unit;
      u.created_at = u.updated_at = 1;
      id = tx.users().Insert(u, "hash-" + username);
    });
    return id;
  }
  Customer MakeCustomer(const std::string& name, Id unit, std::optional<Id> owner = std::nullopt) {
    Customer c;
    c.name = name;
    c.org_unit_id = unit;
    c.owner_id = owner;
    c.created_at = c.updated_at = ++clock_;
    return c;
  }
  Id AddCustomer(const Customer& c) {
    Id id = 0;
    Write([&](Tx& tx) { id = tx.customers().Insert(c); });
    return id;
  }
  // An ABC scheme row named `name` (its definition is not read by the store).
  Id AddScheme(const std::string& name) {
    SchemeRecord s;
    s.name = name;
    s.kind = SchemeKind::kAbc;
    s.definition = "{}";
    s.created_at = s.updated_at = 1;
    Id id = 0;
    Write([&](Tx& tx) { id = tx.tiering().InsertScheme(s); });
    return id;
  }
  static Principal As(Id user, Role role, Id unit) {
    Principal p;
    p.user_id = user;
    p.username = "u" + std::to_string(user);
    p.role = role;
    p.org_unit_id = unit;
    return p;
  }
  static Principal Admin() { return As(0, Role::kAdmin, 0); }

  // Every page of a customer list, following the cursors.
  std::vector<Customer> ListAll(const Principal& who, const CustomerFilter& f, const SortSpec& s,
                                int limit) {
    std::vector<Customer> all;
    PageRequest page;
    page.limit = limit;
    for (int guard = 0; guard < 10000; ++guard) {
      Page<Customer> p;
      Read([&](Tx& tx) { p = tx.customers().List(who, f, s, page); });
      all.insert(all.end(), p.items.begin(), p.items.end());
      if (!p.next) break;
      page.after = p.next;
    }
    return all;
  }
  static std::vector<Id> Ids(const std::vector<Customer>& cs) {
    std::vector<Id> out;
    for (const auto& c : cs) out.push_back(c.id);
    return out;
  }

  std::unique_ptr<StoreDatabase> db_;
  std::string path_;
  Timestamp clock_ = 1'000'000;
};

TEST_P(StoreContract, MigrateIsIdempotentAndReportsTheVersion) {
  const int v = db_->SchemaVersion();
  EXPECT_GE(v, 1);
  auto again = db_->Migrate();
  ASSERT_TRUE(again.ok());
  EXPECT_EQ(*again, v);
  EXPECT_EQ(db_->Backend(), GetParam());
}

TEST_P(StoreContract, RunCommitsOnOkAndRollsBackOnErrorOrException) {
  const Id root = AddUnit(std::nullopt, "总部", "company");
  Status s = db_->Run(TxMode::kWrite, [&](Tx& tx) -> Status {
    OrgUnit u;
    u.parent_id = root;
    u.name = "rolled back";
    u.kind = "city";
    tx.org().Insert(u);
    return NotFound("nope");
  });
  EXPECT_EQ(s.error().code, ErrorCode::kNotFound);
  s = db_->Run(TxMode::kWrite, [&](Tx& tx) -> Status {
    OrgUnit u;
    u.parent_id = root;
    u.name = "thrown away";
    u.kind = "city";
    tx.org().Insert(u);
    throw std::runtime_error("bug");
  });
  EXPECT_EQ(s.error().code, ErrorCode::kInternal);
  Read([&](Tx& tx) { EXPECT_EQ(tx.org().All().size(), 1u); });
}

TEST_P(StoreContract, UniqueViolationsAnswerConflict) {
  const Id root = AddUnit(std::nullopt, "总部", "company");
  AddUser("kam.one", Role::kKam, root);
  Status s = db_->Run(TxMode::kWrite, [&](Tx& tx) {
    User u;
    u.username = "KAM.one";  // usernames are stored lower-cased
    u.display_name = "重复";
    u.org_unit_id = root;
    tx.users().Insert(u, "h");
    return Ok();
  });
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.error().code, ErrorCode::kConflict);

  Customer a = MakeCustomer("甲公司", root);
  a.credit_code = "91320500MA1MXXXX0X";
  AddCustomer(a);
  Customer b = MakeCustomer("乙公司", root);
  b.credit_code = a.credit_code;
  s = db_->Run(TxMode::kWrite, [&](Tx& tx) {
    tx.customers().Insert(b);
    return Ok();
  });
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.error().code, ErrorCode::kConflict);
}

TEST_P(StoreContract, OrgClosureFollowsInsertsMovesAndDeletes) {
  const Id root = AddUnit(std::nullopt, "总部", "company");
  const Id east = AddUnit(root, "华东区域", "region");
  const Id west = AddUnit(root, "西部区域", "region");
  const Id sz = AddUnit(east, "苏州分公司");
  Read([&](Tx& tx) {
    EXPECT_TRUE(tx.org().InSubtree(root, sz));
    EXPECT_TRUE(tx.org().InSubtree(east, sz));
    EXPECT_TRUE(tx.org().InSubtree(sz, sz));
    EXPECT_FALSE(tx.org().InSubtree(west, sz));
    EXPECT_FALSE(tx.org().InSubtree(sz, east));
    EXPECT_EQ(tx.org().CountChildren(root), 2);
    const auto all = tx.org().All();
    ASSERT_EQ(all.size(), 4u);
    EXPECT_EQ(all[0].id, root);
    EXPECT_FALSE(all[0].parent_id.has_value());
    EXPECT_EQ(all[3].name, "苏州分公司");
  });
  Write([&](Tx& tx) {
    auto u = *tx.org().Get(sz);
    u.parent_id = west;
    u.version = 2;
    tx.org().Update(u);
  });
  Read([&](Tx& tx) {
    EXPECT_TRUE(tx.org().InSubtree(west, sz));
    EXPECT_FALSE(tx.org().InSubtree(east, sz));
    EXPECT_TRUE(tx.org().InSubtree(root, sz));
    EXPECT_EQ(tx.org().Get(sz)->version, 2);
  });
  const Id kam = AddUser("kam.sz", Role::kKam, sz);
  AddCustomer(MakeCustomer("苏州某公司", sz, kam));
  Read([&](Tx& tx) {
    EXPECT_EQ(tx.org().CountUsers(sz), 1);
    EXPECT_EQ(tx.org().CountCustomers(sz), 1);
  });
  Write([&](Tx& tx) { tx.org().Delete(east); });
  Read([&](Tx& tx) {
    EXPECT_FALSE(tx.org().Get(east).has_value());
    EXPECT_FALSE(tx.org().InSubtree(east, east));
    EXPECT_EQ(tx.org().All().size(), 3u);
  });
}

TEST_P(StoreContract, UsersRoundTripAndListFiltersAndPages) {
  const Id root = AddUnit(std::nullopt, "总部", "company");
  const Id east = AddUnit(root, "华东区域", "region");
  const Id sz = AddUnit(east, "苏州分公司");
  const Id a = AddUser("Kam.SZ", Role::kKam, sz);
  const Id b = AddUser("dir.east", Role::kDirector, east);
  const Id c = AddUser("admin", Role::kAdmin, root);
  Write([&](Tx& tx) {
    auto u = *tx.users().Get(b);
    u.active = false;
    u.email = "d@example.com";
    u.version = 2;
    tx.users().Update(u);
    tx.users().RecordLogin(a, 42);
    tx.users().SetPasswordHash(a, "new-hash", 43);
  });
  Read([&](Tx& tx) {
    auto u = tx.users().FindByUsername("KAM.sz");
    ASSERT_TRUE(u.has_value());
    EXPECT_EQ(u->id, a);
    EXPECT_EQ(u->username, "kam.sz");
    EXPECT_EQ(u->display_name, "用户Kam.SZ");
    EXPECT_EQ(u->role, Role::kKam);
    EXPECT_TRUE(u->active);
    EXPECT_EQ(u->last_login_at, std::optional<Timestamp>(42));
    EXPECT_EQ(tx.users().PasswordHash(a), std::optional<std::string>("new-hash"));
    auto d = *tx.users().Get(b);
    EXPECT_FALSE(d.active);
    EXPECT_EQ(d.email, "d@example.com");
    EXPECT_EQ(d.version, 2);
    EXPECT_FALSE(d.last_login_at.has_value());
    EXPECT_FALSE(tx.users().Get(9999).has_value());

    PageRequest page;
    UserFilter f;
    f.org_unit_id = east;
    auto p = tx.users().List(f, page);
    EXPECT_EQ(p.items.size(), 2u);
    f = {};
    f.active = false;
    p = tx.users().List(f, page);
    ASSERT_EQ(p.items.size(), 1u);
    EXPECT_EQ(p.items[0].id, b);
    f = {};
    f.role = Role::kAdmin;
    EXPECT_EQ(tx.users().List(f, page).items.at(0).id, c);
    f = {};
    f.q = "SZ";  // usernames match case-insensitively
    EXPECT_EQ(tx.users().List(f, page).items.size(), 1u);
    f.q = "用户dir";  // display names match as typed
    EXPECT_EQ(tx.users().List(f, page).items.at(0).id, b);
    page.limit = 2;
    p = tx.users().List({}, page);
    ASSERT_EQ(p.items.size(), 2u);
    ASSERT_TRUE(p.next.has_value());
    page.after = p.next;
    auto rest = tx.users().List({}, page);
    ASSERT_EQ(rest.items.size(), 1u);
    EXPECT_EQ(rest.items[0].id, c);
    EXPECT_FALSE(rest.next.has_value());
  });
}

TEST_P(StoreContract, TransactionsInsertOnceAndRollUpByMonth) {
  const Id root = AddUnit(std::nullopt, "总部", "company");
  Customer c1 = MakeCustomer("甲", root), c2 = MakeCustomer("乙", root);
  c1.external_ref = "C1";
  c2.external_ref = "C2";
  const Id a = AddCustomer(c1), b = AddCustomer(c2);
  const auto txn = [](std::string ref, Id customer, CivilDate date, std::int64_t fen) {
    Transaction t;
    t.txn_ref = std::move(ref);
    t.customer_id = customer;
    t.date = date;
    t.amount_fen = fen;
    t.product = "电缆";
    t.created_at = 7;
    return t;
  };
  Write([&](Tx& tx) { EXPECT_TRUE(tx.transactions().Insert(txn("T0", a, {2026, 1, 5}, 100))); });
  std::vector<std::size_t> skipped;
  Write([&](Tx& tx) {
    // T0 exists already; the second T2 repeats the first one of the same batch.
    // Written in the order given (T3 first): positions are those of `rows`, as written.
    const std::vector<Transaction> rows{txn("T1", a, {2026, 1, 9}, 250), txn("T0", a, {2026, 1, 9}, 999),
                                        txn("T2", b, {2026, 2, 1}, 300), txn("T2", b, {2026, 2, 1}, 999),
                                        txn("T3", b, {2026, 3, 31}, 50)};
    const std::vector<std::size_t> order{4, 3, 0, 1, 2};
    skipped = tx.transactions().InsertMany(rows, order);
    tx.transactions().AddToMonths({{a, MonthOf({2026, 1, 1}), 350, 2, 0},
                                   {b, MonthOf({2026, 2, 1}), 300, 1, 30},
                                   {b, MonthOf({2026, 3, 1}), 50, 1, 0}});
  });
  EXPECT_EQ(skipped, (std::vector<std::size_t>{1, 2}));  // T0 exists; the T2 at 3 went first
  Write([&](Tx& tx) {
    EXPECT_TRUE(tx.transactions().InsertMany({}, {}).empty());
    tx.transactions().AddToMonths({{b, MonthOf({2026, 3, 1}), 5, 1, 2}});  // adds to the month
  });
  Read([&](Tx& tx) {
    const auto months = tx.transactions().Months(b);
    ASSERT_EQ(months.size(), 2u);
    EXPECT_EQ(months[1].month, MonthOf({2026, 3, 1}));
    EXPECT_EQ(months[1].revenue_fen, 55);
    EXPECT_EQ(months[1].orders, 2);
    EXPECT_EQ(months[1].margin_fen, 2);
    MonthlyRollups r;
    tx.transactions().LoadRollups(MonthOf({2026, 2, 1}), r);
    ASSERT_EQ(r.size(), 2u);  // customer a takes part with no months in the window
    EXPECT_EQ(r.customer_ids, (std::vector<Id>{a, b}));
    EXPECT_EQ(r.external_refs, (std::vector<std::string>{"C1", "C2"}));
    EXPECT_EQ(r.offsets, (std::vector<std::uint32_t>{0, 0, 2}));
    EXPECT_EQ(r.revenue_fen, (std::vector<std::int64_t>{300, 55}));
  });
}

TEST_P(StoreContract, TierWritesReplaceRemoveAndKeepHistory) {
  const Id root = AddUnit(std::nullopt, "总部", "company");
  const Id a = AddCustomer(MakeCustomer("甲", root)), b = AddCustomer(MakeCustomer("乙", root));
  const Id scheme = AddScheme("ABC");
  const CivilDate day{2026, 10, 31};
  Write([&](Tx& tx) {
    tx.tiering().PutAssignments(scheme, {{a, "A", 500, day, std::nullopt},
                                         {b, "B", 100, day, CivilDate{2027, 1, 1}}});
    TierChange c;
    c.customer_id = a;
    c.scheme_id = scheme;
    c.new_tier = "A";
    c.facts = "0|24321|500|1|2|0|600|";
    c.effective_on = day;
    c.created_at = 9;
    TierChange d = c;
    d.customer_id = b;
    d.new_tier = "B";
    d.kind = TierChangeKind::kAssign;
    d.note = "手工";
    d.pinned_until = CivilDate{2027, 1, 1};
    tx.tiering().InsertChanges({c, d});
    tx.tiering().SetCustomerTiers({{a, "A", true}, {b, std::nullopt, false}});
  });
  Write([&](Tx& tx) {
    tx.tiering().PutAssignments(scheme, {{a, "B", 400, CivilDate{2026, 11, 30}, std::nullopt}});
    tx.tiering().RemoveAssignments(scheme, {b});
  });
  Read([&](Tx& tx) {
    const auto all = tx.tiering().Assignments(scheme);
    ASSERT_EQ(all.size(), 1u);
    EXPECT_EQ(all[0].customer_id, a);
    EXPECT_EQ(all[0].tier, "B");
    EXPECT_EQ(all[0].value, 400);
    EXPECT_EQ(all[0].since, (CivilDate{2026, 11, 30}));
    EXPECT_FALSE(all[0].pinned_until);
    PageRequest page;
    page.limit = 10;
    const auto history = tx.tiering().History(b, page);
    ASSERT_EQ(history.items.size(), 1u);
    EXPECT_EQ(history.items[0].new_tier, "B");
    EXPECT_EQ(history.items[0].note, "手工");
    EXPECT_EQ(history.items[0].effective_on, day);
    EXPECT_EQ(history.items[0].pinned_until, (CivilDate{2027, 1, 1}));
    EXPECT_EQ(history.items[0].scheme_name, "ABC");
    EXPECT_EQ(tx.tiering().History(a, page).items.at(0).facts, "0|24321|500|1|2|0|600|");
    const auto ca = tx.customers().Get(Admin(), a);
    ASSERT_TRUE(ca);
    EXPECT_EQ(ca->tier, "A");
    EXPECT_TRUE(ca->is_key_account);
  });
}

TEST_P(StoreContract, TierWritesOfManyRowsKeepEachRowsOwnValues) {
  // More rows than one statement of the SQLite adapter carries (and a tail), each with its
  // own dates: a row must never be written with a neighbour's values.
  const Id root = AddUnit(std::nullopt, "总部", "company");
  std::vector<Id> ids;
  for (int k = 0; k < 70; ++k)
    ids.push_back(AddCustomer(MakeCustomer("客户" + std::to_string(k), root)));
  const Id scheme = AddScheme("ABC");
  const auto day = [](int k) { return CivilDate{2026, 1 + k % 12, 1 + k % 28}; };
  const auto pin = [](int k) {
    return k % 3 == 0 ? std::optional<CivilDate>(CivilDate{2027, 1 + k % 12, 2}) : std::nullopt;
  };
  const auto tier = [](int k, int round) {
    return std::string(1, static_cast<char>('A' + (k + round) % 3));
  };
  for (int round = 0; round < 2; ++round) {  // the second round replaces every row
    Write([&](Tx& tx) {
      std::vector<TierAssignment> puts;
      std::vector<TierChange> changes;
      for (int k = 0; k < 70; ++k) {
        puts.push_back({ids[k], tier(k, round), k * 10 + round, day(k + round), pin(k + round)});
        TierChange c;
        c.customer_id = ids[k];
        c.scheme_id = scheme;
        c.new_tier = tier(k, round);
        c.facts = "facts " + std::to_string(k) + "/" + std::to_string(round);
        c.note = k % 2 ? "单" : "";
        c.effective_on = day(k + round);
        c.pinned_until = pin(k + round);
        c.created_at = 100 + round;
        changes.push_back(c);
      }
      tx.tiering().PutAssignments(scheme, puts);
      tx.tiering().InsertChanges(changes);
    });
  }
  Read([&](Tx& tx) {
    const auto all = tx.tiering().Assignments(scheme);
    ASSERT_EQ(all.size(), 70u);
    PageRequest page;
    page.limit = 10;
    for (int k = 0; k < 70; ++k) {
      SCOPED_TRACE(k);
      EXPECT_EQ(all[k].customer_id, ids[k]);
      EXPECT_EQ(all[k].tier, tier(k, 1));
      EXPECT_EQ(all[k].value, k * 10 + 1);
      EXPECT_EQ(all[k].since, day(k + 1));
      EXPECT_EQ(all[k].pinned_until, pin(k + 1));
      const auto history = tx.tiering().History(ids[k], page);
      ASSERT_EQ(history.items.size(), 2u);
      for (int round = 0; round < 2; ++round) {
        const TierChange& c = history.items[1 - round];  // newest first
        EXPECT_EQ(c.new_tier, tier(k, round));
        EXPECT_EQ(c.facts, "facts " + std::to_string(k) + "/" + std::to_string(round));
        EXPECT_EQ(c.note, k % 2 ? "单" : "");
        EXPECT_EQ(c.effective_on, day(k + round));
        EXPECT_EQ(c.pinned_until, pin(k + round));
        EXPECT_EQ(c.created_at, 100 + round);
      }
    }
  });
}

TEST_P(StoreContract, CustomersRoundTripEveryField) {
  const Id root = AddUnit(std::nullopt, "总部", "company");
  const Id kam = AddUser("kam", Role::kKam, root);
  Customer c = MakeCustomer("苏州供电公司", root, kam);
  c.external_ref = "ERP-1";
  c.stage = "active";
  c.credit_code = "91320500MA1MXXXX0X";
  c.industry = "电力能源";
  c.region = "江苏省";
  c.address = "苏州市";
  c.phone = "0512-1";
  c.website = "www.example.cn";
  c.is_key_account = true;
  c.tier = "A";
  c.ownership = "state_owned";
  c.scale = "large";
  c.employees = 1200;
  c.founded_on = "1990-01-02";
  c.characteristics = "特点";
  c.annual_revenue_fen = 9'000'000'000'000LL;
  c.main_business = "供电";
  c.competitors = "某某";
  c.potential = "high";
  c.business_notes = "备注";
  c.first_deal_on = "2020-02-03";
  c.credit_rating = "AAA";
  c.payment_terms_days = 90;
  c.trading_notes = "交易";
  c.created_by = kam;
  c.id = AddCustomer(c);
  Read([&](Tx& tx) {
    auto got = tx.customers().Get(Admin(), c.id);
    ASSERT_TRUE(got.has_value());
    EXPECT_EQ(got->name, c.name);
    EXPECT_EQ(got->external_ref, c.external_ref);
    EXPECT_EQ(got->credit_code, c.credit_code);
    EXPECT_EQ(got->stage, "active");
    EXPECT_EQ(got->owner_id, c.owner_id);
    EXPECT_TRUE(got->is_key_account);
    EXPECT_EQ(got->tier, c.tier);
    EXPECT_EQ(got->employees, c.employees);
    EXPECT_EQ(got->annual_revenue_fen, c.annual_revenue_fen);
    EXPECT_EQ(got->payment_terms_days, c.payment_terms_days);
    EXPECT_EQ(got->trading_notes, c.trading_notes);
    EXPECT_EQ(got->created_at, c.created_at);
    EXPECT_EQ(got->created_by, c.created_by);
    EXPECT_TRUE(tx.customers().ExternalRefTaken("ERP-1", 0));
    EXPECT_FALSE(tx.customers().ExternalRefTaken("ERP-1", c.id));
    EXPECT_TRUE(tx.customers().CreditCodeTaken(*c.credit_code, 0));
    EXPECT_FALSE(tx.customers().CreditCodeTaken(*c.credit_code, c.id));
  });
  Write([&](Tx& tx) {
    Customer u = *tx.customers().Get(Admin(), c.id);
    u.external_ref.reset();
    u.credit_code.reset();
    u.owner_id.reset();
    u.tier.reset();
    u.employees.reset();
    u.is_key_account = false;
    u.name = "Suzhou Power";
    u.version = 2;
    tx.customers().Update(u);
  });
  Read([&](Tx& tx) {
    auto got = *tx.customers().Get(Admin(), c.id);
    EXPECT_EQ(got.version, 2);
    EXPECT_FALSE(got.external_ref || got.credit_code || got.owner_id || got.tier || got.employees);
    EXPECT_FALSE(got.is_key_account);
    // The name index follows the rename.
    CustomerFilter f;
    f.q = "供电";
    EXPECT_TRUE(tx.customers().List(Admin(), f, {}, {}).items.empty());
    f.q = "POWER";
    EXPECT_EQ(tx.customers().List(Admin(), f, {}, {}).items.size(), 1u);
  });
  Write([&](Tx& tx) { tx.customers().SoftDelete(c.id, 99); });
  Read([&](Tx& tx) {
    EXPECT_FALSE(tx.customers().Get(Admin(), c.id).has_value());
    EXPECT_FALSE(tx.customers().Exists(c.id));
    EXPECT_TRUE(tx.customers().List(Admin(), {}, {}, {}).items.empty());
    EXPECT_EQ(tx.org().CountCustomers(root), 0);
  });
}

TEST_P(StoreContract, ScopeDecidesWhichCustomersAreVisible) {
  const Id root = AddUnit(std::nullopt, "总部", "company");
  const Id east = AddUnit(root, "华东区域", "region");
  const Id west = AddUnit(root, "西部区域", "region");
  const Id sz = AddUnit(east, "苏州分公司");
  const Id kam = AddUser("kam", Role::kKam, sz);
  const Id asst = AddUser("asst", Role::kAssistant, sz);
  const Id owned = AddCustomer(MakeCustomer("自己的客户", sz, kam));
  const Id teamed = AddCustomer(MakeCustomer("团队的客户", sz));
  const Id other = AddCustomer(MakeCustomer("别人的客户", sz));
  const Id far = AddCustomer(MakeCustomer("西部客户", west));
  Write([&](Tx& tx) {
    tx.customers().AddTeamMember({teamed, kam, "sales", 5, ""});
    tx.customers().AddTeamMember({teamed, asst, "assistant", 4, ""});
    tx.customers().AddTeamMember({owned, asst, "assistant", 6, ""});
  });
  const Principal k = As(kam, Role::kKam, sz);
  const Principal a = As(asst, Role::kAssistant, sz);
  const Principal d = As(999, Role::kDirector, east);
  const Principal s = As(998, Role::kSpecialist, root);
  auto ids = [&](const Principal& p) {
    auto v = Ids(ListAll(p, {}, {}, 2));
    return std::set<Id>(v.begin(), v.end());
  };
  EXPECT_EQ(ids(k), (std::set<Id>{owned, teamed}));
  EXPECT_EQ(ids(a), (std::set<Id>{owned, teamed}));
  EXPECT_EQ(ids(d), (std::set<Id>{owned, teamed, other}));
  EXPECT_EQ(ids(s), (std::set<Id>{owned, teamed, other, far}));
  Read([&](Tx& tx) {
    EXPECT_TRUE(tx.customers().Get(k, owned).has_value());
    EXPECT_TRUE(tx.customers().Get(k, teamed).has_value());
    EXPECT_FALSE(tx.customers().Get(k, other).has_value());
    EXPECT_FALSE(tx.customers().Get(d, far).has_value());
    EXPECT_TRUE(tx.customers().Exists(far));
    const auto team = tx.customers().Team(teamed);
    ASSERT_EQ(team.size(), 2u);
    EXPECT_EQ(team[0].user_id, asst);  // by added_at
    EXPECT_EQ(team[0].team_role, "assistant");
    EXPECT_EQ(team[1].user_id, kam);
  });
  Write([&](Tx& tx) {
    EXPECT_TRUE(tx.customers().RemoveTeamMember(teamed, kam));
    EXPECT_FALSE(tx.customers().RemoveTeamMember(teamed, kam));
  });
  EXPECT_EQ(ids(k), (std::set<Id>{owned}));
  // Filters combine with the scope.
  CustomerFilter f;
  f.org_unit_id = west;
  EXPECT_TRUE(ListAll(d, f, {}, 50).empty());
  EXPECT_EQ(ListAll(s, f, {}, 50).size(), 1u);
}

TEST_P(StoreContract, FiltersMatchExactly) {
  const Id root = AddUnit(std::nullopt, "总部", "company");
  const Id kam = AddUser("kam", Role::kKam, root);
  Customer a = MakeCustomer("甲", root, kam);
  a.stage = "active";
  a.is_key_account = true;
  a.tier = "A";
  a.region = "江苏省";
  a.industry = "电力能源";
  const Id ida = AddCustomer(a);
  Customer b = MakeCustomer("乙", root);
  b.region = "浙江省";
  const Id idb = AddCustomer(b);
  auto one = [&](CustomerFilter f) { return Ids(ListAll(Admin(), f, {}, 50)); };
  CustomerFilter f;
  f.stage = "active";
  EXPECT_EQ(one(f), std::vector<Id>{ida});
  f = {};
  f.is_key_account = false;
  EXPECT_EQ(one(f), std::vector<Id>{idb});
  f = {};
  f.tier = "A";
  EXPECT_EQ(one(f), std::vector<Id>{ida});
  f = {};
  f.owner_id = kam;
  EXPECT_EQ(one(f), std::vector<Id>{ida});
  f = {};
  f.region = "浙江省";
  EXPECT_EQ(one(f), std::vector<Id>{idb});
  f = {};
  f.industry = "电力能源";
  EXPECT_EQ(one(f), std::vector<Id>{ida});
}

TEST_P(StoreContract, EverySortPagesThroughEveryRowOnceInByteOrder) {
  const Id root = AddUnit(std::nullopt, "总部", "company");
  // Mixed scripts and cases, duplicates included: the order must be the bytes' order on
  // both backends, whatever the database's locale.
  const std::vector<std::string> names = {
      "苏州供电公司", "Suzhou Power", "suzhou power", "ABB中国", "abb", "上海电气", "Zeta",
      "_underscore", "苏州供电公司", "北京", "Äpfel", "123 Corp", "南京", "zeta", "Ω"};
  std::vector<Customer> all;
  for (std::size_t i = 0; i < names.size(); ++i) {
    Customer c = MakeCustomer(names[i], root);
    c.updated_at = 5'000'000 - static_cast<Timestamp>(i % 4);  // ties, resolved by id
    c.id = AddCustomer(c);
    all.push_back(c);
  }
  for (auto field : {CustomerSort::kId, CustomerSort::kName, CustomerSort::kCreatedAt,
                     CustomerSort::kUpdatedAt}) {
    for (bool desc : {false, true}) {
      SCOPED_TRACE(std::string(CustomerSortName(field)) + (desc ? " desc" : " asc"));
      auto expected = all;
      auto key = [&](const Customer& c) {
        switch (field) {
          case CustomerSort::kName: return std::make_pair(c.name, c.id);
          case CustomerSort::kCreatedAt: return std::make_pair(std::to_string(c.created_at + 10'000'000'000), c.id);
          case CustomerSort::kUpdatedAt: return std::make_pair(std::to_string(c.updated_at + 10'000'000'000), c.id);
          case CustomerSort::kId: break;
        }
        return std::make_pair(std::string(), c.id);
      };
      std::stable_sort(expected.begin(), expected.end(), [&](const Customer& x, const Customer& y) {
        return desc ? key(y) < key(x) : key(x) < key(y);
      });
      for (int limit : {1, 4, 100}) {
        EXPECT_EQ(Ids(ListAll(Admin(), {}, SortSpec{field, desc}, limit)), Ids(expected))
            << "limit " << limit;
      }
    }
  }
}

TEST_P(StoreContract, NameSearchFindsAnyPartChineseAndLatin) {
  const Id root = AddUnit(std::nullopt, "总部", "company");
  const Id a = AddCustomer(MakeCustomer("苏州供电公司", root));
  const Id b = AddCustomer(MakeCustomer("国网江苏省电力有限公司", root));
  const Id c = AddCustomer(MakeCustomer("Suzhou Power Supply", root));
  const Id d = AddCustomer(MakeCustomer("电", root));
  auto search = [&](const std::string& q) {
    CustomerFilter f;
    f.q = q;
    auto v = Ids(ListAll(Admin(), f, {}, 2));
    return std::set<Id>(v.begin(), v.end());
  };
  EXPECT_EQ(search("供电"), (std::set<Id>{a}));
  EXPECT_EQ(search("电力"), (std::set<Id>{b}));
  EXPECT_EQ(search("电"), (std::set<Id>{a, b, d}));
  EXPECT_EQ(search("江苏省电力有限"), (std::set<Id>{b}));
  EXPECT_EQ(search("power sup"), (std::set<Id>{c}));
  EXPECT_EQ(search("POWER"), (std::set<Id>{c}));
  EXPECT_EQ(search("州"), (std::set<Id>{a}));
  EXPECT_EQ(search("苏州电"), (std::set<Id>{}));
  EXPECT_EQ(search("x'; DROP TABLE customer; --"), (std::set<Id>{}));
}

// A KAM holding more accounts than the query's rarest gram has postings searches by walking
// the postings and checking the scope per row (the other plan walks the accounts): either
// way only the KAM's own and team accounts come back, each once, in every sort.
TEST_P(StoreContract, SearchInALargeOwnScopeFindsOwnAndTeamAccountsOnly) {
  const Id root = AddUnit(std::nullopt, "总部", "company");
  const Id sz = AddUnit(root, "苏州分公司");
  const Id kam = AddUser("kam.big", Role::kKam, sz);
  const Id other = AddUser("kam.other", Role::kKam, sz);
  std::set<Id> expected_supply, expected_owner;
  Write([&](Tx& tx) {
    // Every name holds 供电 (more postings than kShortPosting); the KAM owns more of them
    // than there are postings of the query's rarest gram.
    for (int i = 0; i < 2300; ++i) {
      const bool mine = i % 10 != 0;
      Customer c = MakeCustomer((i % 2 ? "苏州供电所" : "无锡供电局") + std::to_string(i), sz,
                                mine ? std::optional<Id>(kam) : std::optional<Id>(other));
      const Id id = tx.customers().Insert(c);
      if (mine) expected_owner.insert(id);
      if (mine) expected_supply.insert(id);
      if (!mine && i % 20 == 0) {  // on the team of some of the other KAM's accounts
        tx.customers().AddTeamMember({id, kam, "sales", 5, ""});
        expected_supply.insert(id);
      }
    }
    for (int i = 0; i < 300; ++i) {  // the KAM's accounts the query does not match
      tx.customers().Insert(MakeCustomer("电力公司" + std::to_string(i), sz, kam));
    }
  });
  const Principal k = As(kam, Role::kKam, sz);
  CustomerFilter f;
  f.q = "供电";
  for (auto field : {CustomerSort::kId, CustomerSort::kName, CustomerSort::kUpdatedAt}) {
    for (bool desc : {false, true}) {
      SCOPED_TRACE(std::string(CustomerSortName(field)) + (desc ? " desc" : " asc"));
      const auto got = Ids(ListAll(k, f, SortSpec{field, desc}, 500));
      EXPECT_EQ(std::set<Id>(got.begin(), got.end()), expected_supply);
      EXPECT_EQ(got.size(), expected_supply.size());  // each once
    }
  }
  // The owner filter narrows a wide scope the same way.
  CustomerFilter by_owner = f;
  by_owner.owner_id = kam;
  const auto owned = Ids(ListAll(Admin(), by_owner, {}, 500));
  EXPECT_EQ(std::set<Id>(owned.begin(), owned.end()), expected_owner);
  EXPECT_TRUE(std::is_sorted(owned.begin(), owned.end()));
}

TEST_P(StoreContract, SearchInASmallOwnScopeAmongManyPostingsFindsOwnAndTeamAccountsOnly) {
  // The KAM's accounts are far fewer than the postings of the query's rarest gram (more than
  // kShortPosting): the search is driven by the accounts, owned and on the team.
  const Id root = AddUnit(std::nullopt, "总部", "company");
  const Id sz = AddUnit(root, "苏州分公司");
  const Id kam = AddUser("kam.small", Role::kKam, sz);
  const Id other = AddUser("kam.other", Role::kKam, sz);
  std::set<Id> expected;
  Id deleted = 0;
  Write([&](Tx& tx) {
    for (int i = 0; i < 2400; ++i) {  // 供电 in every name; 无锡 in every name the KAM can't see
      const bool mine = i % 40 == 0;
      const bool team = !mine && i % 45 == 0;
      const std::string name = std::string(mine   ? "苏州供电所"
                                           : team ? "常州供电局"
                                                  : "无锡供电局") +
                               std::to_string(i);
      const Id id = tx.customers().Insert(
          MakeCustomer(name, sz, mine ? std::optional<Id>(kam) : std::optional<Id>(other)));
      if (team) tx.customers().AddTeamMember({id, kam, "sales", 5, ""});
      if (mine || team) expected.insert(id);
      if (mine && deleted == 0) deleted = id;
    }
    for (int i = 0; i < 30; ++i) {  // the KAM's accounts the query does not match
      tx.customers().Insert(MakeCustomer("电力公司" + std::to_string(i), sz, kam));
    }
  });
  Write([&](Tx& tx) { tx.customers().SoftDelete(deleted, 2); });
  expected.erase(deleted);
  const Principal k = As(kam, Role::kKam, sz);
  CustomerFilter f;
  f.q = "供电";
  for (auto field : {CustomerSort::kId, CustomerSort::kName, CustomerSort::kCreatedAt}) {
    for (bool desc : {false, true}) {
      for (int page : {7, 500}) {
        SCOPED_TRACE(std::string(CustomerSortName(field)) + (desc ? " desc " : " asc ") +
                     std::to_string(page));
        const auto got = Ids(ListAll(k, f, SortSpec{field, desc}, page));
        EXPECT_EQ(std::set<Id>(got.begin(), got.end()), expected);
        EXPECT_EQ(got.size(), expected.size());  // each once
      }
    }
  }
  CustomerFilter none = f;
  none.q = "无锡";  // in two thousand names, none of them the KAM's
  EXPECT_TRUE(ListAll(k, none, {}, 50).empty());
  CustomerFilter within = f;
  within.q = "常州供电";  // the team's accounts only
  EXPECT_EQ(ListAll(k, within, {}, 50).size(), 47u);
}

// A user's accounts are found either through their own index (then sorted) or by walking
// the sort's index and checking each row (SQLite, when they are many: see ScopeSizes). Small
// pages take the walk, large pages and a small book of accounts the index, and accounts
// that sit together end a walk that finds too few of them: every sort, page size and search
// answers exactly the same rows, each once, in order.
TEST_P(StoreContract, ALargeBookOfAccountsListsTheSameWhicheverIndexIsWalked) {
  const Id root = AddUnit(std::nullopt, "总部", "company");
  const Id sz = AddUnit(root, "苏州分公司");
  const Id big = AddUser("kam.big", Role::kKam, sz);
  const Id small = AddUser("kam.small", Role::kKam, sz);
  const Id other = AddUser("kam.other", Role::kKam, sz);
  const Id early = AddUser("kam.early", Role::kKam, sz);
  std::vector<Customer> big_book, small_book, owned_by_big, early_book;
  Write([&](Tx& tx) {
    // Accounts that sit together (imported at once): the first ids, the oldest times.
    for (int i = 0; i < 400; ++i) {
      Customer c = MakeCustomer("常州供电所" + std::to_string(i), sz, early);
      c.created_at = c.updated_at = 1'000'000 + i;
      c.id = tx.customers().Insert(c);
      early_book.push_back(c);
    }
    // Every name holds 供电 (more postings than kShortPosting); 所 only every other one.
    for (int i = 0; i < 3000; ++i) {
      const Id owner = i % 3 == 0 ? big : (i % 100 == 1 ? small : other);
      Customer c = MakeCustomer((i % 2 ? "苏州供电所" : "无锡供电局") + std::to_string(i % 700), sz,
                                owner);
      c.updated_at = 2'000'000 + (i * 7919) % 1000;  // ties, resolved by id
      c.created_at = c.updated_at;
      c.id = tx.customers().Insert(c);
      if (owner == big) owned_by_big.push_back(c);
      if (owner == big || i % 29 == 2) {
        if (owner != big) tx.customers().AddTeamMember({c.id, big, "sales", 5, ""});
        big_book.push_back(c);
      }
      if (owner == small) small_book.push_back(c);
    }
  });
  const auto expect_same = [&](const Principal& who, const CustomerFilter& base,
                               const std::vector<Customer>& book) {
    for (const std::string q : {"", "供电", "所"}) {
      CustomerFilter f = base;
      f.q = q;
      std::vector<Customer> matching;
      for (const auto& c : book) {
        if (c.name.find(q) != std::string::npos) matching.push_back(c);
      }
      for (auto field : {CustomerSort::kId, CustomerSort::kName, CustomerSort::kUpdatedAt}) {
        for (bool desc : {false, true}) {
          auto key = [&](const Customer& c) {
            if (field == CustomerSort::kName) return std::make_pair(c.name, c.id);
            if (field == CustomerSort::kUpdatedAt) {
              return std::make_pair(std::to_string(c.updated_at), c.id);
            }
            return std::make_pair(std::string(), c.id);
          };
          auto expected = matching;
          std::sort(expected.begin(), expected.end(), [&](const Customer& x, const Customer& y) {
            return desc ? key(y) < key(x) : key(x) < key(y);
          });
          for (int limit : {3, 500}) {
            SCOPED_TRACE("q '" + q + "', " + std::string(CustomerSortName(field)) +
                         (desc ? " desc" : " asc") + ", limit " + std::to_string(limit));
            EXPECT_EQ(Ids(ListAll(who, f, SortSpec{field, desc}, limit)), Ids(expected));
          }
        }
      }
    }
  };
  expect_same(As(big, Role::kKam, sz), {}, big_book);
  expect_same(As(small, Role::kKam, sz), {}, small_book);
  expect_same(As(early, Role::kKam, sz), {}, early_book);
  CustomerFilter by_owner;
  by_owner.owner_id = big;
  expect_same(Admin(), by_owner, owned_by_big);
  // The owner filter inside a KAM's own scope: the accounts both hold.
  by_owner.owner_id = other;
  std::vector<Customer> team_of_other;
  for (const auto& c : big_book) {
    if (c.owner_id == std::optional<Id>(other)) team_of_other.push_back(c);
  }
  expect_same(As(big, Role::kKam, sz), by_owner, team_of_other);
}

TEST_P(StoreContract, ContactsPageAndDeletingABossClearsReports) {
  const Id root = AddUnit(std::nullopt, "总部", "company");
  const Id cust = AddCustomer(MakeCustomer("客户", root));
  const Id other = AddCustomer(MakeCustomer("别的客户", root));
  Id boss = 0, report = 0;
  Write([&](Tx& tx) {
    Contact c;
    c.customer_id = cust;
    c.name = "王总";
    c.buying_role = "decision_maker";
    c.birthday = "1970-01-01";
    boss = tx.contacts().Insert(c);
    c.name = "李工";
    c.reports_to_id = boss;
    report = tx.contacts().Insert(c);
    c.reports_to_id.reset();
    for (int i = 0; i < 3; ++i) {
      c.name = "联系人" + std::to_string(i);
      tx.contacts().Insert(c);
    }
  });
  Read([&](Tx& tx) {
    EXPECT_FALSE(tx.contacts().Get(other, boss).has_value());
    auto r = tx.contacts().Get(cust, report);
    ASSERT_TRUE(r.has_value());
    EXPECT_EQ(r->reports_to_id, std::optional<Id>(boss));
    EXPECT_EQ(r->birthday, "1970-01-01");
    PageRequest page;
    page.limit = 2;
    std::vector<Id> seen;
    for (;;) {
      auto p = tx.contacts().List(cust, page);
      for (const auto& c : p.items) seen.push_back(c.id);
      if (!p.next) break;
      page.after = p.next;
    }
    ASSERT_EQ(seen.size(), 5u);
    EXPECT_TRUE(std::is_sorted(seen.begin(), seen.end()));
  });
  Write([&](Tx& tx) {
    auto r = *tx.contacts().Get(cust, report);
    r.title = "总工";
    r.version = 2;
    tx.contacts().Update(r);
    tx.contacts().Delete(cust, boss);
  });
  Read([&](Tx& tx) {
    auto r = *tx.contacts().Get(cust, report);
    EXPECT_FALSE(r.reports_to_id.has_value());
    EXPECT_EQ(r.title, "总工");
    EXPECT_EQ(r.version, 3);  // the update, then the orphaning
    EXPECT_FALSE(tx.contacts().Get(cust, boss).has_value());
  });
}

AuditRecord MakeAudit(Id id, const std::string& prev, int changes) {
  AuditRecord r;
  r.id = id;
  r.at = 1000 + id;
  r.actor_id = id % 3 == 0 ? std::nullopt : std::optional<Id>(id % 3);
  r.actor_name = "kam";
  r.action = id % 2 ? "customer.update" : "customer.create";
  r.entity = "customer";
  r.entity_id = 100 + id % 5;
  r.customer_id = 100 + id % 5;
  for (int k = 0; k < changes; ++k) {
    r.changes.push_back({"f" + std::to_string(k), k % 2 ? std::nullopt : std::optional<std::string>("旧"),
                         std::optional<std::string>("新" + std::to_string(id))});
  }
  r.request_id = "req-" + std::to_string(id);
  r.client_addr = "127.0.0.1";
  r.prev_hash = prev;
  r.hash = "h" + std::to_string(id);
  return r;
}

TEST_P(StoreContract, AuditHeadListAndForEach) {
  Read([&](Tx& tx) { EXPECT_EQ(tx.audit().Head(), std::make_pair(Id{0}, std::string())); });
  // More rows than one ForEach slice of the PostgreSQL adapter.
  constexpr int kRows = 2600;
  Write([&](Tx& tx) {
    for (int i = 1; i <= kRows; ++i) {
      auto [head, hash] = tx.audit().Head();
      ASSERT_EQ(head, i - 1);
      tx.audit().Insert(MakeAudit(head + 1, hash, i % 3));
    }
  });
  Read([&](Tx& tx) {
    EXPECT_EQ(tx.audit().Head(), std::make_pair(Id{kRows}, "h" + std::to_string(kRows)));
    Id expect = 1;
    std::size_t changes = 0;
    tx.audit().ForEach([&](const AuditRecord& r) {
      EXPECT_EQ(r.id, expect);
      const auto want = MakeAudit(expect, expect == 1 ? "" : "h" + std::to_string(expect - 1),
                                  static_cast<int>(expect % 3));
      EXPECT_EQ(r.changes, want.changes);
      EXPECT_EQ(r.prev_hash, want.prev_hash);
      EXPECT_EQ(r.actor_id, want.actor_id);
      changes += r.changes.size();
      ++expect;
      return true;
    });
    EXPECT_EQ(expect, kRows + 1);
    int visited = 0;
    tx.audit().ForEach([&](const AuditRecord&) { return ++visited < 10; });
    EXPECT_EQ(visited, 10);

    AuditFilter f;
    f.action = "customer.create";
    f.customer_id = 102;
    f.from = 1000 + 100;
    f.to = 1000 + 200;
    PageRequest page;
    page.limit = 3;
    std::vector<Id> ids;
    for (;;) {
      auto p = tx.audit().List(f, page);
      for (const auto& r : p.items) {
        ids.push_back(r.id);
        EXPECT_EQ(r.changes, MakeAudit(r.id, "", static_cast<int>(r.id % 3)).changes);
      }
      if (!p.next) break;
      page.after = p.next;
    }
    std::vector<Id> want;
    for (Id id = 199; id >= 100; --id) {
      if (id % 2 == 0 && id % 5 == 2) want.push_back(id);
    }
    EXPECT_EQ(ids, want);
    f = {};
    f.actor_id = 1;
    f.entity = "customer";
    f.entity_id = 101;
    page = {};
    page.limit = 500;
    for (const auto& r : tx.audit().List(f, page).items) {
      EXPECT_EQ(r.actor_id, std::optional<Id>(1));
      EXPECT_EQ(r.entity_id, std::optional<Id>(101));
    }
  });
}

TEST_P(StoreContract, SessionsTokensAndThrottles) {
  const Id root = AddUnit(std::nullopt, "总部", "company");
  const Id u = AddUser("kam", Role::kKam, root);
  const Id v = AddUser("dir", Role::kDirector, root);
  Id tok = 0;
  Write([&](Tx& tx) {
    tx.auth().InsertSession({"s1", u, "c1", 10, 10, "127.0.0.1"});
    tx.auth().InsertSession({"s2", u, "c2", 20, 20, ""});
    tx.auth().InsertSession({"s3", v, "c3", 30, 30, "::1"});
    ApiToken t;
    t.user_id = u;
    t.name = "集成";
    t.token_hash = "t1";
    t.created_at = 5;
    t.expires_at = 500;
    tok = tx.auth().InsertToken(t);
    t.name = "second";
    t.token_hash = "t2";
    t.expires_at.reset();
    tx.auth().InsertToken(t);
  });
  Write([&](Tx& tx) {
    tx.auth().TouchSession("s1", 15);
    tx.auth().DeleteSession("s2");
    tx.auth().TouchToken(tok, 7);
    EXPECT_TRUE(tx.auth().RevokeToken(u, tok, 8));
    EXPECT_FALSE(tx.auth().RevokeToken(u, tok, 9));   // once
    EXPECT_FALSE(tx.auth().RevokeToken(v, tok, 9));   // only the owner's
  });
  Read([&](Tx& tx) {
    auto s = tx.auth().FindSession("s1");
    ASSERT_TRUE(s.has_value());
    EXPECT_EQ(s->last_seen_at, 15);
    EXPECT_EQ(s->client_addr, "127.0.0.1");
    EXPECT_EQ(s->csrf_hash, "c1");
    EXPECT_FALSE(tx.auth().FindSession("s2").has_value());
    auto t = tx.auth().FindToken("t1");
    ASSERT_TRUE(t.has_value());
    EXPECT_EQ(t->name, "集成");
    EXPECT_EQ(t->last_used_at, std::optional<Timestamp>(7));
    EXPECT_EQ(t->revoked_at, std::optional<Timestamp>(8));
    EXPECT_EQ(t->expires_at, std::optional<Timestamp>(500));
    const auto all = tx.auth().TokensOf(u);
    ASSERT_EQ(all.size(), 2u);
    EXPECT_EQ(all[0].id, tok);
    EXPECT_FALSE(all[1].expires_at.has_value());
  });
  Write([&](Tx& tx) {
    tx.auth().DeleteSessionsBefore(/*last_seen_before=*/16, /*created_before=*/0);  // s1
  });
  Read([&](Tx& tx) {
    EXPECT_FALSE(tx.auth().FindSession("s1").has_value());
    EXPECT_TRUE(tx.auth().FindSession("s3").has_value());
  });
  Write([&](Tx& tx) { tx.auth().DeleteSessionsOfUser(v); });
  Read([&](Tx& tx) { EXPECT_FALSE(tx.auth().FindSession("s3").has_value()); });

  Read([&](Tx& tx) {
    auto t = tx.auth().GetThrottle("user:kam");
    EXPECT_EQ(t.failures, 0);
    EXPECT_EQ(t.locked_until, 0);
  });
  Write([&](Tx& tx) {
    tx.auth().PutThrottle("user:kam", {1, 100, 0});
    tx.auth().PutThrottle("user:kam", {2, 100, 900});  // an upsert
    tx.auth().PutThrottle("addr:127.0.0.1", {1, 50, 0});
  });
  Read([&](Tx& tx) {
    auto t = tx.auth().GetThrottle("user:kam");
    EXPECT_EQ(t.failures, 2);
    EXPECT_EQ(t.window_start, 100);
    EXPECT_EQ(t.locked_until, 900);
  });
  Write([&](Tx& tx) { tx.auth().ClearThrottle("user:kam"); });
  Read([&](Tx& tx) {
    EXPECT_EQ(tx.auth().GetThrottle("user:kam").failures, 0);
    EXPECT_EQ(tx.auth().GetThrottle("addr:127.0.0.1").failures, 1);
  });
  // Stale counters go, counters that still lock someone stay.
  Write([&](Tx& tx) {
    tx.auth().PutThrottle("user:locked", {9, 10, 5000});
    EXPECT_EQ(tx.auth().DeleteStaleThrottles(/*window_before=*/60, /*now=*/1000), 1);  // addr:
  });
  Read([&](Tx& tx) {
    EXPECT_EQ(tx.auth().GetThrottle("addr:127.0.0.1").failures, 0);
    EXPECT_EQ(tx.auth().GetThrottle("user:locked").failures, 9);
  });
}

TEST_P(StoreContract, UserSettingsAreKeptApartFromTheUser) {
  const Id root = AddUnit(std::nullopt, "总部", "company");
  const Id u = AddUser("kam", Role::kKam, root);
  Read([&](Tx& tx) {
    auto s = tx.users().GetSettings(u);
    ASSERT_TRUE(s.has_value());
    EXPECT_EQ(s->version, 1);
    EXPECT_EQ(s->json, "{}");
    EXPECT_FALSE(tx.users().GetSettings(u + 1000).has_value());
  });
  Write([&](Tx& tx) { tx.users().PutSettings(u, {2, R"({"列":["名称"]})"}); });
  Read([&](Tx& tx) {
    EXPECT_EQ(tx.users().GetSettings(u)->json, R"({"列":["名称"]})");
    EXPECT_EQ(tx.users().GetSettings(u)->version, 2);
    EXPECT_EQ(tx.users().Get(u)->version, 1);
  });
}

// A job period is claimed once; an unfinished claim is taken over only after its lease.
TEST_P(StoreContract, JobRunsAreClaimedOncePerPeriod) {
  bool a = false, b = false;
  Write([&](Tx& tx) {
    a = tx.jobs().Claim("auth.purge", "P1", "node-a", 100, 200);
    b = tx.jobs().Claim("auth.purge", "P1", "node-b", 150, 250);
  });
  EXPECT_TRUE(a);
  EXPECT_FALSE(b);  // held by node-a until 200
  Write([&](Tx& tx) { EXPECT_TRUE(tx.jobs().Claim("auth.purge", "P2", "node-b", 150, 250)); });
  Write([&](Tx& tx) { tx.jobs().Finish("auth.purge", "P2", "node-b", 160, "done"); });
  Write([&](Tx& tx) {
    EXPECT_FALSE(tx.jobs().Claim("auth.purge", "P2", "node-a", 999, 1999));  // finished
    EXPECT_TRUE(tx.jobs().Claim("auth.purge", "P1", "node-b", 300, 400));    // lease over
    EXPECT_TRUE(tx.jobs().Claim("other.job", "P1", "node-a", 300, 400));
  });
  Read([&](Tx& tx) {
    auto runs = tx.jobs().Recent("auth.purge", 10);
    ASSERT_EQ(runs.size(), 2u);
    EXPECT_EQ(runs[0].period, "P1");
    EXPECT_EQ(runs[0].node, "node-b");
    EXPECT_EQ(runs[0].attempts, 2);
    EXPECT_FALSE(runs[0].finished_at.has_value());
    EXPECT_EQ(runs[1].outcome, "done");
    EXPECT_EQ(runs[1].finished_at, std::optional<Timestamp>(160));
    EXPECT_EQ(tx.jobs().Recent("", 10).size(), 3u);
  });
  // Concurrent claims of one period: exactly one wins.
  std::atomic<int> wins{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < 8; ++t) {
    threads.emplace_back([&, t] {
      bool mine = false;
      Status s = db_->Run(TxMode::kWrite, [&](Tx& tx) {
        mine = tx.jobs().Claim("race", "P", "n" + std::to_string(t), 1, 100);
        return Ok();
      });
      if (s.ok() && mine) ++wins;
    });
  }
  for (auto& th : threads) th.join();
  EXPECT_EQ(wins.load(), 1);
}

TEST_P(StoreContract, AccessLogBatches) {
  std::vector<AccessEntry> batch;
  for (int i = 0; i < 1203; ++i) {
    AccessEntry e;
    e.at = i;
    e.user_id = 7;
    e.entity = "customer";
    e.entity_id = i;
    if (i % 2) e.customer_id = i;
    e.request_id = "r" + std::to_string(i);
    e.client_addr = "127.0.0.1";
    batch.push_back(e);
  }
  Write([&](Tx& tx) { tx.access_log().InsertBatch(batch); });
  Write([&](Tx& tx) { tx.access_log().InsertBatch({}); });
  Read([&](Tx& tx) { EXPECT_EQ(tx.access_log().Count(), 1203); });
}

TEST_P(StoreContract, AccessLogCountsAlertsAndDefaultTeams) {
  const Id root = AddUnit(std::nullopt, "总部", "company");
  const Id kam = AddUser("kam", Role::kKam, root);
  const Id other = AddUser("other", Role::kDirector, root);
  const Id asst = AddUser("asst", Role::kAssistant, root);
  const Id a = AddCustomer(MakeCustomer("甲客户", root, kam));
  const Id b = AddCustomer(MakeCustomer("乙客户", root, kam));
  const Id c = AddCustomer(MakeCustomer("丙客户", root, kam));

  // Reads: kam reads b three times, a twice, c once (and an entry without a customer);
  // other reads a once, outside the span asked below.
  std::vector<AccessEntry> log;
  auto read = [&](Timestamp at, Id user, std::optional<Id> customer) {
    log.push_back(AccessEntry{at, user, "customer", customer.value_or(0), customer, "r", "127.0.0.1"});
  };
  for (Timestamp at : {100, 110, 120}) read(at, kam, b);
  for (Timestamp at : {130, 140}) read(at, kam, a);
  read(150, kam, c);
  read(160, kam, std::nullopt);
  read(50, other, a);
  Write([&](Tx& tx) { tx.access_log().InsertBatch(log); });
  Read([&](Tx& tx) {
    const auto all = tx.access_log().ReadsBetween(100, 200);
    ASSERT_EQ(all.size(), 1u);
    EXPECT_EQ(all[0].user_id, kam);
    EXPECT_EQ(all[0].customers, 3);
    EXPECT_EQ(all[0].reads, 6);
    EXPECT_EQ(tx.access_log().ReadsBetween(0, 200).size(), 2u);
    const UserReads tail = tx.access_log().ReadsOf(kam, 121, 150);  // bounds inclusive
    EXPECT_EQ(tail.user_id, kam);
    EXPECT_EQ(tail.customers, 2);
    EXPECT_EQ(tail.reads, 3);
    EXPECT_EQ(tx.access_log().ReadsOf(asst, 0, 1000).customers, 0);
    const auto top = tx.access_log().TopCustomers(kam, 0, 1000, 2);
    ASSERT_EQ(top.size(), 2u);
    EXPECT_EQ(top[0].customer_id, b);
    EXPECT_EQ(top[0].customer_name, "乙客户");
    EXPECT_EQ(top[0].reads, 3);
    EXPECT_EQ(top[1].customer_id, a);
  });

  // Settings: the migration's defaults, then replaced.
  AccessAlertSettings settings;
  Read([&](Tx& tx) { settings = tx.access_alerts().Settings(); });
  EXPECT_EQ(settings.window_minutes, 10);
  EXPECT_EQ(settings.version, 1);
  EXPECT_EQ(settings.thresholds.size(), kAllRoles.size());
  EXPECT_EQ(settings.thresholds[Role::kKam], 200);
  EXPECT_EQ(settings.thresholds[Role::kDirector], 1000);
  EXPECT_EQ(settings.thresholds[Role::kSpecialist], std::nullopt);
  settings.window_minutes = 30;
  settings.thresholds[Role::kKam] = std::nullopt;
  settings.thresholds[Role::kAdmin] = 5;
  settings.version = 2;
  settings.updated_at = 77;
  Write([&](Tx& tx) { tx.access_alerts().PutSettings(settings); });
  Read([&](Tx& tx) {
    const auto got = tx.access_alerts().Settings();
    EXPECT_EQ(got.window_minutes, 30);
    EXPECT_EQ(got.version, 2);
    EXPECT_EQ(got.updated_at, 77);
    EXPECT_EQ(got.thresholds.at(Role::kKam), std::nullopt);
    EXPECT_EQ(got.thresholds.at(Role::kAdmin), 5);
  });

  // Alerts: two for kam, one for other; newest first, filtered, paged.
  auto alert = [&](Id user, Timestamp at) {
    AccessAlert x;
    x.user_id = user;
    x.role = user == kam ? Role::kKam : Role::kDirector;
    x.customers = 3;
    x.reads = 6;
    x.threshold = 2;
    x.window_start = at - 10;
    x.window_end = at;
    x.created_at = at;
    x.top_customers = {{b, "", 3}, {a, "", 2}};
    Id id = 0;
    Write([&](Tx& tx) { id = tx.access_alerts().Insert(x); });
    return id;
  };
  const Id first = alert(kam, 1000);
  const Id second = alert(other, 2000);
  const Id third = alert(kam, 3000);
  Read([&](Tx& tx) {
    auto got = tx.access_alerts().Get(first);
    ASSERT_TRUE(got.has_value());
    EXPECT_EQ(got->user_id, kam);
    EXPECT_EQ(got->username, "kam");
    EXPECT_EQ(got->user_name, "用户kam");
    EXPECT_EQ(got->role, Role::kKam);
    EXPECT_EQ(got->status, AccessAlertStatus::kOpen);
    EXPECT_EQ(got->window_start, 990);
    EXPECT_EQ(got->window_end, 1000);
    ASSERT_EQ(got->top_customers.size(), 2u);
    EXPECT_EQ(got->top_customers[0].customer_id, b);
    EXPECT_EQ(got->top_customers[0].customer_name, "乙客户");
    EXPECT_EQ(got->top_customers[1].reads, 2);
    EXPECT_FALSE(tx.access_alerts().Get(third + 100).has_value());
    EXPECT_EQ(tx.access_alerts().LatestOf(kam)->id, third);
    EXPECT_FALSE(tx.access_alerts().LatestOf(asst).has_value());
  });
  Write([&](Tx& tx) {
    auto x = *tx.access_alerts().Get(second);
    x.status = AccessAlertStatus::kAcknowledged;
    x.version = 2;
    x.acknowledged_at = 2500;
    x.acknowledged_by = kam;
    x.comment = "已核实";
    tx.access_alerts().Update(x);
  });
  Read([&](Tx& tx) {
    const auto x = *tx.access_alerts().Get(second);
    EXPECT_EQ(x.status, AccessAlertStatus::kAcknowledged);
    EXPECT_EQ(x.version, 2);
    EXPECT_EQ(x.acknowledged_at, 2500);
    EXPECT_EQ(x.acknowledged_by_name, "用户kam");
    EXPECT_EQ(x.comment, "已核实");
    PageRequest page;
    page.limit = 2;
    auto p1 = tx.access_alerts().List(std::nullopt, page);
    ASSERT_EQ(p1.items.size(), 2u);
    EXPECT_EQ(p1.items[0].id, third);
    EXPECT_EQ(p1.items[1].id, second);
    EXPECT_EQ(p1.items[0].top_customers.size(), 2u);
    ASSERT_TRUE(p1.next.has_value());
    page.after = p1.next;
    auto p2 = tx.access_alerts().List(std::nullopt, page);
    ASSERT_EQ(p2.items.size(), 1u);
    EXPECT_EQ(p2.items[0].id, first);
    EXPECT_FALSE(p2.next.has_value());
    PageRequest all;
    auto open = tx.access_alerts().List(AccessAlertStatus::kOpen, all);
    EXPECT_EQ(open.items.size(), 2u);
    auto done = tx.access_alerts().List(AccessAlertStatus::kAcknowledged, all);
    ASSERT_EQ(done.items.size(), 1u);
    EXPECT_EQ(done.items[0].id, second);
  });

  // Default teams: empty at version 1 until set; replaced whole, in order, with names.
  Read([&](Tx& tx) {
    const auto t = tx.customers().DefaultTeamOf(kam);
    EXPECT_EQ(t.owner_id, kam);
    EXPECT_EQ(t.version, 1);
    EXPECT_TRUE(t.members.empty());
  });
  DefaultTeam team;
  team.owner_id = kam;
  team.version = 2;
  team.updated_at = 99;
  team.members = {{asst, "assistant", ""}, {other, "service", ""}};
  Write([&](Tx& tx) { tx.customers().PutDefaultTeam(team); });
  team.version = 3;
  team.members = {{other, "technical", ""}, {asst, "assistant", ""}};
  Write([&](Tx& tx) { tx.customers().PutDefaultTeam(team); });
  Read([&](Tx& tx) {
    const auto t = tx.customers().DefaultTeamOf(kam);
    EXPECT_EQ(t.version, 3);
    EXPECT_EQ(t.updated_at, 99);
    ASSERT_EQ(t.members.size(), 2u);
    EXPECT_EQ(t.members[0].user_id, other);
    EXPECT_EQ(t.members[0].team_role, "technical");
    EXPECT_EQ(t.members[0].display_name, "用户other");
    EXPECT_EQ(t.members[1].user_id, asst);
    EXPECT_TRUE(tx.customers().DefaultTeamOf(other).members.empty());
  });
}

// Concurrent appenders never fork the audit chain, and concurrent read-modify-write use
// cases never lose an update: writers are serialised (SQLite) or retried (PostgreSQL).
TEST_P(StoreContract, ConcurrentWritersNeitherForkTheChainNorLoseUpdates) {
  const Id root = AddUnit(std::nullopt, "总部", "company");
  const Id cust = AddCustomer(MakeCustomer("争用客户", root));
  constexpr int kThreads = 8;
  constexpr int kEach = 15;
  std::atomic<int> failures{0};
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      for (int i = 0; i < kEach; ++i) {
        Status s = db_->Run(TxMode::kWrite, [&](Tx& tx) {
          Customer c = *tx.customers().Get(Admin(), cust);
          c.version += 1;
          c.business_notes = "t" + std::to_string(t) + "-" + std::to_string(i);
          tx.customers().Update(c);
          auto [head, hash] = tx.audit().Head();
          AuditRecord r = MakeAudit(head + 1, hash, 1);
          r.hash = hash + "+" + std::to_string(t);  // any value that depends on the head
          tx.audit().Insert(r);
          return Ok();
        });
        if (!s.ok()) ++failures;
      }
    });
  }
  for (auto& th : threads) th.join();
  EXPECT_EQ(failures.load(), 0);
  Read([&](Tx& tx) {
    EXPECT_EQ(tx.customers().Get(Admin(), cust)->version, 1 + kThreads * kEach);
    Id expect = 1;
    std::string prev;
    tx.audit().ForEach([&](const AuditRecord& r) {
      EXPECT_EQ(r.id, expect++);
      EXPECT_EQ(r.prev_hash, prev);
      prev = r.hash;
      return true;
    });
    EXPECT_EQ(expect, 1 + kThreads * kEach);
    EXPECT_EQ(tx.audit().Head().first, kThreads * kEach);
  });
}

// --- backup and restore ----------------------------------------------------------------
// One backup format for both backends (a SQLite file): what goes in from either comes out of
// either, every column of every row.

std::string TestFile(const std::string& name) {
  static std::atomic<int> n{0};
  const char* tmp = std::getenv("KAMS_TEST_TMP");
  fs::path dir = tmp ? fs::path(tmp) : fs::temp_directory_path();
  fs::create_directories(dir);
  const std::string path =
      (dir / ("backup-" + std::to_string(::getpid()) + "-" + std::to_string(++n) + "-" + name))
          .string();
  for (const char* suffix : {"", "-journal", "-wal", "-shm", ".tmp"}) {
    std::error_code ec;
    fs::remove(path + suffix, ec);
  }
  return path;
}

// Removes the files it names when the test ends, however it ends.
struct FileCleanup {
  std::vector<std::string> paths;
  ~FileCleanup() {
    for (const auto& p : paths) {
      for (const char* suffix : {"", "-journal", "-wal", "-shm", ".tmp"}) {
        std::error_code ec;
        fs::remove(p + suffix, ec);
      }
    }
  }
  const std::string& Add(std::string path) { return paths.emplace_back(std::move(path)); }
};

const char* PgUrl() {
  const char* url = std::getenv("KAMS_TEST_PG_URL");
  return url && *url ? url : nullptr;
}

// One value as SQLite holds it: its storage class and its text.
using Cell = std::pair<int, std::string>;

std::vector<std::vector<Cell>> Rows(SQLite::Database& db, const std::string& sql) {
  std::vector<std::vector<Cell>> out;
  SQLite::Statement st(db, sql);
  while (st.executeStep()) {
    std::vector<Cell> row;
    for (int i = 0; i < st.getColumnCount(); ++i) {
      const SQLite::Column c = st.getColumn(i);
      row.emplace_back(c.getType(), c.isNull() ? "" : c.getString());
    }
    out.push_back(std::move(row));
  }
  return out;
}

std::vector<std::string> TableNames(SQLite::Database& db) {
  std::vector<std::string> out;
  for (const auto& row : Rows(db, "SELECT name FROM sqlite_master WHERE type = 'table' "
                                  "AND name <> 'schema_migration' ORDER BY name")) {
    out.push_back(row[0].second);
  }
  return out;
}

// Two backups hold the same schema and, table by table, the same rows: every column, its
// value and its storage class (a boolean must come back as the integer it went in as).
void ExpectSameBackups(const std::string& a_path, const std::string& b_path) {
  SCOPED_TRACE(a_path + " vs " + b_path);
  SQLite::Database a(a_path, SQLite::OPEN_READONLY);
  SQLite::Database b(b_path, SQLite::OPEN_READONLY);
  const std::string schema =
      "SELECT type, name, tbl_name, sql FROM sqlite_master WHERE name <> 'schema_migration' "
      "ORDER BY type, name";
  EXPECT_EQ(Rows(a, schema), Rows(b, schema));
  const std::string migrations = "SELECT version, name FROM schema_migration ORDER BY version";
  EXPECT_EQ(Rows(a, migrations), Rows(b, migrations));
  const auto tables = TableNames(a);
  ASSERT_EQ(tables, TableNames(b));
  for (const auto& t : tables) {
    SCOPED_TRACE("table " + t);
    const auto columns = Rows(a, "SELECT count(*) FROM pragma_table_info('" + t + "')");
    std::string order;
    for (int i = 1; i <= std::stoi(columns[0][0].second); ++i) {
      order += (i > 1 ? ", " : "") + std::to_string(i);
    }
    const std::string sql = "SELECT * FROM \"" + t + "\" ORDER BY " + order;
    const auto ra = Rows(a, sql);
    const auto rb = Rows(b, sql);
    ASSERT_EQ(ra.size(), rb.size());
    for (std::size_t i = 0; i < ra.size(); ++i) {
      ASSERT_EQ(ra[i], rb[i]) << "row " << i;
    }
  }
}

std::int64_t MaxOf(const std::string& backup, const std::string& table) {
  SQLite::Database db(backup, SQLite::OPEN_READONLY);
  SQLite::Statement st(db, "SELECT COALESCE(MAX(id), 0) FROM " + table);
  st.executeStep();
  return st.getColumn(0).getInt64();
}

std::int64_t RowsOf(const std::vector<TableRows>& tables, const std::string& table) {
  for (const auto& t : tables) {
    if (t.table == table) return t.rows;
  }
  return -1;
}

void ExecOn(const std::string& file, const std::string& sql) {
  SQLite::Database db(file, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
  db.exec(sql);
}

std::int64_t CountOn(const std::string& file, const std::string& table) {
  SQLite::Database db(file, SQLite::OPEN_READONLY);
  SQLite::Statement st(db, "SELECT count(*) FROM " + table);
  st.executeStep();
  return st.getColumn(0).getInt64();
}

// Text that COPY, array literals and quoting all treat specially.
constexpr const char* kAwkwardText = "第一行\n第二行\t制表\\反斜杠\"引号'单引号{大括号},逗号 NULL \\N";

class StoreBackup : public StoreContract {
 protected:
  // The --db of the fixture's database.
  std::string Source() const { return GetParam() == "postgres" ? std::string(PgUrl()) : path_; }

  // Something in every table the ports write, with the shapes that are easy to get wrong:
  // Chinese text, awkward characters, NULLs, booleans both ways, and rows that reference
  // rows of their own table created after them (a unit moved under a newer unit, a contact
  // reporting to a newer contact).
  void Populate() {
    const Id root = AddUnit(std::nullopt, "总部", "company");
    const Id hz = AddUnit(root, "杭州分公司", "city");
    const Id zj = AddUnit(root, "浙江省", "region");
    Write([&](Tx& tx) {
      OrgUnit u = *tx.org().Get(hz);
      u.parent_id = zj;
      u.version = 2;
      tx.org().Update(u);
    });
    const Id kam = AddUser("kam.hz", Role::kKam, hz);
    const Id dir = AddUser("dir.zj", Role::kDirector, zj);
    const Id gone = AddUser("gone", Role::kSales, root);
    Write([&](Tx& tx) {
      User u = *tx.users().Get(gone);
      u.active = false;
      u.email = "gone@example.cn";
      u.locale = "zh-CN";
      u.last_login_at = 77;
      u.version = 2;
      tx.users().Update(u);
      tx.users().PutSettings(kam, {2, R"({"列":["名称","级别"],"note":"a\"b"})"});
    });
    customers_.clear();
    for (int i = 0; i < 40; ++i) {
      Customer c = MakeCustomer("杭州第" + std::to_string(i) + "电力客户", i % 2 ? hz : zj,
                                i % 3 ? std::optional<Id>(kam) : std::nullopt);
      c.is_key_account = i % 4 == 0;
      if (i % 5 == 0) c.tier = "A";
      if (i % 2 == 0) c.external_ref = "ERP-" + std::to_string(i);
      if (i % 7 == 0) c.employees = 1000 + i;
      c.annual_revenue_fen = i % 2 ? std::optional<std::int64_t>(9'000'000'000'000LL + i) : std::nullopt;
      c.business_notes = i == 1 ? kAwkwardText : "备注" + std::to_string(i);
      c.created_by = i % 2 ? std::optional<Id>(kam) : std::nullopt;
      customers_.push_back(AddCustomer(c));
    }
    Write([&](Tx& tx) {
      tx.customers().SoftDelete(customers_[3], 999);
      tx.customers().AddTeamMember({customers_[0], dir, "specialist", 5, ""});
      tx.customers().AddTeamMember({customers_[1], kam, "sales", 6, ""});
      Contact c;
      c.customer_id = customers_[0];
      c.name = "李工";
      c.notes = kAwkwardText;
      const Id report = tx.contacts().Insert(c);
      c.name = "王总";
      c.notes.clear();
      c.buying_role = "decision_maker";
      c.birthday = "1970-01-01";
      const Id boss = tx.contacts().Insert(c);
      Contact r = *tx.contacts().Get(customers_[0], report);
      r.reports_to_id = boss;
      r.version = 2;
      tx.contacts().Update(r);
      for (int i = 0; i < 5; ++i) {
        c.customer_id = customers_[i + 1];
        c.name = "联系人" + std::to_string(i);
        tx.contacts().Insert(c);
      }
    });
    Write([&](Tx& tx) {
      for (int i = 1; i <= 30; ++i) {
        auto [head, hash] = tx.audit().Head();
        AuditRecord r = MakeAudit(head + 1, hash, i % 3);
        if (i == 7) r.changes.push_back({"notes", std::nullopt, std::optional<std::string>(kAwkwardText)});
        tx.audit().Insert(r);
      }
      tx.auth().InsertSession({"s1", kam, "c1", 10, 11, "127.0.0.1"});
      tx.auth().InsertSession({"s2", dir, "c2", 20, 21, ""});
      ApiToken t;
      t.user_id = kam;
      t.name = "集成";
      t.token_hash = "t1";
      t.created_at = 5;
      t.expires_at = 500;
      tx.auth().InsertToken(t);
      tx.auth().PutThrottle("user:kam.hz", {2, 100, 900});
      EXPECT_TRUE(tx.jobs().Claim("auth.purge", "P1", "node-a", 100, 200));
      EXPECT_TRUE(tx.jobs().Claim("auth.purge", "P2", "node-b", 150, 250));
      tx.jobs().Finish("auth.purge", "P2", "node-b", 160, "done");
      std::vector<AccessEntry> reads;
      for (int i = 0; i < 3; ++i) {
        AccessEntry e;
        e.at = i;
        e.user_id = kam;
        e.entity = "customer";
        e.entity_id = customers_[i];
        if (i) e.customer_id = customers_[i];
        e.request_id = "r" + std::to_string(i);
        e.client_addr = "127.0.0.1";
        reads.push_back(e);
      }
      tx.access_log().InsertBatch(reads);
    });
  }

  BackupReport Backup(const std::string& db, const std::string& out) {
    auto r = BackupDatabase(db, out);
    EXPECT_TRUE(r.ok()) << (r.ok() ? "" : r.error().message);
    return r.ok() ? *r : BackupReport{};
  }
  RestoreReport Restore(const std::string& from, const std::string& db, ExistingData existing) {
    auto r = RestoreDatabase(from, db, existing);
    EXPECT_TRUE(r.ok()) << (r.ok() ? "" : r.error().message);
    return r.ok() ? *r : RestoreReport{};
  }

  std::vector<Id> customers_;
  FileCleanup files_;
};

TEST_P(StoreBackup, RestoresIntoEitherBackendAndBacksUpTheSameRowsAgain) {
  Populate();
  const std::string b1 = files_.Add(TestFile("b1.db"));
  const BackupReport made = Backup(Source(), b1);
  ASSERT_FALSE(HasFailure());
  EXPECT_EQ(made.schema_version, db_->SchemaVersion());
  EXPECT_EQ(RowsOf(made.tables, "customer"), 40);
  EXPECT_EQ(RowsOf(made.tables, "schema_migration"), -1) << "each database writes its own";
  for (const char* table : {"org_unit", "org_unit_closure", "app_user", "session", "api_token",
                            "login_throttle", "customer", "customer_name_gram", "account_team",
                            "contact", "audit", "audit_change", "audit_head", "access_log",
                            "job_run"}) {
    EXPECT_GT(RowsOf(made.tables, table), 0) << table << " is empty: the comparison would prove nothing";
  }
  {
    SQLite::Database b(b1, SQLite::OPEN_READONLY);
    EXPECT_EQ(Rows(b, "SELECT is_key_account, count(*) FROM customer GROUP BY 1 ORDER BY 1"),
              (std::vector<std::vector<Cell>>{{{SQLite::INTEGER, "0"}, {SQLite::INTEGER, "30"}},
                                              {{SQLite::INTEGER, "1"}, {SQLite::INTEGER, "10"}}}));
    EXPECT_EQ(Rows(b, "SELECT active FROM app_user WHERE username = 'gone'")[0][0],
              Cell(SQLite::INTEGER, "0"));
    EXPECT_EQ(Rows(b, "SELECT business_notes FROM customer WHERE id = " +
                          std::to_string(customers_[1]))[0][0].second, kAwkwardText);
  }

  // Into a new SQLite file, then backed up again.
  const std::string restored = files_.Add(TestFile("restored.db"));
  const RestoreReport into_sqlite = Restore(b1, restored, ExistingData::kRefuse);
  EXPECT_EQ(into_sqlite.backup_version, made.schema_version);
  EXPECT_EQ(into_sqlite.schema_version, made.schema_version);
  EXPECT_EQ(RowsOf(into_sqlite.tables, "customer"), 40);
  const std::string b2 = files_.Add(TestFile("b2.db"));
  Backup(restored, b2);
  ExpectSameBackups(b1, b2);
  {
    // The restored file works as a database: the ports read it.
    auto store = OpenStore(restored, 2);
    ASSERT_TRUE(store->Migrate().ok());
    Status s = store->Run(TxMode::kRead, [&](Tx& tx) {
      EXPECT_EQ(tx.customers().Get(Admin(), customers_[1])->business_notes, kAwkwardText);
      EXPECT_TRUE(tx.customers().Get(Admin(), customers_[0])->is_key_account);
      EXPECT_FALSE(tx.customers().Get(Admin(), customers_[3]).has_value());  // deleted
      EXPECT_FALSE(tx.users().FindByUsername("gone")->active);
      EXPECT_EQ(tx.audit().Head().first, 30);
      return Ok();
    });
    EXPECT_TRUE(s.ok());
  }

  const char* pg = PgUrl();
  if (!pg) return;
  // Into PostgreSQL (for the postgres half: its own database, replaced) from the backup the
  // SQLite file gave, then backed up again: PostgreSQL -> SQLite -> PostgreSQL.
  const RestoreReport into_pg = Restore(b2, pg, ExistingData::kReplace);
  EXPECT_EQ(RowsOf(into_pg.tables, "audit"), 30);
  const std::string b3 = files_.Add(TestFile("b3.db"));
  Backup(pg, b3);
  ExpectSameBackups(b1, b3);

  // New rows get ids past the restored ones: every identity sequence moved on.
  auto store = OpenStore(pg, 2);
  Id unit = 0, user = 0, customer = 0, contact = 0, token = 0;
  Status s = store->Run(TxMode::kWrite, [&](Tx& tx) {
    OrgUnit u;
    u.parent_id = tx.org().All().front().id;
    u.name = "新单位";
    u.kind = "city";
    u.created_at = u.updated_at = 1;
    unit = tx.org().Insert(u);
    User nu;
    nu.username = "new.user";
    nu.display_name = "新用户";
    nu.org_unit_id = unit;
    nu.created_at = nu.updated_at = 1;
    user = tx.users().Insert(nu, "hash");
    customer = tx.customers().Insert(MakeCustomer("恢复后的新客户", unit));
    Contact c;
    c.customer_id = customer;
    c.name = "新联系人";
    contact = tx.contacts().Insert(c);
    ApiToken t;
    t.user_id = user;
    t.name = "new";
    t.token_hash = "t-new";
    token = tx.auth().InsertToken(t);
    return Ok();
  });
  ASSERT_TRUE(s.ok()) << s.error().message;
  EXPECT_GT(unit, MaxOf(b1, "org_unit"));
  EXPECT_GT(user, MaxOf(b1, "app_user"));
  EXPECT_GT(customer, MaxOf(b1, "customer"));
  EXPECT_GT(contact, MaxOf(b1, "contact"));
  EXPECT_GT(token, MaxOf(b1, "api_token"));
}

TEST_P(StoreBackup, RefusesToOverwriteAndRefusesFilesThatAreNotKamsBackups) {
  Populate();
  const std::string b1 = files_.Add(TestFile("b1.db"));
  Backup(Source(), b1);
  ASSERT_FALSE(HasFailure());

  // A backup never overwrites.
  const auto size = fs::file_size(b1);
  auto again = BackupDatabase(Source(), b1);
  ASSERT_FALSE(again.ok());
  EXPECT_EQ(again.error().code, ErrorCode::kConflict);
  EXPECT_EQ(fs::file_size(b1), size);

  // A restore replaces a target that holds data only when told to.
  const std::string target = files_.Add(TestFile("target.db"));
  Restore(b1, target, ExistingData::kRefuse);
  ExecOn(target, "DELETE FROM access_log");
  auto refused = RestoreDatabase(b1, target, ExistingData::kRefuse);
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().code, ErrorCode::kConflict);
  EXPECT_NE(refused.error().message.find("holds data"), std::string::npos) << refused.error().message;
  EXPECT_EQ(CountOn(target, "access_log"), 0) << "the refused restore changed nothing";
  Restore(b1, target, ExistingData::kReplace);
  EXPECT_EQ(CountOn(target, "access_log"), 3);
  if (GetParam() == "postgres") {
    auto into_live = RestoreDatabase(b1, Source(), ExistingData::kRefuse);
    ASSERT_FALSE(into_live.ok());
    EXPECT_EQ(into_live.error().code, ErrorCode::kConflict);
  }
  // A database that was only migrated holds nothing yet.
  const std::string migrated = files_.Add(TestFile("migrated.db"));
  ASSERT_TRUE(OpenStore(migrated, 1)->Migrate().ok());
  Restore(b1, migrated, ExistingData::kRefuse);
  EXPECT_EQ(CountOn(migrated, "customer"), 40);

  // A backup of a newer schema is refused, by both backends.
  const std::string newer = files_.Add(TestFile("newer.db"));
  fs::copy_file(b1, newer);
  ExecOn(newer, "INSERT INTO schema_migration (version, name, applied_at) VALUES (" +
                    std::to_string(db_->SchemaVersion() + 1) + ", 'from_the_future', 0)");
  const std::string fresh = files_.Add(TestFile("fresh.db"));
  auto too_new = RestoreDatabase(newer, fresh, ExistingData::kReplace);
  ASSERT_FALSE(too_new.ok());
  EXPECT_EQ(too_new.error().code, ErrorCode::kConflict);
  EXPECT_NE(too_new.error().message.find("newer"), std::string::npos) << too_new.error().message;
  EXPECT_FALSE(fs::exists(fresh));
  if (GetParam() == "postgres") {
    auto pg_too_new = RestoreDatabase(newer, Source(), ExistingData::kReplace);
    ASSERT_FALSE(pg_too_new.ok());
    EXPECT_EQ(pg_too_new.error().code, ErrorCode::kConflict);
    Read([&](Tx& tx) { EXPECT_EQ(tx.audit().Head().first, 30) << "left as it was"; });
  }

  // Files that are not KAMS backups.
  const std::string text = files_.Add(TestFile("notes.txt"));
  std::ofstream(text) << "这不是数据库\n";
  const std::string foreign = files_.Add(TestFile("foreign.db"));
  ExecOn(foreign, "CREATE TABLE t (x INTEGER)");
  const std::string impostor = files_.Add(TestFile("impostor.db"));
  ExecOn(impostor, "CREATE TABLE schema_migration (version INTEGER PRIMARY KEY, name TEXT, "
                   "applied_at INTEGER); INSERT INTO schema_migration VALUES (1, 'something_else', 0)");
  for (const auto& file : {text, foreign, impostor, text + ".missing"}) {
    for (const std::string& into : {fresh, Source()}) {
      auto r = RestoreDatabase(file, into, ExistingData::kReplace);
      ASSERT_FALSE(r.ok()) << file;
      EXPECT_EQ(r.error().code, ErrorCode::kBadRequest) << file << ": " << r.error().message;
      EXPECT_FALSE(fs::exists(fresh));
    }
  }
  auto r = RestoreDatabase(text, fresh, ExistingData::kReplace);
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.error().message.find("not a KAMS backup"), std::string::npos) << r.error().message;
}

TEST_P(StoreBackup, AnOlderBackupIsMigratedOnRestore) {
  // A backup at schema version 1: before user settings and job runs existed.
  const std::string old = files_.Add(TestFile("v1.db"));
  {
    SQLite::Database db(old, SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    ASSERT_EQ(ApplySqliteMigrations(db, 1), 1);
    db.exec(
        "INSERT INTO org_unit (id, parent_id, name, kind, created_at, updated_at) "
        "VALUES (1, NULL, '总部', 'company', 1, 1);"
        "INSERT INTO org_unit_closure VALUES (1, 1, 0);"
        "INSERT INTO app_user (id, username, display_name, role, org_unit_id, active, "
        "password_hash, created_at, updated_at) VALUES (7, 'old.admin', '老管理员', 'admin', 1, 1, "
        "'h', 1, 1)");
  }
  const std::string target = GetParam() == "postgres" ? Source() : files_.Add(TestFile("new.db"));
  const RestoreReport r = Restore(old, target, ExistingData::kReplace);
  EXPECT_EQ(r.backup_version, 1);
  EXPECT_GE(r.schema_version, 2);
  auto store = OpenStore(target, 1);
  EXPECT_EQ(store->SchemaVersion(), r.schema_version);
  Status s = store->Run(TxMode::kRead, [&](Tx& tx) {
    auto u = tx.users().FindByUsername("old.admin");
    EXPECT_TRUE(u.has_value());
    if (u) {
      EXPECT_EQ(tx.users().GetSettings(u->id)->json, "{}");  // the later migration's default
    }
    EXPECT_TRUE(tx.jobs().Recent("", 10).empty());
    return Ok();
  });
  EXPECT_TRUE(s.ok());
}

// The posting counts name search plans by are exactly the lengths of the posting lists.
void ExpectGramCountsMatchPostings(const std::string& backup) {
  SQLite::Database db(backup, SQLite::OPEN_READONLY);
  const auto postings =
      Rows(db, "SELECT gram, count(*) FROM customer_name_gram GROUP BY gram ORDER BY gram");
  EXPECT_FALSE(postings.empty());
  EXPECT_EQ(Rows(db, "SELECT gram, sum(postings) FROM customer_name_gram_count GROUP BY gram "
                     "HAVING sum(postings) <> 0 ORDER BY gram"),
            postings);
}

TEST_P(StoreBackup, GramCountsFollowCreatesRenamesAndDeletes) {
  Populate();
  auto rename = [&](Id id, const std::string& name) {
    Write([&](Tx& tx) {
      Customer c = *tx.customers().Get(Admin(), id);
      c.name = name;
      ++c.version;
      tx.customers().Update(c);
    });
  };
  rename(customers_[0], "Siemens Energy Technology");     // every gram new
  rename(customers_[0], "SIEMENS energy (Suzhou)");       // case only changes nothing
  rename(customers_[1], "杭州第1电力客户有限公司");       // grams kept, grams added
  rename(customers_[2], "电力");                          // grams dropped
  rename(customers_[5], "aaaa");                          // a repeated gram is one posting
  Write([&](Tx& tx) { tx.customers().SoftDelete(customers_[6], 1000); });
  const std::string b = files_.Add(TestFile("counts.db"));
  Backup(Source(), b);
  ExpectGramCountsMatchPostings(b);
  {
    SQLite::Database db(b, SQLite::OPEN_READONLY);
    // Soft-deleted customers keep their postings, and so their counts.
    EXPECT_EQ(Rows(db, "SELECT sum(postings) FROM customer_name_gram_count WHERE gram = '电力'"),
              (std::vector<std::vector<Cell>>{{{SQLite::INTEGER, "38"}}}));
    EXPECT_EQ(Rows(db, "SELECT sum(postings) FROM customer_name_gram_count WHERE gram = 'ie'"),
              (std::vector<std::vector<Cell>>{{{SQLite::INTEGER, "1"}}}));
  }
  // The counts only steer the plan: search answers as before.
  Read([&](Tx& tx) {
    CustomerFilter f;
    f.q = "siemens";
    EXPECT_EQ(tx.customers().List(Admin(), f, {}, {}).items.size(), 1u);
    f.q = "gy t";  // held by the first name only, which is gone
    EXPECT_TRUE(tx.customers().List(Admin(), f, {}, {}).items.empty());
  });
}

TEST_P(StoreBackup, GramCountsAreRebuiltWhenABackupBeforeThemIsRestored) {
  Populate();
  const std::string b = files_.Add(TestFile("with-counts.db"));
  Backup(Source(), b);
  // The same backup as the schema before the counts (version 10) would have written it.
  ExecOn(b, "DROP TABLE customer_name_gram_count; DROP TABLE import_reject; DROP TABLE import_run; "
            "DROP TABLE contract; DELETE FROM schema_migration WHERE version >= 11");
  const std::string target =
      GetParam() == "postgres" ? Source() : files_.Add(TestFile("restored.db"));
  const RestoreReport r = Restore(b, target, ExistingData::kReplace);
  EXPECT_EQ(r.backup_version, 10);
  const std::string again = files_.Add(TestFile("again.db"));
  Backup(target, again);
  ExpectGramCountsMatchPostings(again);
}

// Notifications are read in the reader's scope: one about a customer the reader no longer
// sees (moved to another owner, or deleted) is neither listed nor counted; one naming no
// customer always is.
TEST_P(StoreContract, NotificationsAreListedAndCountedInTheReadersScope) {
  const Id root = AddUnit(std::nullopt, "总公司", "company");
  const Id east = AddUnit(root, "华东区域", "region");
  const Id kam = AddUser("kam", Role::kKam, east);
  const Id other = AddUser("other", Role::kKam, east);
  const Id kept = AddCustomer(MakeCustomer("仍归我", east, kam));
  const Id moved = AddCustomer(MakeCustomer("已转走", east, other));
  const Id gone = AddCustomer(MakeCustomer("已删除", east, kam));
  Write([&](Tx& tx) {
    tx.customers().SoftDelete(gone, 5);
    Notification note;
    note.user_id = kam;
    note.kind = "interaction.service";
    note.entity = "interaction";
    note.title = "客服接触记录";
    note.created_at = 3;
    for (std::optional<Id> customer : {std::optional<Id>(kept), std::optional<Id>(moved),
                                       std::optional<Id>(gone), std::optional<Id>()}) {
      note.customer_id = customer;
      tx.notifications().Insert(note);
    }
  });
  Read([&](Tx& tx) {
    const auto mine = tx.notifications().List(As(kam, Role::kKam, east), false, PageRequest{});
    std::vector<std::optional<Id>> customers;
    for (const auto& n : mine.items) customers.push_back(n.customer_id);
    EXPECT_EQ(customers, (std::vector<std::optional<Id>>{std::nullopt, kept}));
    EXPECT_EQ(tx.notifications().UnreadCount(As(kam, Role::kKam, east)), 2);
    // A director of the region sees every live customer of it: the moved one comes back.
    EXPECT_EQ(tx.notifications().UnreadCount(As(kam, Role::kDirector, east)), 3);
    EXPECT_EQ(tx.notifications().List(As(kam, Role::kKam, east), true, PageRequest{}).items.size(), 2u);
  });
}

// Handovers: what a user holds (live customers and seats, pending nominations, unread
// notifications), moving it, and reading it back in the reader's scope.
TEST_P(StoreContract, HandoversMoveHoldingsAndReadBackInScope) {
  const Id root = AddUnit(std::nullopt, "总公司", "company");
  const Id east = AddUnit(root, "华东区域", "region");
  const Id north = AddUnit(root, "华北区域", "region");
  const Id admin = AddUser("admin", Role::kAdmin, root);
  const Id leaver = AddUser("leaver", Role::kKam, east);
  const Id successor = AddUser("successor", Role::kKam, east);
  const Id other = AddUser("other", Role::kKam, north);
  const Id own = AddCustomer(MakeCustomer("自有客户", east, leaver));
  const Id own_deleted = AddCustomer(MakeCustomer("已删客户", east, leaver));
  const Id teamed = AddCustomer(MakeCustomer("团队客户", north, other));
  const Id teamed_deleted = AddCustomer(MakeCustomer("已删团队客户", north, other));
  Id pending = 0, decided = 0;
  Write([&](Tx& tx) {
    tx.customers().SoftDelete(own_deleted, 5);
    tx.customers().SoftDelete(teamed_deleted, 5);
    tx.customers().AddTeamMember({teamed, leaver, "specialist", 1, ""});
    tx.customers().AddTeamMember({teamed_deleted, leaver, "assistant", 1, ""});
    Nomination n;
    n.customer_id = own;
    n.nominator_id = leaver;
    n.reason = "潜力大";
    n.created_at = n.updated_at = 2;
    pending = tx.nominations().Insert(n);
    n.status = NominationStatus::kApproved;
    decided = tx.nominations().Insert(n);
    Notification note;
    note.user_id = leaver;
    note.kind = "nomination.advanced";
    note.entity = "nomination";
    note.entity_id = pending;
    note.customer_id = own;
    note.title = "第 1 级已通过";
    note.created_at = 3;
    tx.notifications().Insert(note);
    tx.notifications().Insert(note);
    tx.notifications().MarkAllRead(As(successor, Role::kKam, east), 4);  // someone else's: changes nothing
  });
  Id unread = 0, read = 0;
  Write([&](Tx& tx) {
    auto notes = tx.notifications().List(As(leaver, Role::kKam, east), false, PageRequest{});
    ASSERT_EQ(notes.items.size(), 2u);
    unread = notes.items[0].id;
    read = notes.items[1].id;
    ASSERT_TRUE(tx.notifications().MarkRead(As(leaver, Role::kKam, east), read, 4));
  });

  using K = HandoverKind;
  auto held = [&](Id user) {
    std::set<std::tuple<K, Id, std::optional<Id>>> out;
    Read([&](Tx& tx) {
      for (const auto& h : tx.handovers().Holdings(user)) out.insert({h.kind, h.entity_id, h.customer_id});
    });
    return out;
  };
  EXPECT_EQ(held(leaver), (std::set<std::tuple<K, Id, std::optional<Id>>>{
                              {K::kCustomer, own, own},
                              {K::kTeamSeat, teamed, teamed},
                              {K::kNomination, pending, own},
                              {K::kNotification, unread, own}}));

  // Move everything to the successor and record it.
  Id hid = 0;
  Write([&](Tx& tx) {
    Handover h;
    h.from_user_id = leaver;
    h.actor_id = admin;
    h.mode = HandoverMode::kSingle;
    h.at = 50;
    hid = tx.handovers().Insert(h);
    std::vector<HandoverItem> items;
    for (const auto& held_item : tx.handovers().Holdings(leaver)) {
      HandoverItem item;
      item.handover_id = hid;
      item.kind = held_item.kind;
      item.entity_id = held_item.entity_id;
      item.customer_id = held_item.customer_id;
      item.to_user_id = successor;
      items.push_back(item);
    }
    tx.handovers().Move(leaver, items, 50);
    tx.handovers().InsertItems(items);
    OwnerHistoryEntry e;
    e.customer_id = own;
    e.owner_id = leaver;
    e.until_at = 50;
    e.changed_by = admin;
    e.handover_id = hid;
    tx.handovers().InsertOwnerHistory(e);
  });
  EXPECT_TRUE(held(leaver).empty());
  EXPECT_EQ(held(successor).size(), 4u);
  Read([&](Tx& tx) {
    auto c = tx.customers().Get(Admin(), own);
    ASSERT_TRUE(c);
    EXPECT_EQ(c->owner_id, std::optional<Id>(successor));
    EXPECT_EQ(c->version, 2);
    EXPECT_EQ(c->updated_at, 50);
    const auto team = tx.customers().Team(teamed);
    ASSERT_EQ(team.size(), 1u);
    EXPECT_EQ(team[0].user_id, successor);
    EXPECT_EQ(team[0].team_role, "specialist");
    EXPECT_EQ(tx.nominations().Get(pending)->nominator_id, successor);
    EXPECT_EQ(tx.nominations().Get(pending)->version, 2);
    EXPECT_EQ(tx.nominations().Get(decided)->nominator_id, leaver);
    EXPECT_EQ(tx.notifications().UnreadCount(As(successor, Role::kKam, east)), 1);

    auto h = tx.handovers().Get(hid);
    ASSERT_TRUE(h);
    EXPECT_EQ(h->from_user_name, "用户leaver");
    EXPECT_EQ(h->actor_name, "用户admin");
    EXPECT_EQ(h->mode, HandoverMode::kSingle);
    ASSERT_EQ(h->tallies.size(), 4u);
    for (const auto& t : h->tallies) {
      EXPECT_EQ(t.to_user_id, successor);
      EXPECT_EQ(t.to_user_name, "用户successor");
      EXPECT_EQ(t.count, 1);
    }
    // Items: all for scope kAll; only those of visible customers otherwise.
    const auto all = tx.handovers().Items(hid, Admin());
    ASSERT_EQ(all.size(), 4u);
    EXPECT_EQ(all[0].kind, K::kCustomer);
    EXPECT_EQ(all[0].customer_name, std::optional<std::string>("自有客户"));
    EXPECT_EQ(all[3].kind, K::kNotification);
    const auto north_items = tx.handovers().Items(hid, As(0, Role::kDirector, north));
    ASSERT_EQ(north_items.size(), 1u);
    EXPECT_EQ(north_items[0].kind, K::kTeamSeat);
    EXPECT_EQ(tx.handovers().Items(hid, As(other, Role::kKam, north)).size(), 1u);

    auto history = tx.handovers().OwnerHistory(own, PageRequest{});
    ASSERT_EQ(history.items.size(), 1u);
    EXPECT_EQ(history.items[0].owner_id, std::optional<Id>(leaver));
    EXPECT_EQ(history.items[0].owner_name, std::optional<std::string>("用户leaver"));
    EXPECT_EQ(history.items[0].changed_by_name, std::optional<std::string>("用户admin"));
    EXPECT_EQ(history.items[0].handover_id, std::optional<Id>(hid));
  });

  // Lists: newest first, page by page; directors see those of their subtree's users.
  Write([&](Tx& tx) {
    for (Timestamp at : {60, 70}) {
      Handover h;
      h.from_user_id = other;
      h.actor_id = admin;
      h.mode = HandoverMode::kRoundRobin;
      h.at = at;
      tx.handovers().Insert(h);
    }
  });
  std::vector<Id> seen;
  PageRequest page;
  page.limit = 1;
  for (int guard = 0; guard < 10; ++guard) {
    Page<Handover> p;
    Read([&](Tx& tx) { p = tx.handovers().List(Admin(), HandoverFilter{}, page); });
    for (const auto& h : p.items) seen.push_back(h.id);
    if (!p.next) break;
    page.after = p.next;
  }
  ASSERT_EQ(seen.size(), 3u);
  EXPECT_TRUE(seen[0] > seen[1] && seen[1] > seen[2]);
  EXPECT_EQ(seen[2], hid);
  Read([&](Tx& tx) {
    auto ids = [](const Page<Handover>& p) {
      std::vector<Id> out;
      for (const auto& h : p.items) out.push_back(h.id);
      return out;
    };
    EXPECT_EQ(ids(tx.handovers().List(As(0, Role::kDirector, east), {}, PageRequest{})),
              std::vector<Id>{hid});
    EXPECT_EQ(tx.handovers().List(As(0, Role::kDirector, north), {}, PageRequest{}).items.size(), 2u);
    EXPECT_TRUE(tx.handovers().List(As(leaver, Role::kKam, east), {}, PageRequest{}).items.empty());
    HandoverFilter of_other;
    of_other.user_id = other;
    EXPECT_EQ(tx.handovers().List(Admin(), of_other, PageRequest{}).items.size(), 2u);
    EXPECT_TRUE(tx.handovers().Get(seen[0])->tallies.empty());
    EXPECT_FALSE(tx.handovers().Get(999999).has_value());
  });
}

INSTANTIATE_TEST_SUITE_P(Backends, StoreBackup, ::testing::Values("sqlite", "postgres"),
                         [](const auto& info) { return info.param; });

INSTANTIATE_TEST_SUITE_P(Backends, StoreContract, ::testing::Values("sqlite", "postgres"),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace kams
