// Contact bodies (POST/PATCH /customers/{id}/contacts…), contract bodies (POST/PATCH
// /customers/{id}/contracts…) and account-team bodies (POST /customers/{id}/team): bytes →
// ParseObject → ApplyContact, ApplyContract, ApplyTeamMember.
// Properties: a refused body names its fields and changes nothing; what is applied
// renders as JSON (every string valid UTF-8, or dump would throw) and round-trips.
#include "fuzz_check.h"
#include "http/json_codec.h"

namespace kams {
namespace {

using codec::json;

Contact FullContact() {
  Contact c;
  c.id = 5;
  c.customer_id = 42;
  c.version = 3;
  c.name = "李娜";
  c.title = "采购经理";
  c.department = "采购部";
  c.phone = "13800000000";
  c.email = "li.na@example.cn";
  c.buying_role = "decision_maker";
  c.reports_to_id = 4;
  c.interests = "羽毛球";
  c.birthday = "1985-10-01";
  c.notes = "prefers WeChat";
  return c;
}

void ApplyContactTo(const json& body, Contact c) {
  const std::string before = codec::ToJson(c).dump();
  const auto before_fields = ContactFieldValues(c);
  const Status applied = codec::ApplyContact(body, c);
  if (!applied.ok()) {
    FUZZ_CHECK(applied.error().code == ErrorCode::kValidationFailed);
    FUZZ_CHECK(!applied.error().fields.empty());
    FUZZ_CHECK(codec::ToJson(c).dump() == before);
    return;
  }
  const json out = codec::ToJson(c);
  FUZZ_CHECK(json::parse(out.dump()) == out);
  FUZZ_CHECK(out["name"] == c.name && out["notes"] == c.notes);
  (void)ValidateContact(c);
  (void)DiffFields(before_fields, ContactFieldValues(c));
}

Contract FullContract() {
  Contract c;
  c.id = 7;
  c.customer_id = 42;
  c.version = 2;
  c.number = "HT-2026-001";
  c.title = "年度供货合同";
  c.status = "terminated";
  c.signed_on = "2025-12-20";
  c.starts_on = "2026-01-01";
  c.ends_on = "2026-12-31";
  c.amount_fen = 128000000;
  c.terminated_on = "2026-09-30";
  c.termination_reason = "协商提前终止";
  c.notes = "含巡检";
  return c;
}

// An applied contract renders and round-trips; its amount is the integer sent and its
// rules (ValidateContract, which the service runs next) can be checked.
void ApplyContractTo(const json& body, Contract c) {
  const std::string before = codec::ToJson(c).dump();
  const auto before_fields = ContractFieldValues(c);
  const Status applied = codec::ApplyContract(body, c);
  if (!applied.ok()) {
    FUZZ_CHECK(applied.error().code == ErrorCode::kValidationFailed);
    FUZZ_CHECK(!applied.error().fields.empty());
    FUZZ_CHECK(codec::ToJson(c).dump() == before);
    (void)codec::ErrorJson(applied.error()).dump();
    return;
  }
  const json out = codec::ToJson(c);
  FUZZ_CHECK(json::parse(out.dump()) == out);
  FUZZ_CHECK(out["number"] == c.number && out["starts_on"] == c.starts_on);
  if (ValidateContract(c).ok()) {
    FUZZ_CHECK(ParseCivilDate(c.starts_on).has_value());
    FUZZ_CHECK(!c.amount_fen || (*c.amount_fen >= 0 && *c.amount_fen <= kMaxContractAmountFen));
  }
  if (body.contains("amount_fen") && !body["amount_fen"].is_null()) {
    FUZZ_CHECK(c.amount_fen && body["amount_fen"].is_number_integer());
  }
  (void)DiffFields(before_fields, ContractFieldValues(c));
}

}  // namespace
}  // namespace kams

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace kams;
  auto body = codec::ParseObject(fuzz::Text(data, size));
  if (!body.ok()) return 0;
  ApplyContactTo(*body, Contact{});
  ApplyContactTo(*body, FullContact());
  ApplyContractTo(*body, Contract{});
  ApplyContractTo(*body, FullContract());

  AccountTeamMember m;
  m.customer_id = 42;
  if (codec::ApplyTeamMember(*body, m).ok()) {
    FUZZ_CHECK(m.user_id > 0);
    (void)IsValidTeamRole(m.team_role);
    FUZZ_CHECK(codec::ToJson(m)["team_role"] == m.team_role);
    (void)codec::ToJson(m).dump();
  }
  return 0;
}
