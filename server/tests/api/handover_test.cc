// Handovers over the API: a leaving KAM's customers, team seats, open next steps, open
// requests, pending nominations, open visit plans and unread notifications pass to one successor or are
// spread over several in one step; the leaving user is disabled and signed out at once;
// scope follows the accounts; a preview changes nothing; a storage fault half-way leaves
// everything as it was; the dossier keeps its earlier owners; decay flags are listed in
// scope.
//
// Holdings are written straight into the database (DbExec: the SQLite file, or PostgreSQL
// through psql), so both backends cover every kind.
#include <gtest/gtest.h>

#include <cstdio>
#include <fstream>
#include <functional>
#include <sstream>

#include "api_util.h"

namespace kams::test {
namespace {

std::string N(Id id) { return std::to_string(id); }

constexpr std::int64_t kJan2026 = 1767225600LL * 1000000;  // 2026-01-01T00:00:00Z

struct ContactRecord {
  Id customer = 0;
  std::optional<Id> next_step_owner;
  bool next_step_done = false;
  std::optional<Id> request_owner;  // is_request = 1 when set
  bool request_closed = false;
  bool deleted = false;
};

// Writes a contact record straight into the database; returns its id.
Id InsertInteraction(const ContactRecord& r, Id recorded_by) {
  const std::string purpose = Unique("handover-test");
  auto opt = [](const std::optional<Id>& v) { return v ? N(*v) : std::string("NULL"); };
  const std::string at = std::to_string(kJan2026);
  DbExec(
      "INSERT INTO interaction (customer_id, channel, purpose, next_step, next_step_owner_id, "
      "next_step_done_at, is_request, first_contact_owner_id, request_closed_at, occurred_at, "
      "recorded_by, created_at, updated_at, deleted_at) VALUES (" +
      N(r.customer) + ", 'visit', '" + purpose + "', 'follow up', " + opt(r.next_step_owner) +
      ", " + (r.next_step_done ? at : "NULL") + ", " + (r.request_owner ? "1" : "0") + ", " +
      opt(r.request_owner) + ", " + (r.request_closed ? at : "NULL") + ", " + at + ", " +
      N(recorded_by) + ", " + at + ", " + at + ", " + (r.deleted ? at : "NULL") + ")");
  return DbInt("SELECT id FROM interaction WHERE purpose = '" + purpose + "'");
}

enum class Done { kNo, kYes };
enum class Deleted { kNo, kYes };

// An open (or done) next step owned by `owner`, on a record by the same user.
Id NextStep(Id customer, Id owner, Done done = Done::kNo, Deleted deleted = Deleted::kNo) {
  ContactRecord r;
  r.customer = customer;
  r.next_step_owner = owner;
  r.next_step_done = done == Done::kYes;
  r.deleted = deleted == Deleted::kYes;
  return InsertInteraction(r, owner);
}

// A customer's request with `owner` as its first-contact owner, open or closed.
Id Request(Id customer, Id owner, Done closed = Done::kNo) {
  ContactRecord r;
  r.customer = customer;
  r.request_owner = owner;
  r.request_closed = closed == Done::kYes;
  return InsertInteraction(r, owner);
}

Id NextStepOwner(Id interaction) {
  return DbInt("SELECT next_step_owner_id FROM interaction WHERE id = " + N(interaction));
}
Id RequestOwner(Id interaction) {
  return DbInt("SELECT first_contact_owner_id FROM interaction WHERE id = " + N(interaction));
}

// --- people and accounts ------------------------------------------------------------------

struct Person {
  Id id = 0;
  std::string username;
  std::string display_name;
  Client client;
};

Person NewPerson(const std::string& prefix, const std::string& role, Id unit,
                 const std::string& display_name = "") {
  const std::string username = Unique(prefix);
  json body{{"username", username},
            {"display_name", display_name.empty() ? "测试 " + username : display_name},
            {"role", role},
            {"org_unit_id", unit},
            {"password", kTestPassword}};
  auto r = As("admin").Post("/api/v1/users", body);
  if (r.status != 201) throw std::runtime_error("POST /api/v1/users: " + r.body);
  Person p;
  p.id = r.Json()["id"].get<Id>();
  p.username = username;
  p.display_name = r.Json()["display_name"].get<std::string>();
  p.client = Client::Login(username, kTestPassword);
  return p;
}

// Each test works in a branch of its own in the east region: the directors it creates there
// decide no one else's nominations, and no city's own list of users grows.
Id& CurrentBranch() {
  static Id branch = 0;
  return branch;
}
Id Branch() { return CurrentBranch(); }

class Handover : public ::testing::Test {
 protected:
  void SetUp() override {
    auto r = As("admin").Post("/api/v1/org-units", {{"name", Unique("交接测试网点")},
                                                    {"kind", "branch"},
                                                    {"parent_id", UserUnit("dir.east")}});
    ASSERT_EQ(r.status, 201) << r.body;
    CurrentBranch() = r.Json()["id"].get<Id>();
  }
};

Id NewCustomer(const Client& c, const std::string& name, std::optional<Id> owner = std::nullopt) {
  json body{{"name", Unique(name)}, {"stage", "active"}};
  if (owner) body["owner_id"] = *owner;
  if (c.user.value("role", "") != "kam") body["org_unit_id"] = Branch();
  return CreateCustomer(c, body)["id"].get<Id>();
}

void AddToTeam(Id customer, Id user, const std::string& team_role = "assistant") {
  auto r = As("admin").Post(CustomerPath(customer) + "/team",
                            {{"user_id", user}, {"team_role", team_role}});
  ASSERT_EQ(r.status, 201) << r.body;
}

std::set<Id> TeamOf(Id customer) {
  std::set<Id> out;
  const json team = GetJson(As("admin"), CustomerPath(customer) + "/team");
  for (const auto& m : team["items"]) {
    out.insert(m["user_id"].get<Id>());
  }
  return out;
}

json Customer(Id id) { return GetJson(As("admin"), CustomerPath(id)); }
Id OwnerOf(Id customer) {
  const json c = Customer(customer);
  return c["owner_id"].is_null() ? 0 : c["owner_id"].get<Id>();
}

// Puts a customer forward; an administrator approves the first level, so the request still
// waits (at the next level) and its nominator has an unread notification about it.
Id NominateAndAdvance(const Client& nominator, Id customer) {
  auto r = nominator.Post("/api/v1/nominations", {{"customer_id", customer}, {"reason", "潜力大"}});
  EXPECT_EQ(r.status, 201) << r.body;
  const Id id = r.Json()["id"].get<Id>();
  r = As("admin").Post("/api/v1/nominations/" + N(id) + "/approve", {{"comment", "同意"}});
  EXPECT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.Json()["status"], "pending") << r.body;
  return id;
}

Id NominatorOf(Id nomination) {
  return GetJson(As("admin"), "/api/v1/nominations/" + N(nomination))["nominator_id"].get<Id>();
}

std::set<Id> UnreadNotifications(const Client& c) {
  std::set<Id> out;
  for (const auto& n : ListAll(c, "/api/v1/notifications", "unread=true"))
    out.insert(n["id"].get<Id>());
  return out;
}

std::string HandoverPath(Id user) { return "/api/v1/users/" + N(user) + "/handover"; }

json Order(std::vector<Id> to, const std::string& mode = "") {
  json body{{"to_user_ids", to}};
  if (!mode.empty()) body["mode"] = mode;
  return body;
}

std::map<std::string, std::string> FieldProblems(const HttpResponse& r) {
  std::map<std::string, std::string> out;
  const json fields = r.Json()["error"].value("fields", json::object());
  for (auto it = fields.begin(); it != fields.end(); ++it) out[it.key()] = it->get<std::string>();
  return out;
}

bool SignedIn(const Client& c) { return c.Get("/api/v1/auth/me").status == 200; }

std::vector<json> HandoverAudits(Id after, Id user) {
  return AuditSince(after, "action=user.handover&entity=user&entity_id=" + N(user));
}

// --- tests --------------------------------------------------------------------------------

TEST_F(Handover, OneSuccessorTakesOverEverythingAndTheUserIsSignedOutAtOnce) {
  Person leaver = NewPerson("leaver", "kam", Branch(), "王离职");
  Person successor = NewPerson("successor", "kam", Branch(), "李接任");
  Person other = NewPerson("other", "kam", Branch());

  // What the leaver holds: two own customers, seats on three teams (one where the successor
  // already sits, one the successor owns), contact records, two nominations waiting, one
  // unread notification (and one read, which stays).
  const Id own1 = NewCustomer(leaver.client, "交接客户甲");
  const Id own2 = NewCustomer(leaver.client, "交接客户乙");
  const Id team_only = NewCustomer(As("admin"), "团队客户", other.id);
  const Id both_on_team = NewCustomer(As("admin"), "共同团队", other.id);
  const Id successor_owns = NewCustomer(As("admin"), "接任者客户", successor.id);
  AddToTeam(team_only, leaver.id, "specialist");
  AddToTeam(both_on_team, leaver.id);
  AddToTeam(both_on_team, successor.id);
  AddToTeam(successor_owns, leaver.id);
  const Id nomination1 = NominateAndAdvance(leaver.client, own1);
  const Id nomination2 = NominateAndAdvance(leaver.client, team_only);
  std::set<Id> unread = UnreadNotifications(leaver.client);
  ASSERT_EQ(unread.size(), 2u);
  const Id read_note = *unread.begin();
  ASSERT_EQ(
      leaver.client.Post("/api/v1/notifications/" + N(read_note) + "/read", json::object()).status,
      204);
  const Id unread_note = *unread.rbegin();

  const Id step_own = NextStep(own1, leaver.id);
  const Id step_team = NextStep(team_only, leaver.id);
  const Id step_done = NextStep(team_only, leaver.id, Done::kYes);
  const Id request_open = Request(team_only, leaver.id);
  const Id request_closed = Request(own1, leaver.id, Done::kYes);
  const Id step_deleted = NextStep(team_only, leaver.id, Done::kNo, Deleted::kYes);
  // An open visit plan moves; a cancelled one stays.
  auto plan = leaver.client.Post("/api/v1/visit-plans", {{"customer_id", own2},
                                                         {"planned_on", ChinaDate(-1)},
                                                         {"purpose", "续约拜访"}});
  ASSERT_EQ(plan.status, 201) << plan.body;
  const Id plan_open = plan.Json()["id"].get<Id>();
  plan = leaver.client.Post("/api/v1/visit-plans",
                            {{"customer_id", own2}, {"planned_on", ChinaDate(-2)}, {"purpose", "送样"}});
  ASSERT_EQ(plan.status, 201) << plan.body;
  const Id plan_cancelled = plan.Json()["id"].get<Id>();
  ASSERT_EQ(leaver.client
                .Send("POST", "/api/v1/visit-plans/" + N(plan_cancelled) + "/cancel",
                      {{"If-Match", "\"1\""}}, R"({"reason":"客户改期"})")
                .status,
            200);

  auto token = leaver.client.Post("/api/v1/tokens", {{"name", "集成"}});
  ASSERT_EQ(token.status, 201) << token.body;
  const Client leaver_bearer = Client::Bearer(token.Json()["token"].get<std::string>());
  ASSERT_TRUE(SignedIn(leaver_bearer));

  // The preview says what would move and changes nothing.
  const Id own1_version = Customer(own1)["version"].get<Id>();
  auto preview = As("admin").Post(HandoverPath(leaver.id) + "/preview", Order({successor.id}));
  ASSERT_EQ(preview.status, 200) << preview.body;
  json p = preview.Json();
  EXPECT_EQ(p["mode"], "single");
  EXPECT_EQ(p["from_user_name"], "王离职");
  EXPECT_EQ(p["from_user_active"], true);
  // Of the three seats, two are on accounts the successor will own or whose team they are
  // on: those are dropped, not moved, and the preview says so.
  const json expected_counts = {{"customer", 2}, {"team_seat", 1},  {"next_step", 2},
                                {"request", 1},  {"nomination", 2}, {"visit_plan", 1},
                                {"notification", 1}};
  EXPECT_EQ(p["counts"], expected_counts);
  EXPECT_EQ(p["dropped_team_seats"], 2);
  ASSERT_EQ(p["successors"].size(), 1u);
  EXPECT_EQ(p["successors"][0]["display_name"], "李接任");
  EXPECT_EQ(p["successors"][0]["counts"], expected_counts);
  ASSERT_EQ(p["customers"].size(), 2u);
  EXPECT_EQ(p["customers"][0]["customer_id"], own1);
  EXPECT_EQ(p["customers"][0]["to_user_name"], "李接任");
  EXPECT_EQ(OwnerOf(own1), leaver.id);
  EXPECT_EQ(Customer(own1)["version"], own1_version);
  EXPECT_TRUE(TeamOf(team_only).count(leaver.id));
  EXPECT_EQ(NextStepOwner(step_own), leaver.id);
  EXPECT_TRUE(SignedIn(leaver.client));

  // The handover.
  const Id audit_before = LatestAuditId();
  auto r = As("admin").Post(HandoverPath(leaver.id), Order({successor.id}));
  ASSERT_EQ(r.status, 201) << r.body;
  json h = r.Json();
  const Id hid = h["id"].get<Id>();
  EXPECT_EQ(r.Header("location"), "/api/v1/handovers/" + N(hid));
  EXPECT_EQ(h["from_user_id"], leaver.id);
  EXPECT_EQ(h["actor_id"], UserId("admin"));
  EXPECT_EQ(h["mode"], "single");
  EXPECT_EQ(h["counts"], expected_counts);
  EXPECT_EQ(h["dropped_team_seats"], 2);
  EXPECT_EQ(h["items"].size(), 12u);
  std::set<Id> dropped_seats;
  for (const auto& item : h["items"]) {
    EXPECT_EQ(item["to_user_id"], successor.id) << item.dump();
    EXPECT_EQ(item["to_user_name"], "李接任");
    if (item["dropped"] == true) {
      EXPECT_EQ(item["kind"], "team_seat") << item.dump();
      dropped_seats.insert(item["entity_id"].get<Id>());
    }
  }
  EXPECT_EQ(dropped_seats, (std::set<Id>{both_on_team, successor_owns}));
  EXPECT_EQ(h["items"][0]["kind"], "customer");
  EXPECT_EQ(h["items"][0]["customer_name"], Customer(own1)["name"]);

  // The successor hears what came to them, in counts.
  std::vector<json> told;
  for (const auto& n : ListAll(successor.client, "/api/v1/notifications", "")) {
    if (n["kind"] == "handover.received" && n["entity_id"] == hid) told.push_back(n);
  }
  ASSERT_EQ(told.size(), 1u);
  EXPECT_TRUE(Contains(told[0]["body"].get<std::string>(), "2 个客户")) << told[0].dump();
  // Only the seat that came to them; the dropped ones did not.
  EXPECT_TRUE(Contains(told[0]["body"].get<std::string>(), "1 个团队席位")) << told[0].dump();
  EXPECT_TRUE(Contains(told[0]["title"].get<std::string>(), "王离职")) << told[0].dump();

  // Open visit plans; cancelled ones stay as they were.
  EXPECT_EQ(GetJson(As("admin"), "/api/v1/visit-plans/" + N(plan_open))["owner_id"], successor.id);
  EXPECT_EQ(GetJson(As("admin"), "/api/v1/visit-plans/" + N(plan_cancelled))["owner_id"], leaver.id);

  // Customers, with a new version and their earlier owner kept.
  EXPECT_EQ(OwnerOf(own1), successor.id);
  EXPECT_EQ(OwnerOf(own2), successor.id);
  EXPECT_EQ(Customer(own1)["version"], own1_version + 1);
  auto history = GetJson(successor.client, CustomerPath(own1) + "/owner-history")["items"];
  ASSERT_EQ(history.size(), 1u);
  EXPECT_EQ(history[0]["owner_id"], leaver.id);
  EXPECT_EQ(history[0]["owner_name"], "王离职");
  EXPECT_EQ(history[0]["handover_id"], hid);
  EXPECT_EQ(history[0]["changed_by"], UserId("admin"));

  // Seats: moved (keeping the team role), or dropped where the successor is already there.
  EXPECT_EQ(TeamOf(team_only), (std::set<Id>{successor.id}));
  const json team = GetJson(As("admin"), CustomerPath(team_only) + "/team");
  for (const auto& m : team["items"]) {
    EXPECT_EQ(m["team_role"], "specialist");
  }
  EXPECT_EQ(TeamOf(both_on_team), (std::set<Id>{successor.id}));
  EXPECT_EQ(TeamOf(successor_owns), std::set<Id>{});

  // Open next steps and requests move; done, closed and deleted ones stay.
  EXPECT_EQ(NextStepOwner(step_own), successor.id);
  EXPECT_EQ(NextStepOwner(step_team), successor.id);
  EXPECT_EQ(NextStepOwner(step_done), leaver.id);
  EXPECT_EQ(NextStepOwner(step_deleted), leaver.id);
  EXPECT_EQ(RequestOwner(request_open), successor.id);
  EXPECT_EQ(RequestOwner(request_closed), leaver.id);

  // Nominations and unread notifications.
  EXPECT_EQ(NominatorOf(nomination1), successor.id);
  EXPECT_EQ(NominatorOf(nomination2), successor.id);
  EXPECT_TRUE(UnreadNotifications(successor.client).count(unread_note));
  EXPECT_EQ(DbInt("SELECT user_id FROM notification WHERE id = " + N(read_note)), leaver.id);

  // The leaver is disabled and signed out at once: session, API token and new sign-ins.
  EXPECT_EQ(GetJson(As("admin"), "/api/v1/users/" + N(leaver.id))["active"], false);
  EXPECT_EQ(leaver.client.Get("/api/v1/auth/me").status, 401);
  EXPECT_EQ(leaver.client.Get(CustomerPath(own2)).status, 401);
  EXPECT_EQ(leaver_bearer.Get("/api/v1/auth/me").status, 401);
  const auto login =
      SendHttpFrom(FreshSourceAddr(), KamsServer::Get().port(), "POST", "/api/v1/auth/login",
                   {{"Content-Type", "application/json"}},
                   json{{"username", leaver.username}, {"password", kTestPassword}}.dump());
  EXPECT_EQ(login.status, 401);

  // Scope follows the accounts: the successor sees them now, owned or through the team.
  EXPECT_EQ(successor.client.Get(CustomerPath(own2)).status, 200);
  EXPECT_EQ(successor.client.Get(CustomerPath(team_only)).status, 200);
  EXPECT_TRUE(ListAll(As("admin"), "/api/v1/customers", "owner_id=" + N(leaver.id)).empty());

  // One audit event for the whole handover.
  auto audits = HandoverAudits(audit_before, leaver.id);
  ASSERT_EQ(audits.size(), 1u);
  auto changes = Changes(audits[0]);
  EXPECT_EQ(changes["handover_id"].second, N(hid));
  EXPECT_EQ(changes["active"], (std::pair<json, json>{"true", "false"}));
  EXPECT_EQ(changes["customer_count"].second, "2");
  EXPECT_EQ(changes["team_seat_count"].second, "1");
  EXPECT_EQ(changes["team_seat_dropped_count"].second, "2");
  EXPECT_EQ(changes["customers"].second,
            N(own1) + ":" + N(successor.id) + "," + N(own2) + ":" + N(successor.id));
  EXPECT_TRUE(AuditSince(audit_before, "entity=user&entity_id=" + N(leaver.id)).size() == 1u);

  // Disabled and holding nothing: nothing more to hand over.
  r = As("admin").Post(HandoverPath(leaver.id), Order({successor.id}));
  EXPECT_EQ(r.status, 409) << r.body;

  // Reading it back.
  json one = GetJson(As("admin"), "/api/v1/handovers/" + N(hid));
  EXPECT_EQ(one["items"], h["items"]);
  EXPECT_EQ(one["from_user_name"], "王离职");
  auto listed = ListAll(As("admin"), "/api/v1/handovers", "user_id=" + N(leaver.id));
  ASSERT_EQ(listed.size(), 1u);
  EXPECT_EQ(listed[0]["id"], hid);
  EXPECT_FALSE(listed[0].contains("items"));
  EXPECT_EQ(listed[0]["counts"], expected_counts);
  EXPECT_EQ(listed[0]["successors"][0]["user_id"], successor.id);
  EXPECT_TRUE(IdSet(ListAll(As("specialist"), "/api/v1/handovers", "")).count(hid));
  EXPECT_TRUE(IdSet(ListAll(As("exec"), "/api/v1/handovers", "")).count(hid));
  EXPECT_TRUE(IdSet(ListAll(As("dir.east"), "/api/v1/handovers", "")).count(hid));
  EXPECT_EQ(As("dir.east").Get("/api/v1/handovers/" + N(hid)).status, 200);
  EXPECT_FALSE(IdSet(ListAll(As("dir.north"), "/api/v1/handovers", "")).count(hid));
  EXPECT_EQ(As("dir.north").Get("/api/v1/handovers/" + N(hid)).status, 404);
  EXPECT_EQ(As("kam.sz").Get("/api/v1/handovers").status, 403);
  EXPECT_EQ(successor.client.Get("/api/v1/handovers/" + N(hid)).status, 403);
  EXPECT_EQ(As("admin").Get("/api/v1/handovers/999999999").status, 404);
}

TEST_F(Handover, RoundRobinSpreadsTheCustomersEvenly) {
  Person leaver = NewPerson("rr-leaver", "kam", Branch());
  Person a = NewPerson("rr-a", "kam", Branch(), "Alice Smith");
  Person b = NewPerson("rr-b", "sales", Branch(), "陈销售");
  Person c = NewPerson("rr-c", "director", Branch(), "周主管");
  std::vector<Id> customers;
  for (int i = 0; i < 7; ++i) customers.push_back(NewCustomer(leaver.client, "轮转客户"));
  // A next step on one of them follows its customer; one on a customer that stays is dealt out.
  const Id stays = NewCustomer(As("admin"), "不动客户", a.id);
  const Id follows = NextStep(customers[4], leaver.id);
  const Id dealt = NextStep(stays, leaver.id);

  const json order = Order({a.id, b.id, c.id}, "round_robin");
  auto preview = As("admin").Post(HandoverPath(leaver.id) + "/preview", order);
  ASSERT_EQ(preview.status, 200) << preview.body;
  auto r = As("admin").Post(HandoverPath(leaver.id), order);
  ASSERT_EQ(r.status, 201) << r.body;
  json h = r.Json();
  EXPECT_EQ(h["mode"], "round_robin");

  std::map<Id, int> owned;
  for (Id id : customers) ++owned[OwnerOf(id)];
  EXPECT_EQ(owned, (std::map<Id, int>{{a.id, 3}, {b.id, 2}, {c.id, 2}}));
  // Customers in id order: the first to the first successor, and so on.
  EXPECT_EQ(OwnerOf(customers[0]), a.id);
  EXPECT_EQ(OwnerOf(customers[1]), b.id);
  EXPECT_EQ(OwnerOf(customers[2]), c.id);
  EXPECT_EQ(NextStepOwner(follows), OwnerOf(customers[4]));
  EXPECT_EQ(NextStepOwner(dealt), a.id);

  // The preview said the same, per successor.
  std::map<Id, int> previewed;
  const json planned = preview.Json();
  for (const auto& s : planned["successors"]) {
    previewed[s["user_id"].get<Id>()] = s["counts"]["customer"].get<int>();
  }
  EXPECT_EQ(previewed, owned);
  std::map<std::string, int> recorded;
  for (const auto& s : h["successors"]) {
    recorded[s["display_name"].get<std::string>()] = s["counts"]["customer"].get<int>();
  }
  EXPECT_EQ(recorded,
            (std::map<std::string, int>{{"Alice Smith", 3}, {"陈销售", 2}, {"周主管", 2}}));
  EXPECT_EQ(a.client.Get(CustomerPath(customers[3])).status, 200);
  EXPECT_EQ(b.client.Get(CustomerPath(customers[3])).status, 404);
}

TEST_F(Handover, AMappingMustNameEveryOwnedCustomer) {
  Person leaver = NewPerson("map-leaver", "kam", Branch());
  Person a = NewPerson("map-a", "kam", Branch());
  Person b = NewPerson("map-b", "assistant", Branch());
  const Id c1 = NewCustomer(leaver.client, "映射客户一");
  const Id c2 = NewCustomer(leaver.client, "映射客户二");
  const Id c3 = NewCustomer(leaver.client, "映射客户三");
  const Id elsewhere = NewCustomer(As("admin"), "别人的客户", a.id);

  json order = Order({a.id, b.id}, "mapping");
  order["mapping"] = {{N(c1), a.id}, {N(c3), b.id}};
  auto r = As("admin").Post(HandoverPath(leaver.id), order);
  ASSERT_EQ(r.status, 400) << r.body;
  EXPECT_EQ(r.ErrorCode(), "validation_failed");
  EXPECT_EQ(FieldProblems(r),
            (std::map<std::string, std::string>{{"mapping." + N(c2), "required"}}));
  EXPECT_EQ(As("admin").Post(HandoverPath(leaver.id) + "/preview", order).status, 400);

  order["mapping"] = {
      {N(c1), a.id}, {N(c2), UserId("kam.sz")}, {N(c3), b.id}, {N(elsewhere), a.id}};
  r = As("admin").Post(HandoverPath(leaver.id), order);
  ASSERT_EQ(r.status, 400) << r.body;
  EXPECT_EQ(FieldProblems(r),
            (std::map<std::string, std::string>{{"mapping." + N(c2), "not_a_successor"},
                                                {"mapping." + N(elsewhere), "not_owned"}}));
  order["mapping"] = {{"abc", a.id}};
  EXPECT_EQ(FieldProblems(As("admin").Post(HandoverPath(leaver.id), order)),
            (std::map<std::string, std::string>{{"mapping.abc", "key_must_be_customer_id"}}));
  // Nothing moved, nobody was disabled.
  EXPECT_EQ(OwnerOf(c1), leaver.id);
  EXPECT_TRUE(SignedIn(leaver.client));

  order["mapping"] = {{N(c1), b.id}, {N(c2), b.id}, {N(c3), a.id}};
  r = As("admin").Post(HandoverPath(leaver.id), order);
  ASSERT_EQ(r.status, 201) << r.body;
  EXPECT_EQ(r.Json()["mode"], "mapping");
  EXPECT_EQ(OwnerOf(c1), b.id);
  EXPECT_EQ(OwnerOf(c2), b.id);
  EXPECT_EQ(OwnerOf(c3), a.id);
}

TEST_F(Handover, RefusalsNameTheirFieldAndChangeNothing) {
  Person leaver = NewPerson("ref-leaver", "kam", Branch());
  Person ok = NewPerson("ref-ok", "kam", Branch());
  Person gone = NewPerson("ref-gone", "kam", Branch());
  Person agent = NewPerson("ref-agent", "service", Branch());
  const Id own = NewCustomer(leaver.client, "拒绝客户");
  ASSERT_EQ(As("admin")
                .Patch("/api/v1/users/" + N(gone.id), {{"active", false}},
                       GetJson(As("admin"), "/api/v1/users/" + N(gone.id))["version"].get<Id>())
                .status,
            200);
  const Id audit_before = LatestAuditId();

  auto post = [&](const json& body) { return As("admin").Post(HandoverPath(leaver.id), body); };
  struct Case {
    const char* name;
    json body;
    std::map<std::string, std::string> problems;
  };
  const Case cases[] = {
      {"no successor", json::object(), {{"to_user_ids", "required"}}},
      {"empty list", Order({}), {{"to_user_ids", "required"}}},
      {"not a list", {{"to_user_ids", ok.id}}, {{"to_user_ids", "must_be_array"}}},
      {"not an id", {{"to_user_ids", {"x"}}}, {{"to_user_ids[0]", "must_be_id"}}},
      {"unknown user", Order({999999999}), {{"to_user_ids[0]", "not_found"}}},
      {"disabled", Order({gone.id}), {{"to_user_ids[0]", "inactive"}}},
      {"the leaver", Order({leaver.id}), {{"to_user_ids[0]", "is_the_leaving_user"}}},
      {"duplicates", Order({ok.id, ok.id}, "round_robin"), {{"to_user_ids[1]", "duplicate"}}},
      {"an administrator", Order({UserId("admin")}), {{"to_user_ids[0]", "role_cannot_take_over"}}},
      {"an executive",
       Order({ok.id, UserId("exec")}, "round_robin"),
       {{"to_user_ids[1]", "role_cannot_take_over"}}},
      {"customers to a service agent",
       Order({agent.id}),
       {{"to_user_ids[0]", "cannot_own_accounts"}}},
      {"several without a mode", Order({ok.id, agent.id}), {{"mode", "required"}}},
      {"single with several",
       Order({ok.id, agent.id}, "single"),
       {{"to_user_ids", "single_takes_one"}}},
      {"unknown mode", Order({ok.id}, "random"), {{"mode", "invalid"}}},
      {"unknown field", {{"to_user_ids", {ok.id}}, {"reason", "x"}}, {{"reason", "unknown_field"}}},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.name);
    auto r = post(c.body);
    ASSERT_EQ(r.status, 400) << r.body;
    EXPECT_EQ(FieldProblems(r), c.problems) << r.body;
  }
  EXPECT_EQ(As("admin").PostRaw(HandoverPath(leaver.id), "{").status, 400);

