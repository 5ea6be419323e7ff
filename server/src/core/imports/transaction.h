#pragma once
// Transactions (orders) of a customer, and the monthly roll-ups kept with them.

#include <optional>
#include <string>

#include "core/common/time.h"
#include "core/org/org_unit.h"
#include "core/tiering/rollups.h"

namespace kams {

struct Transaction {
  Id id = 0;
  Id customer_id = 0;
  std::string txn_ref;  // the source system's transaction id: unique
  CivilDate date;
  std::int64_t amount_fen = 0;
  std::optional<std::int64_t> margin_fen;
  std::string product;
  std::string order_ref;
  Timestamp created_at = 0;
  std::optional<Id> created_by;
};

// What a batch of transactions adds to one customer-month.
struct MonthDelta {
  Id customer_id = 0;
  MonthIndex month = 0;
  std::int64_t revenue_fen = 0;
  std::int64_t orders = 0;
  std::int64_t margin_fen = 0;
};

}  // namespace kams
