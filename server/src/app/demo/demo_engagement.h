#pragma once
// The demo's contact records: three months of contact with every account a cadence rule
// applies to (its key accounts), most in rhythm, some fallen silent, a few contacted far
// too often; then the daily cadence check, so each KAM's day and each director's breach
// list start with something to act on.

#include "core/common/context.h"
#include "core/common/result.h"

namespace kams::demo {

struct DemoEngagementReport {
  std::int64_t interactions = 0;
  std::string cadence;  // what the daily check did
};

Result<DemoEngagementReport> SetUpDemoEngagement(const CoreDeps& deps, std::uint64_t seed);

}  // namespace kams::demo
