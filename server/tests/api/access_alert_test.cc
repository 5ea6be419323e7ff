// Bulk-access alerts over the API: thresholds set by specialists (validated, versioned,
// audited); a scripted crawl of dossiers raises one alert for the crawler and normal use none;
// the specialists are notified; an alert is acknowledged once, with a comment; other roles are
// refused. The job runs every second in tests (--job-period 1): tests poll with a timeout.
#include <gtest/gtest.h>

#include <chrono>
#include <optional>
#include <thread>

#include "api_util.h"

namespace kams::test {
namespace {

constexpr const char* kSettings = "/api/v1/access-alert-settings";

HttpResponse Put(const Client& c, const std::string& path, const json& body,
                 std::optional<long long> version) {
  std::vector<std::pair<std::string, std::string>> headers{{"Content-Type", "application/json"}};
  if (version) headers.emplace_back("If-Match", std::to_string(*version));
  return c.Send("PUT", path, headers, body.dump());
}

std::string AlertPath(Id id) { return "/api/v1/access-alerts/" + std::to_string(id); }

// Low thresholds for the duration of a test; the settings as they were afterwards.
class LowThresholds {
 public:
  explicit LowThresholds(const json& overrides) {
    const json current = GetJson(As("specialist"), kSettings);
    original_ = current["thresholds"];
    window_ = current["window_minutes"];
    json thresholds = original_;
    for (auto it = overrides.begin(); it != overrides.end(); ++it) thresholds[it.key()] = *it;
    auto r = Put(As("specialist"), kSettings, {{"window_minutes", 10}, {"thresholds", thresholds}},
                 current["version"].get<long long>());
    if (r.status != 200) throw std::runtime_error("cannot lower the thresholds: " + r.body);
  }
  ~LowThresholds() {
    const json current = GetJson(As("specialist"), kSettings);
    Put(As("specialist"), kSettings, {{"window_minutes", window_}, {"thresholds", original_}},
        current["version"].get<long long>());
  }
  LowThresholds(const LowThresholds&) = delete;
  LowThresholds& operator=(const LowThresholds&) = delete;

