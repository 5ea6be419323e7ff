// Signing in and out, sessions, CSRF, bearer tokens, and how disabling a user or changing
// a password ends sessions.
//
// Every deliberately failed sign-in goes out from its own loopback address
// (FreshSourceAddr), so the per-address throttle (5 failures lock an address) never
// locks 127.0.0.1, which every other test signs in from.
#include <gtest/gtest.h>

#include "api_util.h"

namespace kams::test {
namespace {

HttpResponse TryLogin(const std::string& username, const std::string& password,
                      const std::string& source_addr) {
  return SendHttpFrom(source_addr, KamsServer::Get().port(), "POST", "/api/v1/auth/login",
                      {{"Content-Type", "application/json"}},
                      json{{"username", username}, {"password", password}}.dump());
}

std::string UserPath(Id id) { return "/api/v1/users/" + std::to_string(id); }

// A user of our own (so its sessions may be ended) signed in once.
struct OwnUser {
  json user;
  std::string username;
  Client session;
};

OwnUser MakeOwnUser(const std::string& role = "kam") {
  OwnUser u;
  u.username = Unique("auth");
  u.user = CreateUser(u.username, role, UnitIdByName("苏州分公司"));
  u.session = Client::Login(u.username, kTestPassword);
  return u;
}

TEST(Auth, LoginSetsHttpOnlyStrictSessionCookieAndReturnsCsrfToken) {
  auto r = SendHttp(KamsServer::Get().port(), "POST", "/api/v1/auth/login",
                    {{"Content-Type", "application/json"}},
                    json{{"username", "specialist"}, {"password", "kams-demo"}}.dump());
  ASSERT_EQ(r.status, 200) << r.body;
  const std::string cookie = r.Header("set-cookie");
  EXPECT_EQ(cookie.rfind("kams_session=", 0), 0u) << cookie;
  EXPECT_TRUE(Contains(cookie, "; HttpOnly")) << cookie;
  EXPECT_TRUE(Contains(cookie, "; SameSite=Strict")) << cookie;
  EXPECT_TRUE(Contains(cookie, "; Path=/")) << cookie;
  const std::string token = cookie.substr(13, cookie.find(';') - 13);
  EXPECT_GE(token.size(), 32u);
  const json body = r.Json();
  EXPECT_EQ(body["user"]["username"], "specialist");
  EXPECT_EQ(body["user"]["role"], "specialist");
  EXPECT_GE(body["csrf_token"].get<std::string>().size(), 32u);
  EXPECT_NE(body["csrf_token"].get<std::string>(), token) << "the CSRF token must not be the session token";
  EXPECT_FALSE(Contains(r.body, "password"));
  EXPECT_FALSE(Contains(r.body, token)) << "the session token belongs in the cookie only";

  Client c;
  c.cookie = cookie.substr(0, cookie.find(';'));
  c.csrf = body["csrf_token"];
  auto me = c.Get("/api/v1/auth/me");
  ASSERT_EQ(me.status, 200);
  EXPECT_EQ(me.Json()["user"]["id"], body["user"]["id"]);
  EXPECT_EQ(me.Json()["csrf_token"], body["csrf_token"]);
  EXPECT_EQ(c.Post("/api/v1/auth/logout", json::object()).status, 204);
}

TEST(Auth, UsernameIsCaseAndBlankInsensitive) {
  auto c = Client::Login("  KAM.SZ ");
  EXPECT_EQ(c.user["id"], UserId("kam.sz"));
}

TEST(Auth, WrongPasswordAndUnknownUserAnswerTheSame401) {
  const std::string name = Unique("pw");
  CreateUser(name, "sales", UnitIdByName("苏州分公司"));
  const Id before = LatestAuditId();
  auto wrong = TryLogin(name, "not-the-password-1", FreshSourceAddr());
  auto unknown = TryLogin(Unique("nosuchuser"), "not-the-password-1", FreshSourceAddr());
  for (const auto* r : {&wrong, &unknown}) {
    EXPECT_EQ(r->status, 401) << r->body;
    EXPECT_EQ(r->ErrorCode(), "unauthenticated");
    EXPECT_TRUE(r->Header("set-cookie").empty());
  }
  EXPECT_EQ(wrong.Json()["error"]["message"], unknown.Json()["error"]["message"]);
  auto failed = AuditSince(before, "action=auth.login_failed");
  EXPECT_EQ(failed.size(), 2u);
  EXPECT_NO_THROW(Client::Login(name, kTestPassword)) << "a failure does not lock the account";
}

TEST(Auth, MalformedLoginRequestsAre400AndNotCountedAsFailures) {
  const Id before = LatestAuditId();
  struct Case {
    std::string body;
    std::string field;
  };
  for (const auto& tc : std::vector<Case>{{"{}", "username"},
                                          {R"({"username":"kam.sz"})", "password"},
                                          {R"({"username":1,"password":"x"})", "username"},
                                          {R"({"username":"kam.sz","password":["x"]})", "password"},
                                          {R"({"username":"kam.sz","password":"x","remember":true})", "remember"}}) {
    auto r = SendHttp(KamsServer::Get().port(), "POST", "/api/v1/auth/login",
                      {{"Content-Type", "application/json"}}, tc.body);
    EXPECT_EQ(r.status, 400) << tc.body;
    EXPECT_EQ(r.ErrorCode(), "validation_failed") << tc.body;
    EXPECT_TRUE(r.Json()["error"]["fields"].contains(tc.field)) << r.body;
  }
  auto malformed = SendHttp(KamsServer::Get().port(), "POST", "/api/v1/auth/login",
                            {{"Content-Type", "application/json"}}, "{\"username\":");
  EXPECT_EQ(malformed.status, 400);
  EXPECT_EQ(malformed.ErrorCode(), "bad_request");
  EXPECT_TRUE(AuditSince(before, "action=auth.login_failed").empty());
}

TEST(Auth, RequestsWithoutValidCredentialsAnswer401) {
  const int port = KamsServer::Get().port();
  const std::vector<std::vector<std::pair<std::string, std::string>>> credentials = {
      {},
      {{"Cookie", "kams_session=bogus"}},
      {{"Cookie", "other=1; kams_session="}},
      {{"Cookie", "session=" + As("kam.sz").cookie.substr(13)}},
      {{"Authorization", "Bearer bogus"}},
      {{"Authorization", "Bearer " + As("kam.sz").cookie.substr(13)}},  // a session token is no API token
      {{"Authorization", "Basic a2FtLnN6OmthbXMtZGVtbw=="}},
      {{"Authorization", "Token abc"}},
  };
  for (std::size_t i = 0; i < credentials.size(); ++i) {
    for (const auto& [method, target] : std::vector<std::pair<std::string, std::string>>{
             {"GET", "/api/v1/customers"}, {"GET", "/api/v1/auth/me"}, {"POST", "/api/v1/customers"},
             {"GET", "/api/v1/audit"}, {"POST", "/api/v1/auth/logout"}}) {
      auto headers = credentials[i];
      headers.emplace_back("Content-Type", "application/json");
      auto r = SendHttp(port, method, target, headers, method == "POST" ? R"({"name":"x"})" : "");
      EXPECT_EQ(r.status, 401) << "credentials #" << i << " " << method << " " << target;
      EXPECT_EQ(r.ErrorCode(), "unauthenticated");
      EXPECT_FALSE(r.Header("www-authenticate").empty());
    }
  }
}

TEST(Auth, WritesWithoutTheCsrfTokenAreRefusedAndChangeNothing) {
  auto own = CreateCustomer(As("kam.sz"), {{"name", Unique("CSRF 测试")}});
  const std::string path = CustomerPath(own["id"].get<Id>());
  Client no_csrf = As("kam.sz");
  no_csrf.send_csrf = false;
  Client wrong_csrf = As("kam.sz");
  wrong_csrf.csrf = std::string(64, 'a');
  Client others_csrf = As("kam.sz");
  others_csrf.csrf = As("kam.sh").csrf;  // a valid token, of another session
  const Id newest = LatestCustomerId();
  for (const Client* c : {&no_csrf, &wrong_csrf, &others_csrf}) {
    auto create = c->Post("/api/v1/customers", {{"name", Unique("不该创建")}});
    EXPECT_EQ(create.status, 403) << create.body;
    EXPECT_EQ(create.ErrorCode(), "forbidden");
    EXPECT_EQ(c->Patch(path, {{"phone", "13800000000"}}, 1).status, 403);
    EXPECT_EQ(c->Post(path + "/contacts", {{"name", "不该创建"}}).status, 403);
    EXPECT_EQ(c->Post("/api/v1/tokens", {{"name", "stolen"}}).status, 403);
    EXPECT_EQ(c->Post("/api/v1/auth/logout", json::object()).status, 403);
    EXPECT_EQ(c->Get(path).status, 200) << "reads need no CSRF token";
  }
  Client admin_no_csrf = As("admin");
  admin_no_csrf.send_csrf = false;
  EXPECT_EQ(admin_no_csrf.Delete(path, 1).status, 403);

  EXPECT_EQ(LatestCustomerId(), newest);
  auto after = GetJson(As("kam.sz"), path);
  EXPECT_EQ(after["version"], 1);
  EXPECT_EQ(after["phone"], "");
  EXPECT_TRUE(GetJson(As("kam.sz"), path + "/contacts")["items"].empty());
  EXPECT_EQ(As("kam.sz").Get("/api/v1/auth/me").status, 200) << "the refused logout did not log out";
}

TEST(Auth, LogoutEndsOnlyThatSession) {
  Client extra = Client::Login("kam.sh");
  ASSERT_EQ(extra.Get("/api/v1/auth/me").status, 200);
  const Id before = LatestAuditId();
  auto out = extra.Post("/api/v1/auth/logout", json::object());
  ASSERT_EQ(out.status, 204) << out.body;
  EXPECT_TRUE(Contains(out.Header("set-cookie"), "Max-Age=0")) << out.Header("set-cookie");
  EXPECT_EQ(extra.Get("/api/v1/auth/me").status, 401);
  EXPECT_EQ(extra.Get("/api/v1/customers").status, 401);
  EXPECT_EQ(extra.Post("/api/v1/auth/logout", json::object()).status, 401);
  EXPECT_EQ(As("kam.sh").Get("/api/v1/auth/me").status, 200) << "other sessions of the user live on";
  auto rows = AuditSince(before, "action=auth.logout");
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0]["actor_id"], UserId("kam.sh"));
}

