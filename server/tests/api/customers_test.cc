// Customer dossiers: create, read, optimistic-locking updates, delete, filters, sorting
// with cursor paging, search, uniqueness and read-only fields.
#include <gtest/gtest.h>

#include <algorithm>
#include <functional>

#include "api_util.h"

namespace kams::test {
namespace {

std::string Upper(std::string s) {
  for (auto& c : s) {
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  }
  return s;
}

std::string Lower(std::string s) {
  for (auto& c : s) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return s;
}

json FullDossier(const std::string& name) {
  return {{"name", name},
          {"stage", "target"},
          {"external_ref", Unique("ERP")},
          {"credit_code", UniqueCreditCode()},
          {"industry", "电力能源"},
          {"region", "江苏省苏州市"},
          {"address", "苏州市工业园区星湖街 328 号"},
          {"phone", "0512-68881234"},
          {"website", "https://example.cn"},
          {"ownership", "private"},
          {"scale", "medium"},
          {"employees", 320},
          {"founded_on", "2008-06-18"},
          {"characteristics", "注重质量，决策周期长"},
          {"annual_revenue_fen", 123456789012LL},
          {"main_business", "输配电设备"},
          {"competitors", "某某电气"},
          {"potential", "high"},
          {"business_notes", "计划扩产"},
          {"first_deal_on", "2019-03-01"},
          {"credit_rating", "AA"},
          {"payment_terms_days", 60},
          {"trading_notes", "按季度结算"}};
}

TEST(Customers, KamCreatesChineseDossierWithLocationEtagAndSelfAsOwner) {
  const auto& kam = As("kam.sz");
  const json body = FullDossier(Unique("苏州恒瑞电力设备有限公司"));
  auto r = kam.Post("/api/v1/customers", body);
  ASSERT_EQ(r.status, 201) << r.body;
  const json c = r.Json();
  const Id id = c["id"].get<Id>();
  EXPECT_GT(id, 0);
  EXPECT_EQ(r.Header("location"), CustomerPath(id));
  EXPECT_EQ(r.Header("etag"), "\"1\"");
  EXPECT_EQ(c["version"], 1);
  EXPECT_EQ(c["owner_id"], UserId("kam.sz"));
  EXPECT_EQ(c["org_unit_id"], UserUnit("kam.sz"));
  EXPECT_EQ(c["created_by"], UserId("kam.sz"));
  EXPECT_EQ(c["is_key_account"], false);
  EXPECT_TRUE(c["tier"].is_null());
  for (auto it = body.begin(); it != body.end(); ++it) {
    EXPECT_EQ(c[it.key()], it.value()) << it.key();
  }
  auto got = kam.Get(r.Header("location"));
  ASSERT_EQ(got.status, 200);
  EXPECT_EQ(got.Json(), c);
  EXPECT_EQ(got.Header("etag"), "\"1\"");
}

TEST(Customers, EnglishNameRoundTripsAndIsSearchable) {
  const std::string name = Unique("Suzhou Precision Tools Co., Ltd.");
  auto c = CreateCustomer(As("kam.sz"), {{"name", name}, {"stage", "prospect"}});
  EXPECT_EQ(c["name"], name);
  auto found = GetJson(As("kam.sz"), "/api/v1/customers?q=" + UrlEncode(name));
  ASSERT_EQ(found["items"].size(), 1u);
  EXPECT_EQ(found["items"][0]["id"], c["id"]);
}

TEST(Customers, StageDefaultsToProspectAndTextIsTrimmed) {
  const std::string name = Unique("修剪空白测试");
  // ASCII blanks and the ideographic space U+3000 around the name.
  auto c = CreateCustomer(As("kam.sz"), {{"name", "  \t" + name + "\xE3\x80\x80 "}});
  EXPECT_EQ(c["name"], name);
  EXPECT_EQ(c["stage"], "prospect");
}

TEST(Customers, PatchWithIfMatchBumpsVersionAndAuditsBeforeAndAfter) {
  const auto& kam = As("kam.sz");
  auto c = CreateCustomer(kam, {{"name", Unique("版本测试")}, {"stage", "target"}, {"phone", "0512-11112222"}});
  const std::string path = CustomerPath(c["id"].get<Id>());
  auto r = kam.Patch(path, {{"phone", "13812345678"}, {"stage", "active"}}, 1);
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.Json()["version"], 2);
  EXPECT_EQ(r.Header("etag"), "\"2\"");
  EXPECT_EQ(r.Json()["phone"], "13812345678");
  auto got = GetJson(kam, path);
  EXPECT_EQ(got["version"], 2);
  EXPECT_EQ(got["stage"], "active");

