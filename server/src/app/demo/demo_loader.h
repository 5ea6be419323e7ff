#pragma once
// Loads the generated demo company into a migrated, empty database.

#include <cstdint>
#include <string>

#include "core/common/context.h"

namespace kams::demo {

inline constexpr const char* kDemoPassword = "kams-demo";

struct LoadReport {
  int units = 0;
  int users = 0;
  int customers = 0;
  int contacts = 0;
};

// Writes in transactions of a few thousand customers, reporting progress through
// `progress(customers_done)` (may be empty). Every demo user gets kDemoPassword.
Result<LoadReport> LoadDemoCompany(const CoreDeps& deps, std::uint64_t seed, int customer_count,
                                   const std::function<void(int)>& progress);

}  // namespace kams::demo
