// Permissions (which actions a role may take), separate from scope. Every refusal is a
// 403 `forbidden` that changes nothing and leaves an `access.denied` audit row.
#include <gtest/gtest.h>

#include "api_util.h"

namespace kams::test {
namespace {

void ExpectDeniedAndAudited(const HttpResponse& r, const std::string& username, Id audit_before,
                            const std::string& entity) {
  EXPECT_EQ(r.status, 403) << r.body;
  EXPECT_EQ(r.ErrorCode(), "forbidden");
  auto rows = AuditSince(audit_before, "action=access.denied&actor_id=" + std::to_string(UserId(username)));
  ASSERT_EQ(rows.size(), 1u) << username;
  EXPECT_EQ(rows[0]["entity"], entity);
  EXPECT_EQ(rows[0]["actor_name"], username);
  EXPECT_FALSE(rows[0]["changes"].empty()) << "the row should say which permission was missing";
}

TEST(Permissions, CreatingCustomersFollowsTheRoleTable) {
  const std::map<std::string, bool> may_create = {
      {"admin", true}, {"exec", false},   {"dir.east", true},   {"kam.sz", true},
      {"asst.sh", true}, {"specialist", true}, {"svc.east", false}, {"sales.sz", true}};
  for (const auto& [user, allowed] : may_create) {
    SCOPED_TRACE(user);
    const Id newest = LatestCustomerId();
    const Id audit = LatestAuditId();
    const std::string name = Unique("权限创建测试");
    auto r = As(user).Post("/api/v1/customers", {{"name", name}, {"org_unit_id", UserUnit(user)}});
    if (allowed) {
      EXPECT_EQ(r.status, 201) << r.body;
      auto rows = AuditSince(audit, "action=customer.create");
      ASSERT_EQ(rows.size(), 1u);
      EXPECT_EQ(rows[0]["actor_id"], UserId(user));
    } else {
      ExpectDeniedAndAudited(r, user, audit, "customer");
      EXPECT_EQ(LatestCustomerId(), newest);
    }
  }
}

TEST(Permissions, FrontLineRolesOwnWhatTheyCreate) {
  for (const char* user : {"kam.sz", "asst.sh", "sales.sz"}) {
    auto c = CreateCustomer(As(user), {{"name", Unique("自建客户")}});
    EXPECT_EQ(c["owner_id"], UserId(user)) << user;
    EXPECT_EQ(As(user).Get(CustomerPath(c["id"].get<Id>())).status, 200) << user;
  }
  // Handing a new customer to someone else is an assignment they may not make.
  const Id audit = LatestAuditId();
  const Id newest = LatestCustomerId();
  auto r = As("kam.sz").Post("/api/v1/customers", {{"name", Unique("指派给别人")}, {"owner_id", UserId("kam.sh")}});
  ExpectDeniedAndAudited(r, "kam.sz", audit, "customer");
  EXPECT_EQ(LatestCustomerId(), newest);
}

TEST(Permissions, KamCannotReassignOwnerOrUnitNorDelete) {
  auto c = CreateCustomer(As("kam.sz"), {{"name", Unique("负责人变更测试")}});
  const std::string path = CustomerPath(c["id"].get<Id>());

  Id audit = LatestAuditId();
  ExpectDeniedAndAudited(As("kam.sz").Patch(path, {{"owner_id", UserId("kam.sh")}}, 1), "kam.sz", audit, "customer");
  audit = LatestAuditId();
  ExpectDeniedAndAudited(As("kam.sz").Patch(path, {{"owner_id", nullptr}}, 1), "kam.sz", audit, "customer");
  audit = LatestAuditId();
  ExpectDeniedAndAudited(As("kam.sz").Patch(path, {{"org_unit_id", UnitIdByName("华东区域")}}, 1), "kam.sz",
                         audit, "customer");
  audit = LatestAuditId();
  auto del = As("kam.sz").Delete(path, 1);
  ExpectDeniedAndAudited(del, "kam.sz", audit, "customer");
  EXPECT_EQ(AuditSince(audit, "action=access.denied")[0]["entity_id"], c["id"]);

  auto after = GetJson(As("kam.sz"), path);
  EXPECT_EQ(after["version"], 1);
  EXPECT_EQ(after["owner_id"], UserId("kam.sz"));
  EXPECT_EQ(after["org_unit_id"], c["org_unit_id"]);
  // Re-sending the same owner is not a reassignment.
  EXPECT_EQ(As("kam.sz").Patch(path, {{"owner_id", UserId("kam.sz")}, {"phone", "13800000005"}}, 1).status, 200);
}

TEST(Permissions, DirectorAndSpecialistReassignAndOnlyAdminOrSpecialistDelete) {
  auto c = CreateCustomer(As("kam.sz"), {{"name", Unique("主管指派测试")}});
  const std::string path = CustomerPath(c["id"].get<Id>());
  auto moved = As("dir.east").Patch(path, {{"owner_id", UserId("kam.sh")}, {"org_unit_id", UnitIdByName("上海分公司")}}, 1);
  ASSERT_EQ(moved.status, 200) << moved.body;
  EXPECT_EQ(moved.Json()["version"], 2);
  EXPECT_EQ(As("kam.sz").Get(path).status, 404) << "no longer kam.sz's account";
  EXPECT_EQ(As("kam.sh").Get(path).status, 200);

  for (const char* user : {"dir.east", "svc.east", "asst.sh", "sales.sz", "exec"}) {
    auto r = As(user).Delete(path, 2);
    EXPECT_EQ(r.status, 403) << user << ": " << r.body;
  }
  auto by_specialist = As("specialist").Delete(path, 2);
  EXPECT_EQ(by_specialist.status, 204) << by_specialist.body;
  EXPECT_EQ(As("admin").Get(path).status, 404);
}

TEST(Permissions, ExecutiveReadsEverythingButEditsNothing) {
  auto c = CreateCustomer(As("kam.sz"), {{"name", Unique("高层只读测试")}});
  const std::string path = CustomerPath(c["id"].get<Id>());
  EXPECT_EQ(As("exec").Get(path).status, 200);
  const Id audit = LatestAuditId();
  ExpectDeniedAndAudited(As("exec").Patch(path, {{"phone", "13800000000"}}, 1), "exec", audit, "customer");
  EXPECT_EQ(GetJson(As("admin"), path)["version"], 1);
  // A service agent may edit the dossier but not create one.
  EXPECT_EQ(As("svc.east").Patch(path, {{"phone", "13800000006"}}, 1).status, 200);
}

TEST(Permissions, AccountTeamsAreManagedByDirectorsSpecialistsAndAdmins) {
  auto c = CreateCustomer(As("kam.sz"), {{"name", Unique("团队权限测试")}});
  const std::string team = CustomerPath(c["id"].get<Id>()) + "/team";
  const json member = {{"user_id", UserId("sales.sz")}, {"team_role", "sales"}};
  const Id audit = LatestAuditId();
  ExpectDeniedAndAudited(As("kam.sz").Post(team, member), "kam.sz", audit, "customer");
  EXPECT_TRUE(GetJson(As("kam.sz"), team)["items"].empty());

  auto added = As("dir.east").Post(team, member);
  ASSERT_EQ(added.status, 201) << added.body;
  EXPECT_EQ(added.Json()["user_id"], UserId("sales.sz"));
  EXPECT_EQ(As("dir.east").Post(team, member).status, 409) << "already on the team";
  EXPECT_EQ(As("dir.east").Post(team, {{"user_id", UserId("kam.sz")}, {"team_role", "other"}}).status, 409)
      << "the owner is already responsible";
  auto bad_role = As("dir.east").Post(team, {{"user_id", UserId("asst.sh")}, {"team_role", "boss"}});
  EXPECT_EQ(bad_role.status, 400);
  EXPECT_EQ(bad_role.Json()["error"]["fields"]["team_role"], "invalid");
  EXPECT_EQ(As("dir.east").Post(team, {{"user_id", 987654}, {"team_role", "sales"}}).status, 400);
  EXPECT_EQ(As("dir.east").Post(team, {{"team_role", "sales"}}).status, 400);

  auto rows = GetJson(As("kam.sz"), team)["items"];
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0]["team_role"], "sales");
  EXPECT_EQ(As("sales.sz").Get(CustomerPath(c["id"].get<Id>())).status, 200) << "team members see the account";

