#pragma once
// Periodic jobs that run on exactly one node per period, whichever nodes are up.
//
// Each job has a period (an hour, a day). Time is cut into periods from the Unix epoch;
// the period's start, in RFC 3339, names it. On every tick each node tries to claim the
// current period of every job in the database (job_run); the claim is a single insert, so
// one node wins and the others see the row. A node that dies mid-run leaves an unfinished
// row whose lease expires; the next tick of any node takes the run over.

#include <functional>
#include <string>
#include <vector>

#include "core/common/context.h"
#include "core/common/result.h"

namespace kams {

struct JobSpec {
  std::string name;         // e.g. "auth.purge"
  Timestamp period = 0;     // µs
  Timestamp lease = 0;      // µs a claim stays exclusive; 0: the period, at most 10 min
  Timestamp offset = 0;     // periods begin this long after the epoch's (18 h: 02:00 in China)
  // Does the work; returns what it did, in words (kept as the run's outcome).
  std::function<Result<std::string>()> run;
};

// The period (start instant) that `now` falls in.
Timestamp PeriodStart(Timestamp now, Timestamp period);

class JobScheduler {
 public:
  // `period_override` (µs, 0: none) makes every job run at that period instead: for
  // tests and drills that cannot wait an hour.
  JobScheduler(CoreDeps deps, std::string node, Timestamp period_override = 0)
      : deps_(deps), node_(std::move(node)), period_override_(period_override) {}

  void Add(JobSpec spec);
  // Called after every run on this node (for metrics).
  void OnRun(std::function<void(const std::string& job, bool ok)> observer) {
    on_run_ = std::move(observer);
  }
  // Runs every job whose current period this node wins. Returns how many ran here.
  // Failures are recorded as the run's outcome, never thrown.
  int Tick();
  const std::string& node() const { return node_; }

 private:
  Timestamp PeriodOf(const JobSpec& spec) const;
  CoreDeps deps_;
  std::string node_;
  Timestamp period_override_;
  std::vector<JobSpec> jobs_;
  std::function<void(const std::string&, bool)> on_run_;
};

}  // namespace kams
