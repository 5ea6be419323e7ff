#pragma once

#include <chrono>

#include "core/common/time.h"

namespace kams {

class SystemClock final : public Clock {
 public:
  Timestamp Now() const override {
    return std::chrono::duration_cast<std::chrono::microseconds>(
               std::chrono::system_clock::now().time_since_epoch())
        .count();
  }
};

}  // namespace kams
