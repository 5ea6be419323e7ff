#pragma once
// A contract (合同) with a customer: its number, what it covers, when it was signed, runs
// from and to, its value, and whether it was terminated early. The dossier lists them and
// My day reminds the account's team of the ones about to end.

#include <optional>
#include <string>
#include <vector>

#include "core/audit/field_change.h"
#include "core/common/result.h"
#include "core/common/time.h"
#include "core/org/org_unit.h"

namespace kams {

struct Contract {
  Id id = 0;
  Id customer_id = 0;
  std::int64_t version = 1;
  std::string number;                  // 合同编号: unique within the customer
  std::string title;
  std::string status = "active";       // active | terminated
  std::string signed_on;               // YYYY-MM-DD or ""
  std::string starts_on;               // YYYY-MM-DD
  std::string ends_on;                 // YYYY-MM-DD or "" (open-ended)
  std::optional<std::int64_t> amount_fen;
  std::string terminated_on;           // YYYY-MM-DD with status terminated, else ""
  std::string termination_reason;      // with status terminated, else ""
  std::string notes;
  std::optional<Id> created_by;
  Timestamp created_at = 0;
  Timestamp updated_at = 0;
};

inline constexpr std::int64_t kMaxContractAmountFen = 1'000'000'000'000'000;  // ¥10 trillion

bool IsValidContractStatus(std::string_view status);
Status ValidateContract(const Contract& c);
std::vector<FieldValue> ContractFieldValues(const Contract& c);

// An active contract of one of the user's accounts that ends within the next days.
struct ContractReminder {
  Id contract_id = 0;
  std::string number;
  std::string title;
  Id customer_id = 0;
  std::string customer_name;
  CivilDate ends_on;
  std::int64_t in_days = 0;  // 0: ends today
};

}  // namespace kams
