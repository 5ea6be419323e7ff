#pragma once
// Deterministic monthly transactions for the demo company: what makes its tier schemes,
// roll-ups and dashboards meaningful.
//
// Contract: GenerateDemoTransactions is a pure function of its arguments, integer-only like
// GenerateDemoCompany, so the same seed, company and months give byte-identical output
// everywhere. Only active customers trade (about 9 in 10 of them). Amounts are heavy-tailed:
// the customers the generator flagged as key accounts buy large and often, a few others
// grow into that range, some decline, a few stop or start within the window; every month
// carries seasonal noise (Spring Festival low, year-end high).

#include <cstdint>
#include <string>
#include <vector>

#include "app/demo/demo_company.h"

namespace kams::demo {

struct DemoTransaction {
  std::uint32_t customer_index = 0;  // into DemoCompany::customers
  std::string txn_ref;               // unique: "DEMO-<external_ref>-<YYYYMM>-<n>"
  int year = 0, month = 0, day = 0;  // day 1..28
  std::int64_t amount_fen = 0;       // > 0
  std::int64_t margin_fen = 0;       // 8–30 % of the amount
  std::string product;
  std::string order_ref;
};

// Transactions in the `months` whole months that end with (last_year, last_month), ordered
// by customer, then month. REQUIRES: 1 <= last_month <= 12, months >= 0.
std::vector<DemoTransaction> GenerateDemoTransactions(std::uint64_t seed,
                                                      const DemoCompany& company, int last_year,
                                                      int last_month, int months);

}  // namespace kams::demo
