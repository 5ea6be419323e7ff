#include <gtest/gtest.h>

#include "core/access/permissions.h"
#include "core/auth/session.h"
#include "core/org/user.h"

namespace kams {
namespace {

constexpr Timestamp kMin = 60 * kMicrosPerSecond;

TEST(Sessions, IdleAndAbsoluteTimeouts) {
  const SessionPolicy p;
  Session s;
  s.created_at = 0;
  s.last_seen_at = 0;
  EXPECT_EQ(EvaluateSession(s, 29 * kMin, p), SessionState::kAlive);
  EXPECT_EQ(EvaluateSession(s, 30 * kMin, p), SessionState::kIdleExpired);
  s.last_seen_at = 12 * 60 * kMin - kMin;  // active all along
  EXPECT_EQ(EvaluateSession(s, 12 * 60 * kMin - 1, p), SessionState::kAlive);
  EXPECT_EQ(EvaluateSession(s, 12 * 60 * kMin, p), SessionState::kAbsoluteExpired);
  EXPECT_FALSE(SessionNeedsTouch(s, s.last_seen_at + 59 * kMicrosPerSecond, p));
  EXPECT_TRUE(SessionNeedsTouch(s, s.last_seen_at + kMin, p));
}

TEST(Throttle, FreeFailuresThenDoublingLocksCappedAndWindowed) {
  const ThrottlePolicy p;
  ThrottleState s;
  Timestamp now = 1000 * kMicrosPerSecond;
  for (int i = 1; i < p.free_failures; ++i) {
    s = ThrottleAfterFailure(s, now, p);
    EXPECT_EQ(ThrottleWaitSeconds(s, now), 0) << "failure " << i;
  }
  s = ThrottleAfterFailure(s, now, p);
  EXPECT_EQ(ThrottleWaitSeconds(s, now), 30);
  s = ThrottleAfterFailure(s, now, p);
  EXPECT_EQ(ThrottleWaitSeconds(s, now), 60);
  for (int i = 0; i < 30; ++i) s = ThrottleAfterFailure(s, now, p);
  EXPECT_EQ(ThrottleWaitSeconds(s, now), 15 * 60) << "capped: never locked for good";
  // A failure after the window starts counting afresh.
  s = ThrottleAfterFailure(s, now + p.window, p);
  EXPECT_EQ(s.failures, 1);
  EXPECT_EQ(ThrottleWaitSeconds(s, now + p.window), 0);
}

TEST(Throttle, AtMostAHundredFailuresAnHourPerKey) {
  const ThrottlePolicy p;
  ThrottleState s;
  Timestamp now = 0;
  int failures = 0;
  while (now < p.window) {
    const int wait = ThrottleWaitSeconds(s, now);
    if (wait > 0) {
      now += static_cast<Timestamp>(wait) * kMicrosPerSecond;
      continue;
    }
    s = ThrottleAfterFailure(s, now, p);
    ++failures;
  }
  EXPECT_LE(failures, 100);
  EXPECT_GE(failures, p.free_failures);
}

TEST(Users, UsernameAndPasswordRules) {
  for (const char* ok : {"admin", "zhang.wei", "kam-01", "a_b"}) EXPECT_TRUE(IsValidUsername(ok)) << ok;
  const std::string too_long(65, 'a');
  for (const std::string& bad : {std::string("ab"), std::string("Admin"), std::string(".admin"),
                                 std::string("zhang wei"), std::string("张伟"), too_long}) {
    EXPECT_FALSE(IsValidUsername(bad)) << bad;
  }
  EXPECT_TRUE(IsAcceptablePassword("kams-demo"));
  EXPECT_FALSE(IsAcceptablePassword("short1"));
  EXPECT_FALSE(IsAcceptablePassword("onlyletters"));
  EXPECT_FALSE(IsAcceptablePassword("1234567890"));
}

TEST(Roles, ScopeOfEachRole) {
  EXPECT_EQ(ScopeOf(Role::kKam), ScopeKind::kOwnAccounts);
  EXPECT_EQ(ScopeOf(Role::kAssistant), ScopeKind::kOwnAccounts);
  EXPECT_EQ(ScopeOf(Role::kSales), ScopeKind::kOwnAccounts);
  EXPECT_EQ(ScopeOf(Role::kDirector), ScopeKind::kUnitSubtree);
  EXPECT_EQ(ScopeOf(Role::kService), ScopeKind::kUnitSubtree);
  EXPECT_EQ(ScopeOf(Role::kSpecialist), ScopeKind::kAll);
  EXPECT_EQ(ScopeOf(Role::kExecutive), ScopeKind::kAll);
  EXPECT_EQ(ScopeOf(Role::kAdmin), ScopeKind::kAll);
  for (Role r : kAllRoles) EXPECT_EQ(ParseRole(RoleName(r)), r);
  EXPECT_FALSE(ParseRole("root").has_value());
}

TEST(Permissions, TableMatchesTheReadme) {
  // Rows: permission; columns in kAllRoles order:
  // admin, executive, director, kam, assistant, specialist, service, sales.
  struct Row {
    Permission p;
    std::array<bool, 8> allowed;
  } rows[] = {
      {Permission::kCustomerCreate, {1, 0, 1, 1, 1, 1, 0, 1}},
      {Permission::kCustomerUpdate, {1, 0, 1, 1, 1, 1, 1, 1}},
      {Permission::kContactWrite, {1, 0, 1, 1, 1, 1, 1, 1}},
      {Permission::kCustomerAssign, {1, 0, 1, 0, 0, 1, 0, 0}},
      {Permission::kAccountTeamWrite, {1, 0, 1, 0, 0, 1, 0, 0}},
      {Permission::kCustomerDelete, {1, 0, 0, 0, 0, 1, 0, 0}},
      {Permission::kUserRead, {1, 1, 1, 0, 0, 1, 0, 0}},
      {Permission::kUserManage, {1, 0, 0, 0, 0, 0, 0, 0}},
      {Permission::kOrgManage, {1, 0, 0, 0, 0, 0, 0, 0}},
      {Permission::kAuditRead, {1, 0, 0, 0, 0, 1, 0, 0}},
      {Permission::kDataImport, {1, 0, 0, 0, 0, 1, 0, 0}},
      {Permission::kTieringManage, {1, 0, 0, 0, 0, 1, 0, 0}},
      {Permission::kAccessAlertManage, {1, 0, 0, 0, 0, 1, 0, 0}},
      {Permission::kUserHandover, {1, 0, 1, 0, 0, 0, 0, 0}},
      {Permission::kHandoverRead, {1, 1, 1, 0, 0, 1, 0, 0}},
  };
  for (const auto& row : rows) {
    for (std::size_t i = 0; i < kAllRoles.size(); ++i) {
      EXPECT_EQ(Allows(kAllRoles[i], row.p), row.allowed[i])
          << PermissionName(row.p) << " for " << RoleName(kAllRoles[i]);
    }
  }
}

}  // namespace
}  // namespace kams
