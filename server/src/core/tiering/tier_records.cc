#include "core/tiering/tier_records.h"

#include <algorithm>

namespace kams {

std::string_view TierChangeKindName(TierChangeKind k) {
  switch (k) {
    case TierChangeKind::kAssign: return "assign";
    case TierChangeKind::kUpgrade: return "upgrade";
    case TierChangeKind::kDowngrade: return "downgrade";
    case TierChangeKind::kRevoke: return "revoke";
  }
  return "assign";
}

std::string_view TierChangeSourceName(TierChangeSource s) {
  switch (s) {
    case TierChangeSource::kRule: return "rule";
    case TierChangeSource::kManual: return "manual";
    case TierChangeSource::kNomination: return "nomination";
  }
  return "rule";
}

std::optional<TierChangeKind> ParseTierChangeKind(std::string_view s) {
  for (auto k : {TierChangeKind::kAssign, TierChangeKind::kUpgrade, TierChangeKind::kDowngrade,
                 TierChangeKind::kRevoke}) {
    if (TierChangeKindName(k) == s) return k;
  }
  return std::nullopt;
}

std::optional<TierChangeSource> ParseTierChangeSource(std::string_view s) {
  for (auto k : {TierChangeSource::kRule, TierChangeSource::kManual, TierChangeSource::kNomination}) {
    if (TierChangeSourceName(k) == s) return k;
  }
  return std::nullopt;
}

TierChangeKind KindOfChange(const std::optional<std::string>& from,
                            const std::optional<std::string>& to,
                            const std::vector<std::string>& names) {
  if (!to) return TierChangeKind::kRevoke;
  if (!from) return TierChangeKind::kAssign;
  const auto old_at = std::find(names.begin(), names.end(), *from);
  const auto new_at = std::find(names.begin(), names.end(), *to);
  // A tier the scheme no longer has: the customer is placed afresh.
  if (old_at == names.end() || new_at == names.end()) return TierChangeKind::kAssign;
  return new_at < old_at ? TierChangeKind::kUpgrade : TierChangeKind::kDowngrade;
}

}  // namespace kams
