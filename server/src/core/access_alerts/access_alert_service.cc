#include "core/access_alerts/access_alert_service.h"

#include "core/access/permissions.h"
#include "core/audit/audit_log.h"
#include "core/common/validation.h"
#include "core/notifications/notify.h"

namespace kams {
namespace {

constexpr Timestamp kMicrosPerMinute = 60 * kMicrosPerSecond;

Status CheckManage(const Principal& who, std::string_view what, const std::string& entity,
                   std::optional<Id> id) {
  if (Allows(who.role, Permission::kAccessAlertManage)) return Ok();
  return DenyError(what, entity, id);
}

std::vector<FieldValue> SettingsFields(const AccessAlertSettings& s) {
  std::vector<FieldValue> out{{"window_minutes", std::to_string(s.window_minutes)}};
  for (Role role : kAllRoles) {
    const auto it = s.thresholds.find(role);
    std::optional<std::string> text;
    if (it != s.thresholds.end() && it->second) text = std::to_string(*it->second);
    out.push_back({"thresholds." + std::string(RoleName(role)), text});
  }
  return out;
}

// Who hears of a new alert: every active KAM specialist, else every active administrator.
std::vector<User> Recipients(Tx& tx) {
  for (Role role : {Role::kSpecialist, Role::kAdmin}) {
    std::vector<User> out;
    UserFilter filter;
    filter.role = role;
    filter.active = true;
    PageRequest page;
    page.limit = 500;
    for (int guard = 0; guard < 100; ++guard) {
      auto batch = tx.users().List(filter, page);
      for (auto& u : batch.items) out.push_back(std::move(u));
      if (!batch.next) break;
      page.after = batch.next;
    }
    if (!out.empty()) return out;
  }
  return {};
}

void Notify(Tx& tx, const CoreDeps& deps, const AccessAlert& a, const std::string& user_name,
            std::int64_t window_minutes) {
  Notification note;
  note.kind = "access_alert.raised";
  note.entity = "access_alert";
  note.entity_id = a.id;
  const Localized title{"批量访问预警 · " + user_name, "Bulk access alert: " + user_name};
  const Localized body{std::to_string(window_minutes) + " 分钟内读取了 " +
                           std::to_string(a.customers) + " 个客户的档案（阈值 " +
                           std::to_string(a.threshold) + "）",
                       "read the dossiers of " + std::to_string(a.customers) + " customers in " +
                           std::to_string(window_minutes) + " minutes (threshold " +
                           std::to_string(a.threshold) + ")"};
  for (const User& u : Recipients(tx)) NotifyUser(tx, deps.clock.Now(), u.id, note, title, body);
}

}  // namespace

Result<AccessAlertSettings> AccessAlertService::Settings(const Principal& who,
                                                         const RequestContext& ctx) {
  return Recorded(deps_, ctx, who, [&]() -> Result<AccessAlertSettings> {
    KAMS_CHECK(CheckManage(who, "read the access-alert settings", "access_alert_settings",
                           std::nullopt));
    return Transact(deps_.db, TxMode::kRead, [&](Tx& tx) -> Result<AccessAlertSettings> {
      return tx.access_alerts().Settings();
    });
  }());
}

Result<AccessAlertSettings> AccessAlertService::PutSettings(const Principal& who,
                                                            const RequestContext& ctx,
                                                            std::int64_t expected_version,
                                                            AccessAlertSettings next) {
  return Recorded(deps_, ctx, who, [&]() -> Result<AccessAlertSettings> {
    KAMS_CHECK(CheckManage(who, "set the access-alert thresholds", "access_alert_settings",
                           std::nullopt));
    KAMS_CHECK(ValidateAccessAlertSettings(next));
    return Transact(deps_.db, TxMode::kWrite, [&](Tx& tx) -> Result<AccessAlertSettings> {
      const AccessAlertSettings current = tx.access_alerts().Settings();
      if (current.version != expected_version) {
        return PreconditionFailed(
            "the access-alert settings were changed by someone else (now version " +
            std::to_string(current.version) + ")");
      }
      auto changes = DiffFields(SettingsFields(current), SettingsFields(next));
      if (changes.empty()) return current;
      next.version = current.version + 1;
      next.updated_at = deps_.clock.Now();
      tx.access_alerts().PutSettings(next);
      AppendAudit(tx, deps_, ctx, &who, "",
                  AuditEvent{"access_alert_settings.update", "access_alert_settings",
                             std::nullopt, std::nullopt, std::move(changes)});
      return tx.access_alerts().Settings();
    });
  }());
}

Result<Page<AccessAlert>> AccessAlertService::List(const Principal& who, const RequestContext& ctx,
                                                   std::optional<AccessAlertStatus> status,
                                                   const PageRequest& page) {
  if (page.limit < 1 || page.limit > 500) return ValidationFailed({{"limit", "out_of_range"}});
  return Recorded(deps_, ctx, who, [&]() -> Result<Page<AccessAlert>> {
    KAMS_CHECK(CheckManage(who, "read access alerts", "access_alert", std::nullopt));
    return Transact(deps_.db, TxMode::kRead, [&](Tx& tx) -> Result<Page<AccessAlert>> {
      return tx.access_alerts().List(status, page);
    });
  }());
}

Result<AccessAlert> AccessAlertService::Get(const Principal& who, const RequestContext& ctx,
                                            Id id) {
  return Recorded(deps_, ctx, who, [&]() -> Result<AccessAlert> {
    KAMS_CHECK(CheckManage(who, "read access alerts", "access_alert", id));
    return Transact(deps_.db, TxMode::kRead, [&](Tx& tx) -> Result<AccessAlert> {
      auto a = tx.access_alerts().Get(id);
      if (!a) return NotFound("access alert not found");
      return std::move(*a);
    });
  }());
}

Result<AccessAlert> AccessAlertService::Acknowledge(const Principal& who, const RequestContext& ctx,
                                                    Id id, const std::string& raw_comment) {
  const std::string comment = TrimSpace(raw_comment);
  return Recorded(deps_, ctx, who, [&]() -> Result<AccessAlert> {
    KAMS_CHECK(CheckManage(who, "acknowledge access alerts", "access_alert", id));
    Validator v;
    v.Required("comment", comment);
    v.MaxLength("comment", comment, kMaxAlertComment);
    KAMS_CHECK(v.ToStatus());
    return Transact(deps_.db, TxMode::kWrite, [&](Tx& tx) -> Result<AccessAlert> {
      auto found = tx.access_alerts().Get(id);
      if (!found) return NotFound("access alert not found");
      if (found->status != AccessAlertStatus::kOpen) {
        return Conflict("the alert is already acknowledged");
      }
      AccessAlert a = *found;
      a.status = AccessAlertStatus::kAcknowledged;
      a.version += 1;
      a.acknowledged_at = deps_.clock.Now();
      a.acknowledged_by = who.user_id > 0 ? std::optional<Id>(who.user_id) : std::nullopt;
      a.comment = comment;
      tx.access_alerts().Update(a);
      AppendAudit(tx, deps_, ctx, &who, "",
                  AuditEvent{"access_alert.acknowledge", "access_alert", id, std::nullopt,
                             {{"status", std::string(AccessAlertStatusName(found->status)),
                               std::string(AccessAlertStatusName(a.status))},
                              {"comment", std::nullopt, comment}}});
      return std::move(*tx.access_alerts().Get(id));
    });
  }());
}

Result<std::string> AccessAlertService::Watch() {
  std::int64_t over = 0, raised = 0;
  Status s = deps_.db.Run(TxMode::kWrite, [&](Tx& tx) -> Status {
    over = raised = 0;
    const AccessAlertSettings settings = tx.access_alerts().Settings();
    const Timestamp now = deps_.clock.Now();
    const Timestamp window = settings.window_minutes * kMicrosPerMinute;
    for (const UserReads& seen : tx.access_log().ReadsBetween(now - window, now)) {
      const auto user = tx.users().Get(seen.user_id);
      if (!user) continue;
      const auto threshold = settings.thresholds.find(user->role);
      if (threshold == settings.thresholds.end() ||
          !ExceedsThreshold(seen.customers, threshold->second)) {
        continue;
      }
      ++over;
      const BurstWindow burst = WindowFor(tx.access_alerts().LatestOf(user->id), now, window);
      if (burst.suppressed) continue;
      const UserReads fresh =
          burst.from == now - window ? seen : tx.access_log().ReadsOf(user->id, burst.from, now);
      if (!ExceedsThreshold(fresh.customers, threshold->second)) continue;
      AccessAlert a;
      a.user_id = user->id;
      a.role = user->role;
      a.customers = fresh.customers;
      a.reads = fresh.reads;
      a.threshold = *threshold->second;
      a.window_start = burst.from;
      a.window_end = now;
      a.created_at = now;
      a.top_customers =
          tx.access_log().TopCustomers(user->id, burst.from, now, kAlertTopCustomers);
      a.id = tx.access_alerts().Insert(a);
      Notify(tx, deps_, a, user->display_name, settings.window_minutes);
      ++raised;
    }
    return Ok();
  });
  if (!s.ok()) return s.take_error();
  return std::to_string(over) + " users over their threshold, " + std::to_string(raised) +
         " alerts raised";
}

}  // namespace kams