TEST(Auth, MeReturnsTheUserAndTheLoginCsrfToken) {
  for (const char* user : {"kam.sz", "dir.east", "admin"}) {
    auto me = GetJson(As(user), "/api/v1/auth/me");
    EXPECT_EQ(me["user"]["id"], UserId(user));
    EXPECT_EQ(me["user"]["username"], user);
    EXPECT_EQ(me["csrf_token"], As(user).csrf);
    EXPECT_FALSE(Contains(me.dump(), "password"));
  }
}

TEST(Auth, BearerTokensAreShownOnceWorkWithoutCsrfAndCanBeRevoked) {
  auto owner = MakeOwnUser("kam");
  const Client& s = owner.session;
  const Id before = LatestAuditId();
  auto created = s.Post("/api/v1/tokens", {{"name", "ERP 同步"}});
  ASSERT_EQ(created.status, 201) << created.body;
  const json t = created.Json();
  const std::string secret = t["token"];
  EXPECT_EQ(secret.rfind("kams_", 0), 0u);
  EXPECT_GE(secret.size(), 30u);
  EXPECT_EQ(t["name"], "ERP 同步");
  EXPECT_EQ(created.Header("location"), "/api/v1/tokens/" + std::to_string(t["id"].get<Id>()));

  Client bearer = Client::Bearer(secret);
  auto me = bearer.Get("/api/v1/auth/me");
  ASSERT_EQ(me.status, 200);
  EXPECT_EQ(me.Json()["user"]["id"], owner.user["id"]);
  EXPECT_FALSE(me.Json().contains("csrf_token"));
  auto made = bearer.Post("/api/v1/customers", {{"name", Unique("令牌创建")}});  // no CSRF header
  ASSERT_EQ(made.status, 201) << made.body;
  EXPECT_EQ(made.Json()["owner_id"], owner.user["id"]);
  EXPECT_EQ(IdSet(ListAll(bearer, "/api/v1/customers", "")), IdSet(ListAll(s, "/api/v1/customers", "")))
      << "a token has its user's scope";

  auto list = s.Get("/api/v1/tokens");
  ASSERT_EQ(list.status, 200);
  EXPECT_FALSE(Contains(list.body, secret)) << "the secret is shown once only";
  EXPECT_FALSE(Contains(list.body, "token_hash"));
  ASSERT_EQ(list.Json()["items"].size(), 1u);
  const json listed = list.Json()["items"][0];
  EXPECT_EQ(listed["id"], t["id"]);
  EXPECT_FALSE(listed.contains("token"));
  EXPECT_FALSE(listed["last_used_at"].is_null());
  EXPECT_TRUE(listed["revoked_at"].is_null());

  // Another user neither sees nor revokes it.
  EXPECT_EQ(GetJson(As("kam.sh"), "/api/v1/tokens")["items"].size(), 0u);
  EXPECT_EQ(As("kam.sh").Delete("/api/v1/tokens/" + std::to_string(t["id"].get<Id>()), std::nullopt).status, 404);
  EXPECT_EQ(bearer.Get("/api/v1/auth/me").status, 200);

  auto revoked = s.Delete("/api/v1/tokens/" + std::to_string(t["id"].get<Id>()), std::nullopt);
  ASSERT_EQ(revoked.status, 204) << revoked.body;
  EXPECT_EQ(bearer.Get("/api/v1/auth/me").status, 401);
  EXPECT_EQ(bearer.Get("/api/v1/customers").status, 401);
  EXPECT_EQ(s.Delete("/api/v1/tokens/" + std::to_string(t["id"].get<Id>()), std::nullopt).status, 404);
  EXPECT_FALSE(GetJson(s, "/api/v1/tokens")["items"][0]["revoked_at"].is_null());

  std::set<std::string> actions;
  for (const auto& row : AuditSince(before, "actor_id=" + owner.user["id"].dump())) {
    actions.insert(row["action"].get<std::string>());
  }
  EXPECT_TRUE(actions.count("token.create"));
  EXPECT_TRUE(actions.count("token.revoke"));
  EXPECT_TRUE(actions.count("customer.create"));
}

