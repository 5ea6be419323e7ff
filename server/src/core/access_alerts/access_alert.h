#pragma once
// Bulk-access alerts (批量访问预警): a user who reads far more customer dossiers than their
// role normally does within a short window may be taking the customer base with them. Reads
// come from the access log (dossiers opened, contacts opened, rows of customer lists); a
// periodic job counts each user's distinct customers in the window and raises one alert per
// burst to the KAM specialists, who acknowledge it with a comment.

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/common/result.h"
#include "core/common/time.h"
#include "core/org/org_unit.h"
#include "core/org/role.h"

namespace kams {

// How many distinct customers a user of each role may read within the window before an
// alert is raised (more than the threshold alerts); nullopt: the role never alerts.
struct AccessAlertSettings {
  std::int64_t window_minutes = 10;
  std::map<Role, std::optional<std::int64_t>> thresholds;  // every role of kAllRoles
  std::int64_t version = 1;
  Timestamp updated_at = 0;
};

inline constexpr std::int64_t kMaxAlertWindowMinutes = 24 * 60;
inline constexpr std::int64_t kMaxAlertThreshold = 10'000'000;
inline constexpr std::size_t kMaxAlertComment = 2000;
inline constexpr int kAlertTopCustomers = 10;

// window_minutes 1..1440; every role present; each threshold null or 1..kMaxAlertThreshold.
// Problems name the field: "window_minutes", "thresholds.kam".
Status ValidateAccessAlertSettings(const AccessAlertSettings& s);

enum class AccessAlertStatus { kOpen, kAcknowledged };
std::string_view AccessAlertStatusName(AccessAlertStatus s);
std::optional<AccessAlertStatus> ParseAccessAlertStatus(std::string_view s);

// A customer the user read most in the alert's window.
struct AlertCustomer {
  Id customer_id = 0;
  std::string customer_name;  // read with the alert
  std::int64_t reads = 0;
};

struct AccessAlert {
  Id id = 0;
  Id user_id = 0;
  Role role = Role::kKam;         // the user's role when raised
  std::int64_t customers = 0;     // distinct customers read in the window
  std::int64_t reads = 0;         // access-log entries in the window
  std::int64_t threshold = 0;     // the role's threshold when raised
  Timestamp window_start = 0;     // reads counted: window_start <= at <= window_end
  Timestamp window_end = 0;
  AccessAlertStatus status = AccessAlertStatus::kOpen;
  std::int64_t version = 1;
  Timestamp created_at = 0;
  std::optional<Timestamp> acknowledged_at;
  std::optional<Id> acknowledged_by;
  std::string comment;
  std::vector<AlertCustomer> top_customers;  // most read first
  // Read with the alert.
  std::string username;
  std::string user_name;
  std::optional<std::string> acknowledged_by_name;
};

// Where the count of a user's reads starts now, and whether an alert may be raised at all.
// Reads inside an earlier alert's window never count again (one burst, one alert); while the
// user's latest alert is open and younger than the window, no new alert is raised.
struct BurstWindow {
  bool suppressed = false;
  Timestamp from = 0;
};
BurstWindow WindowFor(const std::optional<AccessAlert>& latest, Timestamp now, Timestamp window);

// More distinct customers than the threshold; a role without one never alerts.
bool ExceedsThreshold(std::int64_t customers, std::optional<std::int64_t> threshold);

}  // namespace kams
