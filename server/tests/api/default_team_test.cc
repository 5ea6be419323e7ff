// Default teams per user: set by the user themself, their director or an administrator
// (validated, versioned, audited); applied to a customer's account team on request, and to a
// customer that becomes a key account through an approved nomination.
#include <gtest/gtest.h>

#include <optional>

#include "api_util.h"

namespace kams::test {
namespace {

std::string DefaultTeamPath(Id user) {
  return "/api/v1/users/" + std::to_string(user) + "/default-team";
}

HttpResponse Put(const Client& c, const std::string& path, const json& body,
                 std::optional<long long> version) {
  std::vector<std::pair<std::string, std::string>> headers{{"Content-Type", "application/json"}};
  if (version) headers.emplace_back("If-Match", std::to_string(*version));
  return c.Send("PUT", path, headers, body.dump());
}

std::map<Id, std::string> TeamOf(const Client& c, Id customer) {
  std::map<Id, std::string> out;
  const json team = GetJson(c, CustomerPath(customer) + "/team");
  for (const auto& m : team["items"]) {
    out[m["user_id"].get<Id>()] = m["team_role"].get<std::string>();
  }
  return out;
}

json Member(Id user, const std::string& role) { return {{"user_id", user}, {"team_role", role}}; }

TEST(DefaultTeams, SetByTheUserTheirDirectorOrAnAdminAndValidated) {
  const Id unit = UserUnit("kam.sz");
  const json owner = CreateUser(Unique("kam.team"), "kam", unit);
  const Id owner_id = owner["id"].get<Id>();
  const Client self = Client::Login(owner["username"].get<std::string>(), kTestPassword);
  const Id asst = CreateUser(Unique("asst.team"), "assistant", unit)["id"].get<Id>();
  const Id svc = CreateUser(Unique("svc.team"), "service", unit)["id"].get<Id>();
  const std::string path = DefaultTeamPath(owner_id);

  auto got = self.Get(path);
  ASSERT_EQ(got.status, 200) << got.body;
  EXPECT_EQ(got.Json()["version"], 1);
  EXPECT_TRUE(got.Json()["members"].empty());
  EXPECT_EQ(got.Header("etag"), "\"1\"");

  // Problems name the member and the field; nothing is written.
  auto r = Put(self, path,
               {{"members", {Member(owner_id, "assistant"), Member(asst, "boss"),
                             Member(999999999, "service"), Member(svc, "service"),
                             Member(svc, "technical")}}},
               1);
  ASSERT_EQ(r.status, 400) << r.body;
  json fields = r.Json()["error"]["fields"];
  EXPECT_EQ(fields["members[0].user_id"], "is_owner");
  EXPECT_EQ(fields["members[1].team_role"], "invalid");
  EXPECT_EQ(fields["members[2].user_id"], "not_found");
  EXPECT_EQ(fields["members[4].user_id"], "duplicate");
  r = Put(self, path, {{"members", {{{"user_id", asst}}}}, {"version", 1}}, 1);
  fields = r.Json()["error"]["fields"];
  EXPECT_EQ(fields["members[0].team_role"], "required");
  EXPECT_EQ(fields["version"], "read_only");
  EXPECT_EQ(Put(self, path, json::object(), 1).Json()["error"]["fields"]["members"], "required");
  EXPECT_EQ(Put(self, path, {{"members", json::array()}}, std::nullopt).status, 400);

  // The user sets it; the audit names the members.
  const Id audit_before = LatestAuditId();
  r = Put(self, path, {{"members", {Member(asst, "assistant"), Member(svc, "service")}}}, 1);
  ASSERT_EQ(r.status, 200) << r.body;
  json team = r.Json();
  EXPECT_EQ(team["version"], 2);
  ASSERT_EQ(team["members"].size(), 2u);
  EXPECT_EQ(team["members"][0]["user_id"], asst);
  EXPECT_FALSE(team["members"][0]["display_name"].get<std::string>().empty());
  auto rows = AuditSince(audit_before, "action=default_team.update");
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0]["entity"], "user");
  EXPECT_EQ(rows[0]["entity_id"], owner_id);
  EXPECT_EQ(Changes(rows[0])["members"],
            std::make_pair(json(nullptr),
                           json(std::to_string(asst) + ":assistant," + std::to_string(svc) + ":service")));
  EXPECT_EQ(Put(self, path, {{"members", json::array()}}, 1).status, 412);

