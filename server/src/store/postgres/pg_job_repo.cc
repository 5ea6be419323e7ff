#include "store/postgres/pg_repos.h"

namespace kams {

bool PgJobRepository::Claim(const std::string& job, const std::string& period,
                            const std::string& node, Timestamp now, Timestamp lease_until) {
  auto res = s_.Exec(
      "INSERT INTO job_run (job, period, node, started_at, lease_until) "
      "VALUES ($1, $2, $3, $4, $5) "
      "ON CONFLICT (job, period) DO UPDATE SET node = excluded.node, "
      "started_at = excluded.started_at, lease_until = excluded.lease_until, "
      "attempts = job_run.attempts + 1 "
      "WHERE job_run.finished_at IS NULL AND job_run.lease_until < excluded.started_at "
      "RETURNING node",
      job, period, node, now, lease_until);
  return res.size() == 1;
}

void PgJobRepository::Finish(const std::string& job, const std::string& period,
                             const std::string& node, Timestamp at, const std::string& outcome) {
  s_.Exec(
      "UPDATE job_run SET finished_at = $1, outcome = $2 "
      "WHERE job = $3 AND period = $4 AND node = $5",
      at, outcome, job, period, node);
}

std::vector<JobRun> PgJobRepository::Recent(const std::string& job, int limit) {
  auto res = s_.Exec(
      "SELECT job, period, node, started_at, lease_until, finished_at, attempts, outcome "
      "FROM job_run WHERE ($1 = '' OR job = $1) ORDER BY started_at DESC, job LIMIT $2",
      job, limit);
  std::vector<JobRun> out;
  for (const auto& r : res) {
    out.push_back(JobRun{r[0].as<std::string>(), r[1].as<std::string>(), r[2].as<std::string>(),
                         r[3].as<std::int64_t>(), r[4].as<std::int64_t>(), OptInt(r[5]),
                         r[6].as<std::int64_t>(), r[7].as<std::string>()});
  }
  return out;
}

}  // namespace kams
