// Users and org units: creation rules, who lists whom, self-service limits, and the org
// tree (rename, move, cycles, deletion rules) including how moves change scope.
#include <gtest/gtest.h>

#include "api_util.h"

namespace kams::test {
namespace {

std::string UserPath(Id id) { return "/api/v1/users/" + std::to_string(id); }
std::string UnitPath(Id id) { return "/api/v1/org-units/" + std::to_string(id); }

json CreateUnit(const std::string& name, Id parent, const std::string& kind = "branch") {
  auto r = As("admin").Post("/api/v1/org-units", {{"name", name}, {"kind", kind}, {"parent_id", parent}});
  if (r.status != 201) throw std::runtime_error("create org unit: " + r.body);
  return r.Json();
}

TEST(Users, AdminCreatesAUserAndThePasswordIsNeverEchoed) {
  const std::string username = Unique("new.kam");
  const Id suzhou = UnitIdByName("苏州分公司");
  const Id before = LatestAuditId();
  auto r = As("admin").Post("/api/v1/users", {{"username", username},
                                              {"display_name", "新经理"},
                                              {"role", "kam"},
                                              {"org_unit_id", suzhou},
                                              {"email", "new.kam@example.cn"},
                                              {"password", kTestPassword}});
  ASSERT_EQ(r.status, 201) << r.body;
  const json u = r.Json();
  EXPECT_EQ(r.Header("location"), UserPath(u["id"].get<Id>()));
  EXPECT_EQ(r.Header("etag"), "\"1\"");
  EXPECT_EQ(u["username"], username);
  EXPECT_EQ(u["display_name"], "新经理");
  EXPECT_EQ(u["role"], "kam");
  EXPECT_EQ(u["org_unit_id"], suzhou);
  EXPECT_EQ(u["active"], true);
  EXPECT_EQ(u["version"], 1);
  EXPECT_FALSE(Contains(r.body, "password"));
  EXPECT_FALSE(Contains(r.body, kTestPassword));
  EXPECT_EQ(GetJson(As("admin"), UserPath(u["id"].get<Id>())), u);

  auto rows = AuditSince(before, "action=user.create");
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0]["entity_id"], u["id"]);
  EXPECT_EQ(Changes(rows[0])["username"].second, username);
  EXPECT_FALSE(Contains(rows[0].dump(), kTestPassword));
  EXPECT_FALSE(Contains(rows[0].dump(), "password"));

  auto session = Client::Login(username, kTestPassword);
  EXPECT_EQ(session.user["id"], u["id"]);
  // A new KAM starts with no accounts.
  EXPECT_TRUE(GetJson(session, "/api/v1/customers")["items"].empty());
}

TEST(Users, DuplicateUsernameAnswers409) {
  const std::string username = Unique("dup.user");
  CreateUser(username, "sales", UnitIdByName("苏州分公司"));
  auto r = As("admin").Post("/api/v1/users", {{"username", username}, {"display_name", "重名"},
                                              {"role", "sales"}, {"org_unit_id", UnitIdByName("上海分公司")},
                                              {"password", kTestPassword}});
  EXPECT_EQ(r.status, 409) << r.body;
  EXPECT_EQ(r.ErrorCode(), "conflict");
  EXPECT_EQ(r.Json()["error"]["fields"]["username"], "taken");
  EXPECT_EQ(As("admin").Post("/api/v1/users", {{"username", "admin"}, {"display_name", "x"}, {"role", "admin"},
                                               {"org_unit_id", UnitIdByName("上海分公司")},
                                               {"password", kTestPassword}}).status, 409);
}