TEST(Auth, TokenRequestsAreValidated) {
  const auto& s = As("kam.sz");
  struct Case {
    json body;
    std::string field, problem;
  };
  for (const auto& tc : std::vector<Case>{
           {json::object(), "name", "required"},
           {{{"name", "  "}}, "name", "required"},
           {{{"name", 5}}, "name", "must_be_string"},
           {{{"name", "t"}, {"expires_at", "2000-01-01T00:00:00Z"}}, "expires_at", "in_the_past"},
           {{{"name", "t"}, {"expires_at", "tomorrow"}}, "expires_at", "invalid_timestamp"},
           {{{"name", "t"}, {"scope", "all"}}, "scope", "unknown_field"}}) {
    auto r = s.Post("/api/v1/tokens", tc.body);
    EXPECT_EQ(r.status, 400) << tc.body.dump();
    EXPECT_EQ(r.Json()["error"]["fields"].value(tc.field, ""), tc.problem) << r.body;
  }
  auto future = s.Post("/api/v1/tokens", {{"name", Unique("expiring")}, {"expires_at", "2099-01-01T00:00:00Z"}});
  ASSERT_EQ(future.status, 201) << future.body;
  EXPECT_EQ(future.Json()["expires_at"], "2099-01-01T00:00:00Z");
  EXPECT_EQ(Client::Bearer(future.Json()["token"]).Get("/api/v1/auth/me").status, 200);
  EXPECT_EQ(s.Delete("/api/v1/tokens/" + future.Json()["id"].dump(), std::nullopt).status, 204);
}

