// Request bodies: what ParseObject lets through, and the small decoders of sign-in,
// passwords, API tokens, account teams, preferences and nominations. Cases marked "fuzzing" are
// regressions for problems found with the harnesses in server/fuzz.
#include <gtest/gtest.h>

#include "http/json_codec.h"

namespace kams::codec {
namespace {

std::string Nested(int depth, std::string_view open, std::string_view leaf,
                   std::string_view close) {
  std::string s;
  for (int i = 0; i < depth; ++i) s += open;
  s += leaf;
  for (int i = 0; i < depth; ++i) s += close;
  return s;
}

// "field:problem field:problem", in the order reported.
std::string Problems(const Error& e) {
  std::string out;
  for (const auto& f : e.fields) out += (out.empty() ? "" : " ") + f.field + ":" + f.problem;
  return out;
}

TEST(ParseObject, RefusesWhatLaterStagesCannotTake) {
  struct Case {
    std::string body;
    bool ok;
  };
  const Case cases[] = {
      {R"({"name":"苏州"})", true},
      {"[]", false},
      {"{", false},
      {R"({"name":"a\u0000b"})", false},
      {R"({"a\u0000":1})", false},
      {R"({"a":[{"b":["\u0000"]}]})", false},
      // The body object is level 1: 64 levels pass, 65 do not.
      {Nested(64, R"({"a":)", "1", "}"), true},
      {Nested(65, R"({"a":)", "1", "}"), false},
      {"{\"a\":" + Nested(63, "[", "", "]") + "}", true},
      {"{\"a\":" + Nested(64, "[", "", "]") + "}", false},
      // Found while writing the fuzz harnesses (their 4 KB inputs cannot nest this deep): a
      // deep "settings" of PUT /auth/me/preferences overflowed the stack of nlohmann's
      // recursive dump and took the server down. Depth is now refused before any decoder.
      {R"({"locale":null,"settings":{"a":)" + Nested(200000, "[", "", "]") + "}}", false},
  };
  for (const auto& c : cases) {
    auto r = ParseObject(c.body);
    EXPECT_EQ(r.ok(), c.ok) << c.body.substr(0, 80);
    if (!r.ok()) {
      EXPECT_EQ(r.error().code, ErrorCode::kBadRequest);
    }
  }
}

TEST(PreferencesCodec, SettingsComeBackAsSent) {
  const std::string settings = Nested(62, R"({"k":)", R"([1,"二",null,0.25])", "}");
  auto body = ParseObject(R"({"locale":"en-US","settings":)" + settings + "}");
  ASSERT_TRUE(body.ok()) << body.error().message;
  Preferences p;
  ASSERT_TRUE(ApplyPreferences(*body, p).ok());
  EXPECT_EQ(ToJson(p)["settings"], json::parse(settings));
  EXPECT_EQ(ToJson(p)["locale"], "en-US");

  Preferences q;
  auto bad = ApplyPreferences(json{{"locale", 1}, {"settings", json::array()}, {"x", 1}}, q);
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(Problems(bad.error()), "locale:must_be_string settings:must_be_object x:unknown_field");
}

TEST(AuthCodec, DecodesOrNamesEveryProblem) {
  enum class Body { kLogin, kChange, kReset, kToken };
  struct Case {
    Body decoder;
    const char* body;
    std::string problems;  // "" when accepted; fields in key order
  };
  const Case cases[] = {
      {Body::kLogin, R"({"username":"admin","password":"pw"})", ""},
      {Body::kLogin, R"({"username":[],"password":{}})", "password:must_be_string username:must_be_string"},
      {Body::kLogin, R"({"username":"a","remember":true})", "remember:unknown_field"},
      {Body::kChange, R"({"current_password":"a","new_password":"b"})", ""},
      {Body::kChange, R"({"current_password":"a","new_password":5})", "new_password:must_be_string"},
      {Body::kChange, R"({"current_password":""})", "current_password:required new_password:required"},
      {Body::kChange, R"({"x":1})", "x:unknown_field current_password:required new_password:required"},
      {Body::kReset, R"({"password":"Reset-Pass-789"})", ""},
      {Body::kReset, R"({"password":["x"]})", "password:must_be_string"},
      {Body::kReset, R"({"a":1,"b":2})", "a:unknown_field"},
      {Body::kToken, R"({"name":"ERP","expires_at":null})", ""},
      {Body::kToken, R"({"name":"ERP","expires_at":"2027-01-31T12:00:00+08:00"})", ""},
      {Body::kToken, R"({"name":1,"expires_at":12})", "expires_at:invalid_timestamp name:must_be_string"},
      {Body::kToken, R"({"name":"t","expires_at":"9999-99-99T99:99:99Z"})", "expires_at:invalid_timestamp"},
      // Fuzzing (fuzz_json_auth): accepted, then listed as "10000-01-01T23:58:59Z".
      {Body::kToken, R"({"name":"t","expires_at":"9999-12-31T23:59:59-23:59"})", "expires_at:invalid_timestamp"},
  };
  for (const auto& c : cases) {
    const json body = json::parse(c.body);
    std::string got;
    switch (c.decoder) {
      case Body::kLogin:
        if (auto r = DecodeLogin(body); !r.ok()) got = Problems(r.error());
        break;
      case Body::kChange:
        if (auto r = DecodePasswordChange(body); !r.ok()) got = Problems(r.error());
        break;
      case Body::kReset:
        if (auto r = DecodePasswordReset(body); !r.ok()) got = Problems(r.error());
        break;
      case Body::kToken:
        if (auto r = DecodeTokenRequest(body); !r.ok()) got = Problems(r.error());
        break;
    }
    EXPECT_EQ(got, c.problems) << c.body;
  }
  auto login = DecodeLogin(json::parse(R"({"username":"admin","password":"pw"})"));
  ASSERT_TRUE(login.ok());
  EXPECT_EQ(login->username, "admin");
  EXPECT_EQ(login->password, "pw");
  auto token = DecodeTokenRequest(json::parse(R"({"name":"ERP","expires_at":"2027-01-31T12:00:00+08:00"})"));
  ASSERT_TRUE(token.ok());
  EXPECT_EQ(token->name, "ERP");
  EXPECT_EQ(FormatRfc3339(token->expires_at.value()), "2027-01-31T04:00:00Z");
}

TEST(TeamMemberCodec, NeedsAPositiveUserId) {
  struct Case {
    const char* body;
    std::string problems;
  };
  const Case cases[] = {
      {R"({"user_id":12,"team_role":"sales"})", ""},
      {R"({"team_role":"sales"})", "user_id:required"},
      {R"({"user_id":0})", "user_id:must_be_id"},
      {R"({"user_id":1e300})", "user_id:must_be_id"},
      {R"({"user_id":18446744073709551615})", "user_id:must_be_id"},
      {R"({"user_id":-9223372036854775808,"team_role":1})", "team_role:must_be_string user_id:must_be_id"},
      {R"({"user_id":3,"role":"x"})", "role:unknown_field"},
  };
  for (const auto& c : cases) {
    AccountTeamMember m;
    auto st = ApplyTeamMember(json::parse(c.body), m);
    EXPECT_EQ(st.ok() ? "" : Problems(st.error()), c.problems) << c.body;
    if (st.ok()) {
      EXPECT_EQ(m.user_id, 12);
    }
  }
}

TEST(NominationCodec, DraftChangesAndChain) {
  struct Case {
    const char* body;
    std::string problems;
  };
  const Case drafts[] = {
      {R"({"customer_id":42,"kind":"change","scheme_id":3,"proposed_tier":"A","reason":"升级",
          "pinned_until":"2027-12-31"})",
       ""},
      {R"({"customer_id":42,"reason":"年采购额超过500万元"})", ""},
      {R"({"kind":"promote","scheme_id":"3","reason":1})",
       "customer_id:required kind:invalid scheme_id:must_be_id reason:must_be_string"},
      {R"({"customer_id":42,"reason":"r","status":"approved"})", "status:unknown_field"},
      {R"({"customer_id":42,"reason":"r","proposed_tier":7,"pinned_until":"2027-13-01"})",
       "proposed_tier:must_be_string"},
      {R"({"customer_id":42,"reason":"r","pinned_until":"2027-13-01"})",
       "pinned_until:must_be_date"},
  };
  for (const auto& c : drafts) {
    auto r = DecodeNominationDraft(json::parse(c.body));
    EXPECT_EQ(r.ok() ? "" : Problems(r.error()), c.problems) << c.body;
  }
  auto d =
      DecodeNominationDraft(json::parse(R"({"customer_id":42,"reason":"r","proposed_tier":null})"));
  ASSERT_TRUE(d.ok());
  EXPECT_EQ(d->kind, NominationKind::kNominate);
  EXPECT_FALSE(d->proposed_tier.has_value());