  // Unknown users, roles that may not, oneself.
  EXPECT_EQ(As("admin").Post(HandoverPath(999999999), Order({ok.id})).status, 404);
  EXPECT_EQ(As("kam.sz").Post(HandoverPath(leaver.id), Order({ok.id})).status, 403);
  EXPECT_EQ(As("specialist").Post(HandoverPath(leaver.id), Order({ok.id})).status, 403);
  EXPECT_EQ(As("specialist").Post(HandoverPath(leaver.id) + "/preview", Order({ok.id})).status,
            403);
  EXPECT_EQ(As("admin").Post(HandoverPath(UserId("admin")), Order({ok.id})).status, 409);
  // Directors: only their subtree, only front-line roles, only successors of their subtree.
  EXPECT_EQ(As("dir.north").Post(HandoverPath(leaver.id), Order({ok.id})).status, 404);
  Person sz_director = NewPerson("ref-dir", "director", Branch());
  EXPECT_EQ(As("dir.east").Post(HandoverPath(sz_director.id), Order({ok.id})).status, 403);
  auto r = As("dir.east")
               .Post(HandoverPath(leaver.id),
                     Order({UserId("kam.sh"), UserId("dir.north")}, "round_robin"));
  ASSERT_EQ(r.status, 400) << r.body;
  EXPECT_EQ(FieldProblems(r),
            (std::map<std::string, std::string>{{"to_user_ids[1]", "out_of_scope"}}));