  EXPECT_EQ(As("kam.sz").Delete(team + "/" + std::to_string(UserId("sales.sz")), std::nullopt).status, 403);
  EXPECT_EQ(As("dir.east").Delete(team + "/" + std::to_string(UserId("sales.sz")), std::nullopt).status, 204);
  EXPECT_EQ(As("dir.east").Delete(team + "/" + std::to_string(UserId("sales.sz")), std::nullopt).status, 404);
  EXPECT_EQ(As("sales.sz").Get(CustomerPath(c["id"].get<Id>())).status, 404);
  auto trail = AuditRows("entity=customer&entity_id=" + std::to_string(c["id"].get<Id>()));
  std::set<std::string> actions;
  for (const auto& row : trail) actions.insert(row["action"].get<std::string>());
  EXPECT_TRUE(actions.count("account_team.add"));
  EXPECT_TRUE(actions.count("account_team.remove"));
}

TEST(Permissions, OnlyAdminManagesUsersAndOrgUnits) {
  const Id suzhou = UnitIdByName("苏州分公司");
  // Targets of our own, so a wrongly allowed change cannot break other tests.
  auto unit_r = As("admin").Post("/api/v1/org-units", {{"name", Unique("权限目标单元")}, {"kind", "branch"}, {"parent_id", suzhou}});
  ASSERT_EQ(unit_r.status, 201) << unit_r.body;
  const json unit = unit_r.Json();
  const std::string unit_path = "/api/v1/org-units/" + unit["id"].dump();
  const json target = CreateUser(Unique("perm.target"), "sales", suzhou);
  const std::string user_path = "/api/v1/users/" + target["id"].dump();
  for (const char* user : {"exec", "specialist", "dir.east", "kam.sz", "svc.east"}) {
    SCOPED_TRACE(user);
    Id audit = LatestAuditId();
    auto create_user = As(user).Post("/api/v1/users", {{"username", Unique("nobody")},
                                                       {"display_name", "不该存在"},
                                                       {"role", "kam"},
                                                       {"org_unit_id", suzhou},
                                                       {"password", kTestPassword}});
    ExpectDeniedAndAudited(create_user, user, audit, "user");
    audit = LatestAuditId();
    auto create_unit = As(user).Post("/api/v1/org-units", {{"name", Unique("不该存在")}, {"kind", "city"}, {"parent_id", suzhou}});
    ExpectDeniedAndAudited(create_unit, user, audit, "org_unit");
    audit = LatestAuditId();
    ExpectDeniedAndAudited(As(user).Patch(unit_path, {{"name", "改名"}}, 1), user, audit, "org_unit");
    audit = LatestAuditId();
    ExpectDeniedAndAudited(As(user).Delete(unit_path, 1), user, audit, "org_unit");
    audit = LatestAuditId();
    ExpectDeniedAndAudited(As(user).Post(user_path + "/reset-password", {{"password", "Another-pass-1"}}), user,
                           audit, "user");
    audit = LatestAuditId();
    ExpectDeniedAndAudited(As(user).Patch(user_path, {{"active", false}}, 1), user, audit, "user");
  }
  EXPECT_EQ(GetJson(As("admin"), unit_path), unit);
  EXPECT_EQ(GetJson(As("admin"), user_path), target);
  EXPECT_NO_THROW(Client::Login(target["username"], kTestPassword)) << "the password was not reset";
}

