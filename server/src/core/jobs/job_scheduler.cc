#include "core/jobs/job_scheduler.h"

#include <algorithm>

namespace kams {

Timestamp PeriodStart(Timestamp now, Timestamp period) {
  if (period <= 0) return now;
  Timestamp q = now / period;
  if (now % period < 0) --q;  // floor for instants before the epoch
  return q * period;
}

void JobScheduler::Add(JobSpec spec) { jobs_.push_back(std::move(spec)); }

Timestamp JobScheduler::PeriodOf(const JobSpec& spec) const {
  return period_override_ > 0 ? period_override_ : spec.period;
}

int JobScheduler::Tick() {
  int ran = 0;
  for (const auto& job : jobs_) {
    const Timestamp period = PeriodOf(job);
    const Timestamp now = deps_.clock.Now();
    const Timestamp offset = period_override_ > 0 ? 0 : job.offset;
    const std::string key = FormatRfc3339(PeriodStart(now - offset, period) + offset);
    const Timestamp lease =
        job.lease > 0 ? job.lease : std::min<Timestamp>(period, 600 * kMicrosPerSecond);
    bool mine = false;
    Status claimed = deps_.db.Run(TxMode::kWrite, [&](Tx& tx) -> Status {
      mine = tx.jobs().Claim(job.name, key, node_, now, now + lease);
      return Ok();
    });
    if (!claimed.ok() || !mine) continue;
    ++ran;
    auto outcome = job.run();
    const std::string text =
        outcome.ok() ? *outcome : "failed: " + outcome.error().message;
    // A failed finish leaves the run unfinished; its lease expiring lets a node retry it.
    (void)deps_.db.Run(TxMode::kWrite, [&](Tx& tx) -> Status {
      tx.jobs().Finish(job.name, key, node_, deps_.clock.Now(), text);
      return Ok();
    });
    if (on_run_) on_run_(job.name, outcome.ok());
  }
  return ran;
}

}  // namespace kams
