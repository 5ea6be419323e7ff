#include "http/metrics.h"

#include <cstdio>
#include <tuple>

namespace kams::http {

void Metrics::ObserveRequest(const std::string& method, const std::string& route, int status,
                             double seconds) {
  std::lock_guard lock(mutex_);
  ++requests_[{method, route, status}];
  for (std::size_t i = 0; i < kBuckets.size(); ++i) {
    if (seconds <= kBuckets[i]) ++buckets_[i];
  }
  ++count_;
  sum_ += seconds;
}

void Metrics::ObserveDatabase(double seconds) {
  std::lock_guard lock(mutex_);
  ++db_count_;
  db_sum_ += seconds;
}

std::string Metrics::Render() const {
  std::lock_guard lock(mutex_);
  std::string out;
  char buf[256];
  out += "# HELP kams_http_requests_total HTTP requests by method, route and status.\n";
  out += "# TYPE kams_http_requests_total counter\n";
  for (const auto& [key, n] : requests_) {
    const auto& [method, route, status] = key;
    out += "kams_http_requests_total{method=\"" + method + "\",route=\"" + route +
           "\",status=\"" + std::to_string(status) + "\"} " + std::to_string(n) + "\n";
  }
  out += "# HELP kams_http_request_duration_seconds Time to answer a request.\n";
  out += "# TYPE kams_http_request_duration_seconds histogram\n";
  for (std::size_t i = 0; i < kBuckets.size(); ++i) {
    std::snprintf(buf, sizeof buf, "kams_http_request_duration_seconds_bucket{le=\"%g\"} %llu\n",
                  kBuckets[i], static_cast<unsigned long long>(buckets_[i]));
    out += buf;
  }
  std::snprintf(buf, sizeof buf,
                "kams_http_request_duration_seconds_bucket{le=\"+Inf\"} %llu\n"
                "kams_http_request_duration_seconds_sum %.6f\n"
                "kams_http_request_duration_seconds_count %llu\n",
                static_cast<unsigned long long>(count_), sum_,
                static_cast<unsigned long long>(count_));
  out += buf;
  out += "# HELP kams_db_transaction_seconds Time spent in database transactions.\n";
  out += "# TYPE kams_db_transaction_seconds summary\n";
  std::snprintf(buf, sizeof buf,
                "kams_db_transaction_seconds_sum %.6f\nkams_db_transaction_seconds_count %llu\n",
                db_sum_, static_cast<unsigned long long>(db_count_));
  out += buf;
  return out;
}

}  // namespace kams::http
