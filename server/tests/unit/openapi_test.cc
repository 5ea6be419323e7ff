// Keeps the OpenAPI document (http/openapi.json, served at /api/v1/openapi.json) in step
// with the server. The router is the real one, built as `kams serve` builds it on a
// throwaway SQLite file: every route must be documented and every documented operation
// routed; every status the routes answer to probes (anonymous, without CSRF token, with
// unknown ids, malformed bodies, unknown fields) must be listed by the operation; the
// JSON the server serves must have the documented shape; every $ref must resolve.

#include <gtest/gtest.h>
#include <unistd.h>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cctype>
#include <filesystem>
#include <functional>
#include <map>
#include <optional>
#include <regex>
#include <set>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "app/wiring.h"
#include "core/common/validation.h"
#include "core/ports/database.h"
#include "http/api.h"
#include "http/openapi_document.h"

namespace kams::http {
namespace {

using nlohmann::json;
using Headers = std::vector<std::pair<std::string, std::string>>;

const std::set<std::string> kOperationKeys = {"get", "put", "post", "delete",
                                              "options", "head", "patch", "trace"};
const std::set<std::string> kStateChanging = {"post", "put", "patch", "delete"};

std::string Lower(std::string s) {
  for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

std::string Upper(std::string s) {
  for (auto& c : s) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return s;
}

const json& Doc() {
  static const json doc = json::parse(OpenApiDocument(), nullptr, /*allow_exceptions=*/false);
  return doc;
}

// Follows local "$ref"s ("#/components/…"); nullptr when one does not resolve.
const json* Resolve(const json& node) {
  const json* cur = &node;
  for (int hops = 0; cur->is_object() && cur->contains("$ref"); ++hops) {
    const json& ref = (*cur)["$ref"];
    if (hops > 8 || !ref.is_string()) return nullptr;
    const std::string text = ref.get<std::string>();
    if (text.rfind("#/", 0) != 0) return nullptr;
    const json::json_pointer pointer(text.substr(1));
    if (!Doc().contains(pointer)) return nullptr;
    cur = &Doc().at(pointer);
  }
  return cur;
}

// Calls `visit(ref, where)` for every "$ref" in the document.
void ForEachRef(const json& node, const std::string& where,
                const std::function<void(const std::string&, const std::string&)>& visit) {
  if (node.is_object()) {
    for (auto it = node.begin(); it != node.end(); ++it) {
      if (it.key() == "$ref" && it->is_string()) {
        visit(it->get<std::string>(), where);
      } else {
        ForEachRef(*it, where + "/" + it.key(), visit);
      }
    }
  } else if (node.is_array()) {
    for (std::size_t i = 0; i < node.size(); ++i) {
      ForEachRef(node[i], where + "/" + std::to_string(i), visit);
    }
  }
}

const json* Operation(const std::string& pattern, const std::string& method) {
  const json& paths = Doc()["paths"];
  if (!paths.contains(pattern)) return nullptr;
  const json& item = paths[pattern];
  const std::string key = Lower(method);
  if (!item.contains(key)) return nullptr;
  return &item[key];
}

// The operation's parameters and its path item's, resolved.
std::vector<const json*> Parameters(const std::string& pattern, const json& op) {
  std::vector<const json*> out;
  for (const json* list : {&Doc()["paths"][pattern], &op}) {
    if (!list->contains("parameters")) continue;
    for (const json& p : (*list)["parameters"]) {
      if (const json* r = Resolve(p)) out.push_back(r);
    }
  }
  return out;
}

bool Public(const json& op) {
  const json& security = op.contains("security") ? op["security"] : Doc()["security"];
  return security.empty();
}

bool Lists(const json& op, int status) {
  return op["responses"].contains(std::to_string(status));
}

std::vector<std::string> PathParams(const std::string& pattern) {
  std::vector<std::string> out;
  static const std::regex kParam(R"(\{([^}]+)\})");
  for (std::sregex_iterator it(pattern.begin(), pattern.end(), kParam), end; it != end; ++it) {
    out.push_back((*it)[1].str());
  }
  return out;
}

std::string Fill(const std::string& pattern, const std::string& value) {
  static const std::regex kParam(R"(\{[^}]+\})");
  return std::regex_replace(pattern, kParam, value);
}

// allOf parts merged into one object schema (properties and required lists).
json Flatten(const json& schema) {
  json out = {{"type", "object"}, {"properties", json::object()}, {"required", json::array()}};
  for (const json& part : schema["allOf"]) {
    const json* p = Resolve(part);
    if (!p) continue;
    const json flat = p->contains("allOf") ? Flatten(*p) : *p;
    const json props = flat.value("properties", json::object());
    for (auto it = props.begin(); it != props.end(); ++it) out["properties"][it.key()] = *it;
    for (const json& r : flat.value("required", json::array())) out["required"].push_back(r);
  }
  return out;
}

// Checks `value` against `schema` as far as this document uses JSON Schema: $ref, allOf,
// nullable, enum, type, required, properties (no undocumented fields), additionalProperties,
// items, minimum/maximum, maxLength, pattern and the date/date-time formats.
void ExpectMatches(const json& value, const json& schema_in, const std::string& where) {
  const json* resolved = Resolve(schema_in);
  ASSERT_NE(resolved, nullptr) << where << ": unresolvable schema";
  const json schema = resolved->contains("allOf") ? Flatten(*resolved) : *resolved;
  if (value.is_null()) {
    EXPECT_TRUE(schema.value("nullable", false)) << where << " is null, but not nullable";
    return;
  }
  if (schema.contains("enum")) {
    const json& values = schema["enum"];
    EXPECT_NE(std::find(values.begin(), values.end(), value), values.end())
        << where << " = " << value.dump() << " is not in the documented enum";
  }
  const std::string type = schema.value("type", "");
  if (type == "object") {
    ASSERT_TRUE(value.is_object()) << where << " should be an object: " << value.dump();
    const json props = schema.value("properties", json::object());
    for (const json& name : schema.value("required", json::array())) {
      EXPECT_TRUE(value.contains(name.get<std::string>()))
          << where << " lacks required field " << name;
    }
    const json extra = schema.value("additionalProperties", json(true));
    for (auto it = value.begin(); it != value.end(); ++it) {
      if (props.contains(it.key())) {
        ExpectMatches(*it, props[it.key()], where + "." + it.key());
      } else if (extra.is_object()) {
        ExpectMatches(*it, extra, where + "." + it.key());
      } else if (!props.empty() || extra == json(false)) {
        ADD_FAILURE() << where << " has undocumented field '" << it.key() << "'";
      }
    }
  } else if (type == "array") {
    ASSERT_TRUE(value.is_array()) << where << " should be an array";
    for (std::size_t i = 0; i < value.size(); ++i) {
      ExpectMatches(value[i], schema["items"], where + "[" + std::to_string(i) + "]");
    }
  } else if (type == "string") {
    ASSERT_TRUE(value.is_string()) << where << " should be a string: " << value.dump();
    const std::string s = value.get<std::string>();
    const std::string format = schema.value("format", "");
    if (format == "date") {
      EXPECT_TRUE(std::regex_match(s, std::regex(R"(\d{4}-\d{2}-\d{2})"))) << where << " = " << s;
    } else if (format == "date-time") {
      EXPECT_TRUE(std::regex_match(s, std::regex(R"(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z)")))
          << where << " = " << s;
    }
    if (schema.contains("pattern")) {
      EXPECT_TRUE(std::regex_search(s, std::regex(schema["pattern"].get<std::string>())))
          << where << " = '" << s << "' does not match " << schema["pattern"];
    }
    if (schema.contains("maxLength")) {
      EXPECT_LE(Utf8Length(s), schema["maxLength"].get<std::size_t>()) << where;
    }
  } else if (type == "integer") {
    ASSERT_TRUE(value.is_number_integer()) << where << " should be an integer: " << value.dump();
    if (schema.contains("minimum")) {
      EXPECT_GE(value.get<std::int64_t>(), schema["minimum"].get<std::int64_t>()) << where;
    }
    if (schema.contains("maximum")) {
      EXPECT_LE(value.get<std::int64_t>(), schema["maximum"].get<std::int64_t>()) << where;
    }
  } else if (type == "boolean") {
    EXPECT_TRUE(value.is_boolean()) << where << " should be a boolean: " << value.dump();
  }
}

// ---------------------------------------------------------------------------------------
// The server as `kams serve` wires it (app/main.cc, Serve()), minus the socket.

std::filesystem::path ScratchPath() {
  static std::atomic<int> counter{0};
  const auto stamp = std::chrono::steady_clock::now().time_since_epoch().count();
  return std::filesystem::temp_directory_path() /
         ("kams-openapi-test-" + std::to_string(::getpid()) + "-" + std::to_string(++counter) +
          "-" + std::to_string(stamp) + ".db");
}

// Removes the database file (and SQLite's companions) when the stack is gone.
class ScratchFile {
 public:
  ScratchFile() : path_(ScratchPath()) {}
  ~ScratchFile() {
    for (const char* suffix : {"", "-wal", "-shm", "-journal"}) {
      std::error_code ec;
      std::filesystem::remove(path_.string() + suffix, ec);
    }
  }
  ScratchFile(const ScratchFile&) = delete;
  ScratchFile& operator=(const ScratchFile&) = delete;
  std::string string() const { return path_.string(); }

 private:
  std::filesystem::path path_;
};

struct Answer {
  int status = 0;
  std::string content_type;
  Headers headers;
  std::string raw;
  json body;  // parsed when the body is JSON, else null

  std::optional<std::string> Header(std::string_view name) const {
    for (const auto& [k, v] : headers) {
      if (Lower(k) == Lower(std::string(name))) return v;
    }
    return std::nullopt;
  }
};

enum class As { kAnonymous, kSessionWithoutCsrf, kSession, kBearer };

class Stack {
 public:
  Stack()
      : wiring_(WiringOptions{file_.string(), 2}),
        api_(Services{wiring_.auth(), wiring_.customers(), wiring_.contacts(), wiring_.org(),
                      wiring_.users(), wiring_.audit(), wiring_.imports(), wiring_.tiering(),
                      wiring_.nominations(), wiring_.notifications(), wiring_.interactions(),
                      wiring_.cadence(),
                      wiring_.access_alerts(),
                      wiring_.handovers(),
                      wiring_.visit_plans(),
                      wiring_.reviews(),
                      wiring_.exports(),
                      wiring_.contracts(),
                      [this] {
                        return wiring_.store().Run(TxMode::kRead, [](Tx&) { return Ok(); }).ok();
                      }},
             wiring_.metrics(), ApiOptions{}) {}
  Stack(const Stack&) = delete;
  Stack& operator=(const Stack&) = delete;

  const std::vector<Route>& routes() const { return api_.router().routes(); }

  Answer Call(const std::string& method, const std::string& target, const std::string& body,
              const Headers& headers, const std::string& client_addr = "192.0.2.10") {
    Request req;
    req.method = method;
    req.target = target;
    const auto qpos = target.find('?');
    req.path = target.substr(0, qpos);
    if (qpos != std::string::npos) req.query = target.substr(qpos + 1);
    for (const auto& [k, v] : headers) req.headers.emplace_back(Lower(k), v);
    if (!body.empty()) req.headers.emplace_back("content-type", "application/json");
    req.body = body;
    req.client_addr = client_addr;
    req.request_id = "openapi-test-" + std::to_string(++requests_);
    Response res = api_.Handle(req);
    Answer a;
    a.status = res.status;
    a.content_type = res.content_type;
    a.headers = res.headers;
    a.raw = res.body;
    if (res.content_type.rfind("application/json", 0) == 0 && !res.body.empty()) {
      a.body = json::parse(res.body, nullptr, false);
    }
    return a;
  }

 protected:
  Wiring& wiring() { return wiring_; }

 private:
  ScratchFile file_;  // declared first: removed after the database is closed
  Wiring wiring_;
  Api api_;
  int requests_ = 0;
};

constexpr char kAdminPassword[] = "openapi-Admin-1";

// A stack with a company root, an admin signed in (cookie + CSRF token) and a bearer token.
class LiveApi : public Stack {
 public:
  LiveApi() {
    OrgUnit root;
    root.name = "总公司";
    root.kind = "company";
    root.created_at = root.updated_at = wiring().deps().clock.Now();
    Status st = wiring().deps().db.Run(TxMode::kWrite, [&](Tx& tx) -> Status {
      root_id_ = tx.org().Insert(root);
      return Ok();
    });
    if (!st.ok()) throw std::runtime_error("cannot insert the root: " + st.error().message);
    NewUser admin;
    admin.user.username = "openapi.admin";
    admin.user.display_name = "接口管理员";
    admin.user.role = Role::kAdmin;
    admin.user.org_unit_id = root_id_;
    admin.password = kAdminPassword;
    auto created = wiring().users().Create(wiring().CliPrincipal(),
                                           RequestContext{"openapi-test", "local"}, admin);
    if (!created.ok()) throw std::runtime_error("cannot add the admin: " + created.error().message);
    admin_id_ = created->id;

    Answer login = Call("POST", "/api/v1/auth/login",
                        json{{"username", "openapi.admin"}, {"password", kAdminPassword}}.dump(),
                        {});
    const auto cookie = login.Header("Set-Cookie");
    if (login.status != 200 || !cookie) throw std::runtime_error("login failed: " + login.raw);
    cookie_ = cookie->substr(0, cookie->find(';'));
    csrf_ = login.body.at("csrf_token").get<std::string>();

    Answer token = Call("POST", "/api/v1/tokens", R"({"name":"openapi test"})", Auth(As::kSession));
    if (token.status != 201) throw std::runtime_error("token failed: " + token.raw);
    bearer_ = token.body.at("token").get<std::string>();
  }

  Headers Auth(As as) const {
    switch (as) {
      case As::kAnonymous: return {};
      case As::kSessionWithoutCsrf: return {{"Cookie", cookie_}};
      case As::kSession: return {{"Cookie", cookie_}, {"X-CSRF-Token", csrf_}};
      case As::kBearer: return {{"Authorization", "Bearer " + bearer_}};
    }
    return {};
  }

  Id root_id() const { return root_id_; }
  Id admin_id() const { return admin_id_; }

  // Reads of the customers by `user`, written straight to the access log (as the batched
  // writer would), then one run of the access.watch job.
  void ReadAndWatch(Id user, const std::vector<Id>& customers) {
    std::vector<AccessEntry> reads;
    for (Id c : customers) {
      reads.push_back(AccessEntry{wiring().deps().clock.Now(), user, "customer", c, c,
                                  "openapi-test", "192.0.2.10"});
    }
    Status st = wiring().deps().db.Run(TxMode::kWrite, [&](Tx& tx) -> Status {
      tx.access_log().InsertBatch(reads);
      return Ok();
    });
    if (!st.ok()) throw std::runtime_error("cannot log reads: " + st.error().message);
    auto ran = wiring().access_alerts().Watch();
    if (!ran.ok()) throw std::runtime_error("access.watch failed: " + ran.error().message);
  }

 private:
  Id root_id_ = 0;
  Id admin_id_ = 0;
  std::string cookie_;
  std::string csrf_;
  std::string bearer_;
};

// The documented response of an operation for a status, resolved; nullptr when not listed.
const json* DocumentedResponse(const json& op, int status) {
  const std::string key = std::to_string(status);
  if (!op["responses"].contains(key)) return nullptr;
  return Resolve(op["responses"][key]);
}

// What every answer must satisfy: its status is listed, its body has the documented shape
// and media type, and the headers that carry protocol (ETag, Location, Set-Cookie,
// Retry-After, WWW-Authenticate) are sent exactly when documented.
void ExpectDocumented(const std::string& method, const std::string& pattern, const Answer& a,
                      const std::string& probe) {
  const std::string where = method + " " + pattern + " (" + probe + ")";
  const json* op = Operation(pattern, method);
  ASSERT_NE(op, nullptr) << where << " is not documented";
  const json* response = DocumentedResponse(*op, a.status);
  ASSERT_NE(response, nullptr) << where << " answered " << a.status
                               << ", which the operation does not list; body: " << a.raw;
  if (response->contains("content") && !a.raw.empty()) {
    const std::string media = a.content_type.substr(0, a.content_type.find(';'));
    const json* schema = nullptr;
    for (auto it = (*response)["content"].begin(); it != (*response)["content"].end(); ++it) {
      if (it.key().substr(0, it.key().find(';')) == media) schema = &(*it)["schema"];
    }
    ASSERT_NE(schema, nullptr) << where << ": " << a.content_type << " is not documented";
    if (media == "application/json") {
      ASSERT_FALSE(a.body.is_discarded()) << where << ": malformed JSON " << a.raw;
      ExpectMatches(a.body, *schema, where + " " + std::to_string(a.status) + " body");
    }
  } else {
    EXPECT_TRUE(a.raw.empty() || a.status >= 400)
        << where << ": a body was sent, but none is documented";
  }
  const json documented = response->value("headers", json::object());
  for (const char* name : {"ETag", "Location", "Set-Cookie", "Retry-After", "WWW-Authenticate"}) {
    EXPECT_EQ(documented.contains(name), a.Header(name).has_value())
        << where << " " << a.status << ": header " << name
        << (documented.contains(name) ? " is documented but not sent" : " is sent but not documented");
  }
}

const json& RequestSchema(const std::string& pattern, const std::string& method) {
  static const json kNone;
  const json* op = Operation(pattern, method);
  if (!op || !op->contains("requestBody")) return kNone;
  const json& content = (*op)["requestBody"]["content"];
  if (!content.contains("application/json")) return kNone;  // CSV imports
  return content["application/json"]["schema"];
}

// ---------------------------------------------------------------------------------------

TEST(OpenApi, DocumentIsOpenApi303) {
  ASSERT_FALSE(Doc().is_discarded()) << "http/openapi.json is not valid JSON";
  EXPECT_EQ(Doc().value("openapi", ""), "3.0.3");
  EXPECT_TRUE(Doc()["info"].contains("title"));
  EXPECT_TRUE(Doc()["info"].contains("version"));
  ASSERT_TRUE(Doc()["paths"].is_object());
  const json& schemes = Doc()["components"]["securitySchemes"];
  EXPECT_EQ(schemes["sessionCookie"].value("type", ""), "apiKey");
  EXPECT_EQ(schemes["sessionCookie"].value("in", ""), "cookie");
  EXPECT_EQ(schemes["sessionCookie"].value("name", ""), "kams_session");
  EXPECT_EQ(schemes["bearerToken"].value("type", ""), "http");
  EXPECT_EQ(schemes["bearerToken"].value("scheme", ""), "bearer");
  for (const json& requirement : Doc()["security"]) {
    for (auto it = requirement.begin(); it != requirement.end(); ++it) {
      EXPECT_TRUE(schemes.contains(it.key())) << it.key();
    }
  }
}

TEST(OpenApi, EverySchemaRefResolves) {
  std::set<std::string> used;
  ForEachRef(Doc(), "#", [&](const std::string& ref, const std::string& where) {
    used.insert(ref);
    const json probe = {{"$ref", ref}};
    EXPECT_NE(Resolve(probe), nullptr) << ref << " at " << where << " does not resolve";
  });
  for (const char* kind : {"schemas", "responses", "parameters", "headers"}) {
    for (auto it = Doc()["components"][kind].begin(); it != Doc()["components"][kind].end(); ++it) {
      const std::string ref = std::string("#/components/") + kind + "/" + it.key();
      EXPECT_TRUE(used.count(ref)) << ref << " is never used";
    }
  }
}

TEST(OpenApi, EveryRouteIsDocumented) {
  Stack stack;
  ASSERT_FALSE(stack.routes().empty());
  for (const Route& route : stack.routes()) {
    if (route.method == "HEAD") continue;
    EXPECT_NE(Operation(route.pattern, route.method), nullptr)
        << route.method << " " << route.pattern << " is routed but not documented";
  }
}

// The requests the server runs apart (Api::RunsLong) are named by route: each is one.
TEST(OpenApi, EveryLongRouteIsARoute) {
  Stack stack;
  for (const auto& [method, pattern] : Api::LongRoutes()) {
    EXPECT_TRUE(std::any_of(stack.routes().begin(), stack.routes().end(),
                            [&](const Route& r) { return r.method == method && r.pattern == pattern; }))
        << method << " " << pattern << " is named as a long request but is no route";
  }
}

TEST(OpenApi, EveryDocumentedOperationIsRouted) {
  Stack stack;
  std::set<std::pair<std::string, std::string>> routed;
  for (const Route& route : stack.routes()) routed.insert({Lower(route.method), route.pattern});
  int operations = 0;
  for (auto path = Doc()["paths"].begin(); path != Doc()["paths"].end(); ++path) {
    for (auto it = path->begin(); it != path->end(); ++it) {
      if (!kOperationKeys.count(it.key()) || it.key() == "head") continue;
      ++operations;
      EXPECT_TRUE(routed.count({it.key(), path.key()}))
          << Upper(it.key()) << " " << path.key() << " is documented but not routed";
    }
  }
  EXPECT_GT(operations, 0);
}

TEST(OpenApi, OperationsAreWellFormed) {
  std::set<std::string> tags, ids;
  for (const json& tag : Doc()["tags"]) tags.insert(tag.value("name", ""));
  static const std::regex kCamel("[a-z][A-Za-z0-9]*");
  static const std::regex kStatus("[1-5][0-9][0-9]");
  for (auto path = Doc()["paths"].begin(); path != Doc()["paths"].end(); ++path) {
    for (auto it = path->begin(); it != path->end(); ++it) {
      if (!kOperationKeys.count(it.key())) continue;
      const std::string where = Upper(it.key()) + " " + path.key();
      const json& op = *it;
      const std::string id = op.value("operationId", "");
      EXPECT_TRUE(std::regex_match(id, kCamel)) << where << ": operationId '" << id << "'";
      EXPECT_TRUE(ids.insert(id).second) << where << ": duplicate operationId " << id;
      ASSERT_TRUE(op.contains("tags") && !op["tags"].empty()) << where << " has no tag";
      for (const json& tag : op["tags"]) EXPECT_TRUE(tags.count(tag)) << where << ": tag " << tag;
      EXPECT_FALSE(op.value("summary", "").empty()) << where << " has no summary";
      ASSERT_TRUE(op.contains("responses") && !op["responses"].empty()) << where;
      for (auto r = op["responses"].begin(); r != op["responses"].end(); ++r) {
        EXPECT_TRUE(std::regex_match(r.key(), kStatus)) << where << ": response " << r.key();
        const json* response = Resolve(*r);
        ASSERT_NE(response, nullptr) << where << " " << r.key();
        EXPECT_FALSE(response->value("description", "").empty()) << where << " " << r.key();
      }
      // Path parameters: exactly the router's {names}, each required.
      std::set<std::string> declared;
      for (const json* p : Parameters(path.key(), op)) {
        if (p->value("in", "") != "path") continue;
        declared.insert(p->value("name", ""));
        EXPECT_TRUE(p->value("required", false)) << where << ": " << p->value("name", "");
      }
      const auto names = PathParams(path.key());
      EXPECT_EQ(declared, std::set<std::string>(names.begin(), names.end())) << where;
    }
  }
}

// The error responses an operation can produce follow from what it takes.
TEST(OpenApi, OperationsListTheirErrorResponses) {
  for (auto path = Doc()["paths"].begin(); path != Doc()["paths"].end(); ++path) {
    for (auto it = path->begin(); it != path->end(); ++it) {
      if (!kOperationKeys.count(it.key())) continue;
      const std::string where = Upper(it.key()) + " " + path.key();
      const json& op = *it;
      std::set<int> expected;
      if (!Public(op)) {
        expected.insert({401, 500});
        if (kStateChanging.count(it.key())) expected.insert(403);
      }
      if (op.contains("requestBody")) expected.insert({400, 413});
      for (const json* p : Parameters(path.key(), op)) {
        const std::string in = p->value("in", "");
        if (in == "path") expected.insert(404);
        if (in == "query") expected.insert(400);
        if (in == "header" && p->value("name", "") == "If-Match") expected.insert({400, 412});
      }
      for (int status : expected) {
        EXPECT_TRUE(Lists(op, status)) << where << " does not list " << status;
      }
    }
  }
}

// Anonymous requests: the routes behind sign-in answer 401 and say so (security and the
// 401 response); the public ones are documented as public.
TEST(OpenApi, SecurityMatchesTheRouter) {
  LiveApi live;
  for (const Route& route : live.routes()) {
    const json* op = Operation(route.pattern, route.method);
    if (!op) continue;  // reported by EveryRouteIsDocumented
    const std::string body = kStateChanging.count(Lower(route.method)) ? "{}" : "";
    Answer a = live.Call(route.method, Fill(route.pattern, "1"), body, live.Auth(As::kAnonymous));
    if (a.status == 401) {
      EXPECT_FALSE(Public(*op)) << route.method << " " << route.pattern
                                << " needs sign-in but is documented as public";
    } else {
      EXPECT_TRUE(Public(*op)) << route.method << " " << route.pattern << " answered "
                               << a.status << " without sign-in but is documented as secured";
    }
    ExpectDocumented(route.method, route.pattern, a, "anonymous");
  }
}

TEST(OpenApi, CsrfRefusalIsDocumented) {
  LiveApi live;
  for (const Route& route : live.routes()) {
    const json* op = Operation(route.pattern, route.method);
    if (!op || Public(*op) || !kStateChanging.count(Lower(route.method))) continue;
    Answer a = live.Call(route.method, Fill(route.pattern, "1"), "{}",
                         live.Auth(As::kSessionWithoutCsrf));
    EXPECT_EQ(a.status, 403) << route.method << " " << route.pattern;
    ExpectDocumented(route.method, route.pattern, a, "session without X-CSRF-Token");
  }
}

// Unknown ids, empty, malformed and unknown-field bodies, missing If-Match, unknown query
// parameters: whatever the routes answer must be listed and shaped as documented.
TEST(OpenApi, ProbedStatusesAreDocumented) {
  LiveApi live;
  struct Probe {
    const char* name;
    const char* id;
    const char* body;
    bool if_match;
    const char* query;
  };
  const Probe probes[] = {
      {"unknown id, empty object", "999999999", "{}", true, ""},
      {"unknown id, malformed JSON", "999999999", "{", true, ""},
      {"unknown id, JSON array", "999999999", "[]", true, ""},
      {"unknown field", "999999999", R"({"no_such_field":1})", true, ""},
      {"no If-Match", "999999999", "{}", false, ""},
      {"non-numeric id", "abc", "{}", true, ""},
      {"unknown query parameter", "999999999", "{}", true, "?no_such_parameter=1"},
      {"limit out of range", "999999999", "{}", true, "?limit=501"},
      {"bad cursor", "999999999", "{}", true, "?cursor=%21%21"},
  };
  for (const Probe& probe : probes) {
    for (const Route& route : live.routes()) {
      if (!Operation(route.pattern, route.method)) continue;
      const bool changes = kStateChanging.count(Lower(route.method)) > 0;
      Headers headers = live.Auth(As::kBearer);
      if (probe.if_match) headers.emplace_back("If-Match", "1");
      Answer a = live.Call(route.method, Fill(route.pattern, probe.id) + probe.query,
                           changes ? probe.body : "", headers);
      ExpectDocumented(route.method, route.pattern, a, probe.name);
    }
  }
}

// A body field the request schema does not name is refused as `unknown_field`, and the
// schema says so (additionalProperties: false).
TEST(OpenApi, UnknownBodyFieldsAreRefusedAsDocumented) {
  LiveApi live;
  int checked = 0;
  for (const Route& route : live.routes()) {
    if (route.method != "POST") continue;
    const json& schema_ref = RequestSchema(route.pattern, route.method);
    if (schema_ref.is_null()) continue;
    const json* schema = Resolve(schema_ref);
    ASSERT_NE(schema, nullptr) << route.pattern;
    EXPECT_EQ(schema->value("additionalProperties", json(true)), json(false)) << route.pattern;
    // Tokens are minted from a session only (a bearer call answers 403).
    const As as = route.pattern == "/api/v1/tokens" ? As::kSession : As::kBearer;
    Answer a = live.Call(route.method, Fill(route.pattern, "999999999"),
                         R"({"no_such_field":1})", live.Auth(as));
    EXPECT_EQ(a.status, 400) << route.pattern << ": " << a.raw;
    EXPECT_EQ(a.body["error"]["fields"].value("no_such_field", ""), "unknown_field")
        << route.pattern << ": " << a.raw;
    ExpectDocumented(route.method, route.pattern, a, "unknown field");
    ++checked;
  }
  EXPECT_GE(checked, 8);
}

// Fields the entity schemas mark readOnly are refused on creation as `read_only`; every
// other field can be written on creation.
TEST(OpenApi, ReadOnlyFieldsMatchTheCodecs) {
  LiveApi live;
  struct Case {
    const char* create;
    const char* entity;
  };
  for (const Case& c : {Case{"/api/v1/customers", "Customer"},
                        Case{"/api/v1/customers/{id}/contacts", "Contact"},
                        Case{"/api/v1/users", "User"}, Case{"/api/v1/org-units", "OrgUnit"}}) {
    const json& entity = Doc()["components"]["schemas"][c.entity];
    const json* create = Resolve(RequestSchema(c.create, "POST"));
    ASSERT_NE(create, nullptr) << c.create;
    for (auto it = entity["properties"].begin(); it != entity["properties"].end(); ++it) {
      if (!it->value("readOnly", false)) {
        EXPECT_TRUE((*create)["properties"].contains(it.key()))
            << c.entity << "." << it.key() << " is neither readOnly nor writable on creation";
        continue;
      }
      EXPECT_FALSE((*create)["properties"].contains(it.key())) << c.entity << "." << it.key();
      Answer a = live.Call("POST", Fill(c.create, "999999999"), json{{it.key(), 1}}.dump(),
                           live.Auth(As::kBearer));
      EXPECT_EQ(a.status, 400) << c.create << " " << it.key();
      EXPECT_EQ(a.body["error"]["fields"].value(it.key(), ""), "read_only")
          << c.entity << "." << it.key() << " is documented readOnly but accepted: " << a.raw;
    }
  }
}

TEST(OpenApi, RateLimitIsDocumented) {
  LiveApi live;
  const std::string body = json{{"username", "nobody"}, {"password", "wrong-password-1"}}.dump();
  Answer a;
  for (int attempt = 0; attempt < 10 && a.status != 429; ++attempt) {
    a = live.Call("POST", "/api/v1/auth/login", body, {}, "192.0.2.99");
    ExpectDocumented("POST", "/api/v1/auth/login", a, "failed login " + std::to_string(attempt));
  }
  EXPECT_EQ(a.status, 429);
}

// A walk through every operation's success path: the statuses, headers and JSON are the
// documented ones, and the bodies sent match the documented request schemas.
TEST(OpenApi, ServedJsonMatchesTheSchemas) {
  LiveApi live;
  auto call = [&](const std::string& method, const std::string& pattern,
                  const std::vector<std::string>& ids, const json& body, int expected_status,
                  As as = As::kBearer, std::optional<std::int64_t> if_match = std::nullopt,
                  const std::string& query = "") {
    std::string target = pattern;
    for (const std::string& id : ids) {
      const auto open = target.find('{');
      target.replace(open, target.find('}', open) - open + 1, id);
    }
    Headers headers = live.Auth(as);
    if (if_match) headers.emplace_back("If-Match", std::to_string(*if_match));
    if (!body.is_null()) {
      const json& schema = RequestSchema(pattern, method);
      EXPECT_FALSE(schema.is_null()) << method << " " << pattern << " documents no request body";
      if (!schema.is_null()) ExpectMatches(body, schema, "request to " + method + " " + pattern);
    }
    Answer a = live.Call(method, target + query, body.is_null() ? "" : body.dump(), headers);
    EXPECT_EQ(a.status, expected_status) << method << " " << target << ": " << a.raw;
    ExpectDocumented(method, pattern, a, "success path");
    return a;
  };
  auto id_of = [](const Answer& a) { return std::to_string(a.body.value("id", 0)); };

  call("GET", "/healthz", {}, nullptr, 200, As::kAnonymous);
  call("GET", "/metrics", {}, nullptr, 200, As::kAnonymous);
  Answer doc = call("GET", "/api/v1/openapi.json", {}, nullptr, 200, As::kAnonymous);
  EXPECT_EQ(doc.raw, std::string(OpenApiDocument()));
  call("GET", "/api/v1/auth/me", {}, nullptr, 200, As::kSession);
  call("GET", "/api/v1/auth/me", {}, nullptr, 200, As::kBearer);

  // Org units.
  const std::string root = std::to_string(live.root_id());
  Answer region = call("POST", "/api/v1/org-units", {},
                       {{"name", "华东区"}, {"kind", "region"}, {"parent_id", live.root_id()}}, 201);
  const std::string region_id = id_of(region);
  call("GET", "/api/v1/org-units", {}, nullptr, 200);
  call("GET", "/api/v1/org-units/{id}", {root}, nullptr, 200);
  call("PATCH", "/api/v1/org-units/{id}", {region_id}, {{"name", "华东大区"}}, 200, As::kBearer, 1);
  Answer spare = call("POST", "/api/v1/org-units", {},
                      {{"name", "临时部门"}, {"kind", "department"}, {"parent_id", live.root_id()}},
                      201);
  call("DELETE", "/api/v1/org-units/{id}", {id_of(spare)}, nullptr, 204, As::kBearer, 1);

  // Users.
  Answer kam = call("POST", "/api/v1/users", {},
                    {{"username", "kam.openapi"}, {"password", "openapi-Kam-1"},
                     {"display_name", "王经理"}, {"role", "kam"},
                     {"org_unit_id", std::stoll(region_id)}, {"email", "wang@example.cn"},
                     {"phone", "13812345678"}, {"locale", "zh-CN"}},
                    201);
  Answer assistant = call("POST", "/api/v1/users", {},
                          {{"username", "asst.openapi"}, {"password", "openapi-Asst-1"},
                           {"display_name", "李助理"}, {"role", "assistant"},
                           {"org_unit_id", std::stoll(region_id)}},
                          201);
  call("GET", "/api/v1/users", {}, nullptr, 200, As::kBearer, std::nullopt,
       "?role=kam&active=true&limit=10");
  call("GET", "/api/v1/users/{id}", {id_of(kam)}, nullptr, 200);
  call("PATCH", "/api/v1/users/{id}", {id_of(assistant)},
       {{"phone", "0512-68881234"}, {"locale", nullptr}}, 200, As::kBearer, 1);
  call("POST", "/api/v1/users/{id}/reset-password", {id_of(kam)},
       {{"password", "openapi-Kam-2"}}, 204);

  // Customers: one with every dossier field set, one with as few as possible.
  const json full = {
      {"external_ref", "ERP-0001"}, {"name", "苏州供电公司"}, {"stage", "active"},
      {"credit_code", "91320500134773830J"}, {"industry", "电力"}, {"region", "华东"},
      {"address", "江苏省苏州市姑苏区"}, {"phone", "0512-68881234"},
      {"website", "www.example.cn"}, {"org_unit_id", std::stoll(region_id)},
      {"owner_id", kam.body.value("id", 0)}, {"ownership", "state_owned"}, {"scale", "large"},
      {"employees", 5200}, {"founded_on", "1958-06-01"}, {"characteristics", "国有大型供电企业"},
      {"annual_revenue_fen", 1234567890123}, {"main_business", "供电"},
      {"competitors", "无"}, {"potential", "high"}, {"business_notes", "年度框架协议"},
      {"relationship_stage", "preferred_supplier"}, {"loyalty", "regular"},
      {"first_deal_on", "2015-03-02"}, {"credit_rating", "AAA"}, {"payment_terms_days", 30},
      {"trading_notes", "按月结算"}};
  Answer customer = call("POST", "/api/v1/customers", {}, full, 201);
  const std::string customer_id = id_of(customer);
  Answer sparse = call("POST", "/api/v1/customers", {}, {{"name", "无锡机械厂"}}, 201);
  call("GET", "/api/v1/customers", {}, nullptr, 200, As::kBearer, std::nullopt,
       "?q=%E4%BE%9B%E7%94%B5&sort=-name&limit=1&stage=active&is_key_account=false");
  call("GET", "/api/v1/customers/{id}", {customer_id}, nullptr, 200);
  call("GET", "/api/v1/customers/{id}", {id_of(sparse)}, nullptr, 200);
  call("PATCH", "/api/v1/customers/{id}", {customer_id},
       {{"potential", "medium"}, {"ownership", nullptr}, {"trading_notes", nullptr}}, 200,
       As::kBearer, 1);

  // Account team.
  call("POST", "/api/v1/customers/{id}/team", {customer_id},
       {{"user_id", assistant.body.value("id", 0)}, {"team_role", "assistant"}}, 201);
  call("GET", "/api/v1/customers/{id}/team", {customer_id}, nullptr, 200);
  call("GET", "/api/v1/customers/{id}/relationship-history", {customer_id}, nullptr, 200);
  call("DELETE", "/api/v1/customers/{id}/team/{user_id}", {customer_id, id_of(assistant)},
       nullptr, 204);

  // Contacts, with an org chart.
  Answer boss = call("POST", "/api/v1/customers/{id}/contacts", {customer_id},
                     {{"name", "李总"}, {"title", "总经理"}, {"department", "总经办"},
                      {"phone", "13912345678"}, {"email", "li@example.cn"},
                      {"buying_role", "decision_maker"}, {"interests", "围棋"},
                      {"birthday", "1970-05-20"}, {"notes", "每季度拜访"}},
                     201);
  Answer engineer = call("POST", "/api/v1/customers/{id}/contacts", {customer_id},
                         {{"name", "张工"}, {"reports_to_id", boss.body.value("id", 0)}}, 201);
  call("GET", "/api/v1/customers/{id}/contacts", {customer_id}, nullptr, 200, As::kBearer,
       std::nullopt, "?limit=1");
  call("GET", "/api/v1/customers/{id}/contacts/{contact_id}", {customer_id, id_of(boss)},
       nullptr, 200);
  call("PATCH", "/api/v1/customers/{id}/contacts/{contact_id}", {customer_id, id_of(engineer)},
       {{"buying_role", "user"}, {"birthday", nullptr}}, 200, As::kBearer, 1);
  call("DELETE", "/api/v1/customers/{id}/contacts/{contact_id}", {customer_id, id_of(engineer)},
       nullptr, 204, As::kBearer, 2);
  call("DELETE", "/api/v1/customers/{id}", {id_of(sparse)}, nullptr, 204, As::kBearer, 1);

  // Tokens.
  Answer token = call("POST", "/api/v1/tokens", {},
                      {{"name", "ERP 同步"}, {"expires_at", "2099-01-01T00:00:00Z"}}, 201,
                      As::kSession);
  call("POST", "/api/v1/tokens", {}, {{"name", "minted by a token"}}, 403);
  call("GET", "/api/v1/tokens", {}, nullptr, 200);
  call("DELETE", "/api/v1/tokens/{id}", {id_of(token)}, nullptr, 204);

  // Tier schemes: stored, edited, previewed (stored and draft), applied, read per customer.
  const json scheme = {{"name", "ABC by revenue"}, {"kind", "abc"}, {"metric", "revenue"},
                       {"window_months", 12}, {"cuts_percent", {80, 95}},
                       {"tiers", {"A", "B", "C"}}};
  Answer tiering = call("POST", "/api/v1/tier-schemes", {}, scheme, 201);
  const std::string scheme_id = id_of(tiering);
  call("GET", "/api/v1/tier-schemes", {}, nullptr, 200);
  call("GET", "/api/v1/tier-schemes/{id}", {scheme_id}, nullptr, 200);
  call("PATCH", "/api/v1/tier-schemes/{id}", {scheme_id}, {{"active", true}, {"primary", true}},
       200, As::kBearer, 1);
  call("GET", "/api/v1/tier-schemes/{id}/versions", {scheme_id}, nullptr, 200);
  call("POST", "/api/v1/tier-schemes/preview", {}, {{"definition", scheme}}, 200);
  call("POST", "/api/v1/tier-schemes/{id}/preview", {scheme_id},
       {{"as_of", "2026-10-31"}, {"movers_limit", 10}}, 200);
  call("POST", "/api/v1/tier-schemes/{id}/apply", {scheme_id}, {{"as_of", "2026-10-31"}}, 200);
  call("GET", "/api/v1/customers/{id}/tiers", {customer_id}, nullptr, 200);
  call("GET", "/api/v1/analytics/concentration", {}, nullptr, 200, As::kBearer, std::nullopt,
       "?metric=revenue&window_months=12&as_of=2026-10-31");
  call("GET", "/api/v1/customers/{id}/tier-history", {customer_id}, nullptr, 200);
  call("DELETE", "/api/v1/tier-schemes/{id}", {scheme_id}, nullptr, 204, As::kBearer, 2);

  // Nominations: the bearer (an administrator) nominates and withdraws one, a second is
  // rejected, resubmitted and approved (administrators decide where no decider is found).
  call("GET", "/api/v1/approval-chain", {}, nullptr, 200);
  call("PUT", "/api/v1/approval-chain", {}, {{"roles", {"director", "specialist"}}}, 200);
  Answer nomination = call("POST", "/api/v1/nominations", {},
                           {{"customer_id", std::stoll(customer_id)}, {"reason", "潜力大"}}, 201);
  const std::string nomination_id = id_of(nomination);
  call("GET", "/api/v1/nominations", {}, nullptr, 200, As::kBearer, std::nullopt, "?box=mine");
  call("GET", "/api/v1/nominations/{id}", {nomination_id}, nullptr, 200);
  call("POST", "/api/v1/nominations/{id}/approve", {nomination_id}, {{"comment", "自己"}}, 403);
  call("POST", "/api/v1/nominations/{id}/reject", {nomination_id}, {{"comment", "自己"}}, 403);
  call("POST", "/api/v1/nominations/{id}/withdraw", {nomination_id}, {{"comment", "撤回"}}, 200);
  call("POST", "/api/v1/nominations/{id}/resubmit", {nomination_id}, {{"reason", "再议"}}, 409);
  call("GET", "/api/v1/notifications", {}, nullptr, 200, As::kBearer, std::nullopt, "?unread=true");
  call("POST", "/api/v1/notifications/read-all", {}, json::object(), 200);
  call("POST", "/api/v1/notifications/{id}/read", {"999999999"}, json::object(), 404);

  // A user's default team, applied to a customer they own.
  const std::string kam_id = id_of(kam);
  call("GET", "/api/v1/users/{id}/default-team", {kam_id}, nullptr, 200);
  call("PUT", "/api/v1/users/{id}/default-team", {kam_id},
       {{"members", {{{"user_id", assistant.body.value("id", 0)}, {"team_role", "assistant"}}}}},
       200, As::kBearer, 1);
  call("POST", "/api/v1/customers/{id}/team/apply-default", {customer_id}, json::object(), 200);

  // Bulk-access alerts: thresholds, one raised by the watch job, read and acknowledged.
  Answer settings = call("GET", "/api/v1/access-alert-settings", {}, nullptr, 200);
  json thresholds = settings.body.value("thresholds", json::object());
  thresholds["kam"] = 1;
  call("PUT", "/api/v1/access-alert-settings", {},
       {{"window_minutes", 15}, {"thresholds", thresholds}}, 200, As::kBearer, 1);
  live.ReadAndWatch(kam.body.value("id", 0), {std::stoll(customer_id), std::stoll(id_of(sparse))});
  Answer alerts = call("GET", "/api/v1/access-alerts", {}, nullptr, 200, As::kBearer,
                       std::nullopt, "?status=open");
  EXPECT_EQ(alerts.body["items"].size(), 1u) << alerts.raw;
  const std::string alert_id =
      alerts.body["items"].empty() ? "1" : std::to_string(alerts.body["items"][0].value("id", 0));
  call("GET", "/api/v1/access-alerts/{id}", {alert_id}, nullptr, 200);
  call("POST", "/api/v1/access-alerts/{id}/acknowledge", {alert_id}, {{"comment", "已核实"}}, 200);
  call("POST", "/api/v1/access-alerts/{id}/acknowledge", {alert_id}, {{"comment", "再次"}}, 409);

  // Handovers: the KAM who owns the customer leaves; a successor takes over.
  Answer successor = call("POST", "/api/v1/users", {},
                          {{"username", "kam2.openapi"}, {"password", "openapi-Kam-3"},
                           {"display_name", "赵经理"}, {"role", "kam"},
                           {"org_unit_id", std::stoll(region_id)}},
                          201);
  const json order = {{"to_user_ids", {successor.body.value("id", 0)}}};
  call("POST", "/api/v1/users/{id}/handover/preview", {id_of(kam)}, order, 200);
  Answer handover = call("POST", "/api/v1/users/{id}/handover", {id_of(kam)}, order, 201);
  call("POST", "/api/v1/users/{id}/handover", {id_of(kam)}, order, 409);
  call("GET", "/api/v1/handovers", {}, nullptr, 200, As::kBearer, std::nullopt,
       "?user_id=" + id_of(kam));
  call("GET", "/api/v1/handovers/{id}", {id_of(handover)}, nullptr, 200);
  call("GET", "/api/v1/handovers/decay", {}, nullptr, 200, As::kBearer, std::nullopt, "?limit=10");
  call("GET", "/api/v1/customers/{id}/owner-history", {customer_id}, nullptr, 200);

  // Audit, after all of the above.
  call("GET", "/api/v1/audit", {}, nullptr, 200, As::kBearer, std::nullopt,
       "?limit=100&from=2000-01-01");
  call("GET", "/api/v1/audit", {}, nullptr, 200, As::kBearer, std::nullopt,
       "?entity=customer&customer_id=" + customer_id);

  // Own password, then sign out.
  call("POST", "/api/v1/auth/password", {},
       {{"current_password", kAdminPassword}, {"new_password", "openapi-Admin-2"}}, 204,
       As::kSession);
  call("POST", "/api/v1/auth/logout", {}, nullptr, 204, As::kSession);
}

// The dossier sections (GLOSSARY.md) are on every customer field a client writes.
TEST(OpenApi, CustomerFieldsNameTheirDossierSection) {
  const std::set<std::string> sections = {"basic", "profile", "business", "trading"};
  const std::set<std::string> bookkeeping = {"id", "version", "created_at", "updated_at",
                                             "created_by"};
  for (const char* name : {"Customer", "CustomerCreate", "CustomerPatch"}) {
    const json& schema = Doc()["components"]["schemas"][name];
    ASSERT_TRUE(schema.contains("properties")) << name;
    for (auto it = schema["properties"].begin(); it != schema["properties"].end(); ++it) {
      if (bookkeeping.count(it.key())) continue;
      EXPECT_TRUE(sections.count(it->value("x-section", "")))
          << name << "." << it.key() << " has no dossier section";
    }
  }
}

}  // namespace
}  // namespace kams::http
