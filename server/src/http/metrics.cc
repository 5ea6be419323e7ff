#include "http/metrics.h"

#include <cstdio>
#include <mutex>

namespace kams::http {

void Metrics::ObserveRequest(const std::string& method, const std::string& route, int status,
                             double seconds) {
  Key key{method, route, status};
  std::atomic<std::uint64_t>* counter = nullptr;
  {
    std::shared_lock lock(requests_mutex_);
    auto it = requests_.find(key);
    if (it != requests_.end()) counter = it->second.get();
  }
  if (!counter) {
    std::unique_lock lock(requests_mutex_);
    auto& slot = requests_[key];
    if (!slot) slot = std::make_unique<std::atomic<std::uint64_t>>(0);
    counter = slot.get();
  }
  counter->fetch_add(1, std::memory_order_relaxed);
  for (std::size_t i = 0; i < kBuckets.size(); ++i) {
    if (seconds <= kBuckets[i]) buckets_[i].fetch_add(1, std::memory_order_relaxed);
  }
  count_.fetch_add(1, std::memory_order_relaxed);
  sum_micros_.fetch_add(static_cast<std::uint64_t>(seconds * 1e6), std::memory_order_relaxed);
}

void Metrics::ObserveDatabase(double seconds) {
  db_count_.fetch_add(1, std::memory_order_relaxed);
  db_sum_micros_.fetch_add(static_cast<std::uint64_t>(seconds * 1e6), std::memory_order_relaxed);
}

void Metrics::ObserveJob(const std::string& job, bool ok) {
  std::lock_guard lock(jobs_mutex_);
  ++jobs_[{job, ok}];
}

std::string Metrics::Render() const {
  std::string out;
  char buf[256];
  out += "# HELP kams_http_requests_total HTTP requests by method, route and status.\n";
  out += "# TYPE kams_http_requests_total counter\n";
  {
    std::shared_lock lock(requests_mutex_);
    for (const auto& [key, n] : requests_) {
      const auto& [method, route, status] = key;
      out += "kams_http_requests_total{method=\"" + method + "\",route=\"" + route +
             "\",status=\"" + std::to_string(status) + "\"} " + std::to_string(n->load()) + "\n";
    }
  }
  out += "# HELP kams_http_request_duration_seconds Time to answer a request.\n";
  out += "# TYPE kams_http_request_duration_seconds histogram\n";
  for (std::size_t i = 0; i < kBuckets.size(); ++i) {
    std::snprintf(buf, sizeof buf, "kams_http_request_duration_seconds_bucket{le=\"%g\"} %llu\n",
                  kBuckets[i], static_cast<unsigned long long>(buckets_[i].load()));
    out += buf;
  }
  const auto count = count_.load();
  std::snprintf(buf, sizeof buf,
                "kams_http_request_duration_seconds_bucket{le=\"+Inf\"} %llu\n"
                "kams_http_request_duration_seconds_sum %.6f\n"
                "kams_http_request_duration_seconds_count %llu\n",
                static_cast<unsigned long long>(count), sum_micros_.load() / 1e6,
                static_cast<unsigned long long>(count));
  out += buf;
  out += "# HELP kams_db_transaction_seconds Time spent in database transactions.\n";
  out += "# TYPE kams_db_transaction_seconds summary\n";
  std::snprintf(buf, sizeof buf,
                "kams_db_transaction_seconds_sum %.6f\nkams_db_transaction_seconds_count %llu\n",
                db_sum_micros_.load() / 1e6, static_cast<unsigned long long>(db_count_.load()));
  out += buf;
  out += "# HELP kams_job_runs_total Periodic job runs on this node, by job and outcome.\n";
  out += "# TYPE kams_job_runs_total counter\n";
  {
    std::lock_guard lock(jobs_mutex_);
    for (const auto& [key, n] : jobs_) {
      out += "kams_job_runs_total{job=\"" + key.first + "\",outcome=\"" +
             (key.second ? "ok" : "failed") + "\"} " + std::to_string(n) + "\n";
    }
  }
  return out;
}

}  // namespace kams::http
