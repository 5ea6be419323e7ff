// Customer bodies (POST /customers, PATCH /customers/{id}): bytes → ParseObject →
// ApplyCustomer, onto a blank dossier (create) and onto a full one (update).
// Properties: a refused body names its fields and changes nothing; an applied one comes
// back out of the dossier writer as valid JSON holding exactly what was applied.
#include "fuzz_check.h"
#include "http/json_codec.h"

namespace kams {
namespace {

using codec::json;

Customer FullCustomer() {
  Customer c;
  c.id = 42;
  c.version = 7;
  c.external_ref = "C-0042";
  c.name = "苏州供电有限公司";
  c.stage = "active";
  c.credit_code = "91320500MA1MXXXX0X";
  c.industry = "能源";
  c.region = "江苏";
  c.address = "苏州市姑苏区";
  c.phone = "0512-12345678";
  c.website = "https://example.cn";
  c.org_unit_id = 3;
  c.owner_id = 9;
  c.owner_name = "张伟";
  c.tier = "A";
  c.ownership = "state_owned";
  c.scale = "large";
  c.employees = 1200;
  c.founded_on = "1998-05-01";
  c.annual_revenue_fen = 12'345'600;
  c.potential = "high";
  c.first_deal_on = "2019-01-02";
  c.credit_rating = "AA";
  c.payment_terms_days = 60;
  return c;
}

void CheckWrittenBack(const Customer& c) {
  const json back = json::parse(codec::CustomerJson(c), nullptr, /*allow_exceptions=*/false);
  FUZZ_CHECK(back.is_object());
  const std::pair<const char*, const std::string Customer::*> texts[] = {
      {"name", &Customer::name},         {"stage", &Customer::stage},
      {"industry", &Customer::industry}, {"region", &Customer::region},
      {"address", &Customer::address},   {"phone", &Customer::phone},
      {"website", &Customer::website},   {"characteristics", &Customer::characteristics},
      {"main_business", &Customer::main_business}, {"competitors", &Customer::competitors},
      {"business_notes", &Customer::business_notes}, {"trading_notes", &Customer::trading_notes},
  };
  for (const auto& [key, member] : texts) FUZZ_CHECK(back[key] == c.*member);
  FUZZ_CHECK(back["external_ref"] == (c.external_ref ? json(*c.external_ref) : json(nullptr)));
  FUZZ_CHECK(back["credit_code"] == (c.credit_code ? json(*c.credit_code) : json(nullptr)));
  FUZZ_CHECK(back["org_unit_id"] == c.org_unit_id);
  FUZZ_CHECK(back["owner_id"] == (c.owner_id ? json(*c.owner_id) : json(nullptr)));
  FUZZ_CHECK(back["employees"] == (c.employees ? json(*c.employees) : json(nullptr)));
  FUZZ_CHECK(back["annual_revenue_fen"] ==
             (c.annual_revenue_fen ? json(*c.annual_revenue_fen) : json(nullptr)));
}

}  // namespace
}  // namespace kams

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace kams;
  auto body = codec::ParseObject(fuzz::Text(data, size));
  if (!body.ok()) return 0;
  for (Customer c : {Customer{}, FullCustomer()}) {
    const std::string before = codec::CustomerJson(c);
    const auto before_fields = CustomerFieldValues(c);
    const Status applied = codec::ApplyCustomer(*body, c);
    if (!applied.ok()) {
      FUZZ_CHECK(applied.error().code == ErrorCode::kValidationFailed);
      FUZZ_CHECK(!applied.error().fields.empty());
      FUZZ_CHECK(codec::CustomerJson(c) == before);
      continue;
    }
    CheckWrittenBack(c);
    (void)ValidateCustomer(c);
    (void)DiffFields(before_fields, CustomerFieldValues(c));
  }
  return 0;
}