  EXPECT_EQ(OwnerOf(own), leaver.id);
  EXPECT_TRUE(SignedIn(leaver.client));
  EXPECT_TRUE(HandoverAudits(audit_before, leaver.id).empty());
  EXPECT_TRUE(ListAll(As("admin"), "/api/v1/handovers", "user_id=" + N(leaver.id)).empty());

  // The region's director may hand over a KAM of the region to another.
  r = As("dir.east").Post(HandoverPath(leaver.id), Order({ok.id}));
  ASSERT_EQ(r.status, 201) << r.body;
  EXPECT_EQ(r.Json()["actor_id"], UserId("dir.east"));
  EXPECT_EQ(OwnerOf(own), ok.id);
}

TEST_F(Handover, ADisabledUserWhoStillHoldsAccountsCanBeHandedOver) {
  Person leaver = NewPerson("left", "kam", Branch());
  Person successor = NewPerson("left-succ", "kam", Branch());
  const Id own = NewCustomer(leaver.client, "离职遗留客户");
  const Id version = GetJson(As("admin"), "/api/v1/users/" + N(leaver.id))["version"].get<Id>();
  ASSERT_EQ(As("admin").Patch("/api/v1/users/" + N(leaver.id), {{"active", false}}, version).status,
            200);
  EXPECT_FALSE(SignedIn(leaver.client));

  const Id audit_before = LatestAuditId();
  auto preview = As("admin").Post(HandoverPath(leaver.id) + "/preview", Order({successor.id}));
  ASSERT_EQ(preview.status, 200) << preview.body;
  EXPECT_EQ(preview.Json()["from_user_active"], false);
  auto r = As("admin").Post(HandoverPath(leaver.id), Order({successor.id}));
  ASSERT_EQ(r.status, 201) << r.body;
  EXPECT_EQ(OwnerOf(own), successor.id);
  auto audits = HandoverAudits(audit_before, leaver.id);
  ASSERT_EQ(audits.size(), 1u);
  EXPECT_EQ(Changes(audits[0]).count("active"), 0u);  // was already disabled
  EXPECT_EQ(As("admin").Post(HandoverPath(leaver.id), Order({successor.id})).status, 409);
}

