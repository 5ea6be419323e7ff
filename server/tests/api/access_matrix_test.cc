// The access-control matrix, generated from the OpenAPI document: every operation on a
// customer, a contact record or a visit plan outside the caller's scope answers 404 (reads)
// or refuses without changing anything (writes) for every role whose scope leaves it out;
// and every list whose items name a customer shows only customers the caller sees.
#include <gtest/gtest.h>

#include <regex>

#include "api_util.h"
#include "zip_reader.h"

namespace kams::test {
namespace {

std::string N(Id id) { return std::to_string(id); }

// Users whose scope leaves out a customer of the north region owned by a north KAM.
const char* const kOutsiders[] = {"kam.sh",   "kam.sz",   "asst.sh",
                                  "sales.sz", "svc.east", "dir.east"};

struct Foreign {
  Id customer = 0;
  Id contact = 0;
  Id interaction = 0;
  Id plan = 0;
  Id contract = 0;
  Id team_user = 0;
};

const Foreign& ForeignThings() {
  static const Foreign f = [] {
    Foreign out;
    const Client& north = As("liu.yang");
    out.customer =
        CreateCustomer(north, {{"name", Unique("北方矩阵客户")}, {"stage", "active"}})["id"]
            .get<Id>();
    auto c = north.Post(CustomerPath(out.customer) + "/contacts",
                        {{"name", "孙经理"}, {"birthday", "1980-05-06"}});
    if (c.status != 201) throw std::runtime_error(c.body);
    out.contact = c.Json()["id"].get<Id>();
    auto i = north.Post("/api/v1/interactions", {{"customer_id", out.customer},
                                                 {"channel", "phone"},
                                                 {"purpose", "矩阵测试回访"},
                                                 {"next_step", "寄资料"}});
    if (i.status != 201) throw std::runtime_error(i.body);
    out.interaction = i.Json()["id"].get<Id>();
    auto p = north.Post("/api/v1/visit-plans", {{"customer_id", out.customer},
                                                {"planned_on", ChinaDate(-3)},
                                                {"purpose", "矩阵测试拜访"}});
    if (p.status != 201) throw std::runtime_error(p.body);
    out.plan = p.Json()["id"].get<Id>();
    auto k = north.Post(CustomerPath(out.customer) + "/contracts",
                        {{"number", "HT-矩阵-1"}, {"title", "矩阵测试合同"},
                         {"starts_on", "2026-01-01"}, {"ends_on", ChinaDate(-10)}});
    if (k.status != 201) throw std::runtime_error(k.body);
    out.contract = k.Json()["id"].get<Id>();
    out.team_user = UserId("liu.yang");
    return out;
  }();
  return f;
}

const json& Doc() {
  static const json doc = GetJson(As("admin"), "/api/v1/openapi.json");
  return doc;
}

// The path with its parameters filled for the foreign things; nullopt for other families.
std::optional<std::string> Fill(const std::string& pattern) {
  const Foreign& f = ForeignThings();
  std::string id;
  if (pattern.rfind("/api/v1/customers/{id}", 0) == 0) {
    id = N(f.customer);
  } else if (pattern.rfind("/api/v1/interactions/{id}", 0) == 0) {
    id = N(f.interaction);
  } else if (pattern.rfind("/api/v1/visit-plans/{id}", 0) == 0) {
    id = N(f.plan);
  } else {
    return std::nullopt;
  }
  std::string out = std::regex_replace(pattern, std::regex(R"(\{id\})"), id);
  out = std::regex_replace(out, std::regex(R"(\{contact_id\})"), N(f.contact));
  out = std::regex_replace(out, std::regex(R"(\{contract_id\})"), N(f.contract));
  out = std::regex_replace(out, std::regex(R"(\{user_id\})"), N(f.team_user));
  return out;
}

// What the foreign things look like to their owner now: unchanged by anything outsiders did.
std::string Snapshot() {
  const Foreign& f = ForeignThings();
  const Client& admin = As("admin");
  return GetJson(admin, CustomerPath(f.customer)).dump() +
         GetJson(admin, CustomerPath(f.customer) + "/contacts").dump() +
         GetJson(admin, CustomerPath(f.customer) + "/contracts").dump() +
         GetJson(admin, CustomerPath(f.customer) + "/team").dump() +
         GetJson(admin, "/api/v1/interactions/" + N(f.interaction)).dump() +
         GetJson(admin, "/api/v1/visit-plans/" + N(f.plan)).dump() +
         GetJson(admin, "/api/v1/interactions/" + N(f.interaction) + "/comments").dump() +
         GetJson(admin, CustomerPath(f.customer) + "/cadence").dump();
}

TEST(AccessMatrix, EveryOperationOnSomethingOutOfScopeIsRefusedAndChangesNothing) {
  const std::string before = Snapshot();
  int reads = 0, writes = 0;
  for (auto it = Doc()["paths"].begin(); it != Doc()["paths"].end(); ++it) {
    const auto path = Fill(it.key());
    if (!path) continue;
    for (const char* method : {"get", "post", "put", "patch", "delete"}) {
      if (!it.value().contains(method)) continue;
      const std::string verb = [&] {
        std::string v = method;
        for (auto& ch : v) ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
        return v;
      }();
      for (const char* user : kOutsiders) {
        SCOPED_TRACE(verb + " " + *path + " as " + user);
        const HttpResponse r =
            verb == "GET"
                ? As(user).Get(*path)
                : As(user).Send(
                      verb, *path, {{"If-Match", "\"1\""}},
                      R"({"purpose":"越权修改","name":"越权","body":"越权评论","reason":"越权取消","user_id":1,"team_role":"sales","min_interval_days":3})");
        if (verb == "GET") {
          EXPECT_EQ(r.status, 404) << r.body;
          ++reads;
        } else {
          // Refused: not visible (404), not allowed (403) or not even well-formed (400);
          // never done, never a server error.
          EXPECT_TRUE(r.status == 404 || r.status == 403 || r.status == 400)
              << r.status << " " << r.body;
          ++writes;
        }
      }
    }
  }
  EXPECT_GE(reads, 15 * 6);
  EXPECT_GE(writes, 15 * 6);
  EXPECT_EQ(Snapshot(), before);
}

// The customers `c` sees, by the customers list (the scope's reference, tested on its own).
std::set<Id> Visible(const Client& c) { return IdSet(ListAll(c, "/api/v1/customers", "")); }

TEST(AccessMatrix, EveryListNamesOnlyCustomersInTheCallersScope) {
  (void)ForeignThings();  // something out of everyone's scope but the north's
  // Every parameterless GET whose items carry a customer_id.
  std::vector<std::string> lists;
  const json& schemas = Doc()["components"]["schemas"];
  auto resolve = [&](const json& s) -> const json* {
    if (!s.is_object()) return nullptr;
    if (!s.contains("$ref")) return &s;
    const std::string ref = s["$ref"].get<std::string>();
    const std::string name = ref.substr(ref.rfind('/') + 1);
    return schemas.contains(name) ? &schemas[name] : nullptr;
  };
  for (auto it = Doc()["paths"].begin(); it != Doc()["paths"].end(); ++it) {
    if (it.key().find('{') != std::string::npos || !it.value().contains("get")) continue;
    const json& responses = it.value()["get"]["responses"];
    if (!responses.contains("200") || !responses["200"].contains("content") ||
        !responses["200"]["content"].contains("application/json")) {
      continue;
    }
    const json* schema = resolve(responses["200"]["content"]["application/json"]["schema"]);
    if (!schema || !schema->contains("properties") || !(*schema)["properties"].contains("items"))
      continue;
    const json& items = (*schema)["properties"]["items"];
    if (!items.contains("items")) continue;
    const json* item = resolve(items["items"]);
    if (item && item->contains("properties") && (*item)["properties"].contains("customer_id")) {
      lists.push_back(it.key());
    }
  }
  ASSERT_GE(lists.size(), 8u);  // interactions, visit plans, breaches, review, decay, …
  for (const char* user :
       {"kam.sh", "kam.sz", "asst.sh", "sales.sz", "svc.east", "dir.east", "dir.north"}) {
    const Client& c = As(user);
    const std::set<Id> visible = Visible(c);
    for (const auto& path : lists) {
      SCOPED_TRACE(path + " as " + user);
      auto r = c.Get(path + "?limit=500");
      if (r.status == 403) continue;  // not this role's list at all
      ASSERT_EQ(r.status, 200) << r.body;
      const json body = r.Json();
      for (const auto& item : body["items"]) {
        if (item["customer_id"].is_null()) continue;
        EXPECT_TRUE(visible.count(item["customer_id"].get<Id>())) << item.dump();
      }
    }
  }
}

// Exports pass through the same scope: a director's file holds exactly the customers they
// see (the north's foreign customer only in the north director's); roles without
// data.export get nothing.
TEST(AccessMatrix, EveryExportHoldsExactlyTheCustomersInTheCallersScope) {
  const Id foreign = ForeignThings().customer;
  for (const char* user : {"kam.sh", "kam.sz", "asst.sh", "sales.sz", "svc.east", "dir.east",
                           "dir.north"}) {
    SCOPED_TRACE(user);
    const Client& c = As(user);
    for (const char* format : {"csv", "xlsx"}) {
      auto r = c.Get(std::string("/api/v1/customers/export?format=") + format);
      if (std::string(user).rfind("dir.", 0) != 0) {
        EXPECT_EQ(r.status, 403);
        continue;
      }
      ASSERT_EQ(r.status, 200) << r.body.substr(0, 300);
      std::set<Id> exported;
      if (std::string(format) == "csv") {
        const auto rows = ParseCsv(r.body.substr(3));
        for (std::size_t i = 1; i < rows.size(); ++i) exported.insert(std::stoll(rows[i].at(0)));
      } else {
        const std::string sheet = ReadZip(r.body).at("xl/worksheets/sheet1.xml");
        const std::regex id_cell(R"re(<c r="A[0-9]+"><v>([0-9]+)</v>)re");
        for (std::sregex_iterator it(sheet.begin(), sheet.end(), id_cell), end; it != end; ++it) {
          exported.insert(std::stoll((*it)[1].str()));
        }
      }
      EXPECT_EQ(exported, Visible(c)) << format;
      EXPECT_EQ(exported.count(foreign) == 1, std::string(user) == "dir.north") << format;
    }
    if (std::string(user) == "dir.east") {
      // A filter naming the north's unit or KAM narrows to nothing; it never widens.
      for (const std::string& filter :
           {"org_unit_id=" + N(UserUnit("liu.yang")), "owner_id=" + N(UserId("liu.yang"))}) {
        auto r = c.Get("/api/v1/customers/export?" + filter);
        ASSERT_EQ(r.status, 200) << filter << " " << r.body.substr(0, 300);
        EXPECT_EQ(r.Header("x-export-rows"), "0") << filter;
        EXPECT_EQ(ParseCsv(r.body.substr(3)).size(), 1u) << filter;
      }
    }
  }
}

}  // namespace
}  // namespace kams::test