 private:
  json original_;
  json window_;
};

std::vector<json> AlertsOf(Id user) {
  std::vector<json> out;
  for (auto& a : ListAll(As("specialist"), "/api/v1/access-alerts", "")) {
    if (a["user_id"] == user) out.push_back(a);
  }
  return out;
}

// The user's first alert, once the watch job has raised it (within 30 s).
json WaitForAlertOf(Id user) {
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30);
  for (;;) {
    auto alerts = AlertsOf(user);
    if (!alerts.empty()) return alerts.back();
    if (std::chrono::steady_clock::now() > deadline) {
      throw std::runtime_error("no access alert for user " + std::to_string(user) + " within 30 s");
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(250));
  }
}

// A user made for one test, disabled when it ends: directors take part in approvals in
// their unit, and other tests route nominations through the demo's own directors.
struct Reader {
  json user;
  Client client;
  Id id() const { return user["id"].get<Id>(); }
  Reader() = default;
  Reader(Reader&&) = default;
  ~Reader() {
    if (user.is_null()) return;
    try {
      As("admin").Patch("/api/v1/users/" + std::to_string(id()), {{"active", false}}, 1);
    } catch (const std::exception& e) {
      ADD_FAILURE() << "cannot disable " << user["username"] << ": " << e.what();
    }
  }
};

Reader NewUser(const std::string& prefix, const std::string& role, Id unit) {
  Reader r;
  r.user = CreateUser(Unique(prefix), role, unit);
  r.client = Client::Login(r.user["username"].get<std::string>(), kTestPassword);
  return r;
}

// A director pages through every customer of their region, 50 at a time: list rows count.
std::size_t CrawlByListing(const Reader& r) {
  return ListAll(r.client, "/api/v1/customers", "", 50).size();
}

// Opens `n` dossiers one by one.
void CrawlByOpening(const Reader& r, const std::vector<Id>& ids, std::size_t n) {
  for (std::size_t i = 0; i < n && i < ids.size(); ++i) {
    auto got = r.client.Get(CustomerPath(ids[i]));
    ASSERT_EQ(got.status, 200) << got.body;
  }
}

TEST(AccessAlerts, ACrawlRaisesOneAlertForTheCrawlerAndNormalUseNone) {
  const Id unit = UserUnit("dir.east");
  const Reader normal = NewUser("kam.normal", "kam", UserUnit("kam.sz"));
  const Reader crawler = NewUser("dir.crawl", "director", unit);
  const Reader opener = NewUser("dir.open", "director", unit);
  LowThresholds low(json{{"director", 20}, {"kam", 20}});

  // Normal use: a KAM creates a few customers, opens each twice, lists them.
  std::vector<Id> own;
  for (int i = 0; i < 3; ++i) {
    own.push_back(CreateCustomer(normal.client, {{"name", Unique("日常客户")}})["id"].get<Id>());
  }
  for (int pass = 0; pass < 2; ++pass) {
    for (Id id : own) ASSERT_EQ(normal.client.Get(CustomerPath(id)).status, 200);
  }
  EXPECT_EQ(ListAll(normal.client, "/api/v1/customers", "").size(), 3u);

  // The crawl: every customer of the region through the list pages.
  const std::size_t listed = CrawlByListing(crawler);
  ASSERT_GT(listed, 40u) << "the region must hold more customers than the threshold";
  const json alert = WaitForAlertOf(crawler.id());
  EXPECT_EQ(alert["role"], "director");
  EXPECT_EQ(alert["threshold"], 20);
  EXPECT_EQ(alert["status"], "open");
  EXPECT_GT(alert["customers"].get<Id>(), 20);
  EXPECT_LE(alert["customers"].get<std::size_t>(), listed);
  EXPECT_GE(alert["reads"].get<Id>(), alert["customers"].get<Id>());
  EXPECT_EQ(alert["username"], crawler.user["username"]);
  EXPECT_EQ(alert["user_name"], crawler.user["display_name"]);
  EXPECT_LT(alert["window_start"].get<std::string>(), alert["window_end"].get<std::string>());
  ASSERT_FALSE(alert["top_customers"].empty());
  EXPECT_LE(alert["top_customers"].size(), 10u);
  EXPECT_FALSE(alert["top_customers"][0]["customer_name"].get<std::string>().empty());
  EXPECT_TRUE(alert["acknowledged_at"].is_null());

  // The run that raised it saw the normal KAM's reads (made before): no alert for them.
  EXPECT_TRUE(AlertsOf(normal.id()).empty());

  // The specialists hear of it, in their language.
  bool notified = false;
  for (const auto& n : ListAll(As("specialist"), "/api/v1/notifications", "")) {
    if (n["entity"] == "access_alert" && n["entity_id"] == alert["id"]) {
      notified = true;
      EXPECT_EQ(n["kind"], "access_alert.raised");
      EXPECT_NE(n["title"].get<std::string>().find(crawler.user["display_name"].get<std::string>()),
                std::string::npos);
    }
  }
  EXPECT_TRUE(notified);

  // The crawl goes on, now dossier by dossier; another director opens dossiers one by one.
  // Once the second director's alert is there, the job has seen the first one's new reads
  // too: still one alert for the same burst while it is open.
  std::vector<Id> ids;
  for (const auto& c : ListAll(As("admin"), "/api/v1/customers",
                               "org_unit_id=" + std::to_string(UnitIdByName("苏州分公司")),
                               500)) {
    ids.push_back(c["id"].get<Id>());
  }
  CrawlByOpening(crawler, ids, 30);
  CrawlByOpening(opener, ids, 30);
  const json second = WaitForAlertOf(opener.id());
  EXPECT_GT(second["customers"].get<Id>(), 20);
  EXPECT_EQ(second["top_customers"].size(), 10u);
  EXPECT_EQ(AlertsOf(crawler.id()).size(), 1u);
}

TEST(AccessAlerts, AcknowledgeNeedsACommentAndHappensOnce) {
  const Reader crawler = NewUser("dir.ack", "director", UserUnit("dir.east"));
  Id id = 0;
  {
    LowThresholds low(json{{"director", 10}});
    CrawlByListing(crawler);
    id = WaitForAlertOf(crawler.id())["id"].get<Id>();
  }
  const std::string path = AlertPath(id);

  // Nobody but specialists and administrators sees or closes alerts.
  for (const char* who : {"kam.sz", "dir.east", "exec"}) {
    EXPECT_EQ(As(who).Get("/api/v1/access-alerts").status, 403) << who;
    EXPECT_EQ(As(who).Get(path).status, 403) << who;
    EXPECT_EQ(As(who).Post(path + "/acknowledge", {{"comment", "看过了"}}).status, 403) << who;
  }

  const Id audit_before = LatestAuditId();
  auto r = As("specialist").Post(path + "/acknowledge", json::object());
  EXPECT_EQ(r.status, 400);
  EXPECT_EQ(r.Json()["error"]["fields"]["comment"], "required");
  r = As("specialist").Post(path + "/acknowledge", {{"comment", "   "}});
  EXPECT_EQ(r.Json()["error"]["fields"]["comment"], "required");
  r = As("specialist").Post(path + "/acknowledge", {{"comment", "x"}, {"reason", "y"}});
  EXPECT_EQ(r.Json()["error"]["fields"]["reason"], "unknown_field");
  EXPECT_EQ(As("specialist").Post(AlertPath(999999999) + "/acknowledge", {{"comment", "x"}}).status,
            404);
  EXPECT_EQ(As("specialist").Get(AlertPath(999999999)).status, 404);

  r = As("specialist").Post(path + "/acknowledge", {{"comment", "已约谈，属于年度对账"}});
  ASSERT_EQ(r.status, 200) << r.body;
  json a = r.Json();
  EXPECT_EQ(a["status"], "acknowledged");
  EXPECT_EQ(a["comment"], "已约谈，属于年度对账");
  EXPECT_EQ(a["acknowledged_by"], UserId("specialist"));
  EXPECT_FALSE(a["acknowledged_at"].is_null());
  EXPECT_EQ(a["version"], 2);
  EXPECT_EQ(r.Header("etag"), "\"2\"");
  EXPECT_EQ(As("admin").Post(path + "/acknowledge", {{"comment", "again"}}).status, 409);

  auto rows = AuditSince(audit_before, "action=access_alert.acknowledge");
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0]["entity"], "access_alert");
  EXPECT_EQ(rows[0]["entity_id"], id);
  EXPECT_EQ(Changes(rows[0])["status"], std::make_pair(json("open"), json("acknowledged")));

  // The status filter.
  EXPECT_TRUE(IdSet(ListAll(As("admin"), "/api/v1/access-alerts", "status=acknowledged")).count(id));
  EXPECT_FALSE(IdSet(ListAll(As("admin"), "/api/v1/access-alerts", "status=open")).count(id));
  r = As("admin").Get("/api/v1/access-alerts?status=closed");
  EXPECT_EQ(r.status, 400);
  EXPECT_EQ(r.Json()["error"]["fields"]["status"], "invalid");
}