  auto rows = AuditRows("entity=customer&entity_id=" + std::to_string(c["id"].get<Id>()) +
                        "&action=customer.update");
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0]["actor_id"], UserId("kam.sz"));
  EXPECT_EQ(rows[0]["customer_id"], c["id"]);
  auto changes = Changes(rows[0]);
  ASSERT_EQ(changes.size(), 2u) << rows[0].dump();
  EXPECT_EQ(changes["phone"].first, "0512-11112222");
  EXPECT_EQ(changes["phone"].second, "13812345678");
  EXPECT_EQ(changes["stage"].first, "target");
  EXPECT_EQ(changes["stage"].second, "active");
}

TEST(Customers, StaleIfMatchAnswers412AndChangesNothing) {
  const auto& kam = As("kam.sz");
  auto c = CreateCustomer(kam, {{"name", Unique("并发编辑测试")}, {"phone", "0512-11112222"}});
  const std::string path = CustomerPath(c["id"].get<Id>());
  ASSERT_EQ(kam.Patch(path, {{"phone", "0512-33334444"}}, 1).status, 200);
  const Id audit_before = LatestAuditId();

  auto stale = kam.Patch(path, {{"phone", "0512-55556666"}}, 1);
  EXPECT_EQ(stale.status, 412);
  EXPECT_EQ(stale.ErrorCode(), "precondition_failed");
  auto future = kam.Patch(path, {{"phone", "0512-55556666"}}, 7);
  EXPECT_EQ(future.status, 412);
  auto stale_delete = As("admin").Delete(path, 1);
  EXPECT_EQ(stale_delete.status, 412);

  auto got = GetJson(kam, path);
  EXPECT_EQ(got["version"], 2);
  EXPECT_EQ(got["phone"], "0512-33334444");
  EXPECT_EQ(LatestAuditId(), audit_before);
}

TEST(Customers, MissingOrMalformedIfMatchAnswers400) {
  const auto& kam = As("kam.sz");
  auto c = CreateCustomer(kam, {{"name", Unique("缺少版本测试")}});
  const std::string path = CustomerPath(c["id"].get<Id>());
  auto missing = kam.Patch(path, {{"phone", "13800000000"}}, std::nullopt);
  EXPECT_EQ(missing.status, 400);
  EXPECT_EQ(missing.ErrorCode(), "bad_request");
  for (const char* bad : {"abc", "\"\"", "0", "-1", "1.0", "99999999999999999999", "*"}) {
    auto r = kam.Send("PATCH", path, {{"Content-Type", "application/json"}, {"If-Match", bad}},
                      R"({"phone":"13800000000"})");
    EXPECT_EQ(r.status, 400) << "If-Match: " << bad;
  }
  EXPECT_EQ(As("admin").Delete(path, std::nullopt).status, 400);
  auto got = GetJson(kam, path);
  EXPECT_EQ(got["version"], 1);
  EXPECT_EQ(got["phone"], "");
}

TEST(Customers, WeakAndQuotedEtagsAreAccepted) {
  const auto& kam = As("kam.sz");
  auto c = CreateCustomer(kam, {{"name", Unique("弱校验测试")}});
  const std::string path = CustomerPath(c["id"].get<Id>());
  auto weak = kam.Send("PATCH", path, {{"Content-Type", "application/json"}, {"If-Match", "W/\"1\""}},
                       R"({"phone":"13800000001"})");
  ASSERT_EQ(weak.status, 200) << weak.body;
  auto bare = kam.Send("PATCH", path, {{"Content-Type", "application/json"}, {"If-Match", "2"}},
                       R"({"phone":"13800000002"})");
  ASSERT_EQ(bare.status, 200) << bare.body;
  EXPECT_EQ(bare.Json()["version"], 3);
}

TEST(Customers, PatchThatChangesNothingKeepsVersionAndWritesNoAudit) {
  const auto& kam = As("kam.sz");
  auto c = CreateCustomer(kam, {{"name", Unique("无变化测试")}, {"phone", "13800000003"}});
  const Id before = LatestAuditId();
  auto r = kam.Patch(CustomerPath(c["id"].get<Id>()), {{"phone", "13800000003"}}, 1);
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.Json()["version"], 1);
  EXPECT_EQ(LatestAuditId(), before);
}

