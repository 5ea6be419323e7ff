// Tier schemes over the API: the three documented examples stored as written, versions,
// preview and apply on imported transactions, upgrades, downgrades and revocations with
// reasons in words and figures, tier history and its scope, the primary scheme setting the
// dossier's tier, and `kams retier`.
//
// Each test's transactions fall in a year of its own (2033 on), which no other test writes,
// so the figures are exact whatever else the suite imported.
#include <gtest/gtest.h>

#include <fstream>
#include <optional>

#include "api_util.h"

namespace kams::test {
namespace {

const json kAbc = json::parse(
    R"({"name": "ABC by revenue", "kind": "abc", "metric": "revenue", "window_months": 12, "cuts_percent": [80, 95], "tiers": ["A", "B", "C"]})");
const json kStars = json::parse(
    R"({"name": "Star level", "kind": "stars", "metric": "revenue", "months": 6, "levels": [{"tier": "3star", "min_fen": 3000000}, {"tier": "4star", "min_fen": 5000000}, {"tier": "5star", "min_fen": 8000000}]})");
const json kRules = json::parse(
    R"({"name": "Key-account grade", "kind": "rules", "tiers": [{"tier": "strategic", "all": [{"metric": "revenue", "window_months": 12, "op": ">=", "value_fen": 500000000}]}, {"tier": "key", "any": [{"metric": "revenue", "window_months": 12, "op": ">=", "value_fen": 100000000}, {"metric": "orders", "window_months": 12, "op": ">=", "value": 120}]}]})");

json Named(json scheme, const std::string& name) {
  scheme["name"] = name;
  return scheme;
}

json Created(const HttpResponse& r) {
  EXPECT_EQ(r.status, 201) << r.body;
  return r.Json();
}

// Imports customers <p>1..<p>4 and, through `year`, monthly transactions for the first three.
struct Book {
  std::string p;
  std::map<int, Id> ids;  // 1..4 → customer id
};

Book ImportBook(const Client& specialist, int year) {
  Book b{Unique("TIER"), {}};
  std::string customers = "customer_id,name,region,industry,created_at\n";
  for (int i = 1; i <= 4; ++i) {
    customers += b.p + std::to_string(i) + ",分级测试客户" + std::to_string(i) + " " + b.p +
                 ",江苏省,制造,\n";
  }
  auto r = specialist.Send("POST", "/api/v1/customers/import", {{"Content-Type", "text/csv"}},
                           customers);
  EXPECT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.Json()["imported"], 4) << r.body;
  // Monthly: 500,000 / 100,000 / 10,000 yuan.
  std::string txns = "txn_id,customer_id,date,amount\n";
  const char* amounts[] = {"", "500000.00", "100000", "10000.00"};
  for (int i = 1; i <= 3; ++i) {
    for (int m = 1; m <= 12; ++m) {
      txns += b.p + "-" + std::to_string(i) + "-" + std::to_string(m) + "," + b.p +
              std::to_string(i) + "," + std::to_string(year) + "-" + (m < 10 ? "0" : "") + std::to_string(m) + "-15," +
              amounts[i] + "\n";
    }
  }
  r = specialist.Send("POST", "/api/v1/transactions/import", {{"Content-Type", "text/csv"}}, txns);
  EXPECT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.Json()["imported"], 36) << r.body;
  for (int i = 1; i <= 4; ++i) {
    auto found = GetJson(specialist, "/api/v1/customers?q=" + UrlEncode(b.p) + "&limit=10");
    for (const auto& c : found["items"]) {
      if (c["external_ref"] == b.p + std::to_string(i)) b.ids[i] = c["id"].get<Id>();
    }
  }
  EXPECT_EQ(b.ids.size(), 4u);
  return b;
}

std::map<Id, json> MoversById(const json& run) {
  std::map<Id, json> out;
  for (const auto& m : run["movers"]) out[m["customer_id"].get<Id>()] = m;
  return out;
}

