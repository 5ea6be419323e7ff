// Contacts under a customer: CRUD with versions, reporting lines (same customer, no
// cycles, cleared when the boss goes), paging and audit.
#include <gtest/gtest.h>

#include "api_util.h"

namespace kams::test {
namespace {

class Contacts : public ::testing::Test {
 protected:
  void SetUp() override {
    customer_ = CreateCustomer(As("kam.sz"), {{"name", Unique("联系人测试客户")}, {"stage", "active"}});
    base_ = CustomerPath(customer_["id"].get<Id>()) + "/contacts";
  }
  json Add(const json& body, const std::string& base = "") {
    auto r = As("kam.sz").Post(base.empty() ? base_ : base, body);
    if (r.status != 201) throw std::runtime_error("create contact: " + r.body);
    return r.Json();
  }
  std::string PathOf(const json& contact) const {
    return base_ + "/" + std::to_string(contact["id"].get<Id>());
  }
  json Get(const json& contact) const { return GetJson(As("kam.sz"), PathOf(contact)); }

  json customer_;
  std::string base_;
};

TEST_F(Contacts, CreateReadUpdateDeleteWithVersions) {
  const auto& kam = As("kam.sz");
  const json body = {{"name", "王建华"},          {"title", "采购总监"},
                     {"department", "采购部"},     {"phone", "13912345678"},
                     {"email", "wang.jh@example.cn"}, {"buying_role", "decision_maker"},
                     {"interests", "围棋、钓鱼"}, {"birthday", "1975-10-08"},
                     {"notes", "喜欢早上开会"}};
  auto r = kam.Post(base_, body);
  ASSERT_EQ(r.status, 201) << r.body;
  const json c = r.Json();
  EXPECT_EQ(r.Header("location"), PathOf(c));
  EXPECT_EQ(r.Header("etag"), "\"1\"");
  EXPECT_EQ(c["version"], 1);
  EXPECT_EQ(c["customer_id"], customer_["id"]);
  EXPECT_TRUE(c["reports_to_id"].is_null());
  for (auto it = body.begin(); it != body.end(); ++it) EXPECT_EQ(c[it.key()], it.value()) << it.key();

  EXPECT_EQ(Get(c), c);
  auto list = GetJson(kam, base_);
  ASSERT_EQ(list["items"].size(), 1u);
  EXPECT_EQ(list["items"][0], c);

  auto patched = kam.Patch(PathOf(c), {{"title", "副总经理"}, {"buying_role", "influencer"}}, 1);
  ASSERT_EQ(patched.status, 200) << patched.body;
  EXPECT_EQ(patched.Json()["version"], 2);
  EXPECT_EQ(patched.Header("etag"), "\"2\"");
  EXPECT_EQ(Get(c)["title"], "副总经理");

  auto stale = kam.Patch(PathOf(c), {{"title", "董事长"}}, 1);
  EXPECT_EQ(stale.status, 412);
  EXPECT_EQ(Get(c)["title"], "副总经理");
  EXPECT_EQ(kam.Patch(PathOf(c), {{"title", "董事长"}}, std::nullopt).status, 400);
  EXPECT_EQ(kam.Delete(PathOf(c), std::nullopt).status, 400);
  EXPECT_EQ(kam.Delete(PathOf(c), 1).status, 412);

  auto del = kam.Delete(PathOf(c), 2);
  ASSERT_EQ(del.status, 204) << del.body;
  EXPECT_EQ(kam.Get(PathOf(c)).status, 404);
  EXPECT_EQ(kam.Patch(PathOf(c), {{"title", "x"}}, 2).status, 404);
  EXPECT_EQ(kam.Delete(PathOf(c), 2).status, 404);
  EXPECT_TRUE(GetJson(kam, base_)["items"].empty());
}

TEST_F(Contacts, EveryChangeIsAuditedWithTheCustomer) {
  const Id before = LatestAuditId();
  auto c = Add({{"name", "审计联系人"}, {"phone", "13900000000"}});
  ASSERT_EQ(As("kam.sz").Patch(PathOf(c), {{"phone", "13900000001"}}, 1).status, 200);
  ASSERT_EQ(As("kam.sz").Delete(PathOf(c), 2).status, 204);
  auto rows = AuditSince(before, "entity=contact&entity_id=" + std::to_string(c["id"].get<Id>()));
  ASSERT_EQ(rows.size(), 3u);
  // Newest first.
  EXPECT_EQ(rows[0]["action"], "contact.delete");
  EXPECT_EQ(rows[1]["action"], "contact.update");
  EXPECT_EQ(rows[2]["action"], "contact.create");
  for (const auto& row : rows) {
    EXPECT_EQ(row["customer_id"], customer_["id"]);
    EXPECT_EQ(row["actor_id"], UserId("kam.sz"));
  }
  EXPECT_EQ(Changes(rows[1])["phone"], std::make_pair(json("13900000000"), json("13900000001")));
  EXPECT_EQ(Changes(rows[2])["name"].second, "审计联系人");
  EXPECT_EQ(Changes(rows[0])["name"].first, "审计联系人");
  // The customer's own trail lists its contacts' changes too.
  auto by_customer = AuditSince(before, "customer_id=" + std::to_string(customer_["id"].get<Id>()));
  EXPECT_EQ(by_customer.size(), 3u);
}

TEST_F(Contacts, ReportsToMustBeAContactOfTheSameCustomer) {
  auto boss = Add({{"name", "李总"}});
  auto other = CreateCustomer(As("kam.sz"), {{"name", Unique("另一家客户")}});
  const std::string other_base = CustomerPath(other["id"].get<Id>()) + "/contacts";
  auto foreign = Add({{"name", "外单位的人"}}, other_base);

  auto cross = As("kam.sz").Post(base_, {{"name", "张三"}, {"reports_to_id", foreign["id"]}});
  EXPECT_EQ(cross.status, 400) << cross.body;
  EXPECT_EQ(cross.ErrorCode(), "validation_failed");
  EXPECT_EQ(cross.Json()["error"]["fields"]["reports_to_id"], "not_found");
  auto missing = As("kam.sz").Post(base_, {{"name", "张三"}, {"reports_to_id", 987654321}});
  EXPECT_EQ(missing.status, 400);
  EXPECT_EQ(GetJson(As("kam.sz"), base_)["items"].size(), 1u);

  auto report = Add({{"name", "张三"}, {"reports_to_id", boss["id"]}});
  EXPECT_EQ(report["reports_to_id"], boss["id"]);
  auto move_out = As("kam.sz").Patch(PathOf(report), {{"reports_to_id", foreign["id"]}}, 1);
  EXPECT_EQ(move_out.status, 400) << move_out.body;
  EXPECT_EQ(Get(report)["reports_to_id"], boss["id"]);
  EXPECT_EQ(Get(report)["version"], 1);
}

TEST_F(Contacts, ReportingCyclesAreRefused) {
  auto a = Add({{"name", "甲"}});
  auto b = Add({{"name", "乙"}});
  auto c = Add({{"name", "丙"}});

  auto self = As("kam.sz").Patch(PathOf(a), {{"reports_to_id", a["id"]}}, 1);
  EXPECT_EQ(self.status, 400) << self.body;
  EXPECT_TRUE(self.Json()["error"]["fields"].contains("reports_to_id"));

  ASSERT_EQ(As("kam.sz").Patch(PathOf(a), {{"reports_to_id", b["id"]}}, 1).status, 200);  // a → b
  auto two = As("kam.sz").Patch(PathOf(b), {{"reports_to_id", a["id"]}}, 1);             // b → a
  EXPECT_EQ(two.status, 400) << two.body;
  EXPECT_EQ(two.Json()["error"]["fields"]["reports_to_id"], "cycle");
  EXPECT_TRUE(Get(b)["reports_to_id"].is_null());

  ASSERT_EQ(As("kam.sz").Patch(PathOf(b), {{"reports_to_id", c["id"]}}, 1).status, 200);  // b → c
  auto three = As("kam.sz").Patch(PathOf(c), {{"reports_to_id", a["id"]}}, 1);            // c → a
  EXPECT_EQ(three.status, 400) << three.body;
  EXPECT_EQ(three.Json()["error"]["fields"]["reports_to_id"], "cycle");
  EXPECT_TRUE(Get(c)["reports_to_id"].is_null());
  EXPECT_EQ(Get(c)["version"], 1);
}

TEST_F(Contacts, DeletingABossClearsTheReportsOfItsReports) {
  auto boss = Add({{"name", "老板"}});
  auto r1 = Add({{"name", "下属一"}, {"reports_to_id", boss["id"]}});
  auto r2 = Add({{"name", "下属二"}, {"reports_to_id", boss["id"]}});
  auto grand = Add({{"name", "下属一的下属"}, {"reports_to_id", r1["id"]}});
  ASSERT_EQ(As("kam.sz").Delete(PathOf(boss), 1).status, 204);
  auto r1_after = Get(r1);
  EXPECT_TRUE(r1_after["reports_to_id"].is_null());
  EXPECT_GT(r1_after["version"].get<Id>(), 1) << "a changed contact gets a new version";
  EXPECT_TRUE(Get(r2)["reports_to_id"].is_null());
  EXPECT_EQ(Get(grand)["reports_to_id"], r1["id"]);
  // The stale version no longer applies to the changed report.
  EXPECT_EQ(As("kam.sz").Patch(PathOf(r1), {{"title", "x"}}, 1).status, 412);
}

TEST_F(Contacts, PagingVisitsEveryContactOnce) {
  std::set<Id> made;
  for (int i = 0; i < 7; ++i) made.insert(Add({{"name", "联系人" + std::to_string(i)}})["id"].get<Id>());
  int pages = 0;
  auto all = ListAll(As("kam.sz"), base_, "", 2, &pages);
  EXPECT_EQ(pages, 4);
  EXPECT_EQ(all.size(), 7u);
  EXPECT_EQ(IdSet(all), made);
  for (const char* bad : {"limit=0", "limit=501", "cursor=zzz", "sort=name"}) {
    auto r = As("kam.sz").Get(base_ + "?" + bad);
    EXPECT_EQ(r.status, 400) << bad;
  }
}

TEST_F(Contacts, ContactsOfADeletedCustomerAreGone) {
  auto c = Add({{"name", "将随客户消失"}});
  auto customer = GetJson(As("admin"), CustomerPath(customer_["id"].get<Id>()));
  ASSERT_EQ(As("admin").Delete(CustomerPath(customer_["id"].get<Id>()), customer["version"].get<Id>()).status, 204);
  EXPECT_EQ(As("kam.sz").Get(base_).status, 404);
  EXPECT_EQ(As("kam.sz").Get(PathOf(c)).status, 404);
  EXPECT_EQ(As("kam.sz").Post(base_, {{"name", "新人"}}).status, 404);
}

TEST_F(Contacts, ExecutiveMayReadButNotWriteContacts) {
  auto c = Add({{"name", "只读联系人"}});
  EXPECT_EQ(As("exec").Get(PathOf(c)).status, 200);
  auto create = As("exec").Post(base_, {{"name", "高层加的人"}});
  EXPECT_EQ(create.status, 403);
  EXPECT_EQ(create.ErrorCode(), "forbidden");
  EXPECT_EQ(As("exec").Patch(PathOf(c), {{"title", "x"}}, 1).status, 403);
  EXPECT_EQ(As("exec").Delete(PathOf(c), 1).status, 403);
  EXPECT_EQ(Get(c)["version"], 1);
  EXPECT_EQ(GetJson(As("kam.sz"), base_)["items"].size(), 1u);
  // A service agent of the region may edit them.
  EXPECT_EQ(As("svc.east").Patch(PathOf(c), {{"title", "客服更新"}}, 1).status, 200);
}

}  // namespace
}  // namespace kams::test
