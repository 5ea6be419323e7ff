#pragma once
// The demo's engagement, as a director would find it on a Tuesday morning:
//   - a handover 40 days ago: 叶峰 (ye.feng, Hangzhou) left and his accounts and open work
//     went to 方欣 (fang.xin); several of those accounts have not been contacted since, so the
//     decay view has something to show;
//   - three months of contact records with every account a cadence rule applies to (its key
//     accounts), most in rhythm, some fallen silent, a few contacted far too often;
//   - visit plans for last week and this week: most kept (each with its contact record),
//     some missed, a few cancelled, today's and the coming days' still planned;
//   - the weekly review: everything before last week reviewed by the directors, last week
//     half done, with a few comment threads;
//   - a contract (合同) with each key account: most running to the end of this year or
//     next, some ending within the month (My day's reminders), a few expired, a few
//     terminated early;
// then the daily cadence check, so each KAM's day and each director's lists start with
// something to act on.

#include "core/common/context.h"
#include "core/common/result.h"

namespace kams::demo {

struct DemoEngagementReport {
  std::int64_t interactions = 0;
  std::int64_t visit_plans = 0;
  std::int64_t reviewed = 0;
  std::int64_t handed_over = 0;  // customers in the demo handover
  std::int64_t contracts = 0;
  std::string cadence;           // what the daily check did
};

Result<DemoEngagementReport> SetUpDemoEngagement(const CoreDeps& deps, std::uint64_t seed);

}  // namespace kams::demo