HttpResponse PostLang(const Client& c, const std::string& path, const json& body,
                      const std::string& language) {
  return c.Send("POST", path, {{"Content-Type", "application/json"}, {"Accept-Language", language}},
                body.dump());
}

// Runs before the tests below change which scheme is primary (and restore it).
TEST(Tiering, TheDemoAppliesTheDocumentedSchemesAndItsKeyAccountsFollowThem) {
  const Client& admin = As("admin");
  std::map<std::string, json> demo;
  const json list = GetJson(admin, "/api/v1/tier-schemes");
  for (const auto& s : list["items"]) demo[s["name"].get<std::string>()] = s;
  for (const json& example : {kAbc, kStars, kRules}) {
    const std::string name = example["name"];
    ASSERT_EQ(demo.count(name), 1u) << name;
    EXPECT_EQ(demo[name]["definition"], example) << name;
    EXPECT_EQ(demo[name]["active"], true) << name;
    EXPECT_EQ(demo[name]["primary"], name == "Key-account grade") << name;
    EXPECT_FALSE(demo[name]["last_applied_as_of"].is_null()) << name;
  }
  // The primary scheme decides who is a key account: its tiers, and only those (other tests'
  // approved nominations make key accounts without a tier).
  std::vector<json> key_accounts;
  for (const auto& c : ListAll(admin, "/api/v1/customers", "is_key_account=true")) {
    if (c["tier"].is_null()) continue;
    EXPECT_TRUE(c["tier"] == "strategic" || c["tier"] == "key") << c.dump();
    key_accounts.push_back(c);
  }
  EXPECT_GT(key_accounts.size(), 50u);
  EXPECT_GT(ListAll(admin, "/api/v1/customers", "tier=strategic").size(), 10u);
  // Their history says why, dated by the runs that made it.
  const Id id = key_accounts.front()["id"].get<Id>();
  json history = GetJson(admin, CustomerPath(id) + "/tier-history")["items"];
  ASSERT_FALSE(history.empty());
  EXPECT_EQ(history[0]["source"], "rule");
  EXPECT_FALSE(history[0]["reason"].get<std::string>().empty());
  json tiers = GetJson(admin, CustomerPath(id) + "/tiers")["items"];
  EXPECT_EQ(tiers.size(), GetJson(admin, "/api/v1/tier-schemes")["items"].size());  // one per scheme
}

TEST(Tiering, TheDocumentedExamplesAreStoredAsWrittenAndVersioned) {
  const Client& admin = As("admin");
  for (const json& example : {kAbc, kStars, kRules}) {
    auto r = admin.Post("/api/v1/tier-schemes", example);
    if (r.status == 409) continue;  // a second run of this binary on the same database
    json created = Created(r);
    EXPECT_EQ(created["definition"], example);
    EXPECT_EQ(created["current_version"], 1);
    EXPECT_EQ(created["active"], false);
    EXPECT_EQ(created["primary"], false);
    EXPECT_EQ(r.Header("location"), "/api/v1/tier-schemes/" + std::to_string(created["id"].get<Id>()));
  }
  // The same name twice is a conflict; a bad definition names each problem by its path.
  EXPECT_EQ(admin.Post("/api/v1/tier-schemes", kAbc).status, 409);
  json bad = Named(kRules, Unique("bad"));
  bad["tiers"][1]["any"][0]["op"] = "~";
  auto r = admin.Post("/api/v1/tier-schemes", bad);
  EXPECT_EQ(r.status, 400) << r.body;
  EXPECT_TRUE(Contains(r.body, "tiers[1].any[0].op")) << r.body;

  // An edit of the definition is a new version; the old one stays readable.
  json s = Created(admin.Post("/api/v1/tier-schemes", Named(kAbc, Unique("abc"))));
  const std::string path = "/api/v1/tier-schemes/" + std::to_string(s["id"].get<Id>());
  json def = s["definition"];
  def["cuts_percent"] = json::array({70, 90});
  r = admin.Patch(path, {{"definition", def}}, s["version"].get<long long>());
  ASSERT_EQ(r.status, 200) << r.body;
  json v2 = r.Json();
  EXPECT_EQ(v2["current_version"], 2);
  EXPECT_EQ(v2["definition"]["cuts_percent"], json::array({70, 90}));
  // A stale version is refused; the same definition again makes no new version.
  EXPECT_EQ(admin.Patch(path, {{"active", true}}, s["version"].get<long long>()).status, 412);
  r = admin.Patch(path, {{"definition", def}}, v2["version"].get<long long>());
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.Json()["current_version"], 2);
  auto versions = GetJson(admin, path + "/versions");
  ASSERT_EQ(versions["items"].size(), 2u);
  EXPECT_EQ(versions["items"][1]["definition"]["cuts_percent"], json::array({80, 95}));
  // Changing the kind is refused; unknown fields too.
  json stars = Named(kStars, s["name"].get<std::string>());
  r = admin.Patch(path, {{"definition", stars}}, v2["version"].get<long long>());
  EXPECT_EQ(r.status, 400) << r.body;
  EXPECT_TRUE(Contains(r.body, "cannot_change")) << r.body;
  EXPECT_EQ(admin.Patch(path, {{"colour", "red"}}, v2["version"].get<long long>()).status, 400);

  // Deleting takes the scheme out of the list.
  EXPECT_EQ(admin.Delete(path, v2["version"].get<long long>()).status, 204);
  EXPECT_EQ(admin.Get(path).status, 404);
}

