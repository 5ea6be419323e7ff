#include "core/jobs/job_scheduler.h"

#include <gtest/gtest.h>

namespace kams {
namespace {

TEST(JobScheduler, PeriodStartFloorsToThePeriod) {
  constexpr Timestamp kHour = 3600 * kMicrosPerSecond;
  struct Case {
    Timestamp now, period, start;
  };
  const Case cases[] = {
      {0, kHour, 0},
      {kHour - 1, kHour, 0},
      {kHour, kHour, kHour},
      {5 * kHour + 17, kHour, 5 * kHour},
      {-1, kHour, -kHour},  // before the epoch: floor, not truncation
      {-kHour, kHour, -kHour},
      {1'763'900'000'123'456, kMicrosPerSecond, 1'763'900'000'000'000},
      {42, 0, 42},  // no period: every instant is its own
  };
  for (const auto& c : cases) {
    EXPECT_EQ(PeriodStart(c.now, c.period), c.start) << c.now << " / " << c.period;
  }
  EXPECT_EQ(FormatRfc3339(PeriodStart(1'763'900'000'123'456, kHour)), "2025-11-23T12:00:00Z");
}

}  // namespace
}  // namespace kams
