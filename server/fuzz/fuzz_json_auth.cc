// Sign-in, password, API-token and preference bodies (POST /auth/login, /auth/password,
// /users/{id}/reset-password, /tokens; PUT /auth/me/preferences): bytes → ParseObject →
// the decoders. Properties: refusals name fields; an accepted token expiry formats as
// RFC 3339 that parses back to the same second; accepted preferences come back out of
// ToJson as the very settings object that went in.
#include "fuzz_check.h"
#include "http/json_codec.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace kams;
  using codec::json;
  auto body = codec::ParseObject(fuzz::Text(data, size));
  if (!body.ok()) return 0;

  if (auto login = codec::DecodeLogin(*body); !login.ok()) {
    FUZZ_CHECK(!login.error().fields.empty());
  }
  if (auto change = codec::DecodePasswordChange(*body); change.ok()) {
    FUZZ_CHECK(!change->current_password.empty() && !change->new_password.empty());
    (void)IsAcceptablePassword(change->new_password);
  } else {
    FUZZ_CHECK(!change.error().fields.empty());
  }
  if (auto reset = codec::DecodePasswordReset(*body); reset.ok()) {
    (void)IsAcceptablePassword(*reset);
  }
  if (auto token = codec::DecodeTokenRequest(*body); token.ok() && token->expires_at) {
    const Timestamp t = *token->expires_at;
    const std::string text = FormatRfc3339(t);
    const auto back = ParseRfc3339(text);
    FUZZ_CHECK(back.has_value());
    FUZZ_CHECK(*back <= t && t - *back < kMicrosPerSecond);
  }

  Preferences p;
  if (auto st = codec::ApplyPreferences(*body, p); st.ok()) {
    const json out = codec::ToJson(p);
    FUZZ_CHECK(out["settings"] == body->at("settings"));
    FUZZ_CHECK(out["locale"] == (p.locale.empty() ? json(nullptr) : json(p.locale)));
    (void)out.dump();
  } else {
    FUZZ_CHECK(!st.error().fields.empty());
  }
  return 0;
}
