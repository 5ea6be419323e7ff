#pragma once
// Loads the generated demo company into a migrated, empty database: org units, users,
// customers with contacts, their monthly transactions, and the tier schemes applied to them.

#include <cstdint>
#include <functional>
#include <string>

#include "core/common/context.h"
#include "core/tiering/tiering_service.h"

namespace kams::demo {

inline constexpr const char* kDemoPassword = "kams-demo";

struct DemoOptions {
  std::uint64_t seed = 20261123;
  int customers = 2000;
  // Months of transactions, ending with the last whole month on or before today (deps.clock);
  // 0 for none, and then no tier schemes either.
  int months = 24;
};

struct LoadReport {
  int units = 0;
  int users = 0;
  int customers = 0;
  int contacts = 0;
  std::int64_t transactions = 0;
  int schemes = 0;
  std::int64_t tier_changes = 0;
  std::int64_t interactions = 0;  // contact records
  std::int64_t visit_plans = 0;
  std::int64_t contracts = 0;
  std::int64_t reviewed = 0;      // records and plans the directors marked reviewed
  std::int64_t handed_over = 0;   // customers of the demo handover
};

// Writes in transactions of a few thousand customers, reporting progress through
// `progress(customers_done)` (may be empty). Every demo user gets kDemoPassword.
// Transactions go through RecordTransactions, so the monthly roll-ups are maintained as an
// import maintains them; the schemes are stored and applied through TieringService
// (demo_tiering.h).
Result<LoadReport> LoadDemoCompany(const CoreDeps& deps, const SchemeFormat& format,
                                   const DemoOptions& options,
                                   const std::function<void(int)>& progress);

}  // namespace kams::demo
