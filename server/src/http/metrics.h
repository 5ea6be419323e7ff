#pragma once
// Prometheus metrics: requests by route and status, a latency histogram, database time.
// The hot path is lock-free after a (method, route, status) key has been seen once.

#include <array>
#include <atomic>
#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <shared_mutex>
#include <string>
#include <tuple>

namespace kams::http {

class Metrics {
 public:
  static constexpr std::array<double, 12> kBuckets = {0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025,
                                                      0.05,   0.1,   0.25,   0.5,   1.0,  2.5};
  void ObserveRequest(const std::string& method, const std::string& route, int status,
                      double seconds);
  void ObserveDatabase(double seconds);
  // One run of a periodic job on this node.
  void ObserveJob(const std::string& job, bool ok);
  std::string Render() const;

 private:
  using Key = std::tuple<std::string, std::string, int>;
  mutable std::shared_mutex requests_mutex_;
  std::map<Key, std::unique_ptr<std::atomic<std::uint64_t>>> requests_;
  std::array<std::atomic<std::uint64_t>, kBuckets.size()> buckets_{};
  std::atomic<std::uint64_t> count_{0};
  std::atomic<std::uint64_t> sum_micros_{0};
  mutable std::mutex jobs_mutex_;
  std::map<std::pair<std::string, bool>, std::uint64_t> jobs_;
  std::atomic<std::uint64_t> db_count_{0};
  std::atomic<std::uint64_t> db_sum_micros_{0};
};

}  // namespace kams::http
