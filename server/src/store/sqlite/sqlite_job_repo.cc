#include "store/sqlite/sqlite_repos.h"

namespace kams {

bool SqliteJobRepository::Claim(const std::string& job, const std::string& period,
                                const std::string& node, Timestamp now, Timestamp lease_until) {
  auto& st = c_.Prepare(
      "INSERT INTO job_run (job, period, node, started_at, lease_until) VALUES (?, ?, ?, ?, ?) "
      "ON CONFLICT (job, period) DO UPDATE SET node = excluded.node, "
      "started_at = excluded.started_at, lease_until = excluded.lease_until, "
      "attempts = job_run.attempts + 1 "
      "WHERE job_run.finished_at IS NULL AND job_run.lease_until < excluded.started_at");
  st.bind(1, job);
  st.bind(2, period);
  st.bind(3, node);
  st.bind(4, static_cast<std::int64_t>(now));
  st.bind(5, static_cast<std::int64_t>(lease_until));
  return st.exec() == 1;
}

void SqliteJobRepository::Finish(const std::string& job, const std::string& period,
                                 const std::string& node, Timestamp at,
                                 const std::string& outcome) {
  auto& st = c_.Prepare(
      "UPDATE job_run SET finished_at = ?, outcome = ? WHERE job = ? AND period = ? AND node = ?");
  st.bind(1, static_cast<std::int64_t>(at));
  st.bind(2, outcome);
  st.bind(3, job);
  st.bind(4, period);
  st.bind(5, node);
  st.exec();
}

std::vector<JobRun> SqliteJobRepository::Recent(const std::string& job, int limit) {
  auto& st = c_.Prepare(
      "SELECT job, period, node, started_at, lease_until, finished_at, attempts, outcome "
      "FROM job_run WHERE (? = '' OR job = ?) ORDER BY started_at DESC, job LIMIT ?");
  st.bind(1, job);
  st.bind(2, job);
  st.bind(3, limit);
  std::vector<JobRun> out;
  while (st.executeStep()) {
    out.push_back(JobRun{st.getColumn(0).getString(), st.getColumn(1).getString(),
                         st.getColumn(2).getString(), st.getColumn(3).getInt64(),
                         st.getColumn(4).getInt64(), OptInt(st.getColumn(5)),
                         st.getColumn(6).getInt64(), st.getColumn(7).getString()});
  }
  return out;
}

}  // namespace kams