  const Case changes[] = {
      {R"({})", ""},
      {R"({"reason":"补充数据","proposed_tier":null,"pinned_until":"2027-06-30"})", ""},
      {R"({"reason":null,"proposed_tier":5})", "reason:required"},
      {R"({"proposed_tier":5})", "proposed_tier:must_be_string"},
      {R"({"kind":"change"})", "kind:unknown_field"},
  };
  for (const auto& c : changes) {
    auto r = DecodeNominationChanges(json::parse(c.body));
    EXPECT_EQ(r.ok() ? "" : Problems(r.error()), c.problems) << c.body;
  }
  auto ch = DecodeNominationChanges(json::parse(R"({"proposed_tier":null})"));
  ASSERT_TRUE(ch.ok() && ch->proposed_tier.has_value());
  EXPECT_FALSE(ch->proposed_tier->has_value());
  EXPECT_FALSE(ch->reason.has_value() || ch->pinned_until.has_value());

  const Case chains[] = {
      {R"({"roles":["director","specialist"]})", ""},
      {R"({"roles":[]})", ""},  // the service refuses an empty chain
      {R"({"roles":["director","boss",1]})", "roles[1]:invalid"},
      {R"({"roles":"director"})", "roles:required"},
      {R"({"levels":2})", "levels:unknown_field"},
  };
  for (const auto& c : chains) {
    auto r = DecodeApprovalChain(json::parse(c.body));
    EXPECT_EQ(r.ok() ? "" : Problems(r.error()), c.problems) << c.body;
  }
  EXPECT_EQ(DecodeApprovalChain(json::parse(R"({"roles":["director","specialist"]})")).value(),
            (std::vector<Role>{Role::kDirector, Role::kSpecialist}));
}

}  // namespace
}  // namespace kams::codec
