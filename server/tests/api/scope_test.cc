// Scope: which customers each role sees, in lists, searches and direct reads, and that a
// customer outside the scope answers exactly like one that does not exist.
#include <gtest/gtest.h>

#include <algorithm>

#include "api_util.h"

namespace kams::test {
namespace {

std::vector<json> AllCustomers(const Client& c, const std::string& query = "") {
  return ListAll(c, "/api/v1/customers", query);
}

// Ground truth for account-team membership. On SQLite it is read straight from the
// database file. On PostgreSQL (no file to read) it is collected through the API from the
// teams of every customer in the user's region: demo teams are drawn from the account's
// city or region, and no test leaves a member from another region on a team.
std::set<Id> TeamCustomerIds(const std::string& username) {
  const Id me = UserId(username);
  std::set<Id> out;
  if (!KamsServer::Get().postgres()) {
    for (auto id : ReadInts(KamsServer::Get().db_path(),
                            "SELECT customer_id FROM account_team WHERE user_id = " + std::to_string(me))) {
      out.insert(id);
    }
    return out;
  }
  Id region = UserUnit(username);
  for (const auto& u : OrgUnits()) {
    if (u["id"] == region && u["kind"] == "city") region = u["parent_id"].get<Id>();
  }
  for (const auto& c : ListAll(As("admin"), "/api/v1/customers", "org_unit_id=" + std::to_string(region))) {
    const Id id = c["id"].get<Id>();
    const json team = GetJson(As("admin"), CustomerPath(id) + "/team");
    for (const auto& m : team["items"]) {
      if (m["user_id"] == me) out.insert(id);
    }
  }
  return out;
}

bool OwnedBy(const json& c, Id user) { return !c["owner_id"].is_null() && c["owner_id"] == user; }

std::string LowerAscii(std::string s) {
  for (auto& ch : s) {
    if (ch >= 'A' && ch <= 'Z') ch = static_cast<char>(ch - 'A' + 'a');
  }
  return s;
}

bool NameMatches(const json& c, const std::string& q) {
  return Contains(LowerAscii(c["name"].get<std::string>()), LowerAscii(q));
}

// kam, assistant and sales: exactly the customers they own or whose account team they
// are on. The team membership comes straight from the database as ground truth.
void ExpectOwnAccountsScope(const std::string& username, bool verify_team_through_api) {
  SCOPED_TRACE(username);
  const Id me = UserId(username);
  const auto mine = AllCustomers(As(username));
  const auto all = AllCustomers(As("admin"));
  const auto team = TeamCustomerIds(username);
  std::set<Id> expected;
  for (const auto& c : all) {
    if (OwnedBy(c, me) || team.count(c["id"].get<Id>())) expected.insert(c["id"].get<Id>());
  }
  ASSERT_GE(expected.size(), 50u) << "the demo data should give " << username << " accounts";
  ASSERT_LT(expected.size(), all.size());
  for (const auto& c : mine) {
    const Id id = c["id"].get<Id>();
    EXPECT_TRUE(OwnedBy(c, me) || team.count(id))
        << "customer " << id << " (owner " << c["owner_id"] << ") is not " << username << "'s";
    if (verify_team_through_api && !OwnedBy(c, me)) {
      auto members = GetJson(As(username), "/api/v1/customers/" + std::to_string(id) + "/team");
      bool on_team = false;
      for (const auto& m : members["items"]) on_team = on_team || m["user_id"] == me;
      EXPECT_TRUE(on_team) << username << " sees customer " << id << " without being on its team";
    }
  }
  EXPECT_EQ(mine.size(), IdSet(mine).size()) << "a row appeared twice while paging";
  EXPECT_EQ(IdSet(mine), expected);
}

void ExpectSubtreeScope(const std::string& username) {
  SCOPED_TRACE(username);
  const auto subtree = Subtree(UserUnit(username));
  const auto mine = AllCustomers(As(username));
  const auto all = AllCustomers(As("admin"));
  std::set<Id> expected;
  for (const auto& c : all) {
    if (subtree.count(c["org_unit_id"].get<Id>())) expected.insert(c["id"].get<Id>());
  }
  ASSERT_GE(expected.size(), 100u);
  ASSERT_LT(expected.size(), all.size());
  for (const auto& c : mine) {
    EXPECT_TRUE(subtree.count(c["org_unit_id"].get<Id>()))
        << "customer " << c["id"] << " of unit " << c["org_unit_id"] << " is outside "
        << username << "'s subtree";
  }
  EXPECT_EQ(mine.size(), IdSet(mine).size());
  EXPECT_EQ(IdSet(mine), expected);
}

// A customer of the west region with contacts: outside the scope of every east and
// north user. No test changes it.
json WestCustomer() {
  const auto west = Subtree(UnitIdByName("西南区域"));
  auto page = GetJson(As("admin"), "/api/v1/customers?limit=100&stage=active&region=" +
                                       UrlEncode("四川省成都市"));
  for (const auto& c : page["items"]) {
    if (!west.count(c["org_unit_id"].get<Id>())) continue;
    auto contacts = GetJson(As("admin"), "/api/v1/customers/" + std::to_string(c["id"].get<Id>()) +
                                             "/contacts?limit=1");
    if (!contacts["items"].empty()) return c;
  }
  throw std::runtime_error("no customer with contacts in the west region");
}

TEST(Scope, KamSeesExactlyOwnedAndTeamAccounts) { ExpectOwnAccountsScope("kam.sz", true); }

TEST(Scope, OtherKamSeesExactlyOwnedAndTeamAccounts) { ExpectOwnAccountsScope("kam.sh", false); }

TEST(Scope, SalesRepSeesExactlyOwnedAndTeamAccounts) { ExpectOwnAccountsScope("sales.sz", false); }

TEST(Scope, AssistantSeesExactlyTeamAccounts) {
  ExpectOwnAccountsScope("asst.sh", true);
  // The demo assistant owns nothing: every visible account is a team account, except
  // those the assistant created (and so owns) in other tests.
  const auto team = TeamCustomerIds("asst.sh");
  for (const auto& c : AllCustomers(As("asst.sh"))) {
    if (!team.count(c["id"].get<Id>())) {
      EXPECT_EQ(c["created_by"], UserId("asst.sh")) << c["id"];
    }
  }
}

TEST(Scope, DirectorSeesExactlyTheirRegion) { ExpectSubtreeScope("dir.east"); }

TEST(Scope, OtherDirectorSeesExactlyTheirRegion) { ExpectSubtreeScope("dir.north"); }

TEST(Scope, ServiceAgentSeesExactlyTheirRegion) { ExpectSubtreeScope("svc.east"); }

TEST(Scope, AdminExecutiveAndSpecialistSeeEveryCustomer) {
  const auto all = IdSet(AllCustomers(As("admin")));
  ASSERT_GE(all.size(), 2000u);
  for (const char* user : {"exec", "specialist"}) {
    EXPECT_EQ(IdSet(AllCustomers(As(user))), all) << user;
  }
}

TEST(Scope, JoiningAndLeavingAnAccountTeamChangesWhatAKamSees) {
  const Id hangzhou = UnitIdByName("杭州分公司");
  auto c = CreateCustomer(As("admin"), {{"name", Unique("杭州团队测试")}, {"org_unit_id", hangzhou},
                                        {"owner_id", UserId("kam.sh")}});
  const std::string path = "/api/v1/customers/" + std::to_string(c["id"].get<Id>());
  EXPECT_EQ(As("kam.sz").Get(path).status, 404);

  auto add = As("admin").Post(path + "/team", {{"user_id", UserId("kam.sz")}, {"team_role", "other"}});
  ASSERT_EQ(add.status, 201) << add.body;
  EXPECT_EQ(As("kam.sz").Get(path).status, 200);
  EXPECT_TRUE(IdSet(AllCustomers(As("kam.sz"))).count(c["id"].get<Id>()));

  auto remove = As("admin").Delete(path + "/team/" + std::to_string(UserId("kam.sz")), std::nullopt);
  ASSERT_EQ(remove.status, 204) << remove.body;
  EXPECT_EQ(As("kam.sz").Get(path).status, 404);
  EXPECT_FALSE(IdSet(AllCustomers(As("kam.sz"))).count(c["id"].get<Id>()));
}

TEST(Scope, MovingACustomerToAnotherRegionMovesItBetweenDirectors) {
  auto c = CreateCustomer(As("dir.east"), {{"name", Unique("区域迁移测试")},
                                           {"org_unit_id", UnitIdByName("南京分公司")}});
  const std::string path = "/api/v1/customers/" + std::to_string(c["id"].get<Id>());
  EXPECT_EQ(As("dir.east").Get(path).status, 200);
  EXPECT_EQ(As("dir.north").Get(path).status, 404);

  auto moved = As("admin").Patch(path, {{"org_unit_id", UnitIdByName("天津分公司")}}, 1);
  ASSERT_EQ(moved.status, 200) << moved.body;
  EXPECT_EQ(As("dir.east").Get(path).status, 404);
  EXPECT_EQ(As("dir.north").Get(path).status, 200);
}

TEST(Scope, SearchNeverReturnsRowsOutsideTheScope) {
  for (const char* user : {"kam.sz", "asst.sh", "dir.east", "dir.north", "sales.sz"}) {
    const auto scoped = AllCustomers(As(user));
    const auto in_scope = IdSet(scoped);
    for (const char* q : {"电力", "公司", "上海", "苏州", "北京", "科技", "a"}) {
      SCOPED_TRACE(std::string(user) + " q=" + q);
      const auto found = AllCustomers(As(user), "q=" + UrlEncode(q));
      for (const auto& c : found) {
        EXPECT_TRUE(in_scope.count(c["id"].get<Id>())) << "search leaked customer " << c["id"];
        EXPECT_TRUE(NameMatches(c, q)) << c["name"];
      }
      std::set<Id> expected;
      for (const auto& c : scoped) {
        if (NameMatches(c, q)) expected.insert(c["id"].get<Id>());
      }
      EXPECT_EQ(IdSet(found), expected);
    }
  }
}

TEST(Scope, OutOfScopeCustomerAndContactsAnswer404AndAreAudited) {
  const json west = WestCustomer();
  const Id id = west["id"].get<Id>();
  const std::string path = "/api/v1/customers/" + std::to_string(id);
  const auto contacts = GetJson(As("admin"), path + "/contacts")["items"];
  ASSERT_FALSE(contacts.empty()) << "pick a west customer with contacts";
  const json contact = contacts[0];
  const std::string contact_path = path + "/contacts/" + std::to_string(contact["id"].get<Id>());
  const Id before = LatestAuditId();
  const auto& kam = As("kam.sz");

  std::vector<HttpResponse> probes = {
      kam.Get(path),
      kam.Patch(path, {{"phone", "0512-66667777"}}, west["version"].get<long long>()),
      kam.Get(path + "/contacts"),
      kam.Get(contact_path),
      kam.Patch(contact_path, {{"title", "被篡改"}}, contact["version"].get<long long>()),
      kam.Delete(contact_path, contact["version"].get<long long>()),
      kam.Post(path + "/contacts", {{"name", "偷偷加的人"}}),
      kam.Get(path + "/team"),
  };
  for (std::size_t i = 0; i < probes.size(); ++i) {
    EXPECT_EQ(probes[i].status, 404) << "probe " << i << ": " << probes[i].body;
    EXPECT_EQ(probes[i].ErrorCode(), "not_found") << "probe " << i;
  }

  // Nothing changed.
  auto after = GetJson(As("admin"), path);
  EXPECT_EQ(after["version"], west["version"]);
  EXPECT_EQ(after["phone"], west["phone"]);
  auto contact_after = GetJson(As("admin"), contact_path);
  EXPECT_EQ(contact_after["version"], contact["version"]);
  EXPECT_EQ(GetJson(As("admin"), path + "/contacts")["items"].size(), contacts.size());

  // One access.out_of_scope row per probe, naming the actor and the customer.
  auto rows = AuditSince(before, "action=access.out_of_scope&actor_id=" + std::to_string(UserId("kam.sz")));
  EXPECT_EQ(rows.size(), probes.size());
  for (const auto& r : rows) {
    EXPECT_EQ(r["entity"], "customer");
    EXPECT_EQ(r["entity_id"], id);
    EXPECT_EQ(r["actor_id"], UserId("kam.sz"));
  }
}

TEST(Scope, OutOfScopeAnswerIsIndistinguishableFromMissing) {
  const Id id = WestCustomer()["id"].get<Id>();
  const Id missing = LatestCustomerId() + 100000;
  for (const char* user : {"kam.sz", "dir.north", "asst.sh", "svc.east"}) {
    SCOPED_TRACE(user);
    auto hidden = As(user).Get("/api/v1/customers/" + std::to_string(id));
    auto absent = As(user).Get("/api/v1/customers/" + std::to_string(missing));
    EXPECT_EQ(hidden.status, 404);
    EXPECT_EQ(absent.status, 404);
    EXPECT_EQ(hidden.Json()["error"], absent.Json()["error"]);
    auto hidden_contacts = As(user).Get("/api/v1/customers/" + std::to_string(id) + "/contacts");
    auto absent_contacts = As(user).Get("/api/v1/customers/" + std::to_string(missing) + "/contacts");
    EXPECT_EQ(hidden_contacts.status, 404);
    EXPECT_EQ(hidden_contacts.Json()["error"], absent_contacts.Json()["error"]);
  }
  // Deleting is refused by role before scope is looked at, so a KAM learns nothing
  // either way: the same 403 for a hidden, a missing and an own customer.
  auto hidden_delete = As("kam.sz").Delete("/api/v1/customers/" + std::to_string(id), 1);
  auto absent_delete = As("kam.sz").Delete("/api/v1/customers/" + std::to_string(missing), 1);
  EXPECT_EQ(hidden_delete.status, 403);
  EXPECT_EQ(hidden_delete.Json()["error"], absent_delete.Json()["error"]);
}

TEST(Scope, MissingCustomerIsNotAuditedAsAProbe) {
  const Id before = LatestAuditId();
  EXPECT_EQ(As("kam.sz").Get("/api/v1/customers/" + std::to_string(LatestCustomerId() + 5000)).status, 404);
  EXPECT_TRUE(AuditSince(before, "action=access.out_of_scope").empty());
}

TEST(Scope, OwnCustomerContactOfAnotherCustomerIsNotFound) {
  // An in-scope customer id with a contact id that belongs to someone else's customer.
  auto own = CreateCustomer(As("kam.sz"), {{"name", Unique("联系人归属测试")}});
  const json west = WestCustomer();
  auto contacts = GetJson(As("admin"), "/api/v1/customers/" + std::to_string(west["id"].get<Id>()) +
                                            "/contacts")["items"];
  ASSERT_FALSE(contacts.empty());
  const std::string path = "/api/v1/customers/" + std::to_string(own["id"].get<Id>()) +
                           "/contacts/" + std::to_string(contacts[0]["id"].get<Id>());
  EXPECT_EQ(As("kam.sz").Get(path).status, 404);
  EXPECT_EQ(As("kam.sz").Patch(path, {{"title", "x"}}, contacts[0]["version"].get<long long>()).status, 404);
  EXPECT_EQ(As("kam.sz").Delete(path, contacts[0]["version"].get<long long>()).status, 404);
  auto still = GetJson(As("admin"), "/api/v1/customers/" + std::to_string(west["id"].get<Id>()) +
                                        "/contacts/" + std::to_string(contacts[0]["id"].get<Id>()));
  EXPECT_EQ(still["version"], contacts[0]["version"]);
}

}  // namespace
}  // namespace kams::test
