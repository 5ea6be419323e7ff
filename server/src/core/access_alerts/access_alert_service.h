#pragma once
// Use cases on bulk-access alerts: the thresholds (read and set by those holding
// access_alert.manage: KAM specialists and administrators), the alerts themselves, and the
// periodic watch that raises them.
//
// Counting: every access-log entry with a customer is a read of that customer's dossier (a
// dossier or contact opened, a customer-list row, a contact list). A user's count is the
// number of distinct customers read in the window, so paging the same list again does not
// add up; more than the role's threshold raises an alert, with the customers read most.

#include <optional>
#include <string>

#include "core/access_alerts/access_alert.h"
#include "core/common/context.h"
#include "core/org/user.h"
#include "core/ports/repositories.h"

namespace kams {

class AccessAlertService {
 public:
  explicit AccessAlertService(CoreDeps deps) : deps_(deps) {}

  Result<AccessAlertSettings> Settings(const Principal& who, const RequestContext& ctx);
  // Replaces the window and every role's threshold (412 when `expected_version` is stale).
  Result<AccessAlertSettings> PutSettings(const Principal& who, const RequestContext& ctx,
                                          std::int64_t expected_version,
                                          AccessAlertSettings next);

  Result<Page<AccessAlert>> List(const Principal& who, const RequestContext& ctx,
                                 std::optional<AccessAlertStatus> status,
                                 const PageRequest& page);
  Result<AccessAlert> Get(const Principal& who, const RequestContext& ctx, Id id);
  // Closes an open alert with a required comment; 409 when it is already acknowledged.
  Result<AccessAlert> Acknowledge(const Principal& who, const RequestContext& ctx, Id id,
                                  const std::string& comment);

  // The access.watch job: one transaction that raises an alert for every user over their
  // role's threshold (see WindowFor for one alert per burst) and notifies every active KAM
  // specialist, or every active administrator when there is none. Returns what it did.
  Result<std::string> Watch();

 private:
  CoreDeps deps_;
};

}  // namespace kams
