#pragma once
// Prometheus metrics: requests by route and status, a latency histogram, database time.

#include <array>
#include <atomic>
#include <cstdint>
#include <map>
#include <mutex>
#include <string>

namespace kams::http {

class Metrics {
 public:
  static constexpr std::array<double, 12> kBuckets = {0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025,
                                                      0.05,   0.1,   0.25,   0.5,   1.0,  2.5};
  void ObserveRequest(const std::string& method, const std::string& route, int status,
                      double seconds);
  void ObserveDatabase(double seconds);
  std::string Render() const;

 private:
  mutable std::mutex mutex_;
  std::map<std::tuple<std::string, std::string, int>, std::uint64_t> requests_;
  std::array<std::uint64_t, kBuckets.size()> buckets_{};
  std::uint64_t count_ = 0;
  double sum_ = 0;
  std::uint64_t db_count_ = 0;
  double db_sum_ = 0;
};

}  // namespace kams::http