TEST(Customers, DeleteThenEverythingAnswers404) {
  const std::string name = Unique("删除测试");
  auto c = CreateCustomer(As("admin"), {{"name", name}, {"org_unit_id", UnitIdByName("苏州分公司")}});
  const Id id = c["id"].get<Id>();
  const std::string path = CustomerPath(id);
  auto del = As("admin").Delete(path, 1);
  ASSERT_EQ(del.status, 204) << del.body;
  EXPECT_TRUE(del.body.empty());
  EXPECT_EQ(As("admin").Get(path).status, 404);
  EXPECT_EQ(As("admin").Get(path).ErrorCode(), "not_found");
  EXPECT_EQ(As("admin").Patch(path, {{"phone", "13800000000"}}, 1).status, 404);
  EXPECT_EQ(As("admin").Delete(path, 1).status, 404);
  EXPECT_EQ(As("admin").Get(path + "/contacts").status, 404);
  EXPECT_TRUE(GetJson(As("admin"), "/api/v1/customers?q=" + UrlEncode(name))["items"].empty());
  EXPECT_FALSE(IdSet(ListAll(As("admin"), "/api/v1/customers", "sort=-id", 500)).count(id));

  auto rows = AuditRows("entity=customer&entity_id=" + std::to_string(id) + "&action=customer.delete");
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0]["actor_id"], UserId("admin"));
  EXPECT_EQ(Changes(rows[0])["name"].first, name);
  EXPECT_TRUE(Changes(rows[0])["name"].second.is_null());
}

TEST(Customers, FiltersReturnExactlyTheMatchingRows) {
  const auto all = ListAll(As("admin"), "/api/v1/customers", "");
  const Id kam = UserId("kam.sz");
  const Id east = UnitIdByName("华东区域");
  const Id suzhou = UnitIdByName("苏州分公司");
  const auto east_units = Subtree(east);
  struct Case {
    std::string query;
    std::function<bool(const json&)> match;
  };
  const std::vector<Case> cases = {
      {"stage=active", [](const json& c) { return c["stage"] == "active"; }},
      {"stage=prospect", [](const json& c) { return c["stage"] == "prospect"; }},
      {"is_key_account=true", [](const json& c) { return c["is_key_account"] == true; }},
      {"is_key_account=false", [](const json& c) { return c["is_key_account"] == false; }},
      {"owner_id=" + std::to_string(kam), [&](const json& c) { return c["owner_id"] == kam; }},
      {"org_unit_id=" + std::to_string(east),
       [&](const json& c) { return east_units.count(c["org_unit_id"].get<Id>()) > 0; }},
      {"org_unit_id=" + std::to_string(suzhou), [&](const json& c) { return c["org_unit_id"] == suzhou; }},
      {"region=" + UrlEncode("江苏省苏州市"), [](const json& c) { return c["region"] == "江苏省苏州市"; }},
      {"industry=" + UrlEncode("电力能源"), [](const json& c) { return c["industry"] == "电力能源"; }},
      {"stage=active&is_key_account=true&region=" + UrlEncode("上海市"),
       [](const json& c) {
         return c["stage"] == "active" && c["is_key_account"] == true && c["region"] == "上海市";
       }},
  };
  for (const auto& tc : cases) {
    SCOPED_TRACE(tc.query);
    std::set<Id> expected;
    for (const auto& c : all) {
      if (tc.match(c)) expected.insert(c["id"].get<Id>());
    }
    ASSERT_FALSE(expected.empty());
    ASSERT_LT(expected.size(), all.size());
    EXPECT_EQ(IdSet(ListAll(As("admin"), "/api/v1/customers", tc.query)), expected);
  }
}