TEST(Tiering, OnlyAdministratorsAndSpecialistsWriteOrPreviewSchemes) {
  const Client& kam = As("kam.sh");
  EXPECT_EQ(kam.Get("/api/v1/tier-schemes").status, 200);
  auto r = kam.Post("/api/v1/tier-schemes", Named(kAbc, Unique("kam")));
  EXPECT_EQ(r.status, 403) << r.body;
  r = kam.Post("/api/v1/tier-schemes/preview", {{"definition", kAbc}});
  EXPECT_EQ(r.status, 403) << r.body;
  const Client& director = As("dir.east");
  EXPECT_EQ(director.Post("/api/v1/tier-schemes", Named(kAbc, Unique("dir"))).status, 403);
  json s = Created(As("specialist").Post("/api/v1/tier-schemes", Named(kAbc, Unique("sp"))));
  const std::string path = "/api/v1/tier-schemes/" + std::to_string(s["id"].get<Id>());
  EXPECT_EQ(kam.Post(path + "/apply", json::object()).status, 403);
  EXPECT_EQ(kam.Patch(path, {{"active", true}}, s["version"].get<long long>()).status, 403);
}

TEST(Tiering, PreviewApplyAndHistoryWithReasons) {
  const Client& specialist = As("specialist");
  Book b = ImportBook(specialist, 2033);
  json abc = Created(specialist.Post("/api/v1/tier-schemes", Named(kAbc, Unique("ABC"))));
  json stars = Created(specialist.Post("/api/v1/tier-schemes", Named(kStars, Unique("Stars"))));
  json rules = Created(specialist.Post("/api/v1/tier-schemes", Named(kRules, Unique("Grade"))));
  const auto path = [](const json& s) {
    return "/api/v1/tier-schemes/" + std::to_string(s["id"].get<Id>());
  };
  const json end_2033 = {{"as_of", "2033-12-31"}, {"movers_limit", 1000}};

  // ABC: ¥6.0 M, ¥1.2 M and ¥0.12 M make up the year. The first is A; the second starts at
  // 81.97% of the total (past the 80% line; shares are cut, not rounded, to one decimal) and
  // is B; the third starts at 98.4% and is C.
  auto r = PostLang(specialist, path(abc) + "/preview", end_2033, "en-US");
  ASSERT_EQ(r.status, 200) << r.body;
  json preview = r.Json();
  EXPECT_EQ(preview["applied"], false);
  EXPECT_EQ(preview["window_end_month"], "2033-12");
  EXPECT_EQ(preview["counts"], json({{"A", 1}, {"B", 1}, {"C", 1}})) << preview.dump();
  auto movers = MoversById(preview);
  ASSERT_EQ(movers.count(b.ids[1]), 1u);
  EXPECT_EQ(movers[b.ids[1]]["to"], "A");
  EXPECT_EQ(movers[b.ids[1]]["kind"], "assign");
  EXPECT_EQ(movers[b.ids[2]]["to"], "B");
  EXPECT_EQ(movers[b.ids[3]]["to"], "C");
  EXPECT_EQ(movers.count(b.ids[4]), 0u);  // no revenue: takes no part
  EXPECT_TRUE(Contains(movers[b.ids[2]]["reason"].get<std::string>(), "¥1,200,000.00"))
      << movers[b.ids[2]]["reason"];
  EXPECT_TRUE(Contains(movers[b.ids[2]]["reason"].get<std::string>(), "81.9%"))
      << movers[b.ids[2]]["reason"];
  // The largest customers come first.
  EXPECT_EQ(preview["movers"][0]["customer_id"], b.ids[1]);
  // A preview changes nothing.
  EXPECT_EQ(GetJson(specialist, CustomerPath(b.ids[1]) + "/tier-history")["items"].size(), 0u);

  r = specialist.Post(path(abc) + "/apply", end_2033);
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.Json()["applied"], true);
  EXPECT_EQ(r.Json()["changes"], 3);
  // Applying again as of the same day moves nobody.
  r = specialist.Post(path(abc) + "/apply", end_2033);
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.Json()["changes"], 0);
  EXPECT_EQ(r.Json()["counts_before"], json({{"A", 1}, {"B", 1}, {"C", 1}}));

  // Stars: 500,000 and 100,000 a month reach 5 stars; 10,000 a month reaches no level.
  r = specialist.Post(path(stars) + "/apply", end_2033);
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.Json()["counts"], json({{"5star", 2}, {"4star", 0}, {"3star", 0}}));

  // Rules: ¥6 M is strategic, ¥1.2 M key, ¥0.12 M nothing.
  r = specialist.Post(path(rules) + "/apply", end_2033);
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.Json()["counts"], json({{"strategic", 1}, {"key", 1}}));

  // Half a year later without orders: the window to 2034-06 holds half of 2033. The first
  // customer falls to key, the second loses its grade.
  const json mid_2034 = {{"as_of", "2034-06-30"}, {"movers_limit", 1000}};
  r = PostLang(specialist, path(rules) + "/preview", mid_2034, "zh-CN");
  ASSERT_EQ(r.status, 200) << r.body;
  movers = MoversById(r.Json());
  EXPECT_EQ(movers[b.ids[1]]["from"], "strategic");
  EXPECT_EQ(movers[b.ids[1]]["to"], "key");
  EXPECT_EQ(movers[b.ids[1]]["kind"], "downgrade");
  EXPECT_EQ(movers[b.ids[2]]["kind"], "revoke");
  EXPECT_TRUE(Contains(movers[b.ids[1]]["reason"].get<std::string>(), "¥3,000,000.00"))
      << movers[b.ids[1]]["reason"];
  r = specialist.Post(path(rules) + "/apply", mid_2034);
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.Json()["downgrades"], 1);
  EXPECT_EQ(r.Json()["revoked"], 1);
  // Stars over Jan–Jun 2034: no spend, every level lost; the reason says what it was.
  r = PostLang(specialist, path(stars) + "/apply", mid_2034, "en-US");
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.Json()["revoked"], 2);

  // The history, newest first, in the reader's language.
  r = specialist.Send("GET", CustomerPath(b.ids[1]) + "/tier-history",
                      {{"Accept-Language", "en-US"}}, "");
  ASSERT_EQ(r.status, 200) << r.body;
  json history = r.Json()["items"];
  // abc A, stars 5star, rules strategic; then rules key and stars revoked.
  ASSERT_EQ(history.size(), 5u) << history.dump();
  EXPECT_EQ(history[0]["scheme_name"], stars["name"]);
  EXPECT_EQ(history[0]["kind"], "revoke");
  EXPECT_EQ(history[0]["old_tier"], "5star");
  EXPECT_TRUE(history[0]["new_tier"].is_null());
  EXPECT_EQ(history[0]["source"], "rule");
  EXPECT_EQ(history[0]["scheme_version"], 1);
  const std::string revoked_reason = history[0]["reason"].get<std::string>();
  EXPECT_TRUE(Contains(revoked_reason, "lowest monthly revenue")) << revoked_reason;
  EXPECT_TRUE(Contains(revoked_reason, "it was ¥500,000.00 when it became 5star")) << revoked_reason;
  EXPECT_EQ(history[1]["kind"], "downgrade");
  EXPECT_EQ(history[1]["old_tier"], "strategic");
  EXPECT_EQ(history[1]["new_tier"], "key");
  EXPECT_TRUE(Contains(history[1]["reason"].get<std::string>(),
                       "revenue over the 12 months to 2034-06 ¥3,000,000.00 >= ¥1,000,000.00"))
      << history[1]["reason"];
  EXPECT_EQ(history[4]["kind"], "assign");
  EXPECT_EQ(history[4]["new_tier"], "A");
  // Paging, following the cursor.
  json page = GetJson(specialist, CustomerPath(b.ids[1]) + "/tier-history?limit=3");
  EXPECT_EQ(page["items"].size(), 3u);
  ASSERT_TRUE(page["next_cursor"].is_string());
  page = GetJson(specialist, CustomerPath(b.ids[1]) + "/tier-history?limit=3&cursor=" +
                                 UrlEncode(page["next_cursor"].get<std::string>()));
  EXPECT_EQ(page["items"].size(), 2u);
  EXPECT_TRUE(page["next_cursor"].is_null());

  // The customer's current tiers under every scheme.
  json tiers = GetJson(specialist, CustomerPath(b.ids[1]) + "/tiers")["items"];
  std::map<std::string, json> by_scheme;
  for (const auto& t : tiers) by_scheme[t["scheme_name"].get<std::string>()] = t;
  EXPECT_EQ(by_scheme[abc["name"].get<std::string>()]["tier"], "A");
  EXPECT_EQ(by_scheme[rules["name"].get<std::string>()]["tier"], "key");
  EXPECT_TRUE(by_scheme[stars["name"].get<std::string>()]["tier"].is_null());

  // A KAM who does not see the customer gets 404 for its tiers and history.
  EXPECT_EQ(As("kam.sh").Get(CustomerPath(b.ids[1]) + "/tier-history").status, 404);
  EXPECT_EQ(As("kam.sh").Get(CustomerPath(b.ids[1]) + "/tiers").status, 404);
}

