#pragma once
// What tiering keeps: stored schemes and their versions, every customer's current tier under
// each scheme, and the history of changes.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/common/result.h"
#include "core/common/time.h"
#include "core/org/org_unit.h"
#include "core/tiering/tier_scheme.h"

namespace kams {

// A stored scheme: its settings, and the current version's definition (JSON text).
struct SchemeRecord {
  Id id = 0;
  std::string name;
  SchemeKind kind = SchemeKind::kRules;
  std::int64_t current_version = 1;
  bool active = false;   // the nightly job applies it
  bool primary = false;  // its tier is the customer's `tier` and decides `is_key_account`
  std::int64_t version = 1;  // of the record (If-Match)
  Timestamp created_at = 0;
  std::optional<Id> created_by;
  Timestamp updated_at = 0;
  std::optional<Timestamp> last_applied_at;
  std::optional<std::int64_t> last_applied_version;
  std::optional<CivilDate> last_applied_as_of;
  std::string definition;
};

struct SchemeVersionRecord {
  Id scheme_id = 0;
  std::int64_t version = 1;
  std::string definition;
  Timestamp created_at = 0;
  std::optional<Id> created_by;
};

// A customer's current tier under one scheme (tier empty: revoked by hand and pinned).
struct TierAssignment {
  Id customer_id = 0;
  std::optional<std::string> tier;
  std::int64_t value = 0;
  CivilDate since;
  std::optional<CivilDate> pinned_until;
};

enum class TierChangeKind { kAssign, kUpgrade, kDowngrade, kRevoke };
enum class TierChangeSource { kRule, kManual, kNomination };
std::string_view TierChangeKindName(TierChangeKind k);
std::string_view TierChangeSourceName(TierChangeSource s);
std::optional<TierChangeKind> ParseTierChangeKind(std::string_view s);
std::optional<TierChangeSource> ParseTierChangeSource(std::string_view s);

// The kind of a move from `from` to `to` under a scheme whose tiers are `names`, best first.
TierChangeKind KindOfChange(const std::optional<std::string>& from,
                            const std::optional<std::string>& to,
                            const std::vector<std::string>& names);

struct TierChange {
  Id id = 0;
  Id customer_id = 0;
  Id scheme_id = 0;
  std::int64_t scheme_version = 1;
  std::optional<std::string> old_tier;
  std::optional<std::string> new_tier;
  TierChangeKind kind = TierChangeKind::kAssign;
  TierChangeSource source = TierChangeSource::kRule;
  std::string note;   // the requester's words (manual, nomination)
  std::string facts;  // what a rule change rested on (EncodeFacts)
  std::optional<Id> actor_id;
  CivilDate effective_on;
  std::optional<CivilDate> pinned_until;
  Timestamp created_at = 0;
  // Read with the change (joins), not written:
  std::string scheme_name;
  std::optional<std::string> actor_name;
};

}  // namespace kams