TEST(Customers, InvalidFilterValuesAnswer400NamingTheParameter) {
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"stage=won", "stage"},           {"is_key_account=yes", "is_key_account"},
      {"owner_id=abc", "owner_id"},     {"owner_id=0", "owner_id"},
      {"org_unit_id=-3", "org_unit_id"}, {"colour=red", "colour"},
      {"q=" + std::string(101, 'x'), "q"},
  };
  for (const auto& [query, field] : cases) {
    auto r = As("admin").Get("/api/v1/customers?" + query);
    EXPECT_EQ(r.status, 400) << query;
    EXPECT_EQ(r.ErrorCode(), "validation_failed") << query;
    EXPECT_TRUE(r.Json()["error"]["fields"].contains(field)) << query << ": " << r.body;
  }
  EXPECT_EQ(As("admin").Get("/api/v1/customers?q=" + std::string(100, 'x')).status, 200);
}

// Key of a row under a sort, for checking the order the server returns.
std::string SortKey(const json& c, const std::string& field) {
  if (field == "id") {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%020lld", c["id"].get<Id>());
    return buf;
  }
  return c[field].get<std::string>();  // names; RFC 3339 times of fixed width
}

TEST(Customers, EverySortPagesThroughEveryRowExactlyOnceInOrder) {
  const std::string filter = "region=" + UrlEncode("江苏省苏州市");
  for (const std::string sort : {"id", "-id", "name", "-name", "created_at", "-created_at",
                                 "updated_at", "-updated_at"}) {
    SCOPED_TRACE(sort);
    auto big = GetJson(As("admin"), "/api/v1/customers?limit=500&sort=" + sort + "&" + filter);
    ASSERT_TRUE(big["next_cursor"].is_null());
    const auto rows = big["items"].get<std::vector<json>>();
    ASSERT_GT(rows.size(), 200u);
    int pages = 0;
    const auto paged = ListAll(As("admin"), "/api/v1/customers", "sort=" + sort + "&" + filter, 13, &pages);
    EXPECT_EQ(IdList(paged), IdList(rows));
    EXPECT_EQ(pages, static_cast<int>((rows.size() + 12) / 13));

    const bool desc = sort[0] == '-';
    const std::string field = desc ? sort.substr(1) : sort;
    for (std::size_t i = 1; i < rows.size(); ++i) {
      const auto a = SortKey(rows[i - 1], field), b = SortKey(rows[i], field);
      const Id ia = rows[i - 1]["id"].get<Id>(), ib = rows[i]["id"].get<Id>();
      // Times are shown to the second but sorted to the microsecond, so among equal
      // shown times the id order is not observable.
      const bool ties_by_id = field == "id" || field == "name";
      if (desc) {
        EXPECT_TRUE(a > b || (a == b && (!ties_by_id || ia > ib))) << a << " then " << b;
      } else {
        EXPECT_TRUE(a < b || (a == b && (!ties_by_id || ia < ib))) << a << " then " << b;
      }
    }
  }
}

TEST(Customers, FullTablePagingVisitsEveryCustomerOnce) {
  int pages = 0;
  const auto by_id = ListAll(As("admin"), "/api/v1/customers", "sort=-id", 500, &pages);
  EXPECT_GE(pages, 5);
  const auto ids = IdList(by_id);
  EXPECT_TRUE(std::is_sorted(ids.rbegin(), ids.rend()));
  EXPECT_EQ(IdSet(by_id).size(), ids.size());
  const auto by_name = ListAll(As("admin"), "/api/v1/customers", "sort=name", 500);
  EXPECT_EQ(by_name.size(), by_id.size());
  EXPECT_EQ(IdSet(by_name), IdSet(by_id));
}

TEST(Customers, InvalidSortLimitOrCursorAnswers400NamingTheParameter) {
  auto name_page = GetJson(As("admin"), "/api/v1/customers?sort=name&limit=2");
  const std::string name_cursor = name_page["next_cursor"].get<std::string>();
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"sort=bogus", "sort"},
      {"sort=-", "sort"},
      {"sort=revenue", "sort"},
      {"sort=--id", "sort"},
      {"limit=0", "limit"},
      {"limit=501", "limit"},
      {"limit=abc", "limit"},
      {"limit=-1", "limit"},
      {"limit=1e2", "limit"},
      {"limit=99999999999999999999", "limit"},
      {"cursor=!!!", "cursor"},
      {"cursor=abc", "cursor"},
      {"cursor=" + UrlEncode(name_cursor), "cursor"},  // a name cursor under the id sort
      {"sort=-updated_at&cursor=" + UrlEncode(name_cursor), "cursor"},
  };
  for (const auto& [query, field] : cases) {
    auto r = As("admin").Get("/api/v1/customers?" + query);
    EXPECT_EQ(r.status, 400) << query << ": " << r.body;
    EXPECT_EQ(r.ErrorCode(), "validation_failed") << query;
    if (r.status == 400) {
      EXPECT_TRUE(r.Json()["error"]["fields"].contains(field)) << query << ": " << r.body;
    }
  }
  EXPECT_EQ(As("admin").Get("/api/v1/customers?sort=name&limit=2&cursor=" + UrlEncode(name_cursor)).status, 200);
}