TEST(Tiering, ThePrimarySchemeSetsTheDossiersTierAndKeyAccountStatus) {
  const Client& admin = As("admin");
  // The demo's primary scheme gets its role back at the end.
  std::optional<json> demo_primary;
  const json schemes = GetJson(admin, "/api/v1/tier-schemes");
  for (const auto& x : schemes["items"]) {
    if (x["primary"] == true) demo_primary = x;
  }
  Book b = ImportBook(admin, 2035);
  json s = Created(admin.Post("/api/v1/tier-schemes", Named(kAbc, Unique("Primary"))));
  const std::string path = "/api/v1/tier-schemes/" + std::to_string(s["id"].get<Id>());
  auto r = admin.Post(path + "/apply", {{"as_of", "2035-12-31"}});
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_TRUE(GetJson(admin, CustomerPath(b.ids[1]))["tier"].is_null());

  // Made primary: every customer's tier follows it at once.
  r = admin.Patch(path, {{"primary", true}}, s["version"].get<long long>());
  ASSERT_EQ(r.status, 200) << r.body;
  s = r.Json();
  json c1 = GetJson(admin, CustomerPath(b.ids[1]));
  EXPECT_EQ(c1["tier"], "A");
  EXPECT_EQ(c1["is_key_account"], true);
  EXPECT_EQ(GetJson(admin, "/api/v1/customers?tier=A&q=" + UrlEncode(b.p))["items"].size(), 1u);
  // Only A customers are key accounts once the scheme says so.
  json def = s["definition"];
  def["key_account_tiers"] = json::array({"A"});
  r = admin.Patch(path, {{"definition", def}}, s["version"].get<long long>());
  ASSERT_EQ(r.status, 200) << r.body;
  s = r.Json();
  json c2 = GetJson(admin, CustomerPath(b.ids[2]));
  EXPECT_EQ(c2["tier"], "B");
  EXPECT_EQ(c2["is_key_account"], false);
  // A key-account tier the scheme does not have is refused.
  def["key_account_tiers"] = json::array({"Z"});
  r = admin.Patch(path, {{"definition", def}}, s["version"].get<long long>());
  EXPECT_EQ(r.status, 400) << r.body;
  EXPECT_TRUE(Contains(r.body, "definition.key_account_tiers[0]")) << r.body;
  // No longer primary: the dossiers lose the tier.
  r = admin.Patch(path, {{"primary", false}}, s["version"].get<long long>());
  ASSERT_EQ(r.status, 200) << r.body;
  c1 = GetJson(admin, CustomerPath(b.ids[1]));
  EXPECT_TRUE(c1["tier"].is_null());
  EXPECT_EQ(c1["is_key_account"], false);
  if (demo_primary) {
    const std::string demo_path =
        "/api/v1/tier-schemes/" + std::to_string((*demo_primary)["id"].get<Id>());
    const json now = GetJson(admin, demo_path);
    r = admin.Patch(demo_path, {{"primary", true}}, now["version"].get<long long>());
    ASSERT_EQ(r.status, 200) << r.body;
  }
}

