#pragma once
// Contact cadence (跟进频率): contact with a key account is to be proactive and rhythmic —
// neither half a year of silence nor eight calls a week. A rule per tier of the primary
// scheme (overridable per account) bounds both sides: at least one contact every
// min_interval_days, at most max_contacts within any period_days. Days are business days
// (China time), so a contact at 23:30 in Beijing counts for that day.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/common/result.h"
#include "core/common/time.h"
#include "core/org/org_unit.h"

namespace kams {

struct CadenceRule {
  std::string tier;  // empty for an account's own rule
  std::optional<std::int64_t> min_interval_days;
  std::optional<std::int64_t> max_contacts;
  std::int64_t period_days = 7;
};

struct CadenceSettings {
  std::vector<CadenceRule> rules;  // sorted by tier
  std::int64_t grace_days = 7;     // a breach this old reaches the director too
  std::int64_t version = 1;
  std::optional<CivilDate> evaluated_on;  // every account last evaluated on this business day
};

// An account's own rule, with who set it.
struct CustomerCadence {
  Id customer_id = 0;
  CadenceRule rule;
  std::optional<Id> set_by;
  Timestamp set_at = 0;
};

inline constexpr std::int64_t kMaxCadenceDays = 366;
inline constexpr std::int64_t kMaxContactsPerPeriod = 1000;
inline constexpr std::int64_t kMaxGraceDays = 90;
inline constexpr std::size_t kMaxCadenceRules = 100;

// Field names are prefixed (e.g. "rules[2].") by the caller's `field_prefix`.
Status ValidateCadenceRule(const CadenceRule& rule, const std::string& field_prefix,
                           bool needs_tier);

enum class BreachKind { kOverdue, kOverContacted };
std::string_view BreachKindName(BreachKind k);
std::optional<BreachKind> ParseBreachKind(std::string_view s);

struct CadenceBreach {
  Id customer_id = 0;
  BreachKind kind = BreachKind::kOverdue;
  CivilDate since;                     // the first business day in breach
  std::optional<CivilDate> due_on;     // overdue: the last day contact was due
  std::optional<Timestamp> last_contact_at;
  std::int64_t contacts_in_period = 0;
  std::optional<std::int64_t> min_interval_days;
  std::optional<std::int64_t> max_contacts;
  std::int64_t period_days = 7;
  std::optional<Timestamp> notified_owner_at;
  std::optional<Timestamp> notified_director_at;
  std::int64_t days_overdue = 0;  // on the day it is read (set by the service), not written
  // Read with the breach (joins), not written:
  std::string customer_name;
  std::optional<std::string> tier;
  std::optional<Id> owner_id;
  std::optional<std::string> owner_name;
  Id org_unit_id = 0;
};

// Days past due on `today` (overdue breaches; 0 otherwise).
std::int64_t DaysOverdue(const CadenceBreach& b, CivilDate today);

// What the evaluation of one account needs to know.
struct CadenceFacts {
  CivilDate today;
  std::optional<Timestamp> last_contact_at;
  Timestamp baseline = 0;  // when the account came to be (due counts from here without contact)
  std::int64_t contacts_in_period = 0;  // on business days today-period_days+1 .. today
};

// The first business day of the window ending `today` that a rule counts contacts in.
CivilDate CadenceWindowStart(CivilDate today, std::int64_t period_days);

// The account's breaches under `rule` (none, one or both kinds); `since` is `today` for
// over-contacted and the day after due_on for overdue.
std::vector<CadenceBreach> EvaluateCadence(Id customer_id, const CadenceRule& rule,
                                           const CadenceFacts& facts);

}  // namespace kams