// Removes a trigger when the test ends, however it ends.
class Cleanup {
 public:
  explicit Cleanup(std::function<void()> f) : f_(std::move(f)) {}
  ~Cleanup() {
    try {
      f_();
    } catch (const std::exception& e) {
      ADD_FAILURE() << "cleanup failed: " << e.what();
    }
  }
  Cleanup(const Cleanup&) = delete;
  Cleanup& operator=(const Cleanup&) = delete;

 private:
  std::function<void()> f_;
};

TEST_F(Handover, AStorageFaultHalfWayLeavesEverythingAsItWas) {
  Person leaver = NewPerson("fault", "kam", Branch());
  Person successor = NewPerson("fault-succ", "kam", Branch());
  Person other = NewPerson("fault-other", "kam", Branch());
  const Id own = NewCustomer(leaver.client, "故障客户");
  const Id team = NewCustomer(As("admin"), "故障团队", other.id);
  AddToTeam(team, leaver.id);
  const Id nomination = NominateAndAdvance(leaver.client, own);
  ASSERT_EQ(UnreadNotifications(leaver.client).size(), 1u);
  const Id step = NextStep(team, leaver.id);
  const Id request = Request(team, leaver.id);
  const Id version = Customer(own)["version"].get<Id>();
  const Id audit_before = LatestAuditId();

  // Notifications move last: a trigger refuses exactly the leaver's.
  const std::string name = "handover_fault_" + N(leaver.id);
  if (KamsServer::Get().postgres()) {
    DbExec("CREATE FUNCTION " + name +
           "() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
           "RAISE EXCEPTION 'injected storage fault'; END $$; "
           "CREATE TRIGGER " +
           name +
           " BEFORE UPDATE OF user_id ON notification FOR EACH ROW "
           "WHEN (OLD.user_id = " +
           N(leaver.id) + ") EXECUTE FUNCTION " + name + "();");
  } else {
    DbExec("CREATE TRIGGER " + name +
           " BEFORE UPDATE OF user_id ON notification "
           "WHEN OLD.user_id = " +
           N(leaver.id) + " BEGIN SELECT RAISE(ABORT, 'injected storage fault'); END;");
  }
  bool dropped = false;
  auto drop = [&] {
    if (dropped) return;
    dropped = true;
    if (KamsServer::Get().postgres()) {
      DbExec("DROP TRIGGER " + name + " ON notification; DROP FUNCTION " + name + "();");
    } else {
      DbExec("DROP TRIGGER " + name + ";");
    }
  };
  Cleanup cleanup(drop);

  // A storage fault, not the client's: SQLite reports a trigger's abort as a constraint
  // (409), PostgreSQL's raised exception is internal (500).
  auto r = As("admin").Post(HandoverPath(leaver.id), Order({successor.id}));
  EXPECT_EQ(r.status, KamsServer::Get().postgres() ? 500 : 409) << r.body;

  // Nothing moved.
  EXPECT_EQ(OwnerOf(own), leaver.id);
  EXPECT_EQ(Customer(own)["version"], version);
  EXPECT_TRUE(GetJson(As("admin"), CustomerPath(own) + "/owner-history")["items"].empty());
  EXPECT_TRUE(TeamOf(team).count(leaver.id));
  EXPECT_EQ(NextStepOwner(step), leaver.id);
  EXPECT_EQ(RequestOwner(request), leaver.id);
  EXPECT_EQ(NominatorOf(nomination), leaver.id);
  EXPECT_EQ(UnreadNotifications(leaver.client).size(), 1u);
  EXPECT_EQ(GetJson(As("admin"), "/api/v1/users/" + N(leaver.id))["active"], true);
  EXPECT_TRUE(SignedIn(leaver.client));
  EXPECT_TRUE(ListAll(As("admin"), "/api/v1/handovers", "user_id=" + N(leaver.id)).empty());
  EXPECT_TRUE(HandoverAudits(audit_before, leaver.id).empty());
  EXPECT_EQ(DbInt("SELECT count(*) FROM handover WHERE from_user_id = " + N(leaver.id)), 0);

  // Without the fault it goes through.
  drop();
  r = As("admin").Post(HandoverPath(leaver.id), Order({successor.id}));
  ASSERT_EQ(r.status, 201) << r.body;
  EXPECT_EQ(OwnerOf(own), successor.id);
  EXPECT_EQ(NominatorOf(nomination), successor.id);
}

