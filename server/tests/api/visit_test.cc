// Visit plans and the weekly review over the API: planning with a real purpose on a coming
// day, completing a visit into its contact record in one step, missed plans (shown, told,
// moved, completed late), cancelling with a reason, who may change what; the director's
// queue by ISO week with leftovers of earlier weeks, marks that can be undone, all or
// nothing, comments that reach the other side; open plans move with a handover.
#include <gtest/gtest.h>

#include <chrono>
#include <thread>

#include "api_util.h"

namespace kams::test {
namespace {

constexpr std::int64_t kDaySeconds = 86400;
constexpr std::int64_t kChinaOffset = 8 * 3600;

std::string N(Id id) { return std::to_string(id); }

std::int64_t NowSeconds() {
  return std::chrono::duration_cast<std::chrono::seconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

// Days since the epoch of today's business day (China time).
std::int64_t TodayNumber() { return (NowSeconds() + kChinaOffset) / kDaySeconds; }

std::string Rfc3339(std::int64_t seconds) {
  const std::time_t t = static_cast<std::time_t>(seconds);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

// An instant `seconds` into the business day `days_ago` before today.
std::string ChinaInstant(int days_ago, std::int64_t seconds) {
  return Rfc3339((TodayNumber() - days_ago) * kDaySeconds - kChinaOffset + seconds);
}

// A branch of its own under the east region with a director and a KAM, so the review
// queue holds only this test's items.
struct Team {
  Id unit = 0;
  Id director_id = 0;
  Id kam_id = 0;
  Client director;
  Client kam;
};

Team NewTeam() {
  Team t;
  auto r = As("admin").Post(
      "/api/v1/org-units",
      {{"name", Unique("拜访测试网点")}, {"kind", "branch"}, {"parent_id", UserUnit("dir.east")}});
  if (r.status != 201) throw std::runtime_error(r.body);
  t.unit = r.Json()["id"].get<Id>();
  const std::string director = Unique("vdir"), kam = Unique("vkam");
  t.director_id = CreateUser(director, "director", t.unit)["id"].get<Id>();
  t.kam_id = CreateUser(kam, "kam", t.unit)["id"].get<Id>();
  t.director = Client::Login(director, kTestPassword);
  t.kam = Client::Login(kam, kTestPassword);
  return t;
}

Id NewCustomer(const Client& c, const std::string& name = "拜访客户") {
  return CreateCustomer(c, {{"name", Unique(name)}, {"stage", "active"}})["id"].get<Id>();
}

json Plan(const Client& c, Id customer, json extra = json::object()) {
  json body = {{"customer_id", customer}, {"planned_on", ChinaDate(0)}, {"purpose", "季度拜访"}};
  for (auto it = extra.begin(); it != extra.end(); ++it) body[it.key()] = it.value();
  auto r = c.Post("/api/v1/visit-plans", body);
  EXPECT_EQ(r.status, 201) << r.body;
  return r.Json();
}

std::string PlanPath(Id id) { return "/api/v1/visit-plans/" + N(id); }

HttpResponse Act(const Client& c, const std::string& path, const json& body, long long version) {
  return c.Send("POST", path, {{"If-Match", "\"" + std::to_string(version) + "\""}}, body.dump());
}

json Record(const Client& c, Id customer, const std::string& at, const std::string& purpose) {
  auto r = c.Post(
      "/api/v1/interactions",
      {{"customer_id", customer}, {"channel", "phone"}, {"purpose", purpose}, {"occurred_at", at}});
  EXPECT_EQ(r.status, 201) << r.body;
  return r.Json();
}

std::vector<json> Notes(const Client& c, const std::string& kind, Id entity_id) {
  std::vector<json> out;
  for (const auto& n : ListAll(c, "/api/v1/notifications", "")) {
    if (n["kind"] == kind && n["entity_id"] == entity_id) out.push_back(n);
  }
  return out;
}

// Waits up to 15 s (tests run the jobs every second).
std::vector<json> WaitForNotes(const Client& c, const std::string& kind, Id entity_id) {
  for (int i = 0; i < 60; ++i) {
    auto out = Notes(c, kind, entity_id);
    if (!out.empty()) return out;
    std::this_thread::sleep_for(std::chrono::milliseconds(250));
  }
  return {};
}

std::set<std::string> FieldErrors(const HttpResponse& r) {
  std::set<std::string> out;
  const json body = r.Json();
  if (!body["error"].contains("fields")) return out;
  for (auto it = body["error"]["fields"].begin(); it != body["error"]["fields"].end(); ++it) {
    out.insert(it.key() + ":" + it.value().get<std::string>());
  }
  return out;
}

TEST(VisitPlans, APlanCompletesIntoItsContactRecordInOneStep) {
  const Client& kam = As("kam.sz");
  const Id cid = NewCustomer(kam);
  auto contact = kam.Post(CustomerPath(cid) + "/contacts", {{"name", "周总"}, {"title", "总经理"}});
  ASSERT_EQ(contact.status, 201) << contact.body;
  const Id contact_id = contact.Json()["id"].get<Id>();
  const Id before = LatestAuditId();

  auto created = kam.Post("/api/v1/visit-plans", {{"customer_id", cid},
                                                  {"planned_on", ChinaDate(0)},
                                                  {"start_time", "00:00"},
                                                  {"purpose", "  介绍新产品线  "},
                                                  {"contact_ids", {contact_id, contact_id}}});
  ASSERT_EQ(created.status, 201) << created.body;
  const json plan = created.Json();
  const Id id = plan["id"].get<Id>();
  EXPECT_EQ(created.headers.at("location"), PlanPath(id));
  EXPECT_EQ(plan["status"], "planned");
  EXPECT_EQ(plan["purpose"], "介绍新产品线");
  EXPECT_EQ(plan["owner_id"], UserId("kam.sz"));
  EXPECT_EQ(plan["created_by"], UserId("kam.sz"));
  ASSERT_EQ(plan["contacts"].size(), 1u);
  EXPECT_EQ(plan["contacts"][0]["name"], "周总");
  EXPECT_TRUE(plan["interaction_id"].is_null());

  // The owner's day and the calendar list it; the director over the branch sees it too.
  const json day = GetJson(kam, "/api/v1/my-day");
  bool today = false;
  for (const auto& p : day["visits_today"]) today |= p["id"] == id;
  EXPECT_TRUE(today) << day["visits_today"].dump();
  auto listed =
      ListAll(kam, "/api/v1/visit-plans",
              "owner_id=" + N(UserId("kam.sz")) + "&from=" + ChinaDate(0) + "&to=" + ChinaDate(0));
  EXPECT_TRUE(IdSet(listed).count(id));
  EXPECT_EQ(As("dir.east").Get(PlanPath(id)).status, 200);
  EXPECT_EQ(As("kam.sh").Get(PlanPath(id)).status, 404);

  // Completing writes the visit's record: channel visit, the plan's purpose and contacts.
  auto done =
      Act(kam, PlanPath(id) + "/complete",
          {{"outcome", "同意试用"}, {"next_step", "寄送样品"}, {"next_step_due", ChinaDate(-5)}},
          plan["version"].get<long long>());
  ASSERT_EQ(done.status, 200) << done.body;
  const json visit = done.Json();
  EXPECT_EQ(visit["visit_plan"]["status"], "completed");
  const json record = visit["interaction"];
  EXPECT_EQ(visit["visit_plan"]["interaction_id"], record["id"]);
  EXPECT_EQ(record["channel"], "visit");
  EXPECT_EQ(record["purpose"], "介绍新产品线");
  EXPECT_EQ(record["outcome"], "同意试用");
  EXPECT_EQ(record["visit_plan_id"], id);
  ASSERT_EQ(record["contacts"].size(), 1u);
  EXPECT_EQ(record["contacts"][0]["id"], contact_id);
  EXPECT_EQ(record["occurred_at"], ChinaInstant(0, 0));  // at its planned start
  EXPECT_EQ(GetJson(kam, "/api/v1/interactions/" + N(record["id"].get<Id>()))["visit_plan_id"], id);

  // Once only; the audit has the plan's creation and completion and the record.
  auto again = Act(kam, PlanPath(id) + "/complete", json::object(),
                   visit["visit_plan"]["version"].get<long long>());
  EXPECT_EQ(again.status, 409) << again.body;
  EXPECT_EQ(AuditSince(before, "action=visit_plan.create").size(), 1u);
  EXPECT_EQ(AuditSince(before, "action=visit_plan.complete").size(), 1u);
  EXPECT_EQ(AuditSince(before, "action=interaction.create").size(), 1u);

  // Deleting the record opens the plan again.
  const Id rid = record["id"].get<Id>();
  auto del = kam.Delete("/api/v1/interactions/" + N(rid), record["version"].get<long long>());
  ASSERT_EQ(del.status, 204) << del.body;
  const json reopened = GetJson(kam, PlanPath(id));
  EXPECT_EQ(reopened["status"], "planned");
  EXPECT_TRUE(reopened["interaction_id"].is_null());
}

TEST(VisitPlans, BadPlansAreRefusedWithFieldErrorsAndChangeNothing) {
  const Client& kam = As("kam.sz");
  const Id cid = NewCustomer(kam);
  const Id other = NewCustomer(kam, "别家客户");
  auto foreign = kam.Post(CustomerPath(other) + "/contacts", {{"name", "赵六"}});
  ASSERT_EQ(foreign.status, 201);
  const Id foreign_contact = foreign.Json()["id"].get<Id>();
  struct Case {
    json body;
    std::string field;
  };
  const Case cases[] = {
      {{{"customer_id", cid}, {"planned_on", ChinaDate(0)}, {"purpose", "无"}},
       "purpose:not_a_purpose"},
      {{{"customer_id", cid}, {"planned_on", ChinaDate(0)}}, "purpose:required"},
      {{{"customer_id", cid}, {"planned_on", ChinaDate(1)}, {"purpose", "回访"}},
       "planned_on:in_the_past"},
      {{{"customer_id", cid}, {"planned_on", ChinaDate(-400)}, {"purpose", "回访"}},
       "planned_on:too_far_ahead"},
      {{{"customer_id", cid}, {"planned_on", "2026-02-30"}, {"purpose", "回访"}},
       "planned_on:must_be_date"},
      {{{"customer_id", cid}, {"purpose", "回访"}}, "planned_on:required"},
      {{{"customer_id", cid},
        {"planned_on", ChinaDate(0)},
        {"purpose", "回访"},
        {"start_time", "24:00"}},
       "start_time:must_be_hh_mm"},
      {{{"customer_id", cid},
        {"planned_on", ChinaDate(0)},
        {"purpose", "回访"},
        {"contact_ids", {foreign_contact}}},
       "contact_ids[0]:not_a_contact_of_the_customer"},
      {{{"customer_id", cid},
        {"planned_on", ChinaDate(0)},
        {"purpose", "回访"},
        {"owner_id", UserId("kam.sh")}},
       "owner_id:cannot_see_the_customer"},
      {{{"customer_id", cid},
        {"planned_on", ChinaDate(0)},
        {"purpose", "回访"},
        {"owner_id", UserId("exec")}},
       "owner_id:cannot_record_contacts"},
      {{{"planned_on", ChinaDate(0)}, {"purpose", "回访"}}, "customer_id:required"},
  };
  for (const auto& c : cases) {
    auto r = kam.Post("/api/v1/visit-plans", c.body);
    EXPECT_EQ(r.status, 400) << c.body.dump() << " → " << r.body;
    EXPECT_TRUE(FieldErrors(r).count(c.field)) << c.field << " in " << r.body;
  }
  const json ok = {{"customer_id", cid}, {"planned_on", ChinaDate(-1)}, {"purpose", "回访"}};
  EXPECT_EQ(As("kam.sh").Post("/api/v1/visit-plans", ok).status, 404);  // outside scope
  EXPECT_EQ(As("exec").Post("/api/v1/visit-plans", ok).status, 403);    // read-only role
  EXPECT_TRUE(ListAll(As("admin"), "/api/v1/visit-plans", "customer_id=" + N(cid)).empty());
  EXPECT_EQ(As("kam.sz").Get("/api/v1/visit-plans?status=late").status, 400);
  EXPECT_EQ(
      As("kam.sz").Get("/api/v1/visit-plans?from=" + ChinaDate(0) + "&to=" + ChinaDate(3)).status,
      400);
}

TEST(VisitPlans, WhoMayChangeCancelOrCompleteAPlan) {
  const Client& kam = As("kam.sz");
  const Id cid = NewCustomer(kam);
  json plan = Plan(kam, cid, {{"planned_on", ChinaDate(-2)}});
  const Id id = plan["id"].get<Id>();
  const std::string path = PlanPath(id);

  // A colleague who sees the customer but neither owns nor planned it may not change it.
  auto assistant = CreateUser(Unique("vasst"), "assistant", UserUnit("kam.sz"));
  auto team = As("admin").Post(CustomerPath(cid) + "/team",
                               {{"user_id", assistant["id"]}, {"team_role", "assistant"}});
  ASSERT_EQ(team.status, 201) << team.body;
  Client asst = Client::Login(assistant["username"].get<std::string>(), kTestPassword);
  EXPECT_EQ(asst.Patch(path, {{"purpose", "改期拜访"}}, 1).status, 403);
  EXPECT_EQ(Act(asst, path + "/complete", json::object(), 1).status, 403);
  EXPECT_EQ(As("kam.sh").Patch(path, {{"purpose", "改期拜访"}}, 1).status, 404);

  // The director over the owner reschedules; a stale version is refused.
  EXPECT_EQ(As("dir.east").Patch(path, {{"planned_on", ChinaDate(-3)}}, 7).status, 412);
  auto moved =
      As("dir.east").Patch(path, {{"planned_on", ChinaDate(-3)}, {"start_time", "14:30"}}, 1);
  ASSERT_EQ(moved.status, 200) << moved.body;
  EXPECT_EQ(moved.Json()["planned_on"], ChinaDate(-3));
  EXPECT_EQ(moved.Json()["start_time"], "14:30");
  EXPECT_EQ(moved.Json()["version"], 2);

  // Cancelling needs a reason; a cancelled plan is closed for changes.
  auto no_reason = Act(kam, path + "/cancel", {{"reason", "  "}}, 2);
  EXPECT_EQ(no_reason.status, 400);
  EXPECT_TRUE(FieldErrors(no_reason).count("reason:required")) << no_reason.body;
  auto cancelled = Act(kam, path + "/cancel", {{"reason", "客户临时出差"}}, 2);
  ASSERT_EQ(cancelled.status, 200) << cancelled.body;
  EXPECT_EQ(cancelled.Json()["status"], "cancelled");
  EXPECT_EQ(cancelled.Json()["cancel_reason"], "客户临时出差");
  EXPECT_EQ(kam.Patch(path, {{"purpose", "再约"}}, 3).status, 409);
  EXPECT_EQ(Act(kam, path + "/complete", json::object(), 3).status, 409);
  EXPECT_EQ(Act(kam, path + "/cancel", {{"reason", "重复"}}, 3).status, 409);

  // A plan made for someone else reaches them.
  json theirs =
      Plan(As("dir.east"), cid, {{"owner_id", UserId("kam.sz")}, {"purpose", "陪同拜访"}});
  EXPECT_EQ(theirs["owner_id"], UserId("kam.sz"));
  EXPECT_EQ(theirs["created_by"], UserId("dir.east"));
  EXPECT_EQ(Notes(kam, "visit_plan.assigned", theirs["id"].get<Id>()).size(), 1u);
}

TEST(VisitPlans, AMissedPlanShowsIsToldAndCanBeMovedOrCompletedLate) {
  const Client& kam = As("kam.sz");
  const Id cid = NewCustomer(kam);
  const json plan = Plan(kam, cid, {{"start_time", "10:00"}});
  const Id id = plan["id"].get<Id>();
  // Three days ago (written straight into the database: the API refuses past days).
  DbExec("UPDATE visit_plan SET planned_on = '" + ChinaDate(3) + "', starts_at = starts_at - " +
         N(3 * kDaySeconds * 1000000LL) + " WHERE id = " + N(id));

  const json missed = GetJson(kam, PlanPath(id));
  EXPECT_EQ(missed["status"], "missed");
  EXPECT_TRUE(
      IdSet(ListAll(kam, "/api/v1/visit-plans", "status=missed&customer_id=" + N(cid))).count(id));
  EXPECT_TRUE(ListAll(kam, "/api/v1/visit-plans", "status=planned&customer_id=" + N(cid)).empty());
  bool in_day = false;
  const json day = GetJson(kam, "/api/v1/my-day");
  for (const auto& p : day["missed_visits"]) in_day |= p["id"] == id;
  EXPECT_TRUE(in_day);
  // The daily check tells the owner once.
  ASSERT_EQ(WaitForNotes(kam, "visit_plan.missed", id).size(), 1u);

  // Moving it to a past day is refused; to a coming day makes it planned again.
  auto back = kam.Patch(PlanPath(id), {{"planned_on", ChinaDate(1)}}, 1);
  EXPECT_EQ(back.status, 400);
  auto moved = kam.Patch(PlanPath(id), {{"planned_on", ChinaDate(-1)}}, 1);
  ASSERT_EQ(moved.status, 200) << moved.body;
  EXPECT_EQ(moved.Json()["status"], "planned");

  // Another missed plan completed late: its record is dated at the planned start.
  const json late = Plan(kam, cid, {{"start_time", "09:30"}, {"purpose", "补拜访"}});
  const Id late_id = late["id"].get<Id>();
  DbExec("UPDATE visit_plan SET planned_on = '" + ChinaDate(2) + "', starts_at = starts_at - " +
         N(2 * kDaySeconds * 1000000LL) + " WHERE id = " + N(late_id));
  auto done = Act(kam, PlanPath(late_id) + "/complete", {{"outcome", "已补上"}}, 1);
  ASSERT_EQ(done.status, 200) << done.body;
  EXPECT_EQ(done.Json()["interaction"]["occurred_at"], ChinaInstant(2, 9 * 3600 + 1800));
  EXPECT_EQ(done.Json()["visit_plan"]["status"], "completed");
}

TEST(WeeklyReview, TheQueueKeepsWhatWasNotReviewedAndMarksCanBeUndone) {
  Team t = NewTeam();
  const Id cid = NewCustomer(t.kam);
  const json a = Record(t.kam, cid, ChinaInstant(0, 60), "电话确认交付时间");
  const json b = Record(t.kam, cid, ChinaInstant(7, 3600), "上周的回访");  // always last week
  const json plan = Plan(t.kam, cid, {{"planned_on", ChinaDate(-1)}, {"purpose", "现场技术交流"}});
  const std::string last_week = ChinaDate(7);

  // This week's queue: the unreviewed items of the week and last week's leftover, in time order.
  auto queue = ListAll(t.director, "/api/v1/weekly-review", "");
  std::vector<Id> ids = IdList(queue);
  ASSERT_EQ(queue.size(), 3u) << json(queue).dump();
  EXPECT_EQ(queue[0]["id"], b["id"]);
  EXPECT_EQ(queue[0]["kind"], "interaction");
  EXPECT_NE(queue[0]["week"], queue[1]["week"]);
  EXPECT_EQ(queue[0]["user_id"], t.kam_id);
  ASSERT_FALSE(queue[0]["interaction"].is_null());
  EXPECT_EQ(queue[0]["interaction"]["purpose"], "上周的回访");
  bool has_plan = false;
  for (const auto& item : queue) {
    if (item["kind"] == "visit_plan") {
      has_plan = true;
      EXPECT_EQ(item["visit_plan"]["purpose"], "现场技术交流");
    }
  }
  EXPECT_TRUE(has_plan);

  const json summary = GetJson(t.director, "/api/v1/weekly-review/summary");
  ASSERT_EQ(summary["users"].size(), 1u) << summary.dump();  // the KAM (not the director)
  const json& me = summary["users"][0];
  EXPECT_EQ(me["user_id"], t.kam_id);
  EXPECT_EQ(me["records"], 1);
  EXPECT_EQ(me["visits_planned"], ChinaDate(-1) <= summary["to"].get<std::string>() ? 1 : 0);
  EXPECT_EQ(me["unreviewed_earlier"], 1);

  // Marking last week's record takes it out of the queue; the week's reviewed list has it.
  const Id before = LatestAuditId();
  auto mark = t.director.Post("/api/v1/weekly-review/mark",
                              {{"items", {{{"kind", "interaction"}, {"id", b["id"]}}}}});
  ASSERT_EQ(mark.status, 200) << mark.body;
  EXPECT_EQ(mark.Json()["changed"], 1);
  auto again = t.director.Post("/api/v1/weekly-review/mark",
                               {{"items", {{{"kind", "interaction"}, {"id", b["id"]}}}}});
  EXPECT_EQ(again.Json()["changed"], 0);
  EXPECT_FALSE(IdSet(ListAll(t.director, "/api/v1/weekly-review", "")).count(b["id"].get<Id>()));
  auto reviewed = ListAll(t.director, "/api/v1/weekly-review", "state=reviewed&week=" + last_week);
  ASSERT_EQ(reviewed.size(), 1u);
  EXPECT_EQ(reviewed[0]["reviewed_by"], t.director_id);
  EXPECT_FALSE(reviewed[0]["reviewed_at"].is_null());
  EXPECT_EQ(AuditSince(before, "action=review.mark").size(), 1u);

  // Undo puts it back.
  auto unmark = t.director.Post("/api/v1/weekly-review/unmark",
                                {{"items", {{{"kind", "interaction"}, {"id", b["id"]}}}}});
  ASSERT_EQ(unmark.status, 200) << unmark.body;
  EXPECT_EQ(unmark.Json()["changed"], 1);
  EXPECT_TRUE(IdSet(ListAll(t.director, "/api/v1/weekly-review", "")).count(b["id"].get<Id>()));

  // All or nothing: one item outside the review refuses the lot.
  const Id outsider =
      Record(As("kam.sh"), NewCustomer(As("kam.sh")), ChinaInstant(0, 60), "外区记录")["id"]
          .get<Id>();
  auto mixed = t.director.Post("/api/v1/weekly-review/mark",
                               {{"items",
                                 {{{"kind", "interaction"}, {"id", a["id"]}},
                                  {{"kind", "interaction"}, {"id", outsider}}}}});
  EXPECT_EQ(mixed.status, 404) << mixed.body;
  EXPECT_TRUE(FieldErrors(mixed).count("items[1]:not_found")) << mixed.body;
  EXPECT_TRUE(IdSet(ListAll(t.director, "/api/v1/weekly-review", "")).count(a["id"].get<Id>()));

  // Only reviewers (a refusal is audited); bad input is named.
  const Id denied_before = LatestAuditId();
  EXPECT_EQ(t.kam.Get("/api/v1/weekly-review").status, 403);
  EXPECT_EQ(AuditSince(denied_before, "action=access.denied&actor_id=" + N(t.kam_id)).size(), 1u);
  EXPECT_EQ(t.kam
                .Post("/api/v1/weekly-review/mark",
                      {{"items", {{{"kind", "interaction"}, {"id", a["id"]}}}}})
                .status,
            403);
  EXPECT_EQ(t.director.Get("/api/v1/weekly-review?week=2026-W60").status, 400);
  EXPECT_EQ(t.director.Get("/api/v1/weekly-review?state=done").status, 400);
  auto bad =
      t.director.Post("/api/v1/weekly-review/mark", {{"items", {{{"kind", "memo"}, {"id", 0}}}}});
  EXPECT_EQ(bad.status, 400);
  EXPECT_TRUE(FieldErrors(bad).count("items[0].kind:invalid")) << bad.body;
  EXPECT_TRUE(FieldErrors(bad).count("items[0].id:must_be_id")) << bad.body;
  // The region's director reviews the branch's KAM too; another region's does not.
  EXPECT_TRUE(IdSet(ListAll(As("dir.east"), "/api/v1/weekly-review", "user_id=" + N(t.kam_id)))
                  .count(a["id"].get<Id>()));
  (void)ids;
}

TEST(WeeklyReview, CommentsReachTheOtherSide) {
  Team t = NewTeam();
  const Id cid = NewCustomer(t.kam);
  const json r = Record(t.kam, cid, ChinaInstant(0, 60), "催收货款");
  const Id rid = r["id"].get<Id>();
  const std::string path = "/api/v1/interactions/" + N(rid) + "/comments";
  const Id audit_before = LatestAuditId();

  auto c1 = t.director.Post(path, {{"body", "下次请写明回款日期"}});
  ASSERT_EQ(c1.status, 201) << c1.body;
  EXPECT_EQ(c1.Json()["author_id"], t.director_id);
  EXPECT_EQ(c1.Json()["item_kind"], "interaction");
  EXPECT_EQ(Notes(t.kam, "comment", rid).size(), 1u);
  auto c2 = t.kam.Post(path, {{"body", "好的，已补充"}});
  ASSERT_EQ(c2.status, 201) << c2.body;
  EXPECT_EQ(Notes(t.director, "comment", rid).size(), 1u);

  auto list = ListAll(t.kam, path, "");
  ASSERT_EQ(list.size(), 2u);
  EXPECT_EQ(AuditSince(audit_before, "action=comment.create&entity_id=" + N(rid)).size(), 2u);
  EXPECT_EQ(list[0]["body"], "下次请写明回款日期");
  EXPECT_EQ(list[1]["author_name"], c2.Json()["author_name"]);
  bool counted = false;
  for (const auto& item : ListAll(t.director, "/api/v1/weekly-review", "")) {
    if (item["id"] == rid) counted = item["comment_count"] == 2;
  }
  EXPECT_TRUE(counted);

  EXPECT_EQ(t.director.Post(path, {{"body", "   "}}).status, 400);
  EXPECT_EQ(t.director.Post(path, {{"text", "x"}}).status, 400);
  EXPECT_EQ(As("kam.sh").Post(path, {{"body", "路过"}}).status, 404);
  EXPECT_EQ(As("kam.sh").Get(path).status, 404);
  EXPECT_EQ(As("exec").Post(path, {{"body", "阅"}}).status, 403);

  // Plans have their thread too.
  const json plan = Plan(t.kam, cid, {{"planned_on", ChinaDate(-1)}});
  auto pc =
      t.director.Post(PlanPath(plan["id"].get<Id>()) + "/comments", {{"body", "带上技术同事"}});
  ASSERT_EQ(pc.status, 201) << pc.body;
  EXPECT_EQ(pc.Json()["item_kind"], "visit_plan");
}

TEST(VisitPlans, OpenPlansMoveWithAHandover) {
  Team t = NewTeam();
  const Id cid = NewCustomer(t.kam);
  const json open = Plan(t.kam, cid, {{"planned_on", ChinaDate(-2)}});
  const json closed = Plan(t.kam, cid, {{"planned_on", ChinaDate(-3)}});
  ASSERT_EQ(
      Act(t.kam, PlanPath(closed["id"].get<Id>()) + "/cancel", {{"reason", "取消"}}, 1).status,
      200);
  const Id successor = CreateUser(Unique("vsucc"), "kam", t.unit)["id"].get<Id>();

  auto preview = As("admin").Post("/api/v1/users/" + N(t.kam_id) + "/handover/preview",
                                  {{"to_user_ids", {successor}}});
  ASSERT_EQ(preview.status, 200) << preview.body;
  auto r = As("admin").Post("/api/v1/users/" + N(t.kam_id) + "/handover",
                            {{"to_user_ids", {successor}}});
  ASSERT_EQ(r.status, 201) << r.body;
  bool listed = false;
  const json handover = r.Json();
  for (const auto& item : handover["items"]) {
    if (item["kind"] == "visit_plan") listed = item["entity_id"] == open["id"];
  }
  EXPECT_TRUE(listed) << r.body;
  EXPECT_EQ(GetJson(As("admin"), PlanPath(open["id"].get<Id>()))["owner_id"], successor);
  EXPECT_EQ(GetJson(As("admin"), PlanPath(closed["id"].get<Id>()))["owner_id"], t.kam_id);
}

}  // namespace
}  // namespace kams::test

namespace kams::test {
namespace {

// The demo company the test server starts with: the week a director finds on a Tuesday
// morning (demo_engagement.h) — through the API, as the console reads it.
TEST(DemoWeek, ADirectorFindsTheTeamsWeekTheBreachesAndTheDecayAfterAHandover) {
  const Client& director = As("dir.east");
  const json summary = GetJson(director, "/api/v1/weekly-review/summary");
  std::int64_t records = 0, planned = 0, unreviewed = 0, earlier = 0;
  for (const auto& u : summary["users"]) {
    records += u["records"].get<std::int64_t>();
    planned += u["visits_planned"].get<std::int64_t>();
    unreviewed += u["unreviewed"].get<std::int64_t>();
    earlier += u["unreviewed_earlier"].get<std::int64_t>();
  }
  EXPECT_GT(records, 0) << summary.dump();
  EXPECT_GT(planned, 0) << summary.dump();
  EXPECT_GT(unreviewed, 0);
  EXPECT_GT(earlier, 0) << "last week was half reviewed";
  // Two weeks ago was reviewed, by the director.
  const auto reviewed =
      ListAll(director, "/api/v1/weekly-review", "state=reviewed&week=" + ChinaDate(14));
  ASSERT_FALSE(reviewed.empty());
  EXPECT_EQ(reviewed[0]["reviewed_by"], UserId("dir.east"));
  // Missed visits of last week are there to find.
  EXPECT_FALSE(ListAll(As("admin"), "/api/v1/visit-plans", "status=missed").empty());

  // Breaches of the cadence, both ways, somewhere in the company.
  const auto breaches = ListAll(As("admin"), "/api/v1/cadence-breaches", "");
  std::set<std::string> kinds;
  for (const auto& b : breaches) kinds.insert(b["kind"].get<std::string>());
  EXPECT_TRUE(kinds.count("overdue"));
  EXPECT_TRUE(kinds.count("over_contacted"));

  // ye.feng left 40 days ago (he is disabled: no signing in as him): his accounts went to
  // fang.xin, and some have not been contacted since.
  Id ye_feng = 0;
  for (const auto& u : ListAll(As("admin"), "/api/v1/users", "q=ye.feng")) {
    if (u["username"] == "ye.feng") {
      ye_feng = u["id"].get<Id>();
      EXPECT_EQ(u["active"], false);
    }
  }
  ASSERT_NE(ye_feng, 0);
  const auto handovers =
      ListAll(As("admin"), "/api/v1/handovers", "user_id=" + std::to_string(ye_feng));
  ASSERT_EQ(handovers.size(), 1u);
  EXPECT_GT(handovers[0]["counts"]["customer"].get<std::int64_t>(), 0);
  const auto decay = ListAll(As("admin"), "/api/v1/handovers/decay", "");
  bool from_ye_feng = false;
  for (const auto& d : decay) from_ye_feng |= d["from_user_id"] == ye_feng;
  EXPECT_TRUE(from_ye_feng) << json(decay).dump();

  // fang.xin, who took them over, finds some overdue on My day, whatever the weekday: the
  // week's kept visits are never to an account that slipped.
  const json day = GetJson(As("fang.xin"), "/api/v1/my-day");
  std::set<Id> handed;
  for (const auto& d : decay) {
    if (d["from_user_id"] == ye_feng) handed.insert(d["customer_id"].get<Id>());
  }
  bool slipped = false;
  for (const auto& b : day["overdue"]) slipped |= handed.count(b["customer_id"].get<Id>()) > 0;
  EXPECT_TRUE(slipped) << day.dump();
}

}  // namespace
}  // namespace kams::test