TEST(Users, WeakPasswordsAndBadFieldsAnswer400AndCreateNothing) {
  const Id suzhou = UnitIdByName("苏州分公司");
  const json good = {{"display_name", "校验用户"}, {"role", "kam"}, {"org_unit_id", suzhou}, {"password", kTestPassword}};
  struct Case {
    json patch;
    std::string field, problem;
  };
  const std::vector<Case> cases = {
      {{{"password", "Short1!"}}, "password", "too_weak"},
      {{{"password", "onlylettershere"}}, "password", "too_weak"},
      {{{"password", "1234567890123"}}, "password", "too_weak"},
      {{{"password", ""}}, "password", "required"},
      {{{"password", 12345678}}, "password", "must_be_string"},
      {{{"role", "god"}}, "role", "invalid"},
      {{{"org_unit_id", 987654}}, "org_unit_id", "not_found"},
      {{{"display_name", ""}}, "display_name", "required"},
      {{{"email", "not-mail"}}, "email", "invalid"},
      {{{"locale", "fr-FR"}}, "locale", "invalid"},
      {{{"id", 5}}, "id", "read_only"},
      {{{"superuser", true}}, "superuser", "unknown_field"},
  };
  const Id audit = LatestAuditId();
  for (const auto& tc : cases) {
    const std::string username = Unique("bad.user");
    json body = good;
    body["username"] = username;
    for (auto it = tc.patch.begin(); it != tc.patch.end(); ++it) body[it.key()] = it.value();
    auto r = As("admin").Post("/api/v1/users", body);
    EXPECT_EQ(r.status, 400) << tc.patch.dump() << ": " << r.body;
    EXPECT_EQ(r.Json()["error"]["fields"].value(tc.field, ""), tc.problem) << r.body;
    EXPECT_TRUE(GetJson(As("admin"), "/api/v1/users?q=" + username)["items"].empty());
  }
  for (const std::string username : {"Bad Name", "ab", "UPPER.case", ".dot", ""}) {
    json body = good;
    body["username"] = username;
    auto r = As("admin").Post("/api/v1/users", body);
    EXPECT_EQ(r.status, 400) << username;
    EXPECT_TRUE(r.Json()["error"]["fields"].contains("username")) << r.body;
  }
  json no_role = good;
  no_role.erase("role");
  no_role["username"] = Unique("norole");
  auto r = As("admin").Post("/api/v1/users", no_role);
  EXPECT_EQ(r.status, 400);
  EXPECT_EQ(r.Json()["error"]["fields"]["role"], "required");
  EXPECT_EQ(LatestAuditId(), audit);
}

TEST(Users, DirectorListsOnlyUsersOfTheirSubtree) {
  const auto east = Subtree(UserUnit("dir.east"));
  const auto all = ListAll(As("admin"), "/api/v1/users", "");
  std::set<Id> expected;
  for (const auto& u : all) {
    if (east.count(u["org_unit_id"].get<Id>())) expected.insert(u["id"].get<Id>());
  }
  ASSERT_GE(expected.size(), 10u);
  ASSERT_LT(expected.size(), all.size());
  const auto mine = ListAll(As("dir.east"), "/api/v1/users", "");
  for (const auto& u : mine) EXPECT_TRUE(east.count(u["org_unit_id"].get<Id>())) << u["username"];
  EXPECT_EQ(IdSet(mine), expected);
  // A filter may narrow the list but never widen it.
  const Id north = UnitIdByName("华北区域");
  for (const auto& u : ListAll(As("dir.east"), "/api/v1/users", "org_unit_id=" + std::to_string(north))) {
    EXPECT_TRUE(east.count(u["org_unit_id"].get<Id>())) << u["username"];
  }
  const Id suzhou = UnitIdByName("苏州分公司");
  for (const auto& u : ListAll(As("dir.east"), "/api/v1/users", "org_unit_id=" + std::to_string(suzhou))) {
    EXPECT_EQ(u["org_unit_id"], suzhou);
  }
  EXPECT_EQ(As("dir.east").Get(UserPath(UserId("dir.north"))).status, 404);
  EXPECT_EQ(As("dir.east").Get(UserPath(UserId("kam.sz"))).status, 200);
  EXPECT_EQ(IdSet(ListAll(As("exec"), "/api/v1/users", "")), IdSet(all));
}

