#include "core/customers/customer.h"

#include "core/common/validation.h"
#include "core/customers/credit_code.h"

namespace kams {
namespace {

bool OneOf(std::string_view v, std::initializer_list<std::string_view> allowed) {
  for (auto a : allowed) {
    if (v == a) return true;
  }
  return false;
}

std::optional<std::string> Opt(const std::string& s) {
  if (s.empty()) return std::nullopt;
  return s;
}

std::optional<std::string> OptInt(const std::optional<std::int64_t>& v) {
  if (!v) return std::nullopt;
  return std::to_string(*v);
}

}  // namespace

bool IsRelationshipStage(std::string_view s) {
  for (auto v : kRelationshipStages) {
    if (v == s) return true;
  }
  return false;
}

bool IsLoyaltyLevel(std::string_view s) {
  for (auto v : kLoyaltyLevels) {
    if (v == s) return true;
  }
  return false;
}

bool IsValidStage(std::string_view s) { return OneOf(s, {"prospect", "target", "active"}); }

bool IsValidTeamRole(std::string_view r) {
  return OneOf(r, {"assistant", "specialist", "sales", "service", "technical", "finance",
                   "other"});
}

Status ValidateCustomer(const Customer& c) {
  Validator v;
  v.Required("name", c.name);
  v.MaxLength("name", c.name, 200);
  v.Check(IsValidStage(c.stage), "stage", "invalid");
  if (c.external_ref) {
    v.Check(!c.external_ref->empty(), "external_ref", "invalid");
    v.MaxLength("external_ref", *c.external_ref, 64);
  }
  if (c.credit_code) v.Check(IsValidCreditCode(*c.credit_code), "credit_code", "invalid");
  v.MaxLength("industry", c.industry, 64);
  v.MaxLength("region", c.region, 64);
  v.MaxLength("address", c.address, 300);
  if (!c.phone.empty()) v.Check(IsValidPhone(c.phone), "phone", "invalid");
  v.MaxLength("website", c.website, 200);
  v.Check(c.org_unit_id > 0, "org_unit_id", "required");
  v.Check(c.ownership.empty() || OneOf(c.ownership, {"state_owned", "private", "foreign",
                                                     "joint_venture", "public_institution",
                                                     "government", "other"}),
          "ownership", "invalid");
  v.Check(c.scale.empty() || OneOf(c.scale, {"large", "medium", "small", "micro"}), "scale",
          "invalid");
  v.Check(!c.employees || (*c.employees >= 0 && *c.employees <= 10'000'000), "employees",
          "out_of_range");
  v.Check(c.founded_on.empty() || ParseCivilDate(c.founded_on).has_value(), "founded_on",
          "invalid_date");
  v.MaxLength("characteristics", c.characteristics, 2000);
  v.Check(!c.annual_revenue_fen || *c.annual_revenue_fen >= 0, "annual_revenue_fen",
          "out_of_range");
  v.MaxLength("main_business", c.main_business, 500);
  v.MaxLength("competitors", c.competitors, 500);
  v.Check(c.potential.empty() || OneOf(c.potential, {"high", "medium", "low"}), "potential",
          "invalid");
  v.MaxLength("business_notes", c.business_notes, 2000);
  v.Check(c.relationship_stage.empty() || IsRelationshipStage(c.relationship_stage),
          "relationship_stage", "invalid");
  v.Check(c.loyalty.empty() || IsLoyaltyLevel(c.loyalty), "loyalty", "invalid");
  v.Check(c.first_deal_on.empty() || ParseCivilDate(c.first_deal_on).has_value(),
          "first_deal_on", "invalid_date");
  v.Check(c.credit_rating.empty() || OneOf(c.credit_rating, {"AAA", "AA", "A", "B", "C"}),
          "credit_rating", "invalid");
  v.Check(!c.payment_terms_days || (*c.payment_terms_days >= 0 && *c.payment_terms_days <= 365),
          "payment_terms_days", "out_of_range");
  v.MaxLength("trading_notes", c.trading_notes, 2000);
  return v.ToStatus();
}

std::vector<FieldValue> CustomerFieldValues(const Customer& c) {
  return {
      {"external_ref", c.external_ref},
      {"name", c.name},
      {"stage", c.stage},
      {"credit_code", c.credit_code},
      {"industry", Opt(c.industry)},
      {"region", Opt(c.region)},
      {"address", Opt(c.address)},
      {"phone", Opt(c.phone)},
      {"website", Opt(c.website)},
      {"org_unit_id", std::to_string(c.org_unit_id)},
      {"owner_id", OptInt(c.owner_id)},
      {"is_key_account", c.is_key_account ? "true" : "false"},
      {"tier", c.tier},
      {"ownership", Opt(c.ownership)},
      {"scale", Opt(c.scale)},
      {"employees", OptInt(c.employees)},
      {"founded_on", Opt(c.founded_on)},
      {"characteristics", Opt(c.characteristics)},
      {"annual_revenue_fen", OptInt(c.annual_revenue_fen)},
      {"main_business", Opt(c.main_business)},
      {"competitors", Opt(c.competitors)},
      {"potential", Opt(c.potential)},
      {"business_notes", Opt(c.business_notes)},
      {"relationship_stage", Opt(c.relationship_stage)},
      {"loyalty", Opt(c.loyalty)},
      {"first_deal_on", Opt(c.first_deal_on)},
      {"credit_rating", Opt(c.credit_rating)},
      {"payment_terms_days", OptInt(c.payment_terms_days)},
      {"trading_notes", Opt(c.trading_notes)},
  };
}

std::string_view CustomerSortName(CustomerSort s) {
  switch (s) {
    case CustomerSort::kId: return "id";
    case CustomerSort::kName: return "name";
    case CustomerSort::kCreatedAt: return "created_at";
    case CustomerSort::kUpdatedAt: return "updated_at";
  }
  return "id";
}

std::optional<SortSpec> ParseCustomerSort(std::string_view text) {
  SortSpec spec;
  if (!text.empty() && text.front() == '-') {
    spec.descending = true;
    text.remove_prefix(1);
  }
  for (CustomerSort s : {CustomerSort::kId, CustomerSort::kName, CustomerSort::kCreatedAt,
                         CustomerSort::kUpdatedAt}) {
    if (CustomerSortName(s) == text) {
      spec.field = s;
      return spec;
    }
  }
  return std::nullopt;
}

Cursor CursorFor(const Customer& c, const SortSpec& sort) {
  switch (sort.field) {
    case CustomerSort::kId: return {std::to_string(c.id), c.id};
    case CustomerSort::kName: return {c.name, c.id};
    case CustomerSort::kCreatedAt: return {std::to_string(c.created_at), c.id};
    case CustomerSort::kUpdatedAt: return {std::to_string(c.updated_at), c.id};
  }
  return {std::to_string(c.id), c.id};
}

}  // namespace kams