TEST(AccessAlerts, ThresholdsAreValidatedVersionedAndAudited) {
  auto got = As("specialist").Get(kSettings);
  ASSERT_EQ(got.status, 200) << got.body;
  const json before = got.Json();
  EXPECT_EQ(got.Header("etag"), "\"" + std::to_string(before["version"].get<Id>()) + "\"");
  EXPECT_EQ(before["thresholds"].size(), 8u);
  EXPECT_TRUE(before["thresholds"].contains("specialist"));
  const long long version = before["version"].get<long long>();

  // Only specialists and administrators read or set them.
  EXPECT_EQ(As("kam.sz").Get(kSettings).status, 403);
  EXPECT_EQ(As("dir.east").Get(kSettings).status, 403);
  const json same = {{"window_minutes", before["window_minutes"]}, {"thresholds", before["thresholds"]}};
  EXPECT_EQ(Put(As("kam.sz"), kSettings, same, version).status, 403);

  json thresholds = before["thresholds"];
  EXPECT_EQ(Put(As("specialist"), kSettings,
                {{"window_minutes", 10}, {"thresholds", thresholds}}, std::nullopt).status,
            400);

  // Every problem named.
  json bad = thresholds;
  bad["kam"] = 0;
  bad["director"] = "many";
  bad["root"] = 5;
  bad.erase("sales");
  auto r = Put(As("specialist"), kSettings,
               {{"window_minutes", 0}, {"thresholds", bad}, {"version", version}}, version);
  ASSERT_EQ(r.status, 400) << r.body;
  const json fields = r.Json()["error"]["fields"];
  EXPECT_EQ(fields["thresholds.director"], "must_be_integer_or_null");
  EXPECT_EQ(fields["thresholds.root"], "unknown_role");
  EXPECT_EQ(fields["version"], "read_only");
  bad = thresholds;
  bad["kam"] = 0;
  bad.erase("sales");
  r = Put(As("specialist"), kSettings, {{"window_minutes", 0}, {"thresholds", bad}}, version);
  ASSERT_EQ(r.status, 400) << r.body;
  const json rules = r.Json()["error"]["fields"];
  EXPECT_EQ(rules["window_minutes"], "out_of_range");
  EXPECT_EQ(rules["thresholds.kam"], "out_of_range");
  EXPECT_EQ(rules["thresholds.sales"], "required");
  r = Put(As("specialist"), kSettings, {{"thresholds", thresholds}}, version);
  EXPECT_EQ(r.Json()["error"]["fields"]["window_minutes"], "required");
  EXPECT_EQ(GetJson(As("specialist"), kSettings)["version"], version) << "nothing was written";

  // A change: the version moves, the audit says what changed; a stale version is refused.
  const Id audit_before = LatestAuditId();
  thresholds["sales"] = 150;
  thresholds["executive"] = 5000;
  r = Put(As("specialist"), kSettings, {{"window_minutes", 15}, {"thresholds", thresholds}}, version);
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.Json()["version"], version + 1);
  EXPECT_EQ(r.Json()["thresholds"]["sales"], 150);
  EXPECT_EQ(r.Json()["thresholds"]["executive"], 5000);
  EXPECT_EQ(r.Json()["window_minutes"], 15);
  auto rows = AuditSince(audit_before, "action=access_alert_settings.update");
  ASSERT_EQ(rows.size(), 1u);
  auto changes = Changes(rows[0]);
  EXPECT_EQ(changes["thresholds.sales"].second, "150");
  EXPECT_EQ(changes["thresholds.executive"], std::make_pair(json(nullptr), json("5000")));
  EXPECT_EQ(changes["window_minutes"].second, "15");
  EXPECT_FALSE(changes.count("thresholds.kam"));
  EXPECT_EQ(Put(As("admin"), kSettings, same, version).status, 412);

  // Back as they were.
  r = Put(As("admin"), kSettings, same, version + 1);
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.Json()["thresholds"], before["thresholds"]);
}

}  // namespace
}  // namespace kams::test
