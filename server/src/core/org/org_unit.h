#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "core/common/result.h"
#include "core/common/time.h"

namespace kams {

using Id = std::int64_t;

// A node of the organisation tree (company → region → city/branch).
struct OrgUnit {
  Id id = 0;
  std::optional<Id> parent_id;  // empty only for the root
  std::string name;
  std::string kind;  // "company" | "region" | "city" | "branch" | "department"
  std::int64_t version = 1;
  Timestamp created_at = 0;
  Timestamp updated_at = 0;
};

bool IsValidOrgUnitKind(std::string_view kind);
Status ValidateOrgUnit(const OrgUnit& unit);

}  // namespace kams
