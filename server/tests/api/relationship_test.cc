// The relationship stage (observer → strategic partner) and loyalty as dossier fields, with
// their own history drawn from the audit trail.
#include <gtest/gtest.h>

#include "api_util.h"

namespace kams::test {
namespace {

TEST(Relationship, StageAndLoyaltyAreEditedAndKeepTheirOwnHistory) {
  const Client& kam = As("kam.sz");
  json c = CreateCustomer(kam, {{"name", Unique("关系阶段客户")}, {"relationship_stage", "observer"}});
  const std::string path = CustomerPath(c["id"].get<Id>());
  EXPECT_EQ(c["relationship_stage"], "observer");
  EXPECT_TRUE(c["loyalty"].is_null());

  auto r = kam.Patch(path, {{"relationship_stage", "supplier"}, {"loyalty", "new"}}, 1);
  ASSERT_EQ(r.status, 200) << r.body;
  r = kam.Patch(path, {{"phone", "0512-66668888"}}, 2);  // not part of the relationship history
  ASSERT_EQ(r.status, 200) << r.body;
  r = kam.Patch(path, {{"relationship_stage", "preferred_supplier"}, {"loyalty", "regular"},
                       {"business_notes", "年度框架协议续签"}},
                3);
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.Json()["relationship_stage"], "preferred_supplier");
  EXPECT_EQ(r.Json()["loyalty"], "regular");

  // Unknown values are refused and change nothing.
  r = kam.Patch(path, {{"relationship_stage", "best_friend"}, {"loyalty", "fanatic"}}, 4);
  EXPECT_EQ(r.status, 400) << r.body;
  EXPECT_EQ(r.Json()["error"]["fields"]["relationship_stage"], "invalid");
  EXPECT_EQ(r.Json()["error"]["fields"]["loyalty"], "invalid");
  EXPECT_EQ(GetJson(kam, path)["version"], 4);

  // The history: newest first, creation included, only these two fields in each record.
  json history = GetJson(kam, path + "/relationship-history")["items"];
  ASSERT_EQ(history.size(), 3u) << history.dump();
  std::map<std::string, json> latest;
  for (const auto& change : history[0]["changes"]) latest[change["field"].get<std::string>()] = change;
  ASSERT_EQ(latest.size(), 2u) << history[0].dump();
  EXPECT_EQ(latest["relationship_stage"]["before"], "supplier");
  EXPECT_EQ(latest["relationship_stage"]["after"], "preferred_supplier");
  EXPECT_EQ(latest["loyalty"]["before"], "new");
  EXPECT_EQ(latest["loyalty"]["after"], "regular");
  EXPECT_EQ(history[0]["actor_id"], UserId("kam.sz"));
  EXPECT_EQ(history[2]["action"], "customer.create");
  ASSERT_EQ(history[2]["changes"].size(), 1u);
  EXPECT_EQ(history[2]["changes"][0]["after"], "observer");

  // Filters on the dossier list keep working; the history follows scope.
  EXPECT_EQ(As("kam.sh").Get(path + "/relationship-history").status, 404);
  EXPECT_EQ(kam.Get(path + "/relationship-history?limit=0").status, 400);
}

}  // namespace
}  // namespace kams::test
