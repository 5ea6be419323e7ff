// Nominations and notifications as the API shows them; nomination requests read.
#include "http/handler_util.h"
#include "http/json_codec.h"

namespace kams::codec {
namespace {

json OptInt(const std::optional<std::int64_t>& v) { return v ? json(*v) : json(nullptr); }
json OptText(const std::optional<std::string>& v) { return v ? json(*v) : json(nullptr); }

}  // namespace

json ToJson(const Nomination& n) {
  json steps = json::array();
  for (const auto& s : n.steps) {
    steps.push_back({{"id", s.id},
                     {"submission", s.submission},
                     {"level", s.level},
                     {"action", std::string(StepActionName(s.action))},
                     {"actor_id", OptInt(s.actor_id)},
                     {"actor_name", OptText(s.actor_name)},
                     {"comment", s.comment},
                     {"at", FormatRfc3339(s.at)}});
  }
  return json{
      {"id", n.id},
      {"customer_id", n.customer_id},
      {"customer_name", n.customer_name},
      {"nominator_id", n.nominator_id},
      {"nominator_name", n.nominator_name},
      {"kind", std::string(NominationKindName(n.kind))},
      {"scheme_id", OptInt(n.scheme_id)},
      {"scheme_name", OptText(n.scheme_name)},
      {"proposed_tier", OptText(n.proposed_tier)},
      {"reason", n.reason},
      {"pinned_until", n.pinned_until ? json(FormatCivilDate(*n.pinned_until)) : json(nullptr)},
      {"metrics",
       {{"revenue_12m_fen", n.revenue_12m_fen},
        {"orders_12m", n.orders_12m},
        {"margin_12m_fen", n.margin_12m_fen}}},
      {"status", std::string(NominationStatusName(n.status))},
      {"level", n.level},
      {"levels", n.levels},
      {"approver_role",
       n.approver_role ? json(std::string(RoleName(*n.approver_role))) : json(nullptr)},
      {"approver_unit_id", OptInt(n.approver_unit_id)},
      {"approver_unit_name", OptText(n.approver_unit_name)},
      {"submissions", n.submissions},
      {"version", n.version},
      {"created_at", FormatRfc3339(n.created_at)},
      {"updated_at", FormatRfc3339(n.updated_at)},
      {"decided_at", n.decided_at ? json(FormatRfc3339(*n.decided_at)) : json(nullptr)},
      {"steps", steps}};
}

json ToJson(const Notification& n) {
  return json{{"id", n.id},
              {"kind", n.kind},
              {"entity", n.entity},
              {"entity_id", OptInt(n.entity_id)},
              {"customer_id", OptInt(n.customer_id)},
              {"title", n.title},
              {"body", n.body},
              {"created_at", FormatRfc3339(n.created_at)},
              {"read_at", n.read_at ? json(FormatRfc3339(*n.read_at)) : json(nullptr)}};
}

Result<NominationDraft> DecodeNominationDraft(const json& body) {
  KAMS_CHECK(http::OnlyFields(body, {"customer_id", "kind", "scheme_id", "proposed_tier",
                                     "reason", "pinned_until"}));
  NominationDraft d;
  std::vector<FieldError> problems;
  if (auto it = body.find("customer_id"); it == body.end() || it->is_null()) {
    problems.push_back({"customer_id", "required"});
  } else if (!it->is_number_integer() || it->get<std::int64_t>() < 1) {
    problems.push_back({"customer_id", "must_be_id"});
  } else {
    d.customer_id = it->get<std::int64_t>();
  }
  if (auto it = body.find("kind"); it != body.end() && !it->is_null()) {
    auto kind = it->is_string() ? ParseNominationKind(it->get<std::string>()) : std::nullopt;
    if (!kind) {
      problems.push_back({"kind", "invalid"});
    } else {
      d.kind = *kind;
    }
  }
  if (auto it = body.find("scheme_id"); it != body.end() && !it->is_null()) {
    if (!it->is_number_integer() || it->get<std::int64_t>() < 1) {
      problems.push_back({"scheme_id", "must_be_id"});
    } else {
      d.scheme_id = it->get<std::int64_t>();
    }
  }
  if (auto it = body.find("reason"); it == body.end() || it->is_null()) {
    problems.push_back({"reason", "required"});
  } else if (!it->is_string()) {
    problems.push_back({"reason", "must_be_string"});
  } else {
    d.reason = it->get<std::string>();
  }
  if (!problems.empty()) return ValidationFailed(problems);
  KAMS_TRY(auto tier, http::NullableText(body, "proposed_tier"));
  if (tier) d.proposed_tier = *tier;
  KAMS_TRY(auto pin, http::NullableDate(body, "pinned_until"));
  if (pin) d.pinned_until = *pin;
  return d;
}

Result<NominationChanges> DecodeNominationChanges(const json& body) {
  KAMS_CHECK(http::OnlyFields(body, {"reason", "proposed_tier", "pinned_until"}));
  NominationChanges changes;
  KAMS_TRY(auto reason, http::NullableText(body, "reason"));
  if (reason) {
    if (!*reason) return ValidationFailed({{"reason", "required"}});
    changes.reason = **reason;
  }
  KAMS_TRY(changes.proposed_tier, http::NullableText(body, "proposed_tier"));
  KAMS_TRY(changes.pinned_until, http::NullableDate(body, "pinned_until"));
  return changes;
}

Result<std::vector<Role>> DecodeApprovalChain(const json& body) {
  KAMS_CHECK(http::OnlyFields(body, {"roles"}));
  auto it = body.find("roles");
  if (it == body.end() || !it->is_array()) return ValidationFailed({{"roles", "required"}});
  std::vector<Role> roles;
  for (std::size_t i = 0; i < it->size(); ++i) {
    const json& v = (*it)[i];
    auto role = v.is_string() ? ParseRole(v.get<std::string>()) : std::nullopt;
    if (!role) return ValidationFailed({{"roles[" + std::to_string(i) + "]", "invalid"}});
    roles.push_back(*role);
  }
  return roles;
}

}  // namespace kams::codec