TEST(Auth, DisablingAUserEndsTheirSessionsAndTokensAtOnce) {
  auto u = MakeOwnUser("kam");
  auto token = u.session.Post("/api/v1/tokens", {{"name", "before disable"}});
  ASSERT_EQ(token.status, 201);
  Client bearer = Client::Bearer(token.Json()["token"]);
  ASSERT_EQ(u.session.Get("/api/v1/customers").status, 200);
  ASSERT_EQ(bearer.Get("/api/v1/customers").status, 200);

  const Id id = u.user["id"].get<Id>();
  auto disabled = As("admin").Patch(UserPath(id), {{"active", false}}, u.user["version"].get<Id>());
  ASSERT_EQ(disabled.status, 200) << disabled.body;
  EXPECT_EQ(disabled.Json()["active"], false);

  EXPECT_EQ(u.session.Get("/api/v1/customers").status, 401);
  EXPECT_EQ(u.session.Get("/api/v1/auth/me").status, 401);
  EXPECT_EQ(bearer.Get("/api/v1/customers").status, 401);
  auto again = TryLogin(u.username, kTestPassword, FreshSourceAddr());
  EXPECT_EQ(again.status, 401);
  EXPECT_EQ(again.Json()["error"]["message"],
            TryLogin(Unique("ghost"), kTestPassword, FreshSourceAddr()).Json()["error"]["message"])
      << "a disabled account looks like a wrong password";

  auto rows = AuditRows("entity=user&entity_id=" + std::to_string(id) + "&action=user.disable");
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0]["actor_id"], UserId("admin"));
  EXPECT_EQ(Changes(rows[0])["active"], std::make_pair(json("true"), json("false")));

  // Enabling again allows a new sign-in; the old session stays ended.
  auto enabled = As("admin").Patch(UserPath(id), {{"active", true}}, disabled.Json()["version"].get<Id>());
  ASSERT_EQ(enabled.status, 200) << enabled.body;
  EXPECT_EQ(u.session.Get("/api/v1/auth/me").status, 401);
  EXPECT_NO_THROW(Client::Login(u.username, kTestPassword));
}

