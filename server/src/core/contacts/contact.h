#pragma once
// A person at a customer, with their part in the buying decision and whom they report
// to (the customer's org chart / relationship map).

#include <optional>
#include <string>
#include <vector>

#include "core/audit/field_change.h"
#include "core/common/result.h"
#include "core/common/time.h"
#include "core/org/org_unit.h"

namespace kams {

struct Contact {
  Id id = 0;
  Id customer_id = 0;
  std::int64_t version = 1;
  std::string name;
  std::string title;
  std::string department;
  std::string phone;
  std::string email;
  std::string buying_role;  // decision_maker | influencer | user | gatekeeper | ""
  std::optional<Id> reports_to_id;  // another contact of the same customer
  std::string interests;
  std::string birthday;     // YYYY-MM-DD or ""
  std::string notes;
  Timestamp created_at = 0;
  Timestamp updated_at = 0;
};

Status ValidateContact(const Contact& c);
std::vector<FieldValue> ContactFieldValues(const Contact& c);
bool IsValidBuyingRole(std::string_view role);

}  // namespace kams
