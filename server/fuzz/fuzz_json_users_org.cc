// User bodies (POST /users with a password, PATCH /users/{id} without), org-unit bodies
// (POST/PATCH /org-units…) and handover orders (POST /users/{id}/handover): bytes →
// ParseObject → ApplyUser, ApplyOrgUnit, DecodeHandoverOrder (then CheckOrder and
// PlanHandover over a fixed set of holdings).
// Properties: a refused body names its fields and changes nothing; an applied one renders
// as JSON (valid UTF-8 throughout) with what was applied.
#include <algorithm>
#include <map>

#include "fuzz_check.h"
#include "http/handover_codec.h"
#include "http/json_codec.h"

namespace kams {
namespace {

using codec::json;

User FullUser() {
  User u;
  u.id = 9;
  u.username = "zhang.wei";
  u.display_name = "张伟";
  u.role = Role::kKam;
  u.org_unit_id = 3;
  u.email = "zhang.wei@example.cn";
  u.phone = "13900000000";
  u.locale = "zh-CN";
  u.version = 4;
  u.last_login_at = 1'700'000'000'000'000;
  return u;
}

OrgUnit FullUnit() {
  OrgUnit u;
  u.id = 3;
  u.parent_id = 1;
  u.name = "华东大区";
  u.kind = "region";
  u.version = 2;
  return u;
}

void ApplyUserTo(const json& body, User u, bool create) {
  const std::string before = codec::ToJson(u).dump();
  std::string password = "unchanged";
  const Status applied = codec::ApplyUser(body, u, create ? &password : nullptr);
  if (!applied.ok()) {
    FUZZ_CHECK(applied.error().code == ErrorCode::kValidationFailed);
    FUZZ_CHECK(!applied.error().fields.empty());
    FUZZ_CHECK(codec::ToJson(u).dump() == before);
    return;
  }
  const json out = codec::ToJson(u);
  FUZZ_CHECK(json::parse(out.dump()) == out);
  FUZZ_CHECK(out["display_name"] == u.display_name);
  FUZZ_CHECK(ParseRole(out["role"].get<std::string>()) == u.role);
  if (!create) FUZZ_CHECK(password == "unchanged");
  (void)ValidateUser(u);
  (void)IsValidUsername(u.username);
  (void)IsAcceptablePassword(password);
}

void ApplyUnitTo(const json& body, OrgUnit u) {
  const std::string before = codec::ToJson(u).dump();
  const Status applied = codec::ApplyOrgUnit(body, u);
  if (!applied.ok()) {
    FUZZ_CHECK(!applied.error().fields.empty());
    FUZZ_CHECK(codec::ToJson(u).dump() == before);
    return;
  }
  const json out = codec::ToJson(u);
  FUZZ_CHECK(out["name"] == u.name && out["kind"] == u.kind);
  FUZZ_CHECK(!u.parent_id || *u.parent_id > 0);
  (void)ValidateOrgUnit(u);
}

void DecodeOrder(const json& body) {
  auto order = codec::DecodeHandoverOrder(body);
  if (!order.ok()) {
    FUZZ_CHECK(order.error().code == ErrorCode::kValidationFailed);
    FUZZ_CHECK(!order.error().fields.empty());
    return;
  }
  FUZZ_CHECK(order->to_user_ids.size() <= kMaxSuccessors);
  for (Id id : order->to_user_ids) FUZZ_CHECK(id >= 1);
  if (order->mapping) {
    for (const auto& [customer, user] : *order->mapping) FUZZ_CHECK(customer >= 1 && user >= 1);
  }
  auto mode = CheckOrder(*order);
  if (!mode.ok()) {
    FUZZ_CHECK(!mode.error().fields.empty());
    return;
  }
  const std::vector<Holding> held = {{HandoverKind::kCustomer, 1, 1},
                                     {HandoverKind::kCustomer, 2, 2},
                                     {HandoverKind::kTeamSeat, 3, 3},
                                     {HandoverKind::kNotification, 4, std::nullopt}};
  auto plan = PlanHandover(held, *mode, order->to_user_ids, order->mapping.value_or(std::map<Id, Id>{}));
  if (!plan.ok()) {
    FUZZ_CHECK(*mode == HandoverMode::kMapping && !plan.error().fields.empty());
    return;
  }
  FUZZ_CHECK(plan->size() == held.size());
  for (const auto& item : *plan) {
    FUZZ_CHECK(std::find(order->to_user_ids.begin(), order->to_user_ids.end(), item.to_user_id) !=
               order->to_user_ids.end());
  }
}

}  // namespace
}  // namespace kams

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace kams;
  auto body = codec::ParseObject(fuzz::Text(data, size));
  if (!body.ok()) return 0;
  ApplyUserTo(*body, User{}, /*create=*/true);
  ApplyUserTo(*body, FullUser(), /*create=*/false);
  ApplyUnitTo(*body, OrgUnit{});
  ApplyUnitTo(*body, FullUnit());
  DecodeOrder(*body);
  return 0;
}