TEST(Users, ListFiltersWork) {
  for (const auto& u : ListAll(As("admin"), "/api/v1/users", "role=kam")) EXPECT_EQ(u["role"], "kam");
  auto by_name = ListAll(As("admin"), "/api/v1/users", "q=" + UrlEncode("kam.s"));
  std::set<std::string> names;
  for (const auto& u : by_name) names.insert(u["username"].get<std::string>());
  EXPECT_TRUE(names.count("kam.sz"));
  EXPECT_TRUE(names.count("kam.sh"));
  auto chinese = ListAll(As("admin"), "/api/v1/users", "q=" + UrlEncode("沈浩然"));
  ASSERT_EQ(chinese.size(), 1u);
  EXPECT_EQ(chinese[0]["username"], "kam.sz");
  EXPECT_EQ(As("admin").Get("/api/v1/users?role=god").status, 400);
  EXPECT_EQ(As("admin").Get("/api/v1/users?active=maybe").status, 400);
  int pages = 0;
  auto paged = ListAll(As("admin"), "/api/v1/users", "", 7, &pages);
  EXPECT_GT(pages, 5);
  EXPECT_EQ(IdSet(paged), IdSet(ListAll(As("admin"), "/api/v1/users", "")));
}

TEST(Users, UsersMayEditTheirProfileButNotTheirRoleUnitOrStatus) {
  const std::string username = Unique("self");
  auto u = CreateUser(username, "kam", UnitIdByName("苏州分公司"));
  Client s = Client::Login(username, kTestPassword);
  const std::string path = UserPath(u["id"].get<Id>());
  auto renamed = s.Patch(path, {{"display_name", "改过的名字"}, {"phone", "13800001111"}}, 1);
  ASSERT_EQ(renamed.status, 200) << renamed.body;
  EXPECT_EQ(renamed.Json()["version"], 2);
  EXPECT_EQ(s.Patch(path, {{"role", "admin"}}, 2).status, 403);
  EXPECT_EQ(s.Patch(path, {{"org_unit_id", UnitIdByName("华擎工业集团有限公司总部")}}, 2).status, 403);
  EXPECT_EQ(s.Patch(path, {{"active", false}}, 2).status, 403);
  auto username_change = s.Patch(path, {{"username", "hijack"}}, 2);
  EXPECT_EQ(username_change.status, 400);
  EXPECT_EQ(username_change.Json()["error"]["fields"]["username"], "read_only");
  EXPECT_EQ(s.Patch(path, {{"password", "Sneaky-pass-1"}}, 2).status, 400);
  auto other = GetJson(As("admin"), UserPath(UserId("sales.sz")));
  EXPECT_EQ(s.Patch(UserPath(UserId("sales.sz")), {{"display_name", "x"}}, other["version"].get<Id>()).status, 403);
  auto after = GetJson(As("admin"), path);
  EXPECT_EQ(after["version"], 2);
  EXPECT_EQ(after["role"], "kam");
  EXPECT_EQ(after["active"], true);
  EXPECT_EQ(GetJson(As("admin"), UserPath(UserId("sales.sz")))["version"], other["version"]);

  // A change of role by the admin ends the user's sessions (their rights changed).
  auto promoted = As("admin").Patch(path, {{"role", "director"}}, 2);
  ASSERT_EQ(promoted.status, 200) << promoted.body;
  EXPECT_EQ(s.Get("/api/v1/auth/me").status, 401);
  EXPECT_EQ(As("admin").Patch(path, {{"role", "kam"}}, 2).status, 412) << "stale version";
}

TEST(Users, AdminCannotDisableOrDemoteThemselves) {
  const std::string username = Unique("admin2");
  auto u = CreateUser(username, "admin", UnitIdByName("华擎工业集团有限公司总部"));
  Client s = Client::Login(username, kTestPassword);
  const std::string path = UserPath(u["id"].get<Id>());
  auto disable = s.Patch(path, {{"active", false}}, 1);
  EXPECT_EQ(disable.status, 409) << disable.body;
  EXPECT_EQ(disable.ErrorCode(), "conflict");
  EXPECT_EQ(s.Patch(path, {{"role", "kam"}}, 1).status, 409);
  EXPECT_EQ(s.Get("/api/v1/auth/me").status, 200);
  EXPECT_EQ(GetJson(As("admin"), path)["version"], 1);
}

