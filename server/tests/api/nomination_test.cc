// Nominations over the API: a KAM puts a customer forward, the region's director and then a
// KAM specialist approve (the default chain up the org tree), every decision is audited and
// notified; rejection and resubmission once changed; 409s for deciding twice or after the
// end; scope (nobody outside it sees or decides); a tier change by hand that evaluation
// leaves alone until its pin runs out.
#include <gtest/gtest.h>

#include "api_util.h"

namespace kams::test {
namespace {

std::string NominationPath(Id id) { return "/api/v1/nominations/" + std::to_string(id); }

json Nominate(const Client& c, Id customer, const std::string& reason) {
  auto r = c.Post("/api/v1/nominations", {{"customer_id", customer}, {"reason", reason}});
  EXPECT_EQ(r.status, 201) << r.body;
  return r.Json();
}

std::set<Id> Ids(const Client& c, const std::string& query) {
  return IdSet(ListAll(c, "/api/v1/nominations", query));
}

// The user's notifications about one nomination, newest first.
std::vector<json> NotesAbout(const Client& c, Id nomination) {
  std::vector<json> out;
  for (const auto& n : ListAll(c, "/api/v1/notifications", "")) {
    if (n["entity"] == "nomination" && n["entity_id"] == nomination) out.push_back(n);
  }
  return out;
}

TEST(Nominations, TwoLevelApprovalMakesAKeyAccountAuditedAndNotified) {
  const Client& kam = As("kam.sz");
  json customer = CreateCustomer(kam, {{"name", Unique("提报客户")}, {"stage", "active"}});
  const Id cid = customer["id"].get<Id>();

  // Outside the nominator's scope the customer does not exist.
  EXPECT_EQ(As("kam.sh").Post("/api/v1/nominations", {{"customer_id", cid}, {"reason", "x"}}).status,
            404);

  json n = Nominate(kam, cid, "年采购额预计超过 500 万元，集团战略合作意向明确");
  const Id id = n["id"].get<Id>();
  EXPECT_EQ(n["status"], "pending");
  EXPECT_EQ(n["kind"], "nominate");
  EXPECT_EQ(n["level"], 1);
  EXPECT_EQ(n["levels"], 2);
  EXPECT_EQ(n["approver_role"], "director");
  EXPECT_EQ(n["approver_unit_id"], UserUnit("dir.east"));
  EXPECT_EQ(n["nominator_id"], UserId("kam.sz"));
  EXPECT_TRUE(n["metrics"].contains("revenue_12m_fen"));
  ASSERT_EQ(n["steps"].size(), 1u);
  EXPECT_EQ(n["steps"][0]["action"], "submit");
  // A second request of the same kind while this one waits is a conflict.
  EXPECT_EQ(kam.Post("/api/v1/nominations", {{"customer_id", cid}, {"reason", "再提一次"}}).status,
            409);

  // It waits in the east director's inbox, not the north's; the nominator sees it as theirs.
  EXPECT_TRUE(Ids(As("dir.east"), "box=inbox").count(id));
  EXPECT_FALSE(Ids(As("dir.north"), "box=inbox").count(id));
  EXPECT_FALSE(Ids(As("specialist"), "box=inbox").count(id));
  EXPECT_TRUE(Ids(kam, "box=mine").count(id));
  EXPECT_TRUE(NotesAbout(As("dir.east"), id).size() >= 1);

  // Nobody decides out of turn: not the nominator, not a director elsewhere (who does not
  // even see it), not the second level yet.
  EXPECT_EQ(kam.Post(NominationPath(id) + "/approve", json::object()).status, 403);
  EXPECT_EQ(As("dir.north").Post(NominationPath(id) + "/approve", json::object()).status, 404);
  EXPECT_EQ(As("dir.north").Get(NominationPath(id)).status, 404);
  EXPECT_EQ(As("specialist").Post(NominationPath(id) + "/approve", json::object()).status, 403);

  // Level 1: the region's director.
  auto r = As("dir.east").Post(NominationPath(id) + "/approve", {{"comment", "同意，请专员复核"}});
  ASSERT_EQ(r.status, 200) << r.body;
  n = r.Json();
  EXPECT_EQ(n["status"], "pending");
  EXPECT_EQ(n["level"], 2);
  EXPECT_EQ(n["approver_role"], "specialist");
  EXPECT_EQ(As("dir.east").Post(NominationPath(id) + "/approve", json::object()).status, 409);
  auto notes = NotesAbout(kam, id);
  ASSERT_FALSE(notes.empty());
  EXPECT_EQ(notes[0]["kind"], "nomination.advanced");
  EXPECT_EQ(notes[0]["body"], "同意，请专员复核");
  EXPECT_TRUE(notes[0]["read_at"].is_null());
  EXPECT_TRUE(Ids(As("specialist"), "box=inbox").count(id));

  // Level 2: a KAM specialist. The customer becomes a key account.
  r = As("specialist").Post(NominationPath(id) + "/approve", {{"comment", "通过"}});
  ASSERT_EQ(r.status, 200) << r.body;
  n = r.Json();
  EXPECT_EQ(n["status"], "approved");
  EXPECT_TRUE(n["approver_role"].is_null());
  EXPECT_FALSE(n["decided_at"].is_null());
  ASSERT_EQ(n["steps"].size(), 3u);
  EXPECT_EQ(n["steps"][2]["actor_name"], GetJson(As("specialist"), "/api/v1/auth/me")["user"]["display_name"]);
  EXPECT_EQ(GetJson(kam, CustomerPath(cid))["is_key_account"], true);
  notes = NotesAbout(kam, id);
  EXPECT_EQ(notes[0]["kind"], "nomination.approved");

  // Deciding again, or withdrawing, after the end is a conflict; so is nominating a key account.
  EXPECT_EQ(As("specialist").Post(NominationPath(id) + "/approve", json::object()).status, 409);
  EXPECT_EQ(kam.Post(NominationPath(id) + "/withdraw", json::object()).status, 409);
  EXPECT_EQ(kam.Post("/api/v1/nominations", {{"customer_id", cid}, {"reason", "again"}}).status, 409);

  // Every decision is in the audit log, with the customer.
  auto audit = GetJson(As("admin"), "/api/v1/audit?entity=nomination&entity_id=" + std::to_string(id));
  std::multiset<std::string> actions;
  for (const auto& a : audit["items"]) {
    actions.insert(a["action"].get<std::string>());
    if (a["action"] != "access.denied") {
      EXPECT_EQ(a["customer_id"], cid) << a.dump();
    }
  }
  // The decisions, and the two refused attempts to decide out of turn.
  EXPECT_EQ(actions, (std::multiset<std::string>{"nomination.create", "nomination.approve",
                                                 "nomination.approve", "access.denied",
                                                 "access.denied"}));

  // Notifications can be marked read, one or all; only one's own.
  EXPECT_EQ(kam.Post("/api/v1/notifications/" + std::to_string(notes[0]["id"].get<Id>()) + "/read",
                     json::object())
                .status,
            204);
  EXPECT_EQ(As("kam.sh")
                .Post("/api/v1/notifications/" + std::to_string(notes[1]["id"].get<Id>()) + "/read",
                      json::object())
                .status,
            404);
  r = kam.Post("/api/v1/notifications/read-all", json::object());
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(GetJson(kam, "/api/v1/notifications?unread=true")["unread_count"], 0);
}

TEST(Nominations, ARejectedRequestIsResubmittedOnlyOnceChanged) {
  const Client& kam = As("kam.sz");
  json customer = CreateCustomer(kam, {{"name", Unique("驳回客户")}, {"stage", "active"}});
  json n = Nominate(kam, customer["id"].get<Id>(), "潜力大");
  const std::string path = NominationPath(n["id"].get<Id>());

  auto r = As("dir.east").Post(path + "/reject", json::object());
  EXPECT_EQ(r.status, 400) << r.body;  // a rejection says why
  EXPECT_EQ(r.Json()["error"]["fields"]["comment"], "required_to_reject");
  r = As("dir.east").Post(path + "/reject", {{"comment", "缺少近一年交易数据"}});
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.Json()["status"], "rejected");
  EXPECT_EQ(NotesAbout(kam, n["id"].get<Id>())[0]["kind"], "nomination.rejected");
  EXPECT_EQ(As("dir.east").Post(path + "/approve", json::object()).status, 409);