TEST_F(Handover, TheDossierKeepsItsEarlierOwners) {
  Person first = NewPerson("hist-a", "kam", Branch(), "First Owner");
  Person second = NewPerson("hist-b", "kam", Branch(), "第二任");
  Person third = NewPerson("hist-c", "kam", Branch());
  const Id customer = NewCustomer(As("admin"), "历任客户");  // no owner yet
  auto patch_owner = [&](Id owner) {
    const Id v = Customer(customer)["version"].get<Id>();
    auto r = As("admin").Patch(CustomerPath(customer), {{"owner_id", owner}}, v);
    ASSERT_EQ(r.status, 200) << r.body;
  };
  patch_owner(first.id);
  patch_owner(second.id);
  // Edits that leave the owner alone add nothing.
  const Id v = Customer(customer)["version"].get<Id>();
  ASSERT_EQ(As("admin").Patch(CustomerPath(customer), {{"industry", "电力"}}, v).status, 200);
  ASSERT_EQ(As("admin").Post(HandoverPath(second.id), Order({third.id})).status, 201);

  auto items = ListAll(third.client, CustomerPath(customer) + "/owner-history", "", 1);
  ASSERT_EQ(items.size(), 3u);
  EXPECT_EQ(items[0]["owner_id"], second.id);
  EXPECT_EQ(items[0]["owner_name"], "第二任");
  EXPECT_FALSE(items[0]["handover_id"].is_null());
  EXPECT_EQ(items[1]["owner_id"], first.id);
  EXPECT_EQ(items[1]["owner_name"], "First Owner");
  EXPECT_TRUE(items[1]["handover_id"].is_null());
  EXPECT_EQ(items[1]["changed_by"], UserId("admin"));
  EXPECT_TRUE(items[2]["owner_id"].is_null());  // it had no owner before the first
  EXPECT_GT(items[0]["id"].get<Id>(), items[1]["id"].get<Id>());

  // Scoped like the dossier.
  EXPECT_EQ(As("dir.east").Get(CustomerPath(customer) + "/owner-history").status, 200);
  EXPECT_EQ(As("kam.sh").Get(CustomerPath(customer) + "/owner-history").status, 404);
  EXPECT_EQ(first.client.Get(CustomerPath(customer) + "/owner-history").status, 404);
  EXPECT_EQ(As("admin").Get(CustomerPath(999999999) + "/owner-history").status, 404);
}