TEST(Customers, ChineseSearchFindsExactlyTheNamesContainingIt) {
  const auto all = ListAll(As("admin"), "/api/v1/customers", "");
  for (const std::string q : {"电力", "电", "有限公司", "苏州"}) {
    SCOPED_TRACE(q);
    std::set<Id> expected;
    for (const auto& c : all) {
      if (Contains(c["name"].get<std::string>(), q)) expected.insert(c["id"].get<Id>());
    }
    ASSERT_FALSE(expected.empty());
    const auto found = ListAll(As("admin"), "/api/v1/customers", "q=" + UrlEncode(q));
    for (const auto& c : found) EXPECT_TRUE(Contains(c["name"].get<std::string>(), q)) << c["name"];
    EXPECT_EQ(IdSet(found), expected);
  }
  // Surrounding blanks are not part of the query.
  EXPECT_EQ(IdSet(ListAll(As("admin"), "/api/v1/customers", "q=" + UrlEncode("  电力 "))),
            IdSet(ListAll(As("admin"), "/api/v1/customers", "q=" + UrlEncode("电力"))));
}

TEST(Customers, LatinSearchIsCaseInsensitiveAndMatchesAnyPart) {
  const std::string tag = Unique("Zebrafin");  // e.g. "Zebrafin-1234-7"
  auto a = CreateCustomer(As("kam.sz"), {{"name", tag + " Industrial Supply"}});
  auto b = CreateCustomer(As("kam.sz"), {{"name", Upper(tag) + " TRADING"}});
  const std::set<Id> both{a["id"].get<Id>(), b["id"].get<Id>()};
  for (const std::string& q : {Lower(tag), Upper(tag), tag}) {
    EXPECT_EQ(IdSet(ListAll(As("kam.sz"), "/api/v1/customers", "q=" + UrlEncode(q))), both) << q;
  }
  const std::string tail = tag.substr(3);  // starts inside the word
  EXPECT_EQ(IdSet(ListAll(As("kam.sz"), "/api/v1/customers", "q=" + UrlEncode(Lower(tail) + " trad"))),
            std::set<Id>{b["id"].get<Id>()});
  EXPECT_EQ(IdSet(ListAll(As("kam.sz"), "/api/v1/customers", "q=" + UrlEncode("sTrIaL sUp"))).count(a["id"].get<Id>()), 1u);
}

TEST(Customers, SingleCharacterSearchMatchesEveryNameContainingIt) {
  const auto all = ListAll(As("dir.east"), "/api/v1/customers", "");
  for (const std::string q : {"电", "z", "Z"}) {
    std::set<Id> expected;
    for (const auto& c : all) {
      std::string name = Lower(c["name"].get<std::string>());
      if (Contains(name, Lower(q))) expected.insert(c["id"].get<Id>());
    }
    EXPECT_EQ(IdSet(ListAll(As("dir.east"), "/api/v1/customers", "q=" + UrlEncode(q))), expected) << q;
  }
}

// Search plans by how many names hold each gram; whatever it walks, every page and cursor
// must answer exactly the names that contain the query, in the order asked for: queries
// whose every gram is common, misses made of common grams, mixed Chinese and Latin, case.
TEST(Customers, SearchOfCommonGramsAnswersExactlyTheContainingNamesInOrder) {
  for (const std::string name : {"Siemens Energy (Suzhou) Co., Ltd.", "SIEMENS power trading",
                                 "苏州Power电力 Co., Ltd.", "Power苏州有限公司"}) {
    CreateCustomer(As("kam.sz"), {{"name", Unique(name)}});
  }
  const std::vector<std::string> queries = {
      "co., ltd.", "siemens", "SiEmEnS", "ltd. co", "苏州power", "power电力", "POWER苏州",
      "公司有限", "y (s", "power  trading", "ens ene"};
  for (const std::string who : {"admin", "kam.sz"}) {
    for (const std::string sort : {"", "sort=-name", "sort=created_at"}) {
      const auto all = ListAll(As(who), "/api/v1/customers", sort, 500);
      for (const auto& q : queries) {
        SCOPED_TRACE(who + " " + sort + " q=" + q);
        std::vector<Id> expected;
        for (const auto& c : all) {
          if (Contains(Lower(c["name"].get<std::string>()), Lower(q))) {
            expected.push_back(c["id"].get<Id>());
          }
        }
        std::vector<Id> found;
        const std::string query = "q=" + UrlEncode(q) + (sort.empty() ? "" : "&" + sort);
        for (const auto& c : ListAll(As(who), "/api/v1/customers", query, 7)) {
          found.push_back(c["id"].get<Id>());
        }
        EXPECT_EQ(found, expected);
      }
    }
  }
}