  // Unchanged, it cannot go again; changed, it starts over at level 1.
  EXPECT_EQ(kam.Post(path + "/resubmit", {{"reason", "潜力大"}}).status, 409);
  EXPECT_EQ(As("kam.sh").Post(path + "/resubmit", {{"reason", "别人的"}}).status, 404);
  r = kam.Post(path + "/resubmit", {{"reason", "潜力大：已补充 2026 年合同 3 份，合计 420 万元"}});
  ASSERT_EQ(r.status, 200) << r.body;
  n = r.Json();
  EXPECT_EQ(n["status"], "pending");
  EXPECT_EQ(n["submissions"], 2);
  EXPECT_EQ(n["level"], 1);
  EXPECT_EQ(n["steps"].back()["action"], "submit");
  EXPECT_EQ(n["steps"].back()["submission"], 2);

  // The nominator may withdraw it; after that nobody decides.
  EXPECT_EQ(As("dir.east").Post(path + "/withdraw", json::object()).status, 403);
  r = kam.Post(path + "/withdraw", {{"comment", "客户暂缓合作"}});
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.Json()["status"], "withdrawn");
  EXPECT_EQ(As("dir.east").Post(path + "/approve", json::object()).status, 409);
}

TEST(Nominations, ATierChangeByHandIsPinnedAgainstEvaluation) {
  const Client& specialist = As("specialist");
  const std::string p = Unique("PIN");
  auto r = specialist.Send("POST", "/api/v1/customers/import", {{"Content-Type", "text/csv"}},
                           "customer_id,name,region,industry,created_at\n" + p +
                               ",手工调级客户 " + p + ",江苏省,制造,\n");
  ASSERT_EQ(r.status, 200) << r.body;
  std::string txns = "txn_id,customer_id,date,amount\n";
  for (int m = 1; m <= 12; ++m) {
    txns += p + "-" + std::to_string(m) + "," + p + ",2037-" + (m < 10 ? "0" : "") +
            std::to_string(m) + "-10,100000\n";
  }
  r = specialist.Send("POST", "/api/v1/transactions/import", {{"Content-Type", "text/csv"}}, txns);
  ASSERT_EQ(r.status, 200) << r.body;
  const Id cid = GetJson(specialist, "/api/v1/customers?q=" + UrlEncode(p))["items"][0]["id"].get<Id>();
  json scheme = json::parse(
      R"({"kind": "rules", "tiers": [{"tier": "strategic", "all": [{"metric": "revenue", "window_months": 12, "op": ">=", "value_fen": 500000000}]}, {"tier": "key", "any": [{"metric": "revenue", "window_months": 12, "op": ">=", "value_fen": 100000000}]}]})");
  scheme["name"] = Unique("手工调级");
  r = specialist.Post("/api/v1/tier-schemes", scheme);
  ASSERT_EQ(r.status, 201) << r.body;
  const Id sid = r.Json()["id"].get<Id>();
  const std::string spath = "/api/v1/tier-schemes/" + std::to_string(sid);
  ASSERT_EQ(specialist.Post(spath + "/apply", {{"as_of", "2037-12-31"}}).status, 200);

  // A tier the scheme does not have, or the tier the customer has, is refused.
  r = specialist.Post("/api/v1/nominations", {{"customer_id", cid}, {"kind", "change"},
                                             {"scheme_id", sid}, {"proposed_tier", "gold"},
                                             {"reason", "x"}});
  EXPECT_EQ(r.status, 400) << r.body;
  EXPECT_EQ(r.Json()["error"]["fields"]["proposed_tier"], "unknown_tier");
  r = specialist.Post("/api/v1/nominations", {{"customer_id", cid}, {"kind", "change"},
                                             {"scheme_id", sid}, {"proposed_tier", "key"},
                                             {"reason", "x"}});
  EXPECT_EQ(r.status, 409) << r.body;

  // Up to strategic by hand until 2099, approved by an administrator.
  r = specialist.Post("/api/v1/nominations",
                      {{"customer_id", cid}, {"kind", "change"}, {"scheme_id", sid},
                       {"proposed_tier", "strategic"}, {"pinned_until", "2099-01-01"},
                       {"reason", "集团总部指定的战略合作伙伴"}});
  ASSERT_EQ(r.status, 201) << r.body;
  const Id id = r.Json()["id"].get<Id>();
  while (true) {
    r = As("admin").Post(NominationPath(id) + "/approve", {{"comment", "同意"}});
    ASSERT_EQ(r.status, 200) << r.body;
    if (r.Json()["status"] == "approved") break;
  }
  json tiers = GetJson(specialist, CustomerPath(cid) + "/tiers")["items"];
  json mine;
  for (const auto& t : tiers) {
    if (t["scheme_id"] == sid) mine = t;
  }
  EXPECT_EQ(mine["tier"], "strategic");
  EXPECT_EQ(mine["pinned_until"], "2099-01-01");
  json history = GetJson(specialist, CustomerPath(cid) + "/tier-history")["items"];
  EXPECT_EQ(history[0]["kind"], "upgrade");
  EXPECT_EQ(history[0]["source"], "manual");
  EXPECT_EQ(history[0]["reason"], "集团总部指定的战略合作伙伴");
  EXPECT_EQ(history[0]["actor_id"], UserId("specialist"));
  EXPECT_EQ(history[0]["pinned_until"], "2099-01-01");

  // Evaluation would put it back to key, but the pin holds.
  r = specialist.Post(spath + "/apply", {{"as_of", "2037-12-31"}});
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_GE(r.Json()["pinned_kept"].get<long long>(), 1);
  EXPECT_EQ(GetJson(specialist, CustomerPath(cid) + "/tier-history")["items"].size(), history.size());
}

