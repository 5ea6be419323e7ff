// The access-control matrix for users and org units, lists and counts, and mass assignment,
// generated from the OpenAPI document like access_matrix_test.cc:
//  - every operation under /users and /org-units (handover, default team, preview…) is tried
//    by a user of every role on their own record, on someone of their own org unit and on
//    someone of another region's subtree, and must give the outcome the README's role table
//    documents; a refused write changes nothing;
//  - every list or summary the document lists (and every filter of it that names a user, an
//    org unit or a customer) names only customers and users the caller may see, and counts
//    agree with the rows;
//  - fields a role may not set are refused, never applied, on users, customers, contacts,
//    contact records, visit plans and nominations.
//
// The actors are fresh users of each role in a fresh branch of the east region, so the
// writes an actor may make touch nothing another test reads.
#include <gtest/gtest.h>

#include <algorithm>
#include <functional>

#include "api_util.h"

namespace kams::test {
namespace {

std::string N(Id id) { return std::to_string(id); }

const json& Doc() {
  static const json doc = GetJson(As("admin"), "/api/v1/openapi.json");
  return doc;
}

const char* const kRoles[] = {"admin",     "executive",  "director", "kam",
                              "assistant", "specialist", "service",  "sales"};

enum class Target { kOwn, kSameUnit, kOtherSubtree };
const Target kTargets[] = {Target::kOwn, Target::kSameUnit, Target::kOtherSubtree};
std::string TargetName(Target t) {
  return t == Target::kOwn ? "own" : t == Target::kSameUnit ? "same unit" : "other subtree";
}

struct World {
  Id east = 0;        // a branch of the east region: every actor's unit
  Id east_child = 0;  // a unit below it (with a user, so it cannot be deleted)
  Id north = 0;       // a branch of the north region
  Id east_successor = 0, north_successor = 0;  // kams that take handovers over
  std::map<std::string, Client> actor;         // role -> a signed-in user of that role in `east`
  std::map<std::string, Id> same, other;       // role -> that actor's targets (sales users)
};

const World& TheWorld() {
  static const World w = [] {
    World out;
    auto unit = [](const std::string& name, const std::string& kind, Id parent) {
      auto r = As("admin").Post("/api/v1/org-units",
                                {{"name", Unique(name)}, {"kind", kind}, {"parent_id", parent}});
      if (r.status != 201) throw std::runtime_error(r.body);
      return r.Json()["id"].get<Id>();
    };
    out.east = unit("矩阵东部", "branch", UnitIdByName("华东区域"));
    out.east_child = unit("矩阵东部下级", "department", out.east);
    out.north = unit("矩阵北部", "branch", UnitIdByName("华北区域"));
    (void)CreateUser(Unique("mx.child"), "sales", out.east_child);
    out.east_successor = CreateUser(Unique("mx.succ.e"), "kam", out.east)["id"].get<Id>();
    out.north_successor = CreateUser(Unique("mx.succ.n"), "kam", out.north)["id"].get<Id>();
    for (const char* role : kRoles) {
      const std::string name = Unique(std::string("mx.") + role);
      (void)CreateUser(name, role, out.east);
      out.actor.emplace(role, Client::Login(name, kTestPassword));
      out.same[role] = CreateUser(Unique("mx.same"), "sales", out.east)["id"].get<Id>();
      out.other[role] = CreateUser(Unique("mx.other"), "sales", out.north)["id"].get<Id>();
    }
    return out;
  }();
  return w;
}

std::string Upper(std::string v) {
  for (auto& ch : v) ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
  return v;
}

// The documented outcome of `op` ("METHOD /path/{id}") by `role` on `target`: the status
// that must come back. Actors sit in `east`, so their own unit and the same-unit target are
// in a director's subtree and the other-subtree target is not.
int Documented(const std::string& op, const std::string& role, Target t) {
  const bool admin = role == "admin";
  const bool director = role == "director";
  const bool all_scope = admin || role == "executive" || role == "specialist";
  const bool self = t == Target::kOwn;
  const bool in_subtree = t != Target::kOtherSubtree;
  // Reading a user: oneself; admins, executives and specialists everyone; directors their
  // subtree. Others answer 404, exactly like a user that does not exist.
  const bool sees_user = self || all_scope || (director && in_subtree);
  // Handing over: admins anyone but themselves (409); directors the front-line users of their
  // subtree (a director is not one: 403) to successors of their subtree.
  auto handover = [&](int done) {
    if (admin) return self ? 409 : done;
    if (director) return self ? 403 : in_subtree ? done : 404;
    return 403;
  };
  if (op == "GET /api/v1/org-units" || op == "GET /api/v1/org-units/{id}") return 200;
  if (op == "POST /api/v1/org-units") return admin ? 201 : 403;
  if (op == "PATCH /api/v1/org-units/{id}") return admin ? 200 : 403;
  if (op == "DELETE /api/v1/org-units/{id}") return admin ? 409 : 403;  // units with users
  if (op == "GET /api/v1/users") return all_scope || director ? 200 : 403;
  if (op == "POST /api/v1/users") return admin ? 201 : 403;
  if (op == "GET /api/v1/users/{id}") return sees_user ? 200 : 404;
  // Others' records: refused by role before anything is looked up, as for a missing id.
  if (op == "PATCH /api/v1/users/{id}") return self || admin ? 200 : 403;
  // An administrator resets others' passwords; their own goes through /auth/password, which
  // asks for the current one (a borrowed session must not take the account over).
  if (op == "POST /api/v1/users/{id}/reset-password") return admin ? (self ? 409 : 204) : 403;
  if (op == "GET /api/v1/users/{id}/default-team") return sees_user ? 200 : 404;
  if (op == "PUT /api/v1/users/{id}/default-team") {
    if (self || admin || (director && in_subtree)) return 200;
    return sees_user ? 403 : 404;
  }
  if (op == "POST /api/v1/users/{id}/handover/preview") return handover(200);
  if (op == "POST /api/v1/users/{id}/handover") return handover(201);
  return -1;  // undocumented here: the test fails and names it
}

bool IsUserOrOrgPath(const std::string& p) {
  return p == "/api/v1/users" || p.rfind("/api/v1/users/", 0) == 0 || p == "/api/v1/org-units" ||
         p.rfind("/api/v1/org-units/", 0) == 0;
}

struct Operation {
  std::string method, pattern;
  std::string Key() const { return method + " " + pattern; }
  bool Write() const { return method != "GET"; }
};

// Every documented operation on users and org units; the handover last, as it disables its
// target.
std::vector<Operation> UserAndOrgOperations() {
  std::vector<Operation> ops;
  for (auto it = Doc()["paths"].begin(); it != Doc()["paths"].end(); ++it) {
    if (!IsUserOrOrgPath(it.key())) continue;
    for (const char* m : {"get", "post", "put", "patch", "delete"}) {
      if (it.value().contains(m)) ops.push_back({Upper(m), it.key()});
    }
  }
  std::stable_partition(ops.begin(), ops.end(), [](const Operation& o) {
    return o.Key() != "POST /api/v1/users/{id}/handover";
  });
  return ops;
}

Id TargetUser(const std::string& role, Target t) {
  const World& w = TheWorld();
  if (t == Target::kOwn) return w.actor.at(role).user["id"].get<Id>();
  return t == Target::kSameUnit ? w.same.at(role) : w.other.at(role);
}

Id TargetUnit(Target t) {
  const World& w = TheWorld();
  return t == Target::kOwn ? w.east : t == Target::kSameUnit ? w.east_child : w.north;
}

// What the admin sees of a target: the user (or unit), its default team, its handovers, the
// org tree's size and every audit row on it except the access refusals themselves.
std::string Snapshot(Id user, Id unit) {
  const Client& admin = As("admin");
  std::string out = GetJson(admin, "/api/v1/users/" + N(user)).dump() +
                    GetJson(admin, "/api/v1/users/" + N(user) + "/default-team").dump() +
                    GetJson(admin, "/api/v1/org-units/" + N(unit)).dump() +
                    std::to_string(OrgUnits().size()) +
                    std::to_string(ListAll(admin, "/api/v1/handovers", "user_id=" + N(user)).size());
  for (const auto& row : AuditRows("entity=user&entity_id=" + N(user))) {
    const std::string action = row["action"].get<std::string>();
    if (action.rfind("access.", 0) != 0) out += action + ";";
  }
  return out;
}

// The request for `op` by `role` on `target`, with a body that would change something.
HttpResponse Attempt(const Operation& op, const std::string& role, Target t,
                     std::string* created_username) {
  const World& w = TheWorld();
  const Client& c = w.actor.at(role);
  const Id user = TargetUser(role, t);
  const Id unit = TargetUnit(t);
  const bool user_path = op.pattern.rfind("/api/v1/users/{id}", 0) == 0;
  std::string path = op.pattern;
  if (const auto at = path.find("{id}"); at != std::string::npos) {
    path.replace(at, 4, N(user_path ? user : unit));
  }
  const Id successor = t == Target::kOtherSubtree ? w.north_successor : w.east_successor;
  const std::string k = op.Key();
  if (op.method == "GET") return c.Get(path);
  if (k == "POST /api/v1/org-units") {
    return c.Post(path, {{"name", Unique("矩阵新单元")}, {"kind", "department"}, {"parent_id", unit}});
  }
  if (k == "PATCH /api/v1/org-units/{id}") {
    return c.Patch(path, {{"name", Unique("矩阵改名")}},
                   GetJson(As("admin"), path)["version"].get<long long>());
  }
  if (k == "DELETE /api/v1/org-units/{id}") {
    return c.Delete(path, GetJson(As("admin"), path)["version"].get<long long>());
  }
  if (k == "POST /api/v1/users") {
    *created_username = Unique("mx.new");
    return c.Post(path, {{"username", *created_username},
                         {"display_name", "矩阵新用户"},
                         {"role", "sales"},
                         {"org_unit_id", unit},
                         {"password", kTestPassword}});
  }
  if (k == "PATCH /api/v1/users/{id}") {
    return c.Patch(path, {{"display_name", Unique("矩阵改名")}},
                   GetJson(As("admin"), path)["version"].get<long long>());
  }
  if (k == "POST /api/v1/users/{id}/reset-password") {
    return c.Post(path, {{"password", "Another-pass-2026"}});
  }
  if (k == "PUT /api/v1/users/{id}/default-team") {
    const long long version = GetJson(As("admin"), path)["version"].get<long long>();
    return c.Send("PUT", path, {{"If-Match", "\"" + std::to_string(version) + "\""}},
                  json{{"members", {{{"user_id", successor}, {"team_role", "sales"}}}}}.dump());
  }
  if (k == "POST /api/v1/users/{id}/handover/preview" || k == "POST /api/v1/users/{id}/handover") {
    return c.Post(path, {{"to_user_ids", {successor}}});
  }
  ADD_FAILURE() << "no request body for " << k << ": add one";
  return {};
}

TEST(AccessMatrixOrg, EveryUserAndOrgOperationGivesTheDocumentedOutcomeForEveryRole) {
  const auto ops = UserAndOrgOperations();
  ASSERT_GE(ops.size(), 14u);
  int reads = 0, writes = 0, refused = 0;
  for (const char* role : kRoles) {
    for (const auto& op : ops) {
      for (Target t : kTargets) {
        SCOPED_TRACE(op.Key() + " by " + role + " on " + TargetName(t));
        const int want = Documented(op.Key(), role, t);
        ASSERT_NE(want, -1) << "undocumented operation: add it to Documented()";
        const Id user = TargetUser(role, t);
        const Id unit = TargetUnit(t);
        const bool refusal = want >= 400;
        const std::string before = op.Write() && refusal ? Snapshot(user, unit) : "";
        std::string created;
        const HttpResponse r = Attempt(op, role, t, &created);
        EXPECT_EQ(r.status, want) << r.body;
        if (want == 404) {
          EXPECT_EQ(r.ErrorCode(), "not_found");
        }
        if (want == 403) {
          EXPECT_EQ(r.ErrorCode(), "forbidden");
        }
        if (op.Write()) {
          ++writes;
          if (refusal) {
            ++refused;
            EXPECT_EQ(Snapshot(user, unit), before) << "a refused write changed something";
            if (!created.empty()) {
              EXPECT_TRUE(GetJson(As("admin"), "/api/v1/users?q=" + UrlEncode(created))["items"].empty());
            }
          }
        } else {
          ++reads;
        }
        // Lists of users: exactly the visible ones, so the target is there or not.
        if (op.Key() == "GET /api/v1/users" && r.status == 200) {
          const auto seen = IdSet(ListAll(TheWorld().actor.at(role), "/api/v1/users", ""));
          const bool visible = Documented("GET /api/v1/users/{id}", role, t) == 200;
          EXPECT_EQ(seen.count(user), visible ? 1u : 0u) << "user " << user;
        }
      }
    }
  }
  // 14 operations today (5 reads, 9 writes) × 8 roles × 3 targets.
  EXPECT_GE(reads, 5 * 8 * 3);
  EXPECT_GE(writes, 9 * 8 * 3);
  EXPECT_GE(refused, 100);
}

// ---------------------------------------------------------------------------------------
// Lists, summaries and counts.

struct Seen {
  std::set<Id> customers;
  std::set<Id> users;
};

// What `c` may see: customers by the customers list (tested on its own in scope_test.cc);
// users by the role table: everyone for admins, executives and specialists, a director's
// subtree, otherwise only themselves.
Seen SeenBy(const Client& c) {
  Seen s;
  s.customers = IdSet(ListAll(c, "/api/v1/customers", ""));
  const std::string role = c.user["role"].get<std::string>();
  const Id me = c.user["id"].get<Id>();
  const auto everyone = ListAll(As("admin"), "/api/v1/users", "");
  if (role == "admin" || role == "executive" || role == "specialist") {
    s.users = IdSet(everyone);
  } else if (role == "director") {
    const auto subtree = Subtree(c.user["org_unit_id"].get<Id>());
    for (const auto& u : everyone) {
      if (subtree.count(u["org_unit_id"].get<Id>())) s.users.insert(u["id"].get<Id>());
    }
  }
  s.users.insert(me);
  return s;
}

// Every object in `body` that names a customer names one `seen` holds; one that names no
// customer but a user (its subject: user_id, from_user_id) names a user `seen` holds; the
// users list (whose items are users) holds only seen users.
void ExpectOnlySeenRows(const json& body, const Seen& seen, bool user_items) {
  if (body.is_array()) {
    for (const auto& v : body) ExpectOnlySeenRows(v, seen, false);
    return;
  }
  if (!body.is_object()) return;
  if (user_items && body.contains("items")) {
    for (const auto& u : body["items"]) {
      EXPECT_TRUE(seen.users.count(u["id"].get<Id>())) << "user row " << u.dump();
    }
    return;
  }
  if (body.contains("customer_id") && body["customer_id"].is_number_integer()) {
    EXPECT_TRUE(seen.customers.count(body["customer_id"].get<Id>())) << body.dump();
  } else {
    for (const char* subject : {"user_id", "from_user_id"}) {
      if (body.contains(subject) && body[subject].is_number_integer()) {
        EXPECT_TRUE(seen.users.count(body[subject].get<Id>())) << subject << ": " << body.dump();
      }
    }
  }
  for (auto it = body.begin(); it != body.end(); ++it) {
    if (it.value().is_structured()) ExpectOnlySeenRows(it.value(), seen, false);
  }
}

struct ListOp {
  std::string path;
  std::vector<std::string> params;  // query parameters by name
};

// Every parameterless GET of the API that answers JSON, but the customer list (the scope's
// reference), the org tree (readable by everyone), the document and the caller's own record.
std::vector<ListOp> ReadOperations() {
  std::vector<ListOp> out;
  for (auto it = Doc()["paths"].begin(); it != Doc()["paths"].end(); ++it) {
    const std::string& p = it.key();
    if (p.find('{') != std::string::npos || !it.value().contains("get")) continue;
    // The customer list and its export (a file, not JSON) have their own matrix tests.
    if (p.rfind("/api/v1/", 0) != 0 || p == "/api/v1/openapi.json" || p == "/api/v1/customers" ||
        p == "/api/v1/customers/export" || p == "/api/v1/org-units" ||
        p.rfind("/api/v1/auth/", 0) == 0) {
      continue;
    }
    ListOp op{p, {}};
    for (const auto& param : it.value()["get"].value("parameters", json::array())) {
      if (param.contains("name")) {
        op.params.push_back(param["name"].get<std::string>());
      } else if (param.contains("$ref")) {  // shared ones: "#/components/parameters/Limit"
        const std::string ref = param["$ref"].get<std::string>();
        std::string name = ref.substr(ref.rfind('/') + 1);
        for (auto& ch : name) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
        op.params.push_back(name);
      }
    }
    out.push_back(std::move(op));
  }
  return out;
}

std::string Query(const ListOp& op, const std::string& extra) {
  std::string q;
  auto add = [&](const std::string& kv) { q += (q.empty() ? "?" : "&") + kv; };
  if (std::find(op.params.begin(), op.params.end(), "top") != op.params.end()) add("top=100");
  if (std::find(op.params.begin(), op.params.end(), "limit") != op.params.end()) add("limit=500");
  if (!extra.empty()) add(extra);
  return op.path + q;
}

// Things that exist but lie outside a caller's scope, for filters that name them.
struct Outside {
  std::optional<Id> user, unit, customer;
};

Outside OutsideOf(const Client& c, const Seen& seen) {
  Outside o;
  for (const auto& u : ListAll(As("admin"), "/api/v1/users", "")) {
    if (!seen.users.count(u["id"].get<Id>())) {
      o.user = u["id"].get<Id>();
      break;
    }
  }
  const auto mine = Subtree(c.user["org_unit_id"].get<Id>());
  for (const auto& u : OrgUnits()) {
    if (!mine.count(u["id"].get<Id>())) {
      o.unit = u["id"].get<Id>();
      break;
    }
  }
  const auto page = GetJson(As("admin"), "/api/v1/customers?limit=500&sort=-id");
  for (const auto& cu : page["items"]) {
    if (!seen.customers.count(cu["id"].get<Id>())) {
      o.customer = cu["id"].get<Id>();
      break;
    }
  }
  return o;
}

// The scenario that tempts leaks: a KAM of the east branch hears of a service agent's record
// on their account, hands a next step on that account to a rep of the north region, and the
// account then goes to another KAM.
struct LeakScenario {
  Id customer = 0;
  int next_step_status = 0;
};

const LeakScenario& Scenario() {
  static const LeakScenario s = [] {
    const World& w = TheWorld();
    LeakScenario out;
    const Client& kam = w.actor.at("kam");
    const Id kam_id = kam.user["id"].get<Id>();
    out.customer = CreateCustomer(As("admin"), {{"name", Unique("矩阵转手客户")},
                                                {"org_unit_id", w.east},
                                                {"owner_id", kam_id}})["id"]
                       .get<Id>();
    auto service = As("svc.east").Post("/api/v1/interactions", {{"customer_id", out.customer},
                                                                {"channel", "phone"},
                                                                {"purpose", "矩阵客服来电"}});
    if (service.status != 201) throw std::runtime_error(service.body);
    auto step = kam.Post("/api/v1/interactions", {{"customer_id", out.customer},
                                                  {"channel", "visit"},
                                                  {"purpose", "矩阵回访"},
                                                  {"next_step", "矩阵寄送方案"},
                                                  {"next_step_owner_id", w.other.at("kam")}});
    out.next_step_status = step.status;
    auto moved = As("admin").Patch(CustomerPath(out.customer), {{"owner_id", w.east_successor}}, 1);
    if (moved.status != 200) throw std::runtime_error(moved.body);
    return out;
  }();
  return s;
}

// The callers of the list checks: the demo users of every role, the scenario's former KAM and
// the north rep it tried to hand a next step to.
std::vector<const Client*> ListCallers() {
  std::vector<const Client*> out;
  for (const char* u : {"admin", "exec", "specialist", "dir.east", "dir.north", "kam.sz", "kam.sh",
                        "asst.sh", "svc.east", "sales.sz"}) {
    out.push_back(&As(u));
  }
  static const Client north_rep =
      Client::Login(GetJson(As("admin"), "/api/v1/users/" + N(TheWorld().other.at("kam")))["username"],
                    kTestPassword);
  out.push_back(&TheWorld().actor.at("kam"));
  out.push_back(&north_rep);
  return out;
}

TEST(AccessMatrixOrg, EveryListSummaryAndFilterShowsOnlyRowsInTheCallersScope) {
  (void)Scenario();
  const auto reads = ReadOperations();
  ASSERT_GE(reads.size(), 18u);
  int checked = 0, filtered = 0;
  for (const Client* c : ListCallers()) {
    const std::string who = c->user["username"].get<std::string>();
    const Seen seen = SeenBy(*c);
    const Outside outside = OutsideOf(*c, seen);
    for (const auto& op : reads) {
      // The plain read, then each filter naming a user, an org unit or a customer given one
      // outside the scope: a filter narrows, it never widens.
      std::vector<std::string> variants = {""};
      for (const auto& p : op.params) {
        std::optional<Id> v;
        if (p == "org_unit_id") {
          v = outside.unit;
        } else if (p == "customer_id") {
          v = outside.customer;
        } else if (p == "owner_id" || p == "user_id" || p == "recorded_by" ||
                   p == "participant_id" || p == "next_step_owner_id" ||
                   p == "request_owner_id" || p == "actor_id") {
          v = outside.user;
        }
        if (v) variants.push_back(p + "=" + N(*v));
      }
      for (const auto& extra : variants) {
        const std::string target = Query(op, extra);
        SCOPED_TRACE("GET " + target + " as " + who);
        const HttpResponse r = c->Get(target);
        if (r.status == 403) continue;  // not this role's read at all
        // A filter on something out of sight may also answer 404 or be refused as invalid.
        if (!extra.empty() && (r.status == 404 || r.status == 400)) continue;
        ASSERT_EQ(r.status, 200) << r.body;
        ExpectOnlySeenRows(r.Json(), seen, op.path == "/api/v1/users");
        ++checked;
        if (!extra.empty()) ++filtered;
      }
    }
  }
  EXPECT_GE(checked, 150);
  EXPECT_GE(filtered, 60);
}

// A notification about a customer that has left the user's scope is neither listed nor
// marked read, one by one (404, as for someone else's) or with the rest.
TEST(AccessMatrixOrg, NotificationsAboutACustomerOutOfScopeAreNotMarkedRead) {
  const LeakScenario& s = Scenario();
  const Client& former = TheWorld().actor.at("kam");
  const Id former_id = former.user["id"].get<Id>();
  const auto hidden = DbInts("SELECT id FROM notification WHERE user_id = " + N(former_id) +
                             " AND customer_id = " + N(s.customer) + " AND read_at IS NULL");
  ASSERT_FALSE(hidden.empty()) << "the service agent's record told the KAM";
  for (const auto& n : ListAll(former, "/api/v1/notifications", "")) {
    EXPECT_NE(n["id"].get<Id>(), hidden[0]);
  }
  auto one = former.Post("/api/v1/notifications/" + N(hidden[0]) + "/read", json::object());
  EXPECT_EQ(one.status, 404) << one.body;
  auto all = former.Post("/api/v1/notifications/read-all", json::object());
  EXPECT_EQ(all.status, 200) << all.body;
  EXPECT_EQ(DbInt("SELECT count(*) FROM notification WHERE id = " + N(hidden[0]) +
                  " AND read_at IS NULL"),
            1);
  EXPECT_EQ(GetJson(former, "/api/v1/notifications?limit=1")["unread_count"], 0);
}

TEST(AccessMatrixOrg, CountsAgreeWithTheRowsTheCallerSees) {
  (void)Scenario();
  for (const Client* c : ListCallers()) {
    const std::string who = c->user["username"].get<std::string>();
    SCOPED_TRACE(who);
    const Seen seen = SeenBy(*c);
    // Notifications: the unread count is the number of unread notifications listed.
    const auto unread = ListAll(*c, "/api/v1/notifications", "unread=true");
    const json first = GetJson(*c, "/api/v1/notifications?limit=1");
    EXPECT_EQ(first["unread_count"].get<std::size_t>(), unread.size());
    // Revenue concentration: the customers counted and their total are those the caller
    // sees (when they fit in the top 100, the top is all of them).
    const json conc = GetJson(*c, "/api/v1/analytics/concentration?top=100");
    EXPECT_LE(conc["customers"].get<std::size_t>(), seen.customers.size());
    if (conc["customers"].get<int>() <= 100) {
      std::int64_t sum = 0;
      for (const auto& t : conc["top"]) sum += t["amount"].get<std::int64_t>();
      EXPECT_EQ(conc["top"].size(), conc["customers"].get<std::size_t>());
      EXPECT_EQ(sum, conc["total"].get<std::int64_t>());
    }
    // My day: every count of "more" is what lies beyond the lists, all in scope.
    const json day = GetJson(*c, "/api/v1/my-day");
    ExpectOnlySeenRows(day, seen, false);
  }
  // Weekly review: each reviewed user's unreviewed count is their rows in the queue.
  for (const char* director : {"dir.east", "dir.north"}) {
    SCOPED_TRACE(director);
    const Client& c = As(director);
    const json summary = GetJson(c, "/api/v1/weekly-review/summary");
    const Seen seen = SeenBy(c);
    for (const auto& u : summary["users"]) {
      EXPECT_TRUE(seen.users.count(u["user_id"].get<Id>())) << u.dump();
      const std::string week = summary["week"].get<std::string>();
      const auto queue = ListAll(c, "/api/v1/weekly-review",
                                 "state=unreviewed&week=" + week + "&user_id=" + u["user_id"].dump());
      std::size_t of_week = 0, earlier = 0;
      for (const auto& item : queue) {
        EXPECT_TRUE(seen.customers.count(item["customer_id"].get<Id>())) << item.dump();
        EXPECT_EQ(item["user_id"], u["user_id"]);
        const std::string item_week = item["week"].get<std::string>();
        if (item_week == week) ++of_week;
        if (item_week < week) ++earlier;
      }
      EXPECT_EQ(u["unreviewed"].get<std::size_t>(), of_week) << u.dump();
      EXPECT_EQ(u["unreviewed_earlier"].get<std::size_t>(), earlier) << u.dump();
    }
  }
}

// ---------------------------------------------------------------------------------------
// Mass assignment: fields a role may not set are refused (400 naming the field, or 403) and
// never applied.

// `send` is refused (400, 403, or 409 for what no one may do to themselves) and `state` reads
// the same afterwards. `field` is the field a 400 must name ("" for any); `problem` the
// problem it must give ("" for any).
void ExpectRefused(const std::function<HttpResponse()>& send,
                   const std::function<std::string()>& state, const std::string& field,
                   const std::string& problem = "") {
  const std::string before = state();
  const HttpResponse r = send();
  EXPECT_TRUE(r.status == 400 || r.status == 403 || r.status == 409) << r.status << " " << r.body;
  if (r.status == 400 && !field.empty()) {
    const json fields = r.Json()["error"].value("fields", json::object());
    EXPECT_TRUE(fields.contains(field)) << r.body;
    if (!problem.empty() && fields.contains(field)) {
      EXPECT_EQ(fields[field], problem) << r.body;
    }
  }
  EXPECT_EQ(state(), before) << "a refused write was applied";
}

const json kSomeTime = "2020-01-01T00:00:00Z";

TEST(AccessMatrixOrg, FieldsARoleMayNotSetAreRefusedNeverApplied) {
  const World& w = TheWorld();
  const Client& admin = As("admin");
  const Id north_rep = w.other.at("kam");  // sees no customer of the east branch
  int refusals = 0;
  for (const char* role_name : kRoles) {
    const std::string role = role_name;
    SCOPED_TRACE(role);
    const Client& c = w.actor.at(role);
    const Id me = c.user["id"].get<Id>();
    const bool front_line = role == "kam" || role == "assistant" || role == "sales";
    const bool assigns = role == "admin" || role == "specialist" || role == "director";

    // Users: one's own record.
    const std::string me_path = "/api/v1/users/" + N(me);
    auto me_state = [&] { return GetJson(admin, me_path).dump(); };
    auto patch_me = [&](const json& body) {
      return [&c, &me_path, body] {
        return c.Patch(me_path, body, GetJson(As("admin"), me_path)["version"].get<long long>());
      };
    };
    for (const auto& [field, value] :
         std::vector<std::pair<std::string, json>>{{"id", 1},
                                                   {"version", 99},
                                                   {"created_at", kSomeTime},
                                                   {"updated_at", kSomeTime},
                                                   {"last_login_at", kSomeTime},
                                                   {"username", "mx.renamed"},
                                                   {"password", "Some-other-pass-1"}}) {
      SCOPED_TRACE("PATCH own user " + field);
      ExpectRefused(patch_me({{field, value}}), me_state, field, "read_only");
      ++refusals;
    }
    // Role, org unit and status: an administrator's business, and never one's own role or
    // status (an administrator moving their own unit is allowed).
    for (const auto& [field, value] : std::vector<std::pair<std::string, json>>{
             {"role", role == "admin" ? "kam" : "admin"}, {"active", false}, {"org_unit_id", w.north}}) {
      if (role == "admin" && field == "org_unit_id") continue;
      SCOPED_TRACE("PATCH own user " + field);
      ExpectRefused(patch_me({{field, value}}), me_state, "");
      ++refusals;
    }
    if (role == "admin") {
      for (const auto& [field, value] : std::vector<std::pair<std::string, json>>{
               {"id", 1}, {"version", 5}, {"created_at", kSomeTime}, {"updated_at", kSomeTime},
               {"last_login_at", kSomeTime}}) {
        SCOPED_TRACE("POST user " + field);
        const std::string username = Unique("mx.mass");
        ExpectRefused(
            [&] {
              return c.Post("/api/v1/users", {{"username", username},
                                              {"display_name", "批量赋值"},
                                              {"role", "sales"},
                                              {"org_unit_id", w.east},
                                              {"password", kTestPassword},
                                              {field, value}});
            },
            [&] { return GetJson(admin, "/api/v1/users?q=" + UrlEncode(username)).dump(); }, field,
            "read_only");
        ++refusals;
      }
    }

    // Customers: an account the actor may edit (their own, or one of their unit).
    const Id customer =
        CreateCustomer(admin, {{"name", Unique("矩阵赋值客户")},
                               {"org_unit_id", w.east},
                               {"owner_id", front_line ? me : w.east_successor}})["id"]
            .get<Id>();
    const std::string cpath = CustomerPath(customer);
    auto customer_state = [&] { return GetJson(admin, cpath).dump(); };
    auto newest = [] { return std::to_string(LatestCustomerId()); };
    const std::vector<std::pair<std::string, json>> customer_read_only = {
        {"id", 1},           {"version", 9},         {"tier", "strategic"},
        {"is_key_account", true}, {"created_at", kSomeTime}, {"updated_at", kSomeTime},
        {"created_by", 1},   {"owner_name", "某人"},  {"org_unit_name", "某处"}};
    for (const auto& [field, value] : customer_read_only) {
      SCOPED_TRACE("customer " + field);
      ExpectRefused([&] { return c.Post("/api/v1/customers", {{"name", Unique("矩阵赋值")}, {field, value}}); },
                    newest, field, "read_only");
      ExpectRefused([&] { return c.Patch(cpath, {{field, value}}, GetJson(admin, cpath)["version"].get<long long>()); },
                    customer_state, field, "read_only");
      refusals += 2;
    }
    if (!assigns) {
      // Placement is an assignment: refused on creation and on edit, whatever the scope.
      ExpectRefused([&] { return c.Post("/api/v1/customers", {{"name", Unique("矩阵赋值")}, {"owner_id", w.east_successor}}); },
                    newest, "");
      ExpectRefused([&] { return c.Patch(cpath, {{"owner_id", w.north_successor}}, GetJson(admin, cpath)["version"].get<long long>()); },
                    customer_state, "");
      ExpectRefused([&] { return c.Patch(cpath, {{"org_unit_id", w.north}}, GetJson(admin, cpath)["version"].get<long long>()); },
                    customer_state, "");
      refusals += 3;
    }
    if (role == "director") {
      // A director places accounts inside their subtree only.
      ExpectRefused([&] { return c.Patch(cpath, {{"owner_id", w.north_successor}}, GetJson(admin, cpath)["version"].get<long long>()); },
                    customer_state, "owner_id", "out_of_scope");
      ExpectRefused([&] { return c.Patch(cpath, {{"org_unit_id", w.north}}, GetJson(admin, cpath)["version"].get<long long>()); },
                    customer_state, "org_unit_id", "out_of_scope");
      refusals += 2;
    }
    if (role != "admin" && role != "specialist") {
      ExpectRefused([&] { return c.Post("/api/v1/customers", {{"name", Unique("矩阵赋值")}, {"org_unit_id", w.north}}); },
                    newest, "");
      ++refusals;
    }
    // Account teams: a seat shows the account, so only admins and specialists staff a team
    // from anywhere; a director from their subtree; no one else at all.
    if (role != "admin" && role != "specialist") {
      ExpectRefused([&] { return c.Post(cpath + "/team", {{"user_id", north_rep}, {"team_role", "sales"}}); },
                    [&] { return GetJson(admin, cpath + "/team").dump(); }, "user_id", "out_of_scope");
      ++refusals;
    }

    // Contacts.
    auto contact_r = admin.Post(cpath + "/contacts", {{"name", "矩阵联系人"}});
    ASSERT_EQ(contact_r.status, 201) << contact_r.body;
    const std::string contact_path = cpath + "/contacts/" + contact_r.Json()["id"].dump();
    auto contacts_state = [&] { return GetJson(admin, cpath + "/contacts").dump(); };
    for (const auto& [field, value] : std::vector<std::pair<std::string, json>>{
             {"id", 1}, {"customer_id", 1}, {"version", 9}, {"created_at", kSomeTime}, {"updated_at", kSomeTime}}) {
      SCOPED_TRACE("contact " + field);
      ExpectRefused([&] { return c.Post(cpath + "/contacts", {{"name", "矩阵赋值人"}, {field, value}}); },
                    contacts_state, field, "read_only");
      ExpectRefused([&] { return c.Patch(contact_path, {{field, value}}, GetJson(admin, contact_path)["version"].get<long long>()); },
                    contacts_state, field, "read_only");
      refusals += 2;
    }

    // Contact records.
    auto records_state = [&] {
      return json(ListAll(admin, "/api/v1/interactions", "customer_id=" + N(customer))).dump();
    };
    const json record = {{"customer_id", customer}, {"channel", "phone"}, {"purpose", "矩阵赋值回访"}};
    for (const auto& [field, value] : std::vector<std::pair<std::string, json>>{
             {"id", 1}, {"version", 9}, {"recorded_by", 1}, {"created_at", kSomeTime},
             {"updated_at", kSomeTime}, {"first_contact_owner_id", 1}, {"deleted_at", kSomeTime},
             {"next_step_done_at", kSomeTime}, {"request_closed_at", kSomeTime}}) {
      SCOPED_TRACE("interaction " + field);
      json body = record;
      body[field] = value;
      ExpectRefused([&] { return c.Post("/api/v1/interactions", body); }, records_state, field);
      ++refusals;
    }
    if (role != "executive") {
      // A next step goes only to someone who sees the account (they are told its name and
      // find it on their day).
      json body = record;
      body["next_step"] = "矩阵跟进";
      body["next_step_owner_id"] = north_rep;
      ExpectRefused([&] { return c.Post("/api/v1/interactions", body); }, records_state,
                    "next_step_owner_id", "cannot_see_the_customer");
      auto mine = c.Post("/api/v1/interactions", record);
      ASSERT_EQ(mine.status, 201) << mine.body;
      const std::string ipath = "/api/v1/interactions/" + mine.Json()["id"].dump();
      auto one_state = [&] { return GetJson(admin, ipath).dump(); };
      for (const auto& [field, value] : std::vector<std::pair<std::string, json>>{
               {"id", 1}, {"version", 9}, {"customer_id", 1}, {"recorded_by", 1},
               {"created_at", kSomeTime}, {"is_request", true}}) {
        SCOPED_TRACE("PATCH interaction " + field);
        ExpectRefused([&] { return c.Patch(ipath, {{field, value}}, GetJson(admin, ipath)["version"].get<long long>()); },
                      one_state, field);
      }
      ExpectRefused([&] {
        return c.Patch(ipath, {{"next_step", "矩阵跟进"}, {"next_step_owner_id", north_rep}},
                       GetJson(admin, ipath)["version"].get<long long>());
      }, one_state, "next_step_owner_id", "cannot_see_the_customer");
      refusals += 8;
    }

    // Visit plans.
    auto plans_state = [&] {
      return json(ListAll(admin, "/api/v1/visit-plans", "customer_id=" + N(customer))).dump();
    };
    const json plan = {{"customer_id", customer}, {"planned_on", ChinaDate(-5)}, {"purpose", "矩阵赋值拜访"}};
    for (const auto& [field, value] : std::vector<std::pair<std::string, json>>{
             {"id", 1}, {"version", 9}, {"status", "completed"}, {"created_by", 1},
             {"created_at", kSomeTime}, {"updated_at", kSomeTime}, {"interaction_id", 1},
             {"completed_at", kSomeTime}, {"cancelled_at", kSomeTime}}) {
      SCOPED_TRACE("visit plan " + field);
      json body = plan;
      body[field] = value;
      ExpectRefused([&] { return c.Post("/api/v1/visit-plans", body); }, plans_state, field);
      ++refusals;
    }
    if (role != "executive") {
      json body = plan;
      body["owner_id"] = north_rep;
      ExpectRefused([&] { return c.Post("/api/v1/visit-plans", body); }, plans_state, "owner_id",
                    "cannot_see_the_customer");
      auto mine = c.Post("/api/v1/visit-plans", plan);
      ASSERT_EQ(mine.status, 201) << mine.body;
      const std::string ppath = "/api/v1/visit-plans/" + mine.Json()["id"].dump();
      auto one_state = [&] { return GetJson(admin, ppath).dump(); };
      for (const auto& [field, value] : std::vector<std::pair<std::string, json>>{
               {"id", 1}, {"version", 9}, {"customer_id", 1}, {"status", "completed"},
               {"created_by", 1}, {"interaction_id", 1}}) {
        SCOPED_TRACE("PATCH visit plan " + field);
        ExpectRefused([&] { return c.Patch(ppath, {{field, value}}, GetJson(admin, ppath)["version"].get<long long>()); },
                      one_state, field);
      }
      ExpectRefused([&] {
        return c.Patch(ppath, {{"owner_id", north_rep}}, GetJson(admin, ppath)["version"].get<long long>());
      }, one_state, "owner_id", "cannot_see_the_customer");
      refusals += 8;
    }

    // Nominations.
    auto nominations_state = [&] {
      return json(ListAll(admin, "/api/v1/nominations", "customer_id=" + N(customer))).dump();
    };
    for (const auto& [field, value] : std::vector<std::pair<std::string, json>>{
             {"id", 1}, {"version", 9}, {"status", "approved"}, {"created_by", 1},
             {"nominated_by", 1}, {"created_at", kSomeTime}, {"level", 3},
             {"decided_at", kSomeTime}, {"approver_unit_id", 1}, {"tier", "strategic"}}) {
      SCOPED_TRACE("nomination " + field);
      ExpectRefused([&] {
        return c.Post("/api/v1/nominations", {{"customer_id", customer}, {"reason", "矩阵赋值提报"}, {field, value}});
      }, nominations_state, field);
      ++refusals;
    }
  }
  EXPECT_GE(refusals, 8 * 60);
}

// Default teams seat people on accounts too: a director names only users of their subtree in
// one, and applying a default team as a director seats only those; a company-level role
// (specialist, admin) applies it whole.
TEST(AccessMatrixOrg, DefaultTeamsSeatOnlyWhomTheDirectorMayStaff) {
  const World& w = TheWorld();
  const Client& director = w.actor.at("director");
  const Id north_rep = w.other.at("kam");
  const json kam = CreateUser(Unique("mx.dt"), "kam", w.east);
  const Id kam_id = kam["id"].get<Id>();
  const Client self = Client::Login(kam["username"].get<std::string>(), kTestPassword);
  const std::string path = "/api/v1/users/" + N(kam_id) + "/default-team";
  const json members = {{{"user_id", w.east_successor}, {"team_role", "other"}},
                        {{"user_id", north_rep}, {"team_role", "sales"}}};
  auto put = [&](const Client& c, long long version) {
    return c.Send("PUT", path, {{"If-Match", "\"" + std::to_string(version) + "\""}},
                  json{{"members", members}}.dump());
  };
  ExpectRefused([&] { return put(director, 1); }, [&] { return GetJson(As("admin"), path).dump(); },
                "members[1].user_id", "out_of_scope");
  auto own = put(self, 1);  // the user names whom they like; applying it is someone else's call
  ASSERT_EQ(own.status, 200) << own.body;

  const Id customer = CreateCustomer(As("admin"), {{"name", Unique("矩阵默认团队")},
                                                   {"org_unit_id", w.east},
                                                   {"owner_id", kam_id}})["id"]
                          .get<Id>();
  const std::string apply = CustomerPath(customer) + "/team/apply-default";
  auto seated = [&] {
    std::set<Id> out;
    const json team = GetJson(As("admin"), CustomerPath(customer) + "/team");
    for (const auto& m : team["items"]) {
      out.insert(m["user_id"].get<Id>());
    }
    return out;
  };
  auto r = director.Post(apply, json::object());
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(seated(), (std::set<Id>{w.east_successor})) << r.body;
  r = As("specialist").Post(apply, json::object());
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(seated(), (std::set<Id>{w.east_successor, north_rep}));
}

}  // namespace
}  // namespace kams::test