TEST(Tiering, BadRequestsNameTheProblemAndChangeNothing) {
  const Client& admin = As("admin");
  json s = Created(admin.Post("/api/v1/tier-schemes", Named(kStars, Unique("bad-req"))));
  const std::string path = "/api/v1/tier-schemes/" + std::to_string(s["id"].get<Id>());
  auto r = admin.Post(path + "/preview", {{"as_of", "2033-02-30"}});
  EXPECT_EQ(r.status, 400) << r.body;
  EXPECT_EQ(r.Json()["error"]["fields"]["as_of"], "must_be_date");
  r = admin.Post(path + "/apply", {{"definition", kStars}});
  EXPECT_EQ(r.status, 400) << r.body;
  EXPECT_EQ(r.Json()["error"]["fields"]["definition"], "unknown_field");
  r = admin.Post(path + "/preview", {{"movers_limit", 5000}});
  EXPECT_EQ(r.status, 400) << r.body;
  json draft = kStars;
  draft["levels"][1]["min_fen"] = 1;  // below the level before it
  r = admin.Post("/api/v1/tier-schemes/preview", {{"definition", draft}});
  EXPECT_EQ(r.status, 400) << r.body;
  EXPECT_TRUE(Contains(r.body, "definition.levels[1].min_fen")) << r.body;
  EXPECT_EQ(admin.Post("/api/v1/tier-schemes/preview", json::object()).status, 400);
  EXPECT_EQ(admin.Post("/api/v1/tier-schemes/999999/apply", json::object()).status, 404);
  EXPECT_EQ(admin.PostRaw(path + "/apply", "{not json").status, 400);
  EXPECT_EQ(GetJson(admin, path)["last_applied_at"], nullptr);
}