TEST(Customers, SearchWithoutMatchesAnswersEmptyPageAndNullCursor) {
  auto r = GetJson(As("admin"), "/api/v1/customers?q=" + UrlEncode("绝无此名" + Unique("x")));
  EXPECT_TRUE(r["items"].empty());
  EXPECT_TRUE(r["next_cursor"].is_null());
}

TEST(Customers, DuplicateCreditCodeOrExternalRefAnswers409) {
  const std::string code = UniqueCreditCode();
  const std::string ref = Unique("REF");
  auto first = CreateCustomer(As("kam.sz"), {{"name", Unique("唯一性甲")}, {"credit_code", code}, {"external_ref", ref}});
  const Id newest = LatestCustomerId();

  auto dup_code = As("kam.sz").Post("/api/v1/customers", {{"name", Unique("唯一性乙")}, {"credit_code", code}});
  EXPECT_EQ(dup_code.status, 409) << dup_code.body;
  EXPECT_EQ(dup_code.ErrorCode(), "conflict");
  EXPECT_EQ(dup_code.Json()["error"]["fields"]["credit_code"], "taken");
  // Uniqueness is company-wide, whoever asks.
  auto dup_ref = As("kam.sh").Post("/api/v1/customers", {{"name", Unique("唯一性丙")}, {"external_ref", ref}});
  EXPECT_EQ(dup_ref.status, 409) << dup_ref.body;
  EXPECT_EQ(dup_ref.Json()["error"]["fields"]["external_ref"], "taken");
  EXPECT_EQ(LatestCustomerId(), newest);

  auto second = CreateCustomer(As("kam.sz"), {{"name", Unique("唯一性丁")}});
  auto clash = As("kam.sz").Patch(CustomerPath(second["id"].get<Id>()), {{"credit_code", code}}, 1);
  EXPECT_EQ(clash.status, 409) << clash.body;
  auto unchanged = GetJson(As("kam.sz"), CustomerPath(second["id"].get<Id>()));
  EXPECT_EQ(unchanged["version"], 1);
  EXPECT_TRUE(unchanged["credit_code"].is_null());
  // Re-saving one's own code is not a clash.
  EXPECT_EQ(As("kam.sz").Patch(CustomerPath(first["id"].get<Id>()), {{"credit_code", code}, {"phone", "13800000009"}}, 1).status, 200);
}

TEST(Customers, ReadOnlyFieldsAreRefusedOnCreateAndUpdate) {
  const json read_only = {{"id", 12345},           {"version", 9},
                          {"tier", "strategic"},   {"is_key_account", true},
                          {"created_at", "2020-01-01T00:00:00Z"}, {"updated_at", "2020-01-01T00:00:00Z"},
                          {"created_by", 1}};
  auto c = CreateCustomer(As("kam.sz"), {{"name", Unique("只读字段测试")}});
  const Id newest = LatestCustomerId();
  for (auto it = read_only.begin(); it != read_only.end(); ++it) {
    SCOPED_TRACE(it.key());
    auto create = As("kam.sz").Post("/api/v1/customers", {{"name", Unique("只读")}, {it.key(), it.value()}});
    EXPECT_EQ(create.status, 400) << create.body;
    EXPECT_EQ(create.ErrorCode(), "validation_failed");
    EXPECT_EQ(create.Json()["error"]["fields"][it.key()], "read_only") << create.body;
    auto patch = As("kam.sz").Patch(CustomerPath(c["id"].get<Id>()), {{it.key(), it.value()}}, 1);
    EXPECT_EQ(patch.status, 400) << patch.body;
    EXPECT_EQ(patch.Json()["error"]["fields"][it.key()], "read_only") << patch.body;
  }
  EXPECT_EQ(LatestCustomerId(), newest);
  auto after = GetJson(As("kam.sz"), CustomerPath(c["id"].get<Id>()));
  EXPECT_EQ(after["version"], 1);
  EXPECT_EQ(after["is_key_account"], false);
  EXPECT_TRUE(after["tier"].is_null());
}

