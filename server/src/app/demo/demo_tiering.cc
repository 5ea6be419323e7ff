#include "app/demo/demo_tiering.h"

#include <algorithm>
#include <vector>

namespace kams::demo {
namespace {

// The instant `hour`:00 China time on `day`.
Timestamp BusinessTime(const CivilDate& day, int hour) {
  return (DaysFromCivil(day) * 86400 + hour * 3600 - kBusinessUtcOffsetSeconds) * kMicrosPerSecond;
}

// A tiering service whose clock reads `at`: the runs and their history carry that date.
struct DatedTiering {
  DatedTiering(const CoreDeps& deps, const SchemeFormat& format, Timestamp at)
      : clock(at), service(CoreDeps{deps.db, clock, deps.crypto, deps.access_log}, format) {}
  FixedClock clock;
  TieringService service;
};

}  // namespace

Result<DemoTieringReport> SetUpDemoTiering(const CoreDeps& deps, const SchemeFormat& format,
                                           const Principal& who, MonthIndex last_month) {
  const RequestContext ctx{"demo", "local"};
  const Timestamp now = deps.clock.Now();
  // Quarter ends of the last year, oldest first, then the last whole month.
  std::vector<MonthIndex> runs;
  for (int back = 12; back >= 0; back -= 3) runs.push_back(last_month - back);
  const auto run_time = [&](MonthIndex m) {
    return std::min(now, BusinessTime(FirstDayOf(m + 1), 2));
  };

  DemoTieringReport report;
  std::vector<Id> ids;
  {
    // Stored the day before the first run.
    DatedTiering dated(deps, format, std::min(now, BusinessTime(FirstDayOf(runs.front()), 10)));
    for (std::string_view text : kDemoSchemes) {
      KAMS_TRY(TierScheme scheme, format.Parse(text));
      SchemeSettings settings;
      settings.active = true;
      settings.primary = scheme.name == kDemoPrimaryScheme;
      KAMS_TRY(SchemeRecord stored, dated.service.Create(who, ctx, scheme, settings));
      ids.push_back(stored.id);
      ++report.schemes;
    }
  }
  for (MonthIndex m : runs) {
    DatedTiering dated(deps, format, run_time(m));
    RunOptions options;
    options.as_of = CivilFromDays(DaysFromCivil(FirstDayOf(m + 1)) - 1);  // the month's last day
    options.movers_limit = 0;
    for (Id id : ids) {
      KAMS_TRY(TieringRun run, dated.service.Apply(who, ctx, id, options));
      report.changes += run.changes;
    }
  }
  return report;
}

}  // namespace kams::demo
