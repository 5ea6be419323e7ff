// Contracts under a customer: CRUD with versions, termination, unique numbers, the rules
// on dates and amounts, who may write, scope, audit, paging, and My day's reminder of the
// contracts about to end.
#include <gtest/gtest.h>

#include "api_util.h"

namespace kams::test {
namespace {

class Contracts : public ::testing::Test {
 protected:
  void SetUp() override {
    customer_ = CreateCustomer(As("kam.sz"), {{"name", Unique("合同测试客户")}, {"stage", "active"}});
    base_ = CustomerPath(customer_["id"].get<Id>()) + "/contracts";
  }
  json Add(json body) {
    if (!body.contains("number")) body["number"] = Unique("HT-");
    if (!body.contains("title")) body["title"] = "年度供货合同";
    if (!body.contains("starts_on")) body["starts_on"] = "2026-01-01";
    auto r = As("kam.sz").Post(base_, body);
    if (r.status != 201) throw std::runtime_error("create contract: " + r.body);
    return r.Json();
  }
  std::string PathOf(const json& contract) const {
    return base_ + "/" + std::to_string(contract["id"].get<Id>());
  }
  json Get(const json& contract) const { return GetJson(As("kam.sz"), PathOf(contract)); }

  json customer_;
  std::string base_;
};

TEST_F(Contracts, RecordReadEditTerminateAndDeleteWithVersions) {
  const auto& kam = As("kam.sz");
  const json body = {{"number", "HT-2026-001"},        {"title", "2026 年度电力设备供货合同"},
                     {"signed_on", "2025-12-20"},      {"starts_on", "2026-01-01"},
                     {"ends_on", "2026-12-31"},        {"amount_fen", 128000000},
                     {"notes", "含两次免费巡检"}};
  auto r = kam.Post(base_, body);
  ASSERT_EQ(r.status, 201) << r.body;
  const json c = r.Json();
  EXPECT_EQ(r.Header("location"), PathOf(c));
  EXPECT_EQ(r.Header("etag"), "\"1\"");
  EXPECT_EQ(c["status"], "active");
  EXPECT_EQ(c["customer_id"], customer_["id"]);
  EXPECT_EQ(c["created_by"], UserId("kam.sz"));
  EXPECT_TRUE(c["terminated_on"].is_null());
  for (auto it = body.begin(); it != body.end(); ++it) EXPECT_EQ(c[it.key()], it.value()) << it.key();
  EXPECT_EQ(Get(c), c);
  auto list = GetJson(kam, base_);
  ASSERT_EQ(list["items"].size(), 1u);
  EXPECT_EQ(list["items"][0], c);

  // The same number again for this customer: 409, nothing recorded.
  auto twice = kam.Post(base_, body);
  EXPECT_EQ(twice.status, 409) << twice.body;
  EXPECT_EQ(twice.Json()["error"]["fields"]["number"], "taken");
  EXPECT_EQ(GetJson(kam, base_)["items"].size(), 1u);

  auto patched = kam.Patch(PathOf(c), {{"ends_on", "2027-06-30"}, {"amount_fen", 150000000}}, 1);
  ASSERT_EQ(patched.status, 200) << patched.body;
  EXPECT_EQ(patched.Json()["version"], 2);
  EXPECT_EQ(Get(c)["ends_on"], "2027-06-30");
  EXPECT_EQ(kam.Patch(PathOf(c), {{"title", "旧版本"}}, 1).status, 412);

  // Terminating needs the day; a reason is kept with it.
  auto no_day = kam.Patch(PathOf(c), {{"status", "terminated"}}, 2);
  EXPECT_EQ(no_day.status, 400);
  EXPECT_EQ(no_day.Json()["error"]["fields"]["terminated_on"], "required");
  auto ended = kam.Patch(PathOf(c),
                         {{"status", "terminated"},
                          {"terminated_on", "2026-09-30"},
                          {"termination_reason", "客户改制，双方协商提前终止"}},
                         2);
  ASSERT_EQ(ended.status, 200) << ended.body;
  EXPECT_EQ(ended.Json()["status"], "terminated");
  EXPECT_EQ(ended.Json()["version"], 3);

  EXPECT_EQ(kam.Delete(PathOf(c), std::nullopt).status, 400);
  EXPECT_EQ(kam.Delete(PathOf(c), 2).status, 412);
  ASSERT_EQ(kam.Delete(PathOf(c), 3).status, 204);
  EXPECT_EQ(kam.Get(PathOf(c)).status, 404);
  EXPECT_TRUE(GetJson(kam, base_)["items"].empty());
}

TEST_F(Contracts, BadInputIsRefusedNamingEachFieldAndChangesNothing) {
  const auto& kam = As("kam.sz");
  struct Case {
    json body;
    std::string field;
    std::string problem;
  };
  const std::vector<Case> cases = {
      {{{"title", "x"}, {"starts_on", "2026-01-01"}}, "number", "required"},
      {{{"number", "A"}, {"starts_on", "2026-01-01"}}, "title", "required"},
      {{{"number", "A"}, {"title", "x"}}, "starts_on", "required"},
      {{{"number", "A"}, {"title", "x"}, {"starts_on", "2026-02-30"}}, "starts_on", "invalid_date"},
      {{{"number", "A"}, {"title", "x"}, {"starts_on", "2026-03-01"}, {"ends_on", "2026-02-28"}},
       "ends_on", "before_start"},
      {{{"number", "A"}, {"title", "x"}, {"starts_on", "2026-03-01"}, {"amount_fen", -1}},
       "amount_fen", "out_of_range"},
      {{{"number", "A"}, {"title", "x"}, {"starts_on", "2026-03-01"}, {"amount_fen", "100"}},
       "amount_fen", "must_be_integer"},
      {{{"number", "A"}, {"title", "x"}, {"starts_on", "2026-03-01"}, {"status", "expired"}},
       "status", "invalid"},
      {{{"number", "A"}, {"title", "x"}, {"starts_on", "2026-03-01"}, {"terminated_on", "2026-04-01"}},
       "terminated_on", "only_when_terminated"},
      {{{"number", std::string(51, 'N')}, {"title", "x"}, {"starts_on", "2026-03-01"}}, "number",
       "too_long"},
      {{{"number", "A"}, {"title", "x"}, {"starts_on", "2026-03-01"}, {"version", 7}}, "version",
       "read_only"},
      {{{"number", "A"}, {"title", "x"}, {"starts_on", "2026-03-01"}, {"customer_id", 1}},
       "customer_id", "read_only"},
      {{{"number", "A"}, {"title", "x"}, {"starts_on", "2026-03-01"}, {"owner", 1}}, "owner",
       "unknown_field"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.body.dump());
    auto r = kam.Post(base_, c.body);
    ASSERT_EQ(r.status, 400) << r.body;
    EXPECT_EQ(r.Json()["error"]["fields"].value(c.field, ""), c.problem) << r.body;
  }
  EXPECT_TRUE(GetJson(kam, base_)["items"].empty());
}

TEST_F(Contracts, OnlyRolesWithContractWriteMayWriteAndOnlyInScope) {
  const json c = Add({});
  // Executives read but do not write; service agents keep the customer's service, not its
  // contracts.
  for (const char* user : {"exec", "svc.east"}) {
    SCOPED_TRACE(user);
    EXPECT_EQ(As(user).Get(PathOf(c)).status, 200);
    EXPECT_EQ(As(user).Post(base_, {{"number", "X"}, {"title", "x"}, {"starts_on", "2026-01-01"}}).status,
              403);
    EXPECT_EQ(As(user).Patch(PathOf(c), {{"title", "改"}}, 1).status, 403);
    EXPECT_EQ(As(user).Delete(PathOf(c), 1).status, 403);
  }
  // Another KAM does not see the customer: 404 for everything.
  const auto& other = As("kam.sh");
  EXPECT_EQ(other.Get(base_).status, 404);
  EXPECT_EQ(other.Post(base_, {{"number", "越权"}, {"title", "越权"}, {"starts_on", "2026-01-01"}}).status,
            404);
  EXPECT_EQ(other.Get(PathOf(c)).status, 404);
  EXPECT_EQ(other.Patch(PathOf(c), {{"title", "改"}}, 1).status, 404);
  EXPECT_EQ(other.Delete(PathOf(c), 1).status, 404);
  // A contract is read under its own customer only.
  const json elsewhere = CreateCustomer(As("kam.sz"), {{"name", Unique("另一客户")}});
  EXPECT_EQ(As("kam.sz")
                .Get(CustomerPath(elsewhere["id"].get<Id>()) + "/contracts/" +
                     std::to_string(c["id"].get<Id>()))
                .status,
            404);
  EXPECT_EQ(Get(c), c);
}

TEST_F(Contracts, EveryChangeIsAuditedWithTheCustomer) {
  const Id before = LatestAuditId();
  auto c = Add({{"amount_fen", 5000}});
  ASSERT_EQ(As("kam.sz").Patch(PathOf(c), {{"amount_fen", 6000}}, 1).status, 200);
  ASSERT_EQ(As("kam.sz")
                .Patch(PathOf(c), {{"status", "terminated"}, {"terminated_on", "2026-02-01"}}, 2)
                .status,
            200);
  ASSERT_EQ(As("kam.sz").Delete(PathOf(c), 3).status, 204);
  auto rows = AuditSince(before, "entity=contract&entity_id=" + std::to_string(c["id"].get<Id>()));
  ASSERT_EQ(rows.size(), 4u);
  // Newest first.
  EXPECT_EQ(rows[0]["action"], "contract.delete");
  EXPECT_EQ(rows[1]["action"], "contract.terminate");
  EXPECT_EQ(rows[2]["action"], "contract.update");
  EXPECT_EQ(rows[3]["action"], "contract.create");
  for (const auto& row : rows) EXPECT_EQ(row["customer_id"], customer_["id"]);
  const auto changes = Changes(rows[2]);
  ASSERT_TRUE(changes.count("amount_fen"));
  EXPECT_EQ(changes.at("amount_fen").first, "5000");
  EXPECT_EQ(changes.at("amount_fen").second, "6000");
}

TEST_F(Contracts, PagesLatestStartFirstWithoutRepeats) {
  std::vector<Id> expected;
  for (int i = 0; i < 7; ++i) {
    // Two contracts on each start day: the id breaks the tie.
    expected.push_back(Add({{"starts_on", "2026-0" + std::to_string(1 + i / 2) + "-01"}})["id"].get<Id>());
  }
  std::reverse(expected.begin(), expected.end());
  EXPECT_EQ(IdList(ListAll(As("kam.sz"), base_, "", 2)), expected);
  EXPECT_EQ(As("kam.sz").Get(base_ + "?cursor=garbage").status, 400);
  EXPECT_EQ(As("kam.sz").Get(base_ + "?limit=0").status, 400);
}

TEST(MyDay, RemindsTheAccountTeamOfActiveContractsEndingWithinThirtyDays) {
  const Client& kam = As("kam.sz");
  const Id cid = CreateCustomer(kam, {{"name", Unique("合同到期客户")}, {"stage", "active"}})["id"].get<Id>();
  const std::string base = CustomerPath(cid) + "/contracts";
  auto add = [&](const std::string& number, int ends_in_days, const json& more = json::object()) {
    json body = {{"number", number}, {"title", "服务合同 " + number}, {"starts_on", "2025-01-01"},
                 {"ends_on", ChinaDate(-ends_in_days)}};
    for (auto it = more.begin(); it != more.end(); ++it) body[it.key()] = it.value();
    auto r = kam.Post(base, body);
    if (r.status != 201) throw std::runtime_error(r.body);
    return r.Json()["id"].get<Id>();
  };
  const Id today = add("D0", 0);
  const Id soon = add("D12", 12);
  const Id edge = add("D30", 30);
  const Id later = add("D31", 31);
  const Id past = add("D-1", -1);
  const Id ended = add("T5", 5, {{"status", "terminated"}, {"terminated_on", "2025-06-01"}});
  std::map<Id, json> seen;
  const json day = GetJson(kam, "/api/v1/my-day");
  for (const auto& c : day["contracts_ending"]) {
    if (c["customer_id"] == cid) seen[c["contract_id"].get<Id>()] = c;
  }
  ASSERT_EQ(seen.size(), 3u);
  EXPECT_EQ(seen[today]["in_days"], 0);
  EXPECT_EQ(seen[soon]["in_days"], 12);
  EXPECT_EQ(seen[soon]["ends_on"], ChinaDate(-12));
  EXPECT_EQ(seen[soon]["number"], "D12");
  EXPECT_EQ(seen[edge]["in_days"], 30);
  EXPECT_FALSE(seen.count(later) || seen.count(past) || seen.count(ended));
  // Soonest first.
  std::vector<std::int64_t> days;
  for (const auto& c : day["contracts_ending"]) {
    days.push_back(c["in_days"].get<std::int64_t>());
  }
  EXPECT_TRUE(std::is_sorted(days.begin(), days.end()));
  // Not on another KAM's day.
  const json other = GetJson(As("kam.sh"), "/api/v1/my-day");
  for (const auto& c : other["contracts_ending"]) {
    EXPECT_NE(c["customer_id"], cid);
  }
}

}  // namespace
}  // namespace kams::test