TEST(Customers, NullClearsOptionalFields) {
  auto c = CreateCustomer(As("kam.sz"), FullDossier(Unique("清空字段测试")));
  auto r = As("kam.sz").Patch(CustomerPath(c["id"].get<Id>()),
                              {{"credit_code", nullptr}, {"employees", nullptr}, {"founded_on", ""},
                               {"external_ref", nullptr}, {"phone", nullptr}},
                              1);
  ASSERT_EQ(r.status, 200) << r.body;
  auto got = GetJson(As("kam.sz"), CustomerPath(c["id"].get<Id>()));
  EXPECT_TRUE(got["credit_code"].is_null());
  EXPECT_TRUE(got["employees"].is_null());
  EXPECT_TRUE(got["founded_on"].is_null());
  EXPECT_TRUE(got["external_ref"].is_null());
  EXPECT_EQ(got["phone"], "");
  EXPECT_EQ(got["version"], 2);
}

TEST(Customers, PlacementMustStayInsideTheCreatorsScope) {
  const Id shanghai = UnitIdByName("上海分公司");
  const Id beijing = UnitIdByName("北京分公司");
  const Id newest = LatestCustomerId();
  // A Suzhou KAM cannot file a customer under Shanghai.
  auto kam = As("kam.sz").Post("/api/v1/customers", {{"name", Unique("越界归属")}, {"org_unit_id", shanghai}});
  EXPECT_EQ(kam.status, 400) << kam.body;
  EXPECT_EQ(kam.Json()["error"]["fields"]["org_unit_id"], "out_of_scope");
  // The east director cannot file one under Beijing, nor give it to a Beijing KAM.
  auto dir_unit = As("dir.east").Post("/api/v1/customers", {{"name", Unique("越界归属")}, {"org_unit_id", beijing}});
  EXPECT_EQ(dir_unit.status, 400) << dir_unit.body;
  EXPECT_EQ(dir_unit.Json()["error"]["fields"]["org_unit_id"], "out_of_scope");
  auto north_kam = CreateUser(Unique("kam.bj"), "kam", beijing);
  auto dir_owner = As("dir.east").Post("/api/v1/customers", {{"name", Unique("越界负责人")},
                                                              {"org_unit_id", shanghai},
                                                              {"owner_id", north_kam["id"]}});
  EXPECT_EQ(dir_owner.status, 400) << dir_owner.body;
  EXPECT_EQ(dir_owner.Json()["error"]["fields"]["owner_id"], "out_of_scope");
  auto missing_unit = As("admin").Post("/api/v1/customers", {{"name", Unique("不存在的单元")}, {"org_unit_id", 987654}});
  EXPECT_EQ(missing_unit.status, 400);
  EXPECT_EQ(missing_unit.Json()["error"]["fields"]["org_unit_id"], "not_found");
  auto missing_owner = As("admin").Post("/api/v1/customers", {{"name", Unique("不存在的负责人")},
                                                              {"org_unit_id", shanghai}, {"owner_id", 987654}});
  EXPECT_EQ(missing_owner.status, 400);
  EXPECT_EQ(missing_owner.Json()["error"]["fields"]["owner_id"], "not_found");
  EXPECT_EQ(LatestCustomerId(), newest);

  // Inside the subtree both work, and a director may name the owner.
  auto ok = As("dir.east").Post("/api/v1/customers", {{"name", Unique("区域内归属")},
                                                       {"org_unit_id", shanghai},
                                                       {"owner_id", UserId("kam.sh")}});
  ASSERT_EQ(ok.status, 201) << ok.body;
  EXPECT_EQ(ok.Json()["owner_id"], UserId("kam.sh"));
  EXPECT_EQ(As("kam.sh").Get(ok.Header("location")).status, 200);
}

}  // namespace
}  // namespace kams::test
