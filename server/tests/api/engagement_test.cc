// Contact records and cadence over the API: a record needs a real purpose and changes
// nothing when refused; scope and permissions; next steps and first-contact ownership of
// requests; cadence windows at their edges (business days, China time); the daily check's
// notifications to the owner and, past the grace days, the director; the user's day.
#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <thread>

#include "api_util.h"

namespace kams::test {
namespace {

constexpr std::int64_t kDaySeconds = 86400;
constexpr std::int64_t kChinaOffset = 8 * 3600;

std::int64_t NowSeconds() {
  return std::chrono::duration_cast<std::chrono::seconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

// The business day (China time) `days_ago` days before today, as seconds since the epoch of
// its first instant, plus `seconds` into it.
std::int64_t ChinaDay(int days_ago, std::int64_t seconds = 3600) {
  const std::int64_t today = (NowSeconds() + kChinaOffset) / kDaySeconds;
  return (today - days_ago) * kDaySeconds - kChinaOffset + seconds;
}

std::string Rfc3339(std::int64_t seconds) {
  const std::time_t t = static_cast<std::time_t>(seconds);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}


json Record(const Client& c, Id customer, json extra = json::object()) {
  json body = {{"customer_id", customer}, {"channel", "visit"}, {"purpose", "季度业务回顾"}};
  for (auto it = extra.begin(); it != extra.end(); ++it) body[it.key()] = it.value();
  auto r = c.Post("/api/v1/interactions", body);
  EXPECT_EQ(r.status, 201) << r.body;
  return r.Json();
}

std::vector<json> RecordsOf(const Client& c, Id customer) {
  return ListAll(c, "/api/v1/interactions", "customer_id=" + std::to_string(customer));
}

json CadenceOf(const Client& c, Id customer) {
  return GetJson(c, CustomerPath(customer) + "/cadence");
}

std::optional<json> BreachOf(const Client& c, Id customer, const std::string& kind) {
  const json cadence = CadenceOf(c, customer);
  for (const auto& b : cadence["breaches"]) {
    if (b["kind"] == kind) return b;
  }
  return std::nullopt;
}

void OwnRule(Id customer, json rule) {
  auto r = As("admin").Send("PUT", CustomerPath(customer) + "/cadence", {}, rule.dump());
  ASSERT_EQ(r.status, 200) << r.body;
}

// Notifications of `kind` about `customer`, waiting up to 15 s for the daily check to run
// (tests run the job every second).
std::vector<json> WaitForNotes(const Client& c, Id customer, const std::string& kind) {
  for (int i = 0; i < 60; ++i) {
    std::vector<json> out;
    for (const auto& n : ListAll(c, "/api/v1/notifications", "")) {
      if (n["customer_id"] == customer && n["kind"] == kind) out.push_back(n);
    }
    if (!out.empty()) return out;
    std::this_thread::sleep_for(std::chrono::milliseconds(250));
  }
  return {};
}

TEST(Interactions, ARecordKeepsItsPurposeContactsAndNextStepAndIsAudited) {
  const Client& kam = As("kam.sz");
  json customer = CreateCustomer(kam, {{"name", Unique("接触记录客户")}, {"stage", "active"}});
  const Id cid = customer["id"].get<Id>();
  auto contact = kam.Post(CustomerPath(cid) + "/contacts", {{"name", "王经理"}, {"title", "采购部经理"}});
  ASSERT_EQ(contact.status, 201) << contact.body;
  const Id contact_id = contact.Json()["id"].get<Id>();
  const Id before = LatestAuditId();

  json r = Record(kam, cid,
                  {{"channel", "meeting"},
                   {"summary", "讨论明年框架协议"},
                   {"outcome", "同意试点"},
                   {"next_step", "发送报价单"},
                   {"next_step_due", ChinaDate(-3)},
                   {"contact_ids", {contact_id}},
                   {"occurred_at", Rfc3339(ChinaDay(1))}});
  EXPECT_EQ(r["channel"], "meeting");
  EXPECT_EQ(r["purpose"], "季度业务回顾");
  EXPECT_EQ(r["customer_name"], customer["name"]);
  EXPECT_EQ(r["recorded_by"], UserId("kam.sz"));
  EXPECT_EQ(r["next_step_owner_id"], UserId("kam.sz"));
  ASSERT_EQ(r["contacts"].size(), 1u);
  EXPECT_EQ(r["contacts"][0]["name"], "王经理");
  ASSERT_EQ(r["participants"].size(), 1u);  // the recorder takes part
  EXPECT_EQ(r["participants"][0]["id"], UserId("kam.sz"));
  EXPECT_EQ(r["version"], 1);

  // Newest first in the customer's list; the record is in the audit log with its customer.
  Record(kam, cid, {{"channel", "phone"}, {"purpose", "确认试点范围"}});
  auto list = RecordsOf(kam, cid);
  ASSERT_EQ(list.size(), 2u);
  EXPECT_EQ(list[0]["purpose"], "确认试点范围");
  auto audit = AuditSince(before, "action=interaction.create");
  ASSERT_EQ(audit.size(), 2u);
  EXPECT_EQ(audit.back()["customer_id"], cid);

  // Everyone who sees the customer sees its records; others do not.
  EXPECT_EQ(As("dir.east").Get("/api/v1/interactions/" + std::to_string(r["id"].get<Id>())).status, 200);
  EXPECT_EQ(As("kam.sh").Get("/api/v1/interactions/" + std::to_string(r["id"].get<Id>())).status, 404);
  EXPECT_TRUE(RecordsOf(As("kam.sh"), cid).empty());
}

TEST(Interactions, ARecordWithoutARealPurposeIsRefusedAndChangesNothing) {
  const Client& kam = As("kam.sz");
  const Id cid = CreateCustomer(kam, {{"name", Unique("无目的")}})["id"].get<Id>();
  const Id other = CreateCustomer(kam, {{"name", Unique("别家")}})["id"].get<Id>();
  auto foreign = kam.Post(CustomerPath(other) + "/contacts", {{"name", "李四"}});
  ASSERT_EQ(foreign.status, 201);
  struct Case {
    json body;
    std::string field, problem;
  };
  const std::vector<Case> cases = {
      {{{"customer_id", cid}, {"channel", "visit"}}, "purpose", "required"},
      {{{"customer_id", cid}, {"channel", "visit"}, {"purpose", "   "}}, "purpose", "required"},
      {{{"customer_id", cid}, {"channel", "visit"}, {"purpose", "无"}}, "purpose", "not_a_purpose"},
      {{{"customer_id", cid}, {"channel", "visit"}, {"purpose", "N/A"}}, "purpose", "not_a_purpose"},
      {{{"customer_id", cid}, {"channel", "visit"}, {"purpose", "……"}}, "purpose", "not_a_purpose"},
      {{{"customer_id", cid}, {"channel", "pigeon"}, {"purpose", "送样品"}}, "channel", "invalid"},
      {{{"customer_id", cid}, {"purpose", "送样品"}}, "channel", "required"},
      {{{"customer_id", cid}, {"channel", "visit"}, {"purpose", "送样品"},
        {"occurred_at", Rfc3339(NowSeconds() + 7200)}}, "occurred_at", "in_the_future"},
      {{{"customer_id", cid}, {"channel", "visit"}, {"purpose", "送样品"},
        {"contact_ids", {foreign.Json()["id"]}}}, "contact_ids[0]", "not_a_contact_of_the_customer"},
      {{{"customer_id", cid}, {"channel", "visit"}, {"purpose", "送样品"},
        {"next_step_due", ChinaDate(-1)}}, "next_step", "required_with_due_date"},
      {{{"customer_id", cid}, {"channel", "visit"}, {"purpose", "送样品"}, {"colour", "red"}},
       "colour", "unknown_field"},
  };
  for (const auto& c : cases) {
    auto r = kam.Post("/api/v1/interactions", c.body);
    EXPECT_EQ(r.status, 400) << c.body.dump() << " " << r.body;
    EXPECT_EQ(r.Json()["error"]["fields"].value(c.field, ""), c.problem) << c.body.dump() << r.body;
  }
  EXPECT_TRUE(RecordsOf(kam, cid).empty());
}

TEST(Interactions, ScopeAndRolesDecideWhoRecordsAndEdits) {
  const Client& kam = As("kam.sz");
  const Id cid = CreateCustomer(kam, {{"name", Unique("权限")}})["id"].get<Id>();
  json body = {{"customer_id", cid}, {"channel", "phone"}, {"purpose", "催收回款"}};
  EXPECT_EQ(As("kam.sh").Post("/api/v1/interactions", body).status, 404);  // outside scope
  EXPECT_EQ(As("exec").Post("/api/v1/interactions", body).status, 403);    // read-only role
  json r = Record(kam, cid);
  const std::string path = "/api/v1/interactions/" + std::to_string(r["id"].get<Id>());
  // Another user who sees the customer may not rewrite the record; the recorder may.
  EXPECT_EQ(As("dir.east").Patch(path, {{"outcome", "改写"}}, 1).status, 403);
  auto stale = kam.Patch(path, {{"outcome", "对方同意"}}, 7);
  EXPECT_EQ(stale.status, 412);
  const Id before_edit = LatestAuditId();
  auto ok = kam.Patch(path, {{"outcome", "对方同意"}}, 1);
  ASSERT_EQ(ok.status, 200) << ok.body;
  auto edited = AuditSince(before_edit, "action=interaction.update");
  ASSERT_EQ(edited.size(), 1u);
  EXPECT_EQ(Changes(edited[0]).count("outcome"), 1u);
  EXPECT_EQ(ok.Json()["version"], 2);
  EXPECT_EQ(ok.Json()["outcome"], "对方同意");
  EXPECT_EQ(kam.Patch(path, {{"purpose", "无"}}, 2).status, 400);
  EXPECT_EQ(As("dir.east").Delete(path, 2).status, 403);
  EXPECT_EQ(kam.Delete(path, 2).status, 204);
  EXPECT_EQ(kam.Get(path).status, 404);
  EXPECT_TRUE(RecordsOf(kam, cid).empty());
}

TEST(Interactions, RequestsHaveAFirstContactOwnerUntilHandedOnAndNextStepsTheirOwner) {
  const Client& kam = As("kam.sz");
  const Id cid = CreateCustomer(kam, {{"name", Unique("首问")}})["id"].get<Id>();
  json r = Record(kam, cid,
                  {{"channel", "counter"}, {"purpose", "客户申请增容"}, {"is_request", true},
                   {"next_step", "现场勘查"}, {"next_step_owner_id", UserId("dir.east")}});
  EXPECT_EQ(r["first_contact_owner_id"], UserId("kam.sz"));
  EXPECT_EQ(r["next_step_owner_id"], UserId("dir.east"));
  const Id id = r["id"].get<Id>();
  const std::string path = "/api/v1/interactions/" + std::to_string(id);

  auto has = [&](const Client& c, const char* list) {
    const json day = GetJson(c, "/api/v1/my-day");
    for (const auto& i : day[list]) {
      if (i["id"] == id) return true;
    }
    return false;
  };
  EXPECT_TRUE(has(kam, "open_requests"));
  EXPECT_TRUE(has(As("dir.east"), "next_steps"));
  EXPECT_FALSE(has(kam, "next_steps"));

  // Only the first-contact owner hands it on, and only to someone who sees the customer.
  EXPECT_EQ(As("dir.east").Patch(path, {{"first_contact_owner_id", UserId("dir.east")}}, 1).status, 403);
  auto away = kam.Patch(path, {{"first_contact_owner_id", UserId("kam.sh")}}, 1);
  EXPECT_EQ(away.status, 400);
  EXPECT_EQ(away.Json()["error"]["fields"].value("first_contact_owner_id", ""), "cannot_see_the_customer");
  auto on = kam.Patch(path, {{"first_contact_owner_id", UserId("dir.east")}}, 1);
  ASSERT_EQ(on.status, 200) << on.body;
  EXPECT_FALSE(has(kam, "open_requests"));
  EXPECT_TRUE(has(As("dir.east"), "open_requests"));
  EXPECT_FALSE(WaitForNotes(As("dir.east"), cid, "interaction.request").empty());

  // The next step's owner completes it; the new first-contact owner closes the request.
  auto done = As("dir.east").Patch(path, {{"next_step_done", true}}, 2);
  ASSERT_EQ(done.status, 200) << done.body;
  EXPECT_FALSE(done.Json()["next_step_done_at"].is_null());
  auto closed = As("dir.east").Patch(path, {{"request_closed", true}}, 3);
  ASSERT_EQ(closed.status, 200) << closed.body;
  EXPECT_FALSE(has(As("dir.east"), "open_requests"));
  EXPECT_FALSE(has(As("dir.east"), "next_steps"));
}

TEST(Cadence, OverdueCountsBusinessDaysFromTheLastContact) {
  const Client& kam = As("kam.sz");
  // Contacted 14 days ago: due today, not overdue. 15 days ago: one day overdue.
  const Id due_today = CreateCustomer(kam, {{"name", Unique("刚好到期")}})["id"].get<Id>();
  const Id late = CreateCustomer(kam, {{"name", Unique("逾期一天")}})["id"].get<Id>();
  OwnRule(due_today, {{"min_interval_days", 14}});
  OwnRule(late, {{"min_interval_days", 14}});
  Record(kam, due_today, {{"occurred_at", Rfc3339(ChinaDay(14, 60))}});
  Record(kam, late, {{"occurred_at", Rfc3339(ChinaDay(15, kDaySeconds - 60))}});
  EXPECT_FALSE(BreachOf(kam, due_today, "overdue"));
  auto breach = BreachOf(kam, late, "overdue");
  ASSERT_TRUE(breach);
  EXPECT_EQ((*breach)["days_overdue"], 1);
  EXPECT_EQ((*breach)["due_on"], ChinaDate(1));
  EXPECT_EQ((*breach)["since"], ChinaDate(0));

  // A new contact ends the breach at once; the next is due 14 days on.
  Record(kam, late, {{"channel", "phone"}, {"purpose", "回访满意度"}});
  EXPECT_FALSE(BreachOf(kam, late, "overdue"));
  const json view = CadenceOf(kam, late);
  EXPECT_EQ(view["source"], "own");
  EXPECT_EQ(view["effective"]["min_interval_days"], 14);
  EXPECT_EQ(view["next_due"], ChinaDate(-14));
  EXPECT_FALSE(view["last_contact_at"].is_null());
  EXPECT_TRUE(view["contacts_in_period"].is_null());  // no maximum
  // Back to the tier's rule (none: the customer has no tier): nothing to breach.
  EXPECT_EQ(As("admin").Delete(CustomerPath(late) + "/cadence", std::nullopt).status, 204);
  const json none = CadenceOf(kam, late);
  EXPECT_TRUE(none["own"].is_null());
  EXPECT_TRUE(none["effective"].is_null());
  EXPECT_EQ(none["source"], "none");
  EXPECT_TRUE(none["next_due"].is_null());
}

TEST(Cadence, OverContactedCountsTheWindowOfPeriodDays) {
  const Client& kam = As("kam.sz");
  const Id inside = CreateCustomer(kam, {{"name", Unique("联系过多")}})["id"].get<Id>();
  const Id edge = CreateCustomer(kam, {{"name", Unique("窗口外")}})["id"].get<Id>();
  for (Id c : {inside, edge}) OwnRule(c, {{"max_contacts", 2}, {"period_days", 7}});
  // The window is today and the 6 days before it: 6 days ago at 00:01 counts, 7 days ago at
  // 23:59 (China time) does not.
  Record(kam, inside, {{"occurred_at", Rfc3339(ChinaDay(6, 60))}});
  Record(kam, edge, {{"occurred_at", Rfc3339(ChinaDay(7, kDaySeconds - 60))}});
  for (Id c : {inside, edge}) {
    Record(kam, c, {{"occurred_at", Rfc3339(ChinaDay(3))}});
    Record(kam, c, {{"channel", "email"}, {"purpose", "发送合同草案"}});
  }
  auto breach = BreachOf(kam, inside, "over_contacted");
  ASSERT_TRUE(breach);
  EXPECT_EQ((*breach)["contacts_in_period"], 3);
  EXPECT_EQ((*breach)["max_contacts"], 2);
  EXPECT_FALSE(BreachOf(kam, edge, "over_contacted"));
  // The breach list shows it to those who see the customer.
  bool listed = false;
  for (const auto& b : ListAll(As("dir.east"), "/api/v1/cadence-breaches", "kind=over_contacted")) {
    listed |= b["customer_id"] == inside;
  }
  EXPECT_TRUE(listed);
  for (const auto& b : ListAll(As("kam.sh"), "/api/v1/cadence-breaches", "")) {
    EXPECT_NE(b["customer_id"], inside);
  }
}

TEST(Cadence, TheDailyCheckTellsTheOwnerThenTheDirectorPastTheGraceDays) {
  const Client& kam = As("kam.sz");
  const Id fresh = CreateCustomer(kam, {{"name", Unique("新逾期")}})["id"].get<Id>();
  const Id old = CreateCustomer(kam, {{"name", Unique("久未联系")}})["id"].get<Id>();
  OwnRule(fresh, {{"min_interval_days", 5}});
  OwnRule(old, {{"min_interval_days", 5}});
  Record(kam, fresh, {{"occurred_at", Rfc3339(ChinaDay(6))}});  // overdue since today
  Record(kam, old, {{"occurred_at", Rfc3339(ChinaDay(30))}});   // overdue for 24 days
  EXPECT_FALSE(WaitForNotes(kam, fresh, "cadence.overdue").empty());
  EXPECT_FALSE(WaitForNotes(kam, old, "cadence.overdue").empty());
  EXPECT_FALSE(WaitForNotes(As("dir.east"), old, "cadence.overdue.escalated").empty());
  // Within the grace days the director hears nothing; the owner hears once.
  auto breach = BreachOf(kam, fresh, "overdue");
  ASSERT_TRUE(breach);
  EXPECT_TRUE((*breach)["notified_director_at"].is_null());
  EXPECT_FALSE((*breach)["notified_owner_at"].is_null());
  std::this_thread::sleep_for(std::chrono::seconds(2));
  EXPECT_EQ(WaitForNotes(kam, fresh, "cadence.overdue").size(), 1u);
  bool escalated = false;
  for (const auto& n : ListAll(As("dir.east"), "/api/v1/notifications", "")) {
    escalated |= n["customer_id"] == fresh;
  }
  EXPECT_FALSE(escalated);

  // The KAM's day lists both, most overdue first.
  json day = GetJson(kam, "/api/v1/my-day");
  std::vector<Id> order;
  for (const auto& b : day["overdue"]) {
    if (b["customer_id"] == fresh || b["customer_id"] == old) order.push_back(b["customer_id"].get<Id>());
  }
  EXPECT_EQ(order, (std::vector<Id>{old, fresh}));
}

TEST(Cadence, AnAccountsOwnRuleIsSetByThoseWhoAssignAccountsAndAudited) {
  const Client& admin = As("admin");
  const Id cid = CreateCustomer(As("kam.sz"), {{"name", Unique("自有频率")}})["id"].get<Id>();
  const std::string path = CustomerPath(cid) + "/cadence";
  auto put = [&](const Client& c, const json& body) { return c.Send("PUT", path, {}, body.dump()); };
  EXPECT_EQ(put(As("kam.sz"), {{"min_interval_days", 7}}).status, 403);
  EXPECT_EQ(As("kam.sh").Get(path).status, 404);
  EXPECT_EQ(admin.Send("PUT", CustomerPath(999999999) + "/cadence", {}, R"({"max_contacts":2})").status,
            404);
  struct Case {
    json body;
    std::string field, problem;
  };
  for (const Case& c : {Case{json::object(), "min_interval_days", "a_rule_needs_a_minimum_or_a_maximum"},
                        Case{{{"min_interval_days", 0}}, "min_interval_days", "out_of_range"},
                        Case{{{"max_contacts", 2}, {"period_days", "x"}}, "period_days", "must_be_integer"},
                        Case{{{"max_contacts", 2}, {"tier", "key"}}, "tier", "unknown_field"}}) {
    auto r = put(admin, c.body);
    EXPECT_EQ(r.status, 400) << c.body.dump();
    EXPECT_EQ(r.Json()["error"]["fields"].value(c.field, ""), c.problem) << r.body;
  }
  EXPECT_TRUE(CadenceOf(admin, cid)["own"].is_null());

  const Id before = LatestAuditId();
  auto saved = put(admin, {{"min_interval_days", 10}, {"max_contacts", 4}, {"period_days", 14}});
  ASSERT_EQ(saved.status, 200) << saved.body;
  EXPECT_EQ(CadenceOf(As("kam.sz"), cid)["own"],
            (json{{"min_interval_days", 10}, {"max_contacts", 4}, {"period_days", 14}}));
  auto audit = AuditSince(before, "action=customer.cadence");
  ASSERT_EQ(audit.size(), 1u);
  EXPECT_EQ(audit[0]["customer_id"], cid);
  EXPECT_EQ(As("kam.sz").Delete(path, std::nullopt).status, 403);
  EXPECT_EQ(admin.Delete(path, std::nullopt).status, 204);
  EXPECT_EQ(admin.Delete(path, std::nullopt).status, 404);
  EXPECT_EQ(AuditSince(before, "action=customer.cadence").size(), 2u);
}

TEST(Cadence, RulesAreSetBySpecialistsWithTheirVersion) {
  const Client& admin = As("admin");
  auto current = admin.Get("/api/v1/cadence-rules");
  ASSERT_EQ(current.status, 200);
  json rules = current.Json();
  const long long version = rules["version"].get<long long>();
  json body = {{"rules", rules["rules"]}, {"grace_days", rules["grace_days"]}};

  EXPECT_EQ(As("kam.sz").Send("PUT", "/api/v1/cadence-rules", {{"If-Match", std::to_string(version)}},
                              body.dump()).status,
            403);
  EXPECT_EQ(admin.Send("PUT", "/api/v1/cadence-rules", {{"If-Match", std::to_string(version + 5)}},
                       body.dump()).status,
            412);
  json bad = body;
  bad["rules"].push_back({{"tier", "X"}, {"min_interval_days", 0}});
  auto refused = admin.Send("PUT", "/api/v1/cadence-rules", {{"If-Match", std::to_string(version)}},
                            bad.dump());
  EXPECT_EQ(refused.status, 400);
  const std::string field = "rules[" + std::to_string(rules["rules"].size()) + "].min_interval_days";
  EXPECT_EQ(refused.Json()["error"]["fields"].value(field, ""), "out_of_range") << refused.body;
  json dup = body;
  dup["rules"].push_back(rules["rules"][0]);
  EXPECT_EQ(admin.Send("PUT", "/api/v1/cadence-rules", {{"If-Match", std::to_string(version)}},
                       dup.dump()).status,
            400);

  json next = body;
  next["grace_days"] = 10;
  auto saved = admin.Send("PUT", "/api/v1/cadence-rules", {{"If-Match", std::to_string(version)}},
                          next.dump());
  ASSERT_EQ(saved.status, 200) << saved.body;
  EXPECT_EQ(saved.Json()["version"], version + 1);
  EXPECT_EQ(saved.Json()["grace_days"], 10);
  EXPECT_EQ(saved.Json()["rules"], rules["rules"]);
  auto audit = AuditRows("action=cadence.rules", 1);
  ASSERT_FALSE(audit.empty());
  EXPECT_EQ(Changes(audit[0]).count("grace_days"), 1u);
  auto back = admin.Send("PUT", "/api/v1/cadence-rules", {{"If-Match", std::to_string(version + 1)}},
                         body.dump());
  EXPECT_EQ(back.status, 200) << back.body;
}

TEST(MyDay, ListsComingBirthdaysOfTheKamsAccounts) {
  const Client& kam = As("kam.sz");
  const Id cid = CreateCustomer(kam, {{"name", Unique("生日")}})["id"].get<Id>();
  const std::string soon = ChinaDate(-3);
  const std::string born = "1980" + soon.substr(4);
  auto c = kam.Post(CustomerPath(cid) + "/contacts", {{"name", "赵总"}, {"birthday", born}});
  ASSERT_EQ(c.status, 201) << c.body;
  bool found = false;
  const json day = GetJson(kam, "/api/v1/my-day");
  for (const auto& b : day["birthdays"]) {
    if (b["contact_id"] == c.Json()["id"]) {
      found = true;
      EXPECT_EQ(b["in_days"], 3);
      EXPECT_EQ(b["next"], soon);
    }
  }
  EXPECT_TRUE(found);
  // Not on another KAM's day.
  const json other = GetJson(As("kam.sh"), "/api/v1/my-day");
  for (const auto& b : other["birthdays"]) {
    EXPECT_NE(b["customer_id"], cid);
  }
}

TEST(MyDay, SaysWhichSectionsAreCutAtTheirFirstHundred) {
  const Client& kam = As("ma.jun");
  const Id me = kam.user["id"].get<Id>();
  // At least 101 accounts of this KAM, each with an over-contacted breach of its own.
  const std::int64_t owned =
      DbInt("SELECT COUNT(*) FROM customer WHERE deleted_at IS NULL AND owner_id = " +
            std::to_string(me));
  for (std::int64_t k = owned; k < 101; ++k) CreateCustomer(kam, {{"name", Unique("频繁")}});
  const std::string mine = "SELECT id FROM customer WHERE deleted_at IS NULL AND owner_id = " +
                           std::to_string(me) +
                           " AND id NOT IN (SELECT customer_id FROM cadence_breach WHERE kind = "
                           "'over_contacted')";
  const std::vector<std::int64_t> added = DbInts(mine + " ORDER BY id LIMIT 101");
  ASSERT_EQ(added.size(), 101u);
  std::string ids;
  for (auto id : added) ids += (ids.empty() ? "" : ", ") + std::to_string(id);
  DbExec("INSERT INTO cadence_breach (customer_id, kind, since, contacts_in_period, max_contacts, "
         "period_days) SELECT id, 'over_contacted', '2026-01-05', 9, 3, 7 FROM customer WHERE id "
         "IN (" + ids + ")");
  const json day = GetJson(kam, "/api/v1/my-day");
  DbExec("DELETE FROM cadence_breach WHERE kind = 'over_contacted' AND customer_id IN (" + ids +
         ")");
  EXPECT_EQ(day["over_contacted"].size(), 100u);
  ASSERT_TRUE(day["more"].is_array());
  std::vector<std::string> more = day["more"].get<std::vector<std::string>>();
  EXPECT_NE(std::find(more.begin(), more.end(), "over_contacted"), more.end());
  // Each kind is read on its own: the overdue accounts still show beside them.
  EXPECT_EQ(day["overdue"].size(), GetJson(kam, "/api/v1/cadence-breaches?kind=overdue&owner_id=" +
                                                    std::to_string(me) + "&limit=100")["items"]
                                       .size());
  // Without the added breaches the section is whole again.
  const json after = GetJson(kam, "/api/v1/my-day");
  const auto rest = after["more"].get<std::vector<std::string>>();
  EXPECT_EQ(std::find(rest.begin(), rest.end(), "over_contacted"), rest.end());
}

}  // namespace
}  // namespace kams::test
