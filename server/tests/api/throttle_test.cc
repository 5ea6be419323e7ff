// Login throttling: after 5 failures within an hour a username and a client address are
// each locked for a while (429 rate_limited with Retry-After).
//
// Why this cannot lock out the rest of the suite: the failures come from a loopback
// address of their own (127.0.x.y, see FreshSourceAddr), and the username is created for
// this test. The server sees that address as the client, so 127.0.0.1, which every other
// test signs in from, never accumulates a failure; the test is independent of order.
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

TEST(LoginThrottle, FiveFailuresLockTheUsernameAndTheAddressWithRetryAfter) {
  const std::string name = Unique("throttle");
  CreateUser(name, "sales", UnitIdByName("苏州分公司"));
  const std::string addr = FreshSourceAddr();
  const Id before = LatestAuditId();

  for (int i = 1; i <= 5; ++i) {
    auto r = TryLogin(name, "wrong-password-" + std::to_string(i), addr);
    ASSERT_EQ(r.status, 401) << "failure " << i << ": " << r.body;
  }
  // Locked now: even the right password is refused, without a session.
  auto locked = TryLogin(name, kTestPassword, addr);
  EXPECT_EQ(locked.status, 429) << locked.body;
  EXPECT_EQ(locked.ErrorCode(), "rate_limited");
  EXPECT_TRUE(locked.Header("set-cookie").empty());
  const std::string retry_after = locked.Header("retry-after");
  ASSERT_FALSE(retry_after.empty());
  const int seconds = std::stoi(retry_after);
  EXPECT_GT(seconds, 0);
  EXPECT_LE(seconds, 30);

  // Per username: a new address does not help.
  EXPECT_EQ(TryLogin(name, kTestPassword, FreshSourceAddr()).status, 429);
  // Per address: another (valid) user from the locked address is refused too.
  EXPECT_EQ(TryLogin("exec", "kams-demo", addr).status, 429);
  // Everyone else signs in as usual.
  EXPECT_NO_THROW(Client::Login("exec"));

  auto failed = AuditSince(before, "action=auth.login_failed");
  ASSERT_EQ(failed.size(), 5u);
  for (const auto& row : failed) {
    EXPECT_EQ(row["client_addr"], addr);
    EXPECT_EQ(row["actor_name"], name);
  }
  auto throttled = AuditSince(before, "action=auth.login_throttled");
  EXPECT_EQ(throttled.size(), 3u);
}

TEST(LoginThrottle, FewerThanFiveFailuresDoNotLockAndASuccessResetsTheCount) {
  const std::string name = Unique("throttle");
  CreateUser(name, "sales", UnitIdByName("苏州分公司"));
  const std::string addr = FreshSourceAddr();
  for (int i = 0; i < 4; ++i) ASSERT_EQ(TryLogin(name, "wrong-password-x", addr).status, 401);
  EXPECT_EQ(TryLogin(name, kTestPassword, FreshSourceAddr()).status, 200);
  // The username's count starts again after the success: four more failures from new
  // addresses still do not lock it.
  for (int i = 0; i < 4; ++i) ASSERT_EQ(TryLogin(name, "wrong-password-y", FreshSourceAddr()).status, 401);
  EXPECT_EQ(TryLogin(name, kTestPassword, FreshSourceAddr()).status, 200);
}

}  // namespace
}  // namespace kams::test