TEST(OrgUnits, EveryoneReadsTheTree) {
  const auto units = GetJson(As("kam.sz"), "/api/v1/org-units")["items"];
  ASSERT_GE(units.size(), 15u);
  int roots = 0;
  for (const auto& u : units) roots += u["parent_id"].is_null() ? 1 : 0;
  EXPECT_EQ(roots, 1);
  const auto east = Subtree(UnitIdByName("华东区域"));
  for (const char* city : {"上海分公司", "苏州分公司", "南京分公司", "杭州分公司"}) {
    EXPECT_TRUE(east.count(UnitIdByName(city))) << city;
  }
  EXPECT_FALSE(east.count(UnitIdByName("北京分公司")));
}

TEST(OrgUnits, CreateRenameAndAuditEveryChange) {
  const Id east = UnitIdByName("华东区域");
  const Id before = LatestAuditId();
  auto r = As("admin").Post("/api/v1/org-units", {{"name", Unique("无锡分公司")}, {"kind", "city"}, {"parent_id", east}});
  ASSERT_EQ(r.status, 201) << r.body;
  const json unit = r.Json();
  EXPECT_EQ(r.Header("location"), UnitPath(unit["id"].get<Id>()));
  EXPECT_EQ(r.Header("etag"), "\"1\"");
  EXPECT_EQ(unit["version"], 1);
  EXPECT_EQ(unit["parent_id"], east);

  const std::string new_name = Unique("无锡分公司（新）");
  auto renamed = As("admin").Patch(UnitPath(unit["id"].get<Id>()), {{"name", new_name}}, 1);
  ASSERT_EQ(renamed.status, 200) << renamed.body;
  EXPECT_EQ(renamed.Json()["version"], 2);
  EXPECT_EQ(GetJson(As("kam.sz"), UnitPath(unit["id"].get<Id>()))["name"], new_name);
  EXPECT_EQ(As("admin").Patch(UnitPath(unit["id"].get<Id>()), {{"name", "旧版本"}}, 1).status, 412);

  auto rows = AuditSince(before, "entity=org_unit&entity_id=" + unit["id"].dump());
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[0]["action"], "org_unit.update");
  EXPECT_EQ(Changes(rows[0])["name"], std::make_pair(unit["name"], json(new_name)));
  EXPECT_EQ(rows[1]["action"], "org_unit.create");
}

TEST(OrgUnits, BadOrgUnitsAnswer400) {
  const Id east = UnitIdByName("华东区域");
  struct Case {
    json body;
    std::string field, problem;
  };
  for (const auto& tc : std::vector<Case>{
           {{{"name", "无上级"}, {"kind", "city"}}, "parent_id", "required"},
           {{{"name", "上级不存在"}, {"kind", "city"}, {"parent_id", 987654}}, "parent_id", "not_found"},
           {{{"kind", "city"}, {"parent_id", east}}, "name", "required"},
           {{{"name", "类型不对"}, {"kind", "planet"}, {"parent_id", east}}, "kind", "invalid"},
           {{{"name", "只读"}, {"kind", "city"}, {"parent_id", east}, {"version", 3}}, "version", "read_only"}}) {
    auto r = As("admin").Post("/api/v1/org-units", tc.body);
    EXPECT_EQ(r.status, 400) << tc.body.dump();
    EXPECT_EQ(r.Json()["error"]["fields"].value(tc.field, ""), tc.problem) << r.body;
  }
}