TEST(Tiering, RetierFromTheCommandLineAppliesOrOnlyShows) {
  const Client& admin = As("admin");
  Book b = ImportBook(admin, 2036);
  KamsServer& s = KamsServer::Get();
  const std::string file = s.dir() + "/" + Unique("scheme") + ".json";
  const std::string name = Unique("CLI grade");
  {
    std::ofstream out(file);
    out << Named(kRules, name).dump();
  }
  std::string out;
  ASSERT_EQ(s.RunCli({"retier", "--db", s.db_path(), "--scheme", file, "--as-of", "2036-12-31",
                      "--dry-run", "--json"},
                     &out),
            0)
      << out;
  json run = json::parse(out);
  EXPECT_EQ(run["applied"], false);
  EXPECT_GE(run["counts"]["strategic"].get<long long>(), 1);
  EXPECT_TRUE(run["seconds"].is_number());
  EXPECT_TRUE(run["changes"].is_number());
  // A dry run stores nothing.
  bool stored = false;
  const json schemes = GetJson(admin, "/api/v1/tier-schemes");  // kept: the loop reads into it
  for (const auto& x : schemes["items"]) stored |= x["name"] == name;
  EXPECT_FALSE(stored);

  ASSERT_EQ(s.RunCli({"retier", "--db", s.db_path(), "--scheme", file, "--as-of", "2036-12-31",
                      "--json"},
                     &out),
            0)
      << out;
  run = json::parse(out);
  EXPECT_EQ(run["applied"], true);
  EXPECT_GE(run["changes"].get<long long>(), 2);
  json history = GetJson(admin, CustomerPath(b.ids[1]) + "/tier-history")["items"];
  ASSERT_FALSE(history.empty());
  EXPECT_EQ(history[0]["new_tier"], "strategic");
  // A second run with the same scheme is the same version and moves nobody.
  ASSERT_EQ(s.RunCli({"retier", "--db", s.db_path(), "--scheme", file, "--as-of", "2036-12-31",
                      "--json"},
                     &out),
            0)
      << out;
  run = json::parse(out);
  EXPECT_EQ(run["changes"], 0);
  EXPECT_EQ(run["scheme_version"], 1);
}

}  // namespace
}  // namespace kams::test

