// Nominations and notifications as the API shows them.
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

}  // namespace kams::codec