  // Their director edits it too; specialists read it but may not edit; others do not see it.
  r = Put(As("dir.east"), path, {{"members", {Member(asst, "assistant"), Member(svc, "technical")}}}, 2);
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.Json()["members"][1]["team_role"], "technical");
  EXPECT_EQ(GetJson(As("specialist"), path)["version"], 3);
  EXPECT_EQ(Put(As("specialist"), path, {{"members", json::array()}}, 3).status, 403);
  EXPECT_EQ(As("kam.sh").Get(path).status, 404);
  EXPECT_EQ(Put(As("kam.sh"), path, {{"members", json::array()}}, 3).status, 404);
  EXPECT_EQ(As("dir.north").Get(path).status, 404);
  EXPECT_EQ(As("admin").Get(DefaultTeamPath(999999999)).status, 404);
}

TEST(DefaultTeams, AppliedOnRequestAndWhenACustomerBecomesAKeyAccount) {
  const Id unit = UserUnit("kam.sz");
  const json owner = CreateUser(Unique("kam.apply"), "kam", unit);
  const Id owner_id = owner["id"].get<Id>();
  const Client kam = Client::Login(owner["username"].get<std::string>(), kTestPassword);
  const Id asst = CreateUser(Unique("asst.apply"), "assistant", unit)["id"].get<Id>();
  const Id svc = CreateUser(Unique("svc.apply"), "service", unit)["id"].get<Id>();
  ASSERT_EQ(Put(kam, DefaultTeamPath(owner_id),
                {{"members", {Member(asst, "assistant"), Member(svc, "service")}}}, 1)
                .status,
            200);

  // On request: directors, specialists and administrators (account_team.write) apply it.
  const Id cid = CreateCustomer(kam, {{"name", Unique("默认团队客户")}})["id"].get<Id>();
  const std::string apply = CustomerPath(cid) + "/team/apply-default";
  EXPECT_EQ(kam.Post(apply, json::object()).status, 403);
  EXPECT_EQ(As("kam.sh").Post(apply, json::object()).status, 403);
  EXPECT_EQ(As("dir.north").Post(apply, json::object()).status, 404);
  EXPECT_EQ(As("dir.east").Post(apply, {{"members", 1}}).Json()["error"]["fields"]["members"],
            "unknown_field");
  // Someone already on the team keeps their part.
  ASSERT_EQ(As("dir.east").Post(CustomerPath(cid) + "/team", Member(svc, "finance")).status, 201);
  const Id audit_before = LatestAuditId();
  auto r = As("dir.east").PostRaw(apply, "");
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.Json()["items"].size(), 2u);
  EXPECT_EQ(TeamOf(kam, cid), (std::map<Id, std::string>{{asst, "assistant"}, {svc, "finance"}}));
  auto rows = AuditSince(audit_before, "action=account_team.apply_default");
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0]["customer_id"], cid);
  EXPECT_EQ(Changes(rows[0])["members"].second, std::to_string(asst) + ":assistant");
  // Again: nothing to add, no audit row.
  ASSERT_EQ(As("dir.east").Post(apply, json::object()).status, 200);
  EXPECT_EQ(AuditSince(audit_before, "action=account_team.apply_default").size(), 1u);

  // A customer without an owner has no default team to apply.
  const Id orphan = CreateCustomer(As("admin"), {{"name", Unique("无负责人客户")},
                                                 {"org_unit_id", unit}})["id"].get<Id>();
  r = As("admin").Post(CustomerPath(orphan) + "/team/apply-default", json::object());
  EXPECT_EQ(r.status, 409) << r.body;

  // Becoming a key account through an approved nomination brings the owner's default team.
  const Id key = CreateCustomer(kam, {{"name", Unique("默认团队大客户")}})["id"].get<Id>();
  r = kam.Post("/api/v1/nominations", {{"customer_id", key}, {"reason", "年采购额大"}});
  ASSERT_EQ(r.status, 201) << r.body;
  const std::string nomination = "/api/v1/nominations/" + std::to_string(r.Json()["id"].get<Id>());
  ASSERT_EQ(As("dir.east").Post(nomination + "/approve", {{"comment", "同意"}}).status, 200);
  EXPECT_TRUE(TeamOf(kam, key).empty()) << "not a key account yet";
  r = As("specialist").Post(nomination + "/approve", {{"comment", "通过"}});
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.Json()["status"], "approved");
  EXPECT_EQ(GetJson(kam, CustomerPath(key))["is_key_account"], true);
  EXPECT_EQ(TeamOf(kam, key), (std::map<Id, std::string>{{asst, "assistant"}, {svc, "service"}}));
  rows = AuditSince(audit_before, "action=account_team.apply_default&customer_id=" + std::to_string(key));
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0]["actor_id"], UserId("specialist"));
  // The team members now see the key account.
  EXPECT_EQ(Client::Login(GetJson(As("admin"), "/api/v1/users/" + std::to_string(asst))["username"]
                              .get<std::string>(),
                          kTestPassword)
                .Get(CustomerPath(key))
                .status,
            200);
}

}  // namespace
}  // namespace kams::test
