// Who am I: the caller's permissions, and their console preferences (language and
// settings), versioned apart from the user record.
#include <gtest/gtest.h>

#include <algorithm>

#include "api_util.h"

namespace kams::test {
namespace {

std::set<std::string> Permissions(const Client& c) {
  auto me = GetJson(c, "/api/v1/auth/me");
  std::set<std::string> out;
  for (const auto& p : me["permissions"]) out.insert(p.get<std::string>());
  return out;
}

HttpResponse PutPreferences(const Client& c, const json& body, std::optional<long long> version) {
  std::vector<std::pair<std::string, std::string>> headers{{"Content-Type", "application/json"}};
  if (version) headers.emplace_back("If-Match", std::to_string(*version));
  return c.Send("PUT", "/api/v1/auth/me/preferences", headers, body.dump());
}

TEST(Me, PermissionsFollowTheRoleTable) {
  const std::set<std::string> admin = Permissions(As("admin"));
  EXPECT_EQ(admin, (std::set<std::string>{"customer.create", "customer.update", "customer.assign",
                                          "customer.delete", "contact.write", "account_team.write",
                                          "user.read", "user.manage", "org.manage", "audit.read",
                                          "data.import", "data.export", "tiering.manage",
                                          "interaction.write",
                                          "cadence.manage", "access_alert.manage", "user.handover",
                                          "handover.read", "review.manage", "contract.write"}));
  EXPECT_EQ(Permissions(As("kam.sh")),
            (std::set<std::string>{"customer.create", "customer.update", "contact.write",
                                   "interaction.write", "contract.write"}));
  EXPECT_FALSE(Permissions(As("exec")).count("contract.write"));
  EXPECT_FALSE(Permissions(As("svc.east")).count("contract.write"));
  const auto director = Permissions(As("dir.east"));
  EXPECT_TRUE(director.count("user.read"));
  EXPECT_TRUE(director.count("customer.assign"));
  EXPECT_FALSE(director.count("user.manage"));
  EXPECT_FALSE(director.count("audit.read"));
  EXPECT_FALSE(director.count("access_alert.manage"));
  EXPECT_TRUE(Permissions(As("specialist")).count("access_alert.manage"));
  EXPECT_TRUE(director.count("user.handover"));
  EXPECT_TRUE(director.count("handover.read"));
  EXPECT_TRUE(director.count("review.manage"));
  EXPECT_FALSE(Permissions(As("specialist")).count("review.manage"));
  EXPECT_TRUE(Permissions(As("exec")).count("handover.read"));
  EXPECT_FALSE(Permissions(As("exec")).count("user.handover"));
  EXPECT_TRUE(Permissions(As("exec")).count("user.read"));
  EXPECT_FALSE(Permissions(As("exec")).count("customer.update"));
  EXPECT_FALSE(Permissions(As("exec")).count("interaction.write"));
  EXPECT_TRUE(director.count("data.export"));
  EXPECT_TRUE(Permissions(As("exec")).count("data.export"));
  EXPECT_FALSE(director.count("data.import"));
}

TEST(Me, PreferencesRoundTripWithTheirOwnVersion) {
  const std::string name = Unique("prefs");
  CreateUser(name, "kam", UserUnit("kam.sh"));
  Client c = Client::Login(name, kTestPassword);
  auto initial = GetJson(c, "/api/v1/auth/me/preferences");
  EXPECT_EQ(initial["version"], 1);
  EXPECT_TRUE(initial["locale"].is_null());
  EXPECT_EQ(initial["settings"], json::object());

  const json columns = {{"customers", {{"columns", {"name", "region", "owner_name"}}}}};
  auto saved = PutPreferences(c, {{"locale", "en-US"}, {"settings", columns}}, 1);
  ASSERT_EQ(saved.status, 200) << saved.body;
  EXPECT_EQ(saved.Json()["version"], 2);
  EXPECT_EQ(saved.Header("etag"), "\"2\"");
  auto again = GetJson(c, "/api/v1/auth/me/preferences");
  EXPECT_EQ(again["locale"], "en-US");
  EXPECT_EQ(again["settings"], columns);
  // The language is the user's locale: the user record moved, and the change is audited.
  auto me = GetJson(c, "/api/v1/auth/me")["user"];
  EXPECT_EQ(me["locale"], "en-US");
  EXPECT_EQ(me["version"], 2);
  auto rows = AuditRows("entity=user&entity_id=" + std::to_string(me["id"].get<Id>()) +
                        "&action=user.update");
  ASSERT_FALSE(rows.empty());
  EXPECT_EQ(rows.front()["changes"][0]["field"], "locale");

  // Settings alone leave the user record as it is.
  auto settings_only = PutPreferences(c, {{"locale", "en-US"}, {"settings", json::object()}}, 2);
  ASSERT_EQ(settings_only.status, 200) << settings_only.body;
  EXPECT_EQ(GetJson(c, "/api/v1/auth/me")["user"]["version"], 2);

  // Another tab saving with the old version is told so and nothing changes.
  auto stale = PutPreferences(c, {{"locale", "zh-CN"}, {"settings", columns}}, 2);
  EXPECT_EQ(stale.status, 412);
  EXPECT_EQ(stale.ErrorCode(), "precondition_failed");
  EXPECT_EQ(GetJson(c, "/api/v1/auth/me/preferences")["locale"], "en-US");

  // Nobody else sees or changes them.
  EXPECT_EQ(GetJson(As("kam.sz"), "/api/v1/auth/me/preferences")["settings"].contains("customers"),
            false);
}

TEST(Me, BadPreferencesAreRefusedFieldByField) {
  const std::string name = Unique("prefs-bad");
  CreateUser(name, "sales", UserUnit("kam.sh"));
  Client c = Client::Login(name, kTestPassword);
  struct Case {
    json body;
    std::string field, problem;
  };
  const std::vector<Case> cases = {
      {{{"locale", "fr-FR"}, {"settings", json::object()}}, "locale", "invalid"},
      {{{"locale", 7}, {"settings", json::object()}}, "locale", "must_be_string"},
      {{{"locale", nullptr}, {"settings", json::array()}}, "settings", "must_be_object"},
      {{{"locale", nullptr}}, "settings", "required"},
      {{{"settings", json::object()}}, "locale", "required"},
      {{{"locale", nullptr}, {"settings", json::object()}, {"theme", "dark"}}, "theme",
       "unknown_field"},
      {{{"locale", nullptr}, {"settings", json::object()}, {"version", 9}}, "version", "read_only"},
      {{{"locale", nullptr}, {"settings", {{"blob", std::string(17 * 1024, 'x')}}}}, "settings",
       "too_long"},
  };
  for (const auto& k : cases) {
    auto r = PutPreferences(c, k.body, 1);
    EXPECT_EQ(r.status, 400) << k.body.dump().substr(0, 100);
    EXPECT_EQ(r.Json()["error"]["fields"][k.field], k.problem) << r.body.substr(0, 300);
  }
  EXPECT_EQ(PutPreferences(c, {{"locale", nullptr}, {"settings", json::object()}}, std::nullopt)
                .status,
            400);
  EXPECT_EQ(GetJson(c, "/api/v1/auth/me/preferences")["version"], 1);
  Client no_csrf = c;
  no_csrf.send_csrf = false;
  EXPECT_EQ(PutPreferences(no_csrf, {{"locale", nullptr}, {"settings", json::object()}}, 1).status,
            403);
}

}  // namespace
}  // namespace kams::test