TEST(OrgUnits, MovesRefuseCyclesAndCarryScopeAlong) {
  const Id east = UnitIdByName("华东区域");
  const Id north = UnitIdByName("华北区域");
  auto a = CreateUnit(Unique("移动甲"), east);
  auto b = CreateUnit(Unique("移动乙"), a["id"].get<Id>());
  auto c = CreateUnit(Unique("移动丙"), b["id"].get<Id>());

  for (const auto& target : {c, b, a}) {
    auto r = As("admin").Patch(UnitPath(a["id"].get<Id>()), {{"parent_id", target["id"]}}, 1);
    EXPECT_EQ(r.status, 400) << "moving 甲 under " << target["name"] << ": " << r.body;
    EXPECT_EQ(r.Json()["error"]["fields"]["parent_id"], "cycle");
  }
  auto orphan = As("admin").Patch(UnitPath(a["id"].get<Id>()), {{"parent_id", nullptr}}, 1);
  EXPECT_EQ(orphan.status, 400);
  const Id root = UnitIdByName("华擎工业集团有限公司总部");
  auto root_move = As("admin").Patch(UnitPath(root), {{"parent_id", east}},
                                     GetJson(As("admin"), UnitPath(root))["version"].get<Id>());
  EXPECT_EQ(root_move.status, 400) << root_move.body;
  EXPECT_EQ(GetJson(As("admin"), UnitPath(a["id"].get<Id>()))["parent_id"], east);

  // A customer and a user deep in the moved branch follow it to the other region.
  auto customer = CreateCustomer(As("admin"), {{"name", Unique("移动分支客户")}, {"org_unit_id", c["id"]}});
  const std::string username = Unique("branch.user");
  CreateUser(username, "sales", c["id"].get<Id>());
  const std::string cpath = CustomerPath(customer["id"].get<Id>());
  EXPECT_EQ(As("dir.east").Get(cpath).status, 200);
  EXPECT_EQ(As("dir.north").Get(cpath).status, 404);

  auto moved = As("admin").Patch(UnitPath(b["id"].get<Id>()), {{"parent_id", north}}, 1);
  ASSERT_EQ(moved.status, 200) << moved.body;
  EXPECT_EQ(moved.Json()["parent_id"], north);
  EXPECT_EQ(As("dir.east").Get(cpath).status, 404);
  EXPECT_EQ(As("dir.north").Get(cpath).status, 200);
  EXPECT_TRUE(IdSet(ListAll(As("dir.north"), "/api/v1/customers", "")).count(customer["id"].get<Id>()));
  auto north_users = ListAll(As("dir.north"), "/api/v1/users", "q=" + username);
  EXPECT_EQ(north_users.size(), 1u);
  EXPECT_TRUE(ListAll(As("dir.east"), "/api/v1/users", "q=" + username).empty());
}

TEST(OrgUnits, DeletingRequiresAnEmptyLeaf) {
  const Id east = UnitIdByName("华东区域");
  auto parent = CreateUnit(Unique("删除父"), east);
  auto child = CreateUnit(Unique("删除子"), parent["id"].get<Id>());
  auto with_user = CreateUnit(Unique("有用户"), east);
  CreateUser(Unique("unit.user"), "sales", with_user["id"].get<Id>());
  auto with_customer = CreateUnit(Unique("有客户"), east);
  CreateCustomer(As("admin"), {{"name", Unique("单元客户")}, {"org_unit_id", with_customer["id"]}});

  for (const auto& unit : {parent, with_user, with_customer}) {
    auto r = As("admin").Delete(UnitPath(unit["id"].get<Id>()), 1);
    EXPECT_EQ(r.status, 409) << unit["name"] << ": " << r.body;
    EXPECT_EQ(r.ErrorCode(), "conflict");
    EXPECT_EQ(As("admin").Get(UnitPath(unit["id"].get<Id>())).status, 200);
  }
  const Id root = UnitIdByName("华擎工业集团有限公司总部");
  EXPECT_EQ(As("admin").Delete(UnitPath(root), GetJson(As("admin"), UnitPath(root))["version"].get<Id>()).status, 409);

  EXPECT_EQ(As("admin").Delete(UnitPath(child["id"].get<Id>()), 2).status, 412);
  EXPECT_EQ(As("admin").Delete(UnitPath(child["id"].get<Id>()), std::nullopt).status, 400);
  const Id before = LatestAuditId();
  ASSERT_EQ(As("admin").Delete(UnitPath(child["id"].get<Id>()), 1).status, 204);
  EXPECT_EQ(As("admin").Get(UnitPath(child["id"].get<Id>())).status, 404);
  EXPECT_EQ(As("admin").Delete(UnitPath(parent["id"].get<Id>()), 1).status, 204) << "now a leaf";
  auto rows = AuditSince(before, "action=org_unit.delete");
  EXPECT_EQ(rows.size(), 2u);
}

}  // namespace
}  // namespace kams::test
