#include "core/org/org_unit.h"

#include "core/common/validation.h"

namespace kams {

bool IsValidOrgUnitKind(std::string_view kind) {
  return kind == "company" || kind == "region" || kind == "city" || kind == "branch" ||
         kind == "department";
}

Status ValidateOrgUnit(const OrgUnit& unit) {
  Validator v;
  v.Required("name", unit.name);
  v.MaxLength("name", unit.name, 100);
  v.Required("kind", unit.kind);
  v.Check(IsValidOrgUnitKind(unit.kind), "kind", "invalid");
  return v.ToStatus();
}

}  // namespace kams