TEST(Permissions, ListingUsersFollowsTheRoleTable) {
  for (const char* user : {"admin", "exec", "specialist", "dir.east"}) {
    EXPECT_EQ(As(user).Get("/api/v1/users").status, 200) << user;
  }
  for (const char* user : {"kam.sz", "asst.sh", "svc.east", "sales.sz"}) {
    auto r = As(user).Get("/api/v1/users");
    EXPECT_EQ(r.status, 403) << user;
    EXPECT_EQ(r.ErrorCode(), "forbidden");
    // Everyone may read their own record.
    EXPECT_EQ(As(user).Get("/api/v1/users/" + std::to_string(UserId(user))).status, 200) << user;
    EXPECT_EQ(As(user).Get("/api/v1/users/" + std::to_string(UserId("admin"))).status, 404) << user;
  }
}

TEST(Permissions, OnlyAdminAndSpecialistReadTheAuditLog) {
  for (const char* user : {"admin", "specialist"}) {
    auto r = As(user).Get("/api/v1/audit?limit=5");
    EXPECT_EQ(r.status, 200) << user;
    EXPECT_EQ(r.Json()["items"].size(), 5u);
  }
  for (const char* user : {"exec", "dir.east", "kam.sz", "asst.sh", "svc.east", "sales.sz"}) {
    const Id audit = LatestAuditId();
    auto r = As(user).Get("/api/v1/audit?limit=5");
    ExpectDeniedAndAudited(r, user, audit, "audit");
    EXPECT_FALSE(Contains(r.body, "\"items\""));
  }
}

}  // namespace
}  // namespace kams::test
