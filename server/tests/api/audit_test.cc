// The audit log: rows for writes, filters, newest-first paging, and the hash chain that
// `kams audit verify` checks (on copies made with `kams backup`, then tampered with).
#include <gtest/gtest.h>

#include <regex>

#include "api_util.h"

namespace kams::test {
namespace {

struct Trail {
  json customer;
  json contact;
  Id first_audit = 0;  // newest id before the writes
};

// A customer with one update and one contact, written by kam.sz.
Trail MakeTrail() {
  Trail t;
  As("kam.sz");
  As("admin");  // sign both in first: a sign-in is itself an audited write
  t.first_audit = LatestAuditId();
  t.customer = CreateCustomer(As("kam.sz"), {{"name", Unique("审计轨迹客户")}, {"phone", "0512-12345678"}});
  const std::string path = CustomerPath(t.customer["id"].get<Id>());
  auto patched = As("kam.sz").Patch(path, {{"phone", "0512-87654321"}}, 1);
  if (patched.status != 200) throw std::runtime_error(patched.body);
  auto contact = As("kam.sz").Post(path + "/contacts", {{"name", "审计联系人"}});
  if (contact.status != 201) throw std::runtime_error(contact.body);
  t.contact = contact.Json();
  return t;
}

TEST(Audit, WritesLeaveRowsWithActorEntityAndChanges) {
  const Trail t = MakeTrail();
  const Id id = t.customer["id"].get<Id>();
  auto rows = AuditSince(t.first_audit, "");
  ASSERT_EQ(rows.size(), 3u);
  EXPECT_EQ(rows[2]["action"], "customer.create");
  EXPECT_EQ(rows[1]["action"], "customer.update");
  EXPECT_EQ(rows[0]["action"], "contact.create");
  for (const auto& r : rows) {
    EXPECT_EQ(r["actor_id"], UserId("kam.sz"));
    EXPECT_EQ(r["actor_name"], "kam.sz");
    EXPECT_EQ(r["customer_id"], id);
    EXPECT_EQ(r["client_addr"], "127.0.0.1");
    EXPECT_FALSE(r["request_id"].get<std::string>().empty());
    EXPECT_TRUE(std::regex_match(r["hash"].get<std::string>(), std::regex("[0-9a-f]{64}"))) << r["hash"];
    EXPECT_TRUE(std::regex_match(r["at"].get<std::string>(),
                                 std::regex(R"(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ)"))) << r["at"];
  }
  EXPECT_EQ(rows[2]["entity"], "customer");
  EXPECT_EQ(rows[2]["entity_id"], id);
  EXPECT_EQ(Changes(rows[2])["name"], std::make_pair(json(nullptr), t.customer["name"]));
  EXPECT_EQ(Changes(rows[1]), (std::map<std::string, std::pair<json, json>>{
                                  {"phone", {json("0512-12345678"), json("0512-87654321")}}}));
  EXPECT_EQ(rows[0]["entity"], "contact");
  EXPECT_EQ(rows[0]["entity_id"], t.contact["id"]);
  // Row ids are consecutive: the chain has no gaps.
  EXPECT_EQ(rows[0]["id"].get<Id>(), rows[2]["id"].get<Id>() + 2);
  EXPECT_NE(rows[0]["request_id"], rows[1]["request_id"]);
}

TEST(Audit, FiltersReturnOnlyMatchingRows) {
  const Trail t = MakeTrail();
  const std::string cid = t.customer["id"].dump();
  const std::string kam = std::to_string(UserId("kam.sz"));
  struct Case {
    std::string query;
    std::string field;
    json value;
    std::size_t at_least;
  };
  for (const auto& tc : std::vector<Case>{{"entity=customer&entity_id=" + cid, "entity_id", t.customer["id"], 2},
                                          {"entity=contact", "entity", "contact", 1},
                                          {"customer_id=" + cid, "customer_id", t.customer["id"], 3},
                                          {"actor_id=" + kam, "actor_id", UserId("kam.sz"), 3},
                                          {"action=customer.update", "action", "customer.update", 1},
                                          {"action=customer.update&actor_id=" + kam, "action", "customer.update", 1}}) {
    SCOPED_TRACE(tc.query);
    auto rows = AuditRows(tc.query);
    EXPECT_GE(rows.size(), tc.at_least);
    for (const auto& r : rows) EXPECT_EQ(r[tc.field], tc.value) << r.dump();
  }
  EXPECT_EQ(AuditRows("customer_id=" + cid).size(), 3u);
  EXPECT_TRUE(AuditRows("action=no.such.action").empty());

  // Time window: from is inclusive, to exclusive; dates mean midnight UTC.
  auto created = AuditRows("action=customer.create&entity_id=" + cid);
  ASSERT_EQ(created.size(), 1u);
  const std::string at = created[0]["at"];
  EXPECT_EQ(IdSet(AuditRows("entity_id=" + cid + "&entity=customer&from=" + at)).count(created[0]["id"].get<Id>()), 1u);
  EXPECT_EQ(IdSet(AuditRows("entity_id=" + cid + "&entity=customer&to=" + at)).count(created[0]["id"].get<Id>()), 0u);
  EXPECT_TRUE(AuditRows("from=2999-01-01").empty());
  EXPECT_TRUE(AuditRows("to=2000-01-01T00:00:00Z").empty());
  EXPECT_EQ(AuditRows("customer_id=" + cid + "&from=2000-01-01").size(), 3u);

  for (const auto& [query, field] : std::vector<std::pair<std::string, std::string>>{
           {"from=garbage", "from"}, {"to=2024-02-30", "to"}, {"entity_id=abc", "entity_id"},
           {"actor_id=0", "actor_id"}, {"limit=0", "limit"}, {"limit=501", "limit"},
           {"cursor=zz", "cursor"}, {"sort=id", "sort"}}) {
    auto r = As("admin").Get("/api/v1/audit?" + query);
    EXPECT_EQ(r.status, 400) << query;
    EXPECT_TRUE(r.Json()["error"]["fields"].contains(field)) << query << ": " << r.body;
  }
}

TEST(Audit, PagesAreNewestFirstAndVisitEveryRowOnce) {
  MakeTrail();
  MakeTrail();
  const auto& admin = As("admin");
  auto single = GetJson(admin, "/api/v1/audit?limit=40")["items"];
  ASSERT_GE(single.size(), 6u);
  std::vector<Id> expected;
  for (const auto& r : single) expected.push_back(r["id"].get<Id>());
  // Small pages until they have covered the big one.
  std::vector<Id> paged;
  std::string cursor;
  while (paged.size() < expected.size()) {
    auto j = GetJson(admin, "/api/v1/audit?limit=3" + (cursor.empty() ? "" : "&cursor=" + UrlEncode(cursor)));
    ASSERT_FALSE(j["items"].empty());
    EXPECT_LE(j["items"].size(), 3u);
    for (const auto& r : j["items"]) paged.push_back(r["id"].get<Id>());
    if (j["next_cursor"].is_null()) break;
    cursor = j["next_cursor"].get<std::string>();
  }
  paged.resize(std::min(paged.size(), expected.size()));
  EXPECT_EQ(paged, expected);

  // The whole log: ids N, N-1, ..., 1 with none missing or repeated.
  const auto all = ListAll(admin, "/api/v1/audit", "");
  ASSERT_FALSE(all.empty());
  const Id newest = all.front()["id"].get<Id>();
  ASSERT_EQ(all.size(), static_cast<std::size_t>(newest));
  for (std::size_t i = 0; i < all.size(); ++i) {
    ASSERT_EQ(all[i]["id"].get<Id>(), newest - static_cast<Id>(i));
  }
}

int Verify(const std::string& db, std::string* out) {
  return KamsServer::Get().RunCli({"audit", "verify", "--db", db}, out);
}

TEST(Audit, VerifyPassesOnACopyAndNamesTheFirstTamperedRow) {
  if (KamsServer::Get().postgres()) {
    GTEST_SKIP() << "tampers with a SQLite copy made by kams backup; the live chain is verified at exit";
  }
  const Trail t = MakeTrail();
  auto update = AuditRows("action=customer.update&entity_id=" + t.customer["id"].dump());
  ASSERT_EQ(update.size(), 1u);
  const Id row = update[0]["id"].get<Id>();
  const std::string r = std::to_string(row);
  const std::string at_row = "at row " + r + ":";  // "audit chain BROKEN at row N: ..."

  std::string out;
  const std::string intact = BackupCopy("audit-intact");
  EXPECT_EQ(Verify(intact, &out), 0) << out;
  EXPECT_TRUE(Contains(out, "intact")) << out;

  struct Tamper {
    std::string what, sql, expect_in_output;
  };
  const std::vector<Tamper> tampers = {
      {"changed value", "UPDATE audit_change SET after = '0512-00000000' WHERE audit_id = " + r, at_row},
      {"changed actor", "UPDATE audit SET actor_name = 'someone.else' WHERE id = " + r, at_row},
      {"changed time", "UPDATE audit SET at = at + 1 WHERE id = " + r, at_row},
      {"removed change", "DELETE FROM audit_change WHERE audit_id = " + r, at_row},
      {"added change",
       "INSERT INTO audit_change (audit_id, seq, field, before, after) VALUES (" + r + ", 99, 'owner_id', NULL, '1')",
       at_row},
      {"removed row", "DELETE FROM audit_change WHERE audit_id = " + r + "; DELETE FROM audit WHERE id = " + r,
       "row " + r + " is missing"},
      {"removed newest rows",
       "DELETE FROM audit_change WHERE audit_id >= " + r + "; DELETE FROM audit WHERE id >= " + r,
       at_row + " rows after " + std::to_string(row - 1) + " were removed"},
  };
  for (const auto& tc : tampers) {
    SCOPED_TRACE(tc.what);
    const std::string copy = BackupCopy("audit-tampered");
    ExecSql(copy, tc.sql);
    const int rc = Verify(copy, &out);
    EXPECT_NE(rc, 0) << out;
    EXPECT_TRUE(Contains(out, tc.expect_in_output)) << out;
  }
  // The live database was not touched.
  EXPECT_EQ(Verify(BackupCopy("audit-after"), &out), 0) << out;
}

}  // namespace
}  // namespace kams::test
