// The rules of bulk-access alerts: which settings are valid, when a count exceeds a role's
// threshold, and where a user's count starts so that one burst raises one alert.
#include "core/access_alerts/access_alert.h"

#include <gtest/gtest.h>

namespace kams {
namespace {

constexpr Timestamp kMinute = 60 * kMicrosPerSecond;

AccessAlertSettings Defaults() {
  AccessAlertSettings s;
  s.window_minutes = 10;
  for (Role r : kAllRoles) s.thresholds[r] = std::nullopt;
  s.thresholds[Role::kKam] = 200;
  s.thresholds[Role::kDirector] = 1000;
  return s;
}

std::string Problem(const Status& s, const std::string& field) {
  if (s.ok()) return "";
  for (const auto& f : s.error().fields) {
    if (f.field == field) return f.problem;
  }
  return "";
}

TEST(AccessAlertRules, SettingsNameEachBadField) {
  EXPECT_TRUE(ValidateAccessAlertSettings(Defaults()).ok());
  struct Case {
    const char* what;
    void (*mutate)(AccessAlertSettings&);
    const char* field;
    const char* problem;
  } cases[] = {
      {"window 0", [](AccessAlertSettings& s) { s.window_minutes = 0; }, "window_minutes", "out_of_range"},
      {"window a day and a minute", [](AccessAlertSettings& s) { s.window_minutes = 1441; },
       "window_minutes", "out_of_range"},
      {"threshold 0", [](AccessAlertSettings& s) { s.thresholds[Role::kKam] = 0; }, "thresholds.kam",
       "out_of_range"},
      {"negative threshold", [](AccessAlertSettings& s) { s.thresholds[Role::kSales] = -5; },
       "thresholds.sales", "out_of_range"},
      {"huge threshold", [](AccessAlertSettings& s) { s.thresholds[Role::kDirector] = kMaxAlertThreshold + 1; },
       "thresholds.director", "out_of_range"},
      {"a role missing", [](AccessAlertSettings& s) { s.thresholds.erase(Role::kService); },
       "thresholds.service", "required"},
  };
  for (const auto& c : cases) {
    AccessAlertSettings s = Defaults();
    c.mutate(s);
    EXPECT_EQ(Problem(ValidateAccessAlertSettings(s), c.field), c.problem) << c.what;
  }
  AccessAlertSettings edge = Defaults();
  edge.window_minutes = 1440;
  edge.thresholds[Role::kKam] = 1;
  edge.thresholds[Role::kDirector] = kMaxAlertThreshold;
  EXPECT_TRUE(ValidateAccessAlertSettings(edge).ok());
}

TEST(AccessAlertRules, MoreThanTheThresholdAlertsAndNullNever) {
  EXPECT_FALSE(ExceedsThreshold(200, 200));
  EXPECT_TRUE(ExceedsThreshold(201, 200));
  EXPECT_FALSE(ExceedsThreshold(1'000'000, std::nullopt));
  EXPECT_FALSE(ExceedsThreshold(0, 1));
}

TEST(AccessAlertRules, OneBurstOneAlert) {
  const Timestamp now = 1'000 * kMinute;
  const Timestamp window = 10 * kMinute;
  auto alert = [&](AccessAlertStatus status, Timestamp created_at) {
    AccessAlert a;
    a.status = status;
    a.created_at = created_at;
    a.window_start = created_at - window;
    a.window_end = created_at;
    return a;
  };
  struct Case {
    const char* what;
    std::optional<AccessAlert> latest;
    bool suppressed;
    Timestamp from;
  } cases[] = {
      {"no alert yet: the whole window", std::nullopt, false, now - window},
      {"open, raised a minute ago: wait", alert(AccessAlertStatus::kOpen, now - kMinute), true,
       now - kMinute + 1},
      {"open, older than the window: count what came after it",
       alert(AccessAlertStatus::kOpen, now - 11 * kMinute), false, now - window},
      {"open, exactly a window old: may alert again, reads after it only",
       alert(AccessAlertStatus::kOpen, now - window), false, now - window + 1},
      {"acknowledged a minute ago: only reads after it count",
       alert(AccessAlertStatus::kAcknowledged, now - kMinute), false, now - kMinute + 1},
      {"acknowledged long ago: the whole window",
       alert(AccessAlertStatus::kAcknowledged, now - 60 * kMinute), false, now - window},
  };
  for (const auto& c : cases) {
    const BurstWindow w = WindowFor(c.latest, now, window);
    EXPECT_EQ(w.suppressed, c.suppressed) << c.what;
    EXPECT_EQ(w.from, c.from) << c.what;
  }
}

TEST(AccessAlertRules, StatusNamesRoundTrip) {
  for (auto s : {AccessAlertStatus::kOpen, AccessAlertStatus::kAcknowledged}) {
    EXPECT_EQ(ParseAccessAlertStatus(AccessAlertStatusName(s)), s);
  }
  EXPECT_FALSE(ParseAccessAlertStatus("closed").has_value());
}

}  // namespace
}  // namespace kams