TEST(Auth, AdminPasswordResetEndsSessions) {
  auto u = MakeOwnUser("sales");
  const Id id = u.user["id"].get<Id>();
  const std::string path = UserPath(id) + "/reset-password";
  auto weak = As("admin").Post(path, {{"password", "short"}});
  EXPECT_EQ(weak.status, 400);
  EXPECT_EQ(weak.Json()["error"]["fields"]["password"], "too_weak");
  EXPECT_EQ(As("admin").Post(path, {{"password", "Fresh-pass-9"}, {"extra", 1}}).status, 400);
  EXPECT_EQ(As("admin").Post("/api/v1/users/987654/reset-password", {{"password", "Fresh-pass-9"}}).status, 404);
  ASSERT_EQ(u.session.Get("/api/v1/auth/me").status, 200) << "refused resets change nothing";

  auto reset = As("admin").Post(path, {{"password", "Fresh-pass-9"}});
  ASSERT_EQ(reset.status, 204) << reset.body;
  EXPECT_EQ(u.session.Get("/api/v1/auth/me").status, 401);
  EXPECT_EQ(TryLogin(u.username, kTestPassword, FreshSourceAddr()).status, 401);
  EXPECT_NO_THROW(Client::Login(u.username, "Fresh-pass-9"));
  EXPECT_EQ(AuditRows("entity=user&entity_id=" + std::to_string(id) + "&action=user.password_reset").size(), 1u);
}

TEST(Auth, ChangingOwnPasswordKeepsThisSessionAndEndsTheOthers) {
  auto u = MakeOwnUser("assistant");
  Client other = Client::Login(u.username, kTestPassword);
  const Client& s = u.session;
  struct Case {
    json body;
    std::string field, problem;
  };
  for (const auto& tc : std::vector<Case>{
           {{{"current_password", "wrong-pass-1"}, {"new_password", "Another-pass-7"}}, "current_password", "incorrect"},
           {{{"current_password", kTestPassword}, {"new_password", "weak"}}, "new_password", "too_weak"},
           {{{"current_password", kTestPassword}}, "new_password", "required"},
           {{{"new_password", "Another-pass-7"}}, "current_password", "required"},
           {{{"current_password", kTestPassword}, {"new_password", 7}}, "new_password", "must_be_string"},
           {{{"current_password", kTestPassword}, {"new_password", "Another-pass-7"}, {"x", 1}}, "x", "unknown_field"}}) {
    auto r = s.Post("/api/v1/auth/password", tc.body);
    EXPECT_EQ(r.status, 400) << tc.body.dump() << ": " << r.body;
    EXPECT_EQ(r.Json()["error"]["fields"].value(tc.field, ""), tc.problem) << r.body;
  }
  Client no_csrf = s;
  no_csrf.send_csrf = false;
  EXPECT_EQ(no_csrf.Post("/api/v1/auth/password", {{"current_password", kTestPassword}, {"new_password", "Another-pass-7"}}).status, 403);
  ASSERT_EQ(other.Get("/api/v1/auth/me").status, 200) << "refused changes end nothing";

  auto changed = s.Post("/api/v1/auth/password", {{"current_password", kTestPassword}, {"new_password", "Another-pass-7"}});
  ASSERT_EQ(changed.status, 204) << changed.body;
  EXPECT_EQ(s.Get("/api/v1/auth/me").status, 200);
  EXPECT_EQ(other.Get("/api/v1/auth/me").status, 401);
  EXPECT_EQ(TryLogin(u.username, kTestPassword, FreshSourceAddr()).status, 401);
  EXPECT_NO_THROW(Client::Login(u.username, "Another-pass-7"));
  EXPECT_EQ(AuditRows("entity=user&entity_id=" + u.user["id"].dump() + "&action=user.password_change").size(), 1u);
}