TEST_F(Handover, DecayFlagsAreListedForTheCustomersOneSees) {
  Person leaver = NewPerson("decay", "kam", Branch(), "衰减者");
  Person successor = NewPerson("decay-succ", "kam", Branch(), "Decay Successor");
  const Id c1 = NewCustomer(leaver.client, "衰减客户甲");
  const Id c2 = NewCustomer(leaver.client, "衰减客户乙");
  auto r = As("admin").Post(HandoverPath(leaver.id), Order({successor.id}));
  ASSERT_EQ(r.status, 201) << r.body;
  const Id hid = r.Json()["id"].get<Id>();
  EXPECT_TRUE(ListAll(successor.client, "/api/v1/handovers/decay", "").empty());

  // The cadence check flags accounts whose contact rhythm broke after the handover.
  const std::string at = std::to_string(kJan2026);
  DbExec("INSERT INTO handover_decay (handover_id, customer_id, kind, since, flagged_at) VALUES (" +
         N(hid) + ", " + N(c1) + ", 'overdue', '2026-01-05', " + at + "), (" + N(hid) + ", " +
         N(c1) + ", 'over_contacted', '2026-01-06', " + at + "), (" + N(hid) + ", " + N(c2) +
         ", 'overdue', '2026-01-07', " + at + ")");
  int pages = 0;
  auto rows = ListAll(successor.client, "/api/v1/handovers/decay", "", 1, &pages);
  ASSERT_EQ(rows.size(), 3u);
  EXPECT_EQ(pages, 3);
  EXPECT_EQ(rows[0]["customer_id"], c2);
  EXPECT_EQ(rows[1]["customer_id"], c1);
  EXPECT_EQ(rows[1]["kind"], "overdue");
  EXPECT_EQ(rows[2]["kind"], "over_contacted");
  EXPECT_EQ(rows[0]["from_user_name"], "衰减者");
  EXPECT_EQ(rows[0]["to_user_id"], successor.id);
  EXPECT_EQ(rows[0]["to_user_name"], "Decay Successor");
  EXPECT_EQ(rows[0]["since"], "2026-01-07");
  EXPECT_EQ(rows[0]["customer_name"], Customer(c2)["name"]);

  EXPECT_EQ(ListAll(As("admin"), "/api/v1/handovers/decay", "handover_id=" + N(hid)).size(), 3u);
  EXPECT_EQ(ListAll(As("dir.east"), "/api/v1/handovers/decay", "handover_id=" + N(hid)).size(), 3u);
  EXPECT_TRUE(ListAll(As("kam.sh"), "/api/v1/handovers/decay", "handover_id=" + N(hid)).empty());
  EXPECT_TRUE(ListAll(As("dir.north"), "/api/v1/handovers/decay", "handover_id=" + N(hid)).empty());
  EXPECT_EQ(successor.client.Get("/api/v1/handovers/decay?cursor=abc").status, 400);
  EXPECT_EQ(successor.client.Get("/api/v1/handovers/decay?limit=0").status, 400);
}

}  // namespace
}  // namespace kams::test