namespace kams::test {
namespace {

TEST(Tiering, ConcentrationFollowsScope) {
  const Client& specialist = As("specialist");
  ImportBook(specialist, 2038);
  const json all = GetJson(specialist,
                           "/api/v1/analytics/concentration?window_months=12&as_of=2038-12-31");
  EXPECT_EQ(all["customers"], 3);
  EXPECT_EQ(all["total"], 732000000);  // ¥6,000,000 + ¥1,200,000 + ¥120,000, in fen
  EXPECT_EQ(all["customers_for_80_percent"], 1);
  ASSERT_EQ(all["share_bp"].size(), 101u);
  EXPECT_EQ(all["share_bp"][100], 10000);
  // The largest customers by name, largest first, each with its share.
  ASSERT_EQ(all["top"].size(), 3u);
  EXPECT_EQ(all["top"][0]["amount"], 600000000);
  EXPECT_EQ(all["top"][0]["share_bp"], 8196);
  EXPECT_FALSE(all["top"][0]["name"].get<std::string>().empty());
  EXPECT_EQ(all["top"][2]["amount"], 12000000);
  const json one = GetJson(specialist,
                           "/api/v1/analytics/concentration?window_months=12&as_of=2038-12-31&top=1");
  EXPECT_EQ(one["top"].size(), 1u);
  EXPECT_EQ(specialist.Get("/api/v1/analytics/concentration?top=101").status, 400);
  // A KAM sees only their own accounts: none of these.
  const json mine = GetJson(As("kam.sh"),
                            "/api/v1/analytics/concentration?window_months=12&as_of=2038-12-31");
  EXPECT_EQ(mine["customers"], 0);
  EXPECT_TRUE(mine["top"].empty());
  EXPECT_EQ(As("kam.sh").Get("/api/v1/analytics/concentration?metric=profit").status, 400);
  EXPECT_EQ(As("kam.sh").Get("/api/v1/analytics/concentration?window_months=0").status, 400);
}

}  // namespace
}  // namespace kams::test
