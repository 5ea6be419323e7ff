#pragma once
// A Database decorator that reports transaction time to the metrics.

#include <chrono>

#include "core/ports/database.h"
#include "http/metrics.h"

namespace kams {

class TimedDatabase final : public Database {
 public:
  TimedDatabase(Database& inner, http::Metrics& metrics) : inner_(inner), metrics_(metrics) {}
  Status Run(TxMode mode, const std::function<Status(Tx&)>& work) override {
    const auto start = std::chrono::steady_clock::now();
    Status s = inner_.Run(mode, work);
    metrics_.ObserveDatabase(
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
    return s;
  }
  std::string_view Backend() const override { return inner_.Backend(); }

 private:
  Database& inner_;
  http::Metrics& metrics_;
};

}  // namespace kams