TEST(Auth, NoPasswordTokenOrCsrfTokenReachesTheLogs) {
  // Every secret this test sends or is given, through each way one travels: sign-in (good,
  // wrong and malformed), the session cookie and CSRF token, an API token used and a made-up
  // one, a password change and an administrator's reset. None may appear in what the server
  // and the command line wrote (the test password neither, whatever test sent it; the demo
  // password neither in the server's log — `kams demo` prints it for whoever loads the demo).
  auto u = MakeOwnUser("kam");
  const std::string wrong = "Wrong-" + Unique("pw") + "-1";
  EXPECT_EQ(TryLogin(u.username, wrong, FreshSourceAddr()).status, 401);
  const std::string malformed = "Malformed-" + Unique("pw") + "-2";
  EXPECT_EQ(SendHttpFrom(FreshSourceAddr(), KamsServer::Get().port(), "POST", "/api/v1/auth/login",
                         {{"Content-Type", "application/json"}},
                         "{\"username\": 7, \"password\": \"" + malformed + "\"")
                .status,
            400);
  auto created = u.session.Post("/api/v1/tokens", {{"name", "log check"}});
  ASSERT_EQ(created.status, 201) << created.body;
  const std::string secret = created.Json()["token"];
  EXPECT_EQ(Client::Bearer(secret).Get("/api/v1/auth/me").status, 200);
  const std::string made_up = "kams_" + Unique("madeup") + "xxxxxxxxxxxxxxxxxxxx";
  EXPECT_EQ(Client::Bearer(made_up).Get("/api/v1/auth/me").status, 401);
  const std::string changed = "Changed-" + Unique("pw") + "-3";
  ASSERT_EQ(u.session.Post("/api/v1/auth/password", {{"current_password", kTestPassword}, {"new_password", changed}}).status,
            204);
  const std::string reset = "Reset-" + Unique("pw") + "-4";
  auto by_admin = As("admin").Post(UserPath(u.user["id"].get<Id>()) + "/reset-password", {{"password", reset}});
  ASSERT_EQ(by_admin.status, 204) << by_admin.body;
  EXPECT_NO_THROW(Client::Login(u.username, reset));

  const std::string session_token = u.session.cookie.substr(u.session.cookie.find('=') + 1);
  const std::string logs = KamsServer::Get().LogText();
  ASSERT_FALSE(logs.empty());
  for (const auto& [what, value] : std::vector<std::pair<std::string, std::string>>{
           {"the test password", kTestPassword},
           {"a wrong password", wrong},
           {"a malformed sign-in's password", malformed},
           {"a changed password", changed},
           {"a reset password", reset},
           {"the session token", session_token},
           {"the CSRF token", u.session.csrf},
           {"an API token", secret},
           {"a made-up API token", made_up}}) {
    ASSERT_FALSE(value.empty()) << what;
    EXPECT_FALSE(Contains(logs, value)) << what << " is in the logs";
  }
  EXPECT_FALSE(Contains(KamsServer::Get().LogText("server-"), "kams-demo")) << "the demo password is in the server's log";
}

}  // namespace
}  // namespace kams::test
