#pragma once
// The demo company's tier schemes: the three documented examples, stored active, with
// "Key-account grade" primary (so its tiers decide the dossiers' tier and key-account
// flag), and applied over the demo's transactions.

#include <cstdint>
#include <string_view>

#include "core/common/context.h"
#include "core/org/user.h"
#include "core/tiering/rollups.h"
#include "core/tiering/tiering_service.h"

namespace kams::demo {

// The documented examples (the API tests use them too), as `kams retier --scheme` reads them.
inline constexpr std::string_view kDemoSchemes[] = {
    R"({"name": "ABC by revenue", "kind": "abc", "metric": "revenue", "window_months": 12, "cuts_percent": [80, 95], "tiers": ["A", "B", "C"]})",
    R"({"name": "Star level", "kind": "stars", "metric": "revenue", "months": 6, "levels": [{"tier": "3star", "min_fen": 3000000}, {"tier": "4star", "min_fen": 5000000}, {"tier": "5star", "min_fen": 8000000}]})",
    R"({"name": "Key-account grade", "kind": "rules", "tiers": [{"tier": "strategic", "all": [{"metric": "revenue", "window_months": 12, "op": ">=", "value_fen": 500000000}]}, {"tier": "key", "any": [{"metric": "revenue", "window_months": 12, "op": ">=", "value_fen": 100000000}, {"metric": "orders", "window_months": 12, "op": ">=", "value": 120}]}]})",
};
inline constexpr std::string_view kDemoPrimaryScheme = "Key-account grade";

struct DemoTieringReport {
  int schemes = 0;
  std::int64_t changes = 0;  // tier changes written, all runs together
};

// Stores the schemes and applies them as of the end of every third month of the year up to
// `last_month`, and of `last_month` itself, each run dated the morning after (02:00 China
// time, when the nightly job runs, but never later than `deps.clock`): the tier history
// then shows customers rising and falling over the year. REQUIRES: the database holds
// none of the schemes yet.
Result<DemoTieringReport> SetUpDemoTiering(const CoreDeps& deps, const SchemeFormat& format,
                                           const Principal& who, MonthIndex last_month);

}  // namespace kams::demo
