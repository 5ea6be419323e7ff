// GET /customers/{id}/users: the colleagues who see a customer, whom a request or a next
// step may be handed to. The list must be exactly the users who can open the dossier.
#include <gtest/gtest.h>

#include "api_util.h"

namespace kams::test {
namespace {

// The demo users of the README, one per role and region at least.
const char* const kDemoUsers[] = {"admin",    "exec",      "specialist", "dir.east", "dir.north",
                                  "dir.south", "dir.west", "kam.sh",     "kam.sz",   "asst.sh",
                                  "svc.east", "sales.sz", "liu.yang"};

std::set<std::string> Usernames(const std::vector<json>& items) {
  std::set<std::string> out;
  for (const auto& u : items) out.insert(u["username"].get<std::string>());
  return out;
}

TEST(UsersWhoSee, AreExactlyTheUsersWhoCanOpenTheDossier) {
  const Client& kam = As("kam.sh");
  const json customer = CreateCustomer(kam, {{"name", Unique("可见同事客户")}});
  const std::string path = CustomerPath(customer["id"].get<Id>()) + "/users";
  // Paged through a small limit, so the cursor is used.
  std::set<std::string> listed = Usernames(ListAll(kam, path, "", 3));
  for (const char* name : kDemoUsers) {
    const bool sees = As(name).Get(CustomerPath(customer["id"].get<Id>())).status == 200;
    EXPECT_EQ(listed.count(name) == 1, sees) << name;
  }
  EXPECT_TRUE(listed.count("kam.sh"));   // the owner
  EXPECT_FALSE(listed.count("kam.sz"));  // another KAM
  EXPECT_FALSE(listed.count("asst.sh"));  // not on the team yet

  // A team seat adds its user; names and roles only.
  ASSERT_EQ(As("admin").Post(path.substr(0, path.size() - 6) + "/team",
                                {{"user_id", UserId("asst.sh")}, {"team_role", "service"}}).status,
            201);
  const std::vector<json> after = ListAll(kam, path, "", 50);
  EXPECT_TRUE(Usernames(after).count("asst.sh"));
  for (const auto& u : after) {
    EXPECT_EQ(u.size(), 5u) << u.dump();  // id, username, display_name, role, org_unit_id
    EXPECT_FALSE(u.contains("email"));
  }

  // Filters: part of the name, role.
  const json dirs = GetJson(kam, path + "?role=director");
  ASSERT_FALSE(dirs["items"].empty());
  for (const auto& u : dirs["items"]) EXPECT_EQ(u["role"], "director");
  const json named = GetJson(kam, path + "?q=" + UrlEncode("kam.s"));
  EXPECT_EQ(Usernames(named["items"]), (std::set<std::string>{"kam.sh"}));
}

TEST(UsersWhoSee, LeaveOutDisabledUsersAndAnswerOnlyThoseWhoSeeTheCustomer) {
  const Client& admin = As("admin");
  const std::string username = Unique("seer").substr(0, 30);
  auto created = admin.Post("/api/v1/users", {{"username", username},
                                              {"display_name", "临时专员"},
                                              {"role", "specialist"},
                                              {"org_unit_id", As("specialist").user["org_unit_id"]},
                                              {"password", kTestPassword}});
  ASSERT_EQ(created.status, 201) << created.body;
  const json customer = CreateCustomer(As("kam.sh"), {{"name", Unique("停用同事客户")}});
  const std::string path = CustomerPath(customer["id"].get<Id>()) + "/users";
  EXPECT_TRUE(Usernames(ListAll(admin, path, "", 100)).count(username));
  const json user = created.Json();
  ASSERT_EQ(admin.Patch("/api/v1/users/" + std::to_string(user["id"].get<Id>()),
                        {{"active", false}}, user["version"].get<long long>()).status,
            200);
  EXPECT_FALSE(Usernames(ListAll(admin, path, "", 100)).count(username));

  // Outside the caller's scope the customer does not exist; bad filters are named.
  EXPECT_EQ(As("kam.sz").Get(path).status, 404);
  EXPECT_EQ(As("dir.north").Get(path).status, 404);
  EXPECT_EQ(admin.Get(CustomerPath(999999999) + "/users").status, 404);
  EXPECT_EQ(admin.Get(path + "?role=boss").ErrorCode(), "validation_failed");
  EXPECT_EQ(admin.Get(path + "?q=" + std::string(101, 'x')).ErrorCode(), "validation_failed");
  EXPECT_EQ(admin.Get(path + "?colour=red").status, 400);
}

}  // namespace
}  // namespace kams::test
