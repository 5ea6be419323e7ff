// A dossier's history (the audit rows of one customer) for whoever may see the customer,
// and the owner's and org unit's names carried on every dossier.
#include <gtest/gtest.h>

#include "api_util.h"

namespace kams::test {
namespace {

TEST(History, EveryoneWhoSeesTheCustomerSeesItsHistoryNewestFirst) {
  const Client& kam = As("kam.sh");
  json c = CreateCustomer(kam, {{"name", Unique("历史测试客户")}, {"region", "上海市"}});
  const Id id = c["id"];
  auto patched = kam.Patch(CustomerPath(id), {{"phone", "021-66668888"}}, 1);
  ASSERT_EQ(patched.status, 200) << patched.body;
  auto contact = kam.Post(CustomerPath(id) + "/contacts", {{"name", "王经理"}});
  ASSERT_EQ(contact.status, 201) << contact.body;

  auto history = GetJson(kam, CustomerPath(id) + "/history");
  std::vector<std::string> actions;
  for (const auto& row : history["items"]) {
    actions.push_back(row["action"]);
    EXPECT_EQ(row["customer_id"], id);
  }
  ASSERT_GE(actions.size(), 3u);
  EXPECT_EQ(actions[0], "contact.create");
  EXPECT_EQ(actions[1], "customer.update");
  EXPECT_EQ(actions[2], "customer.create");
  EXPECT_EQ(history["items"][1]["changes"][0]["field"], "phone");

  // Paging walks the same rows.
  auto first = GetJson(kam, CustomerPath(id) + "/history?limit=1");
  ASSERT_EQ(first["items"].size(), 1u);
  ASSERT_TRUE(first["next_cursor"].is_string());
  auto second = GetJson(kam, CustomerPath(id) + "/history?limit=1&cursor=" +
                                 UrlEncode(first["next_cursor"].get<std::string>()));
  EXPECT_EQ(second["items"][0]["action"], "customer.update");

  // The unit's director sees it; a KAM of another region does not even learn it exists.
  EXPECT_EQ(As("dir.east").Get(CustomerPath(id) + "/history").status, 200);
  auto other = As("kam.sz").Get(CustomerPath(id) + "/history");
  EXPECT_EQ(other.status, 404);
  EXPECT_EQ(other.ErrorCode(), "not_found");
  EXPECT_EQ(kam.Get(CustomerPath(id) + "/history?entity=customer").status, 400);
  EXPECT_EQ(kam.Get("/api/v1/customers/999999999/history").status, 404);
}

TEST(History, DossiersCarryTheOwnersAndTheUnitsNames) {
  const Client& kam = As("kam.sh");
  json c = CreateCustomer(kam, {{"name", Unique("名称测试客户")}});
  const json me = GetJson(kam, "/api/v1/auth/me")["user"];
  EXPECT_EQ(c["owner_name"], me["display_name"]);
  std::string unit_name;
  for (const auto& u : OrgUnits()) {
    if (u["id"] == me["org_unit_id"]) unit_name = u["name"];
  }
  EXPECT_EQ(c["org_unit_name"], unit_name);
  EXPECT_EQ(GetJson(kam, CustomerPath(c["id"]))["owner_name"], me["display_name"]);

  // Reassigning renames at once; the names are read-only.
  const Client& director = As("dir.east");
  const json successor = CreateUser(Unique("kam-next"), "kam", UserUnit("kam.sh"));
  auto moved = director.Patch(CustomerPath(c["id"]), {{"owner_id", successor["id"]}}, 1);
  ASSERT_EQ(moved.status, 200) << moved.body;
  EXPECT_EQ(moved.Json()["owner_name"], successor["display_name"]);
  auto refused = director.Patch(CustomerPath(c["id"]), {{"owner_name", "someone"}}, 2);
  EXPECT_EQ(refused.status, 400);
  EXPECT_EQ(refused.Json()["error"]["fields"]["owner_name"], "read_only");
  auto page = GetJson(director, "/api/v1/customers?limit=5");
  for (const auto& item : page["items"]) {
    EXPECT_TRUE(item.contains("owner_name"));
    EXPECT_FALSE(item["org_unit_name"].get<std::string>().empty());
  }
}

}  // namespace
}  // namespace kams::test
