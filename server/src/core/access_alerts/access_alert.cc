#include "core/access_alerts/access_alert.h"

#include <algorithm>

#include "core/common/validation.h"

namespace kams {

Status ValidateAccessAlertSettings(const AccessAlertSettings& s) {
  Validator v;
  v.Check(s.window_minutes >= 1 && s.window_minutes <= kMaxAlertWindowMinutes, "window_minutes",
          "out_of_range");
  for (Role role : kAllRoles) {
    const std::string field = "thresholds." + std::string(RoleName(role));
    const auto it = s.thresholds.find(role);
    if (it == s.thresholds.end()) {
      v.Add(field, "required");
    } else if (it->second && (*it->second < 1 || *it->second > kMaxAlertThreshold)) {
      v.Add(field, "out_of_range");
    }
  }
  return v.ToStatus();
}

std::string_view AccessAlertStatusName(AccessAlertStatus s) {
  switch (s) {
    case AccessAlertStatus::kOpen: return "open";
    case AccessAlertStatus::kAcknowledged: return "acknowledged";
  }
  return "open";
}

std::optional<AccessAlertStatus> ParseAccessAlertStatus(std::string_view s) {
  if (s == "open") return AccessAlertStatus::kOpen;
  if (s == "acknowledged") return AccessAlertStatus::kAcknowledged;
  return std::nullopt;
}

BurstWindow WindowFor(const std::optional<AccessAlert>& latest, Timestamp now, Timestamp window) {
  BurstWindow w;
  w.from = now - window;
  if (!latest) return w;
  if (latest->status == AccessAlertStatus::kOpen && latest->created_at > now - window) {
    w.suppressed = true;
  }
  w.from = std::max(w.from, latest->window_end + 1);
  return w;
}

bool ExceedsThreshold(std::int64_t customers, std::optional<std::int64_t> threshold) {
  return threshold && customers > *threshold;
}

}  // namespace kams