TEST(Nominations, BadRequestsNameTheProblem) {
  const Client& kam = As("kam.sz");
  json customer = CreateCustomer(kam, {{"name", Unique("校验客户")}});
  const Id cid = customer["id"].get<Id>();
  auto r = kam.Post("/api/v1/nominations", {{"customer_id", cid}});
  EXPECT_EQ(r.status, 400) << r.body;
  EXPECT_EQ(r.Json()["error"]["fields"]["reason"], "required");
  r = kam.Post("/api/v1/nominations", {{"customer_id", cid}, {"reason", "   "}});
  EXPECT_EQ(r.status, 400) << r.body;
  r = kam.Post("/api/v1/nominations", {{"customer_id", cid}, {"reason", "x"}, {"kind", "promote"}});
  EXPECT_EQ(r.Json()["error"]["fields"]["kind"], "invalid");
  r = kam.Post("/api/v1/nominations", {{"customer_id", cid}, {"reason", "x"}, {"colour", 1}});
  EXPECT_EQ(r.Json()["error"]["fields"]["colour"], "unknown_field");
  r = kam.Post("/api/v1/nominations", {{"customer_id", cid}, {"reason", std::string(2001, 'x')}});
  EXPECT_EQ(r.status, 400) << r.body;
  r = kam.Post("/api/v1/nominations", {{"customer_id", cid}, {"reason", "x"}, {"kind", "change"}});
  EXPECT_EQ(r.Json()["error"]["fields"]["scheme_id"], "required");
  EXPECT_EQ(kam.Get("/api/v1/nominations?box=elsewhere").status, 400);
  EXPECT_EQ(kam.Get("/api/v1/nominations?status=done").status, 400);
  EXPECT_EQ(kam.Get("/api/v1/nominations/999999999").status, 404);
  EXPECT_TRUE(Ids(kam, "box=mine&customer_id=" + std::to_string(cid)).empty());
}

TEST(Nominations, TheApprovalChainIsSetByAdministrators) {
  auto chain = GetJson(As("kam.sz"), "/api/v1/approval-chain");
  EXPECT_EQ(chain["roles"], json::array({"director", "specialist"}));
  auto put = [](const Client& c, const json& body) {
    return c.Send("PUT", "/api/v1/approval-chain", {{"Content-Type", "application/json"}},
                  body.dump());
  };
  EXPECT_EQ(put(As("dir.east"), {{"roles", {"director"}}}).status, 403);
  EXPECT_EQ(put(As("admin"), {{"roles", json::array()}}).status, 400);
  auto r = put(As("admin"), {{"roles", {"director", "chief"}}});
  EXPECT_EQ(r.status, 400) << r.body;
  EXPECT_EQ(r.Json()["error"]["fields"]["roles[1]"], "invalid");
  r = put(As("admin"), {{"roles", {"director", "specialist"}}});
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.Json()["roles"], json::array({"director", "specialist"}));
}

}  // namespace
}  // namespace kams::test
