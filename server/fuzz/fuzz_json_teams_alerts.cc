// Default-team bodies (PUT /users/{id}/default-team) and bulk-access alert settings (PUT
// /access-alert-settings): bytes → ParseObject → DecodeDefaultTeam,
// DecodeAccessAlertSettings; then the checks the services make without the database (team
// roles, duplicates, the owner in their own team; ValidateAccessAlertSettings) and the
// threshold test of the alert job.
// Properties: a refused body names its fields (fuzz_json.h); a decoded team keeps its
// members in order, renders as JSON and decodes again from its own rendering to the same
// members; decoded settings render and decode again to the same; settings the rules pass
// hold the numbers that were sent and alert exactly above each role's threshold.
#include "core/common/validation.h"
#include "fuzz_json.h"

namespace kams {
namespace {

using codec::json;

constexpr Id kOwner = 9;

void Team(const json& body) {
  auto members = codec::DecodeDefaultTeam(body);
  if (!members.ok()) {
    fuzz::CheckRefusal(members.error(), body, {"members"});
    return;
  }
  const json& sent = body.at("members");
  FUZZ_CHECK(members->size() == sent.size() && members->size() <= kMaxDefaultTeamMembers);
  for (std::size_t i = 0; i < members->size(); ++i) {
    const auto& m = (*members)[i];
    FUZZ_CHECK(m.user_id >= 1 && fuzz::HoldsInteger(sent[i], "user_id", m.user_id));
    FUZZ_CHECK(sent[i].at("team_role") == m.team_role && m.display_name.empty());
  }
  DefaultTeam team;
  team.owner_id = kOwner;
  team.members = *members;
  const json out = codec::ToJson(team);
  FUZZ_CHECK(json::parse(out.dump()) == out);

  // Decoded again from what it renders to, less the read-only members.
  json again_body = {{"members", json::array()}};
  for (const auto& m : out["members"]) {
    again_body["members"].push_back({{"user_id", m["user_id"]}, {"team_role", m["team_role"]}});
  }
  auto again = codec::DecodeDefaultTeam(again_body);
  FUZZ_CHECK(again.ok() && again->size() == members->size());
  for (std::size_t i = 0; i < members->size(); ++i) {
    FUZZ_CHECK((*again)[i].user_id == (*members)[i].user_id);
    FUZZ_CHECK((*again)[i].team_role == (*members)[i].team_role);
  }

  // CustomerService::PutDefaultTeam, the checks that need no database.
  Validator v;
  for (std::size_t i = 0; i < members->size(); ++i) {
    const std::string at = "members[" + std::to_string(i) + "].";
    const auto& m = (*members)[i];
    if (m.team_role.empty()) {
      v.Add(at + "team_role", "required");
    } else if (!IsValidTeamRole(m.team_role)) {
      v.Add(at + "team_role", "invalid");
    }
    if (m.user_id == kOwner) {
      v.Add(at + "user_id", "is_owner");
    } else {
      for (std::size_t j = 0; j < i; ++j) {
        if ((*members)[j].user_id == m.user_id) v.Add(at + "user_id", "duplicate");
      }
    }
  }
  fuzz::CheckRules(v.ToStatus(), {"members"});
}

void AlertSettings(const json& body) {
  auto settings = codec::DecodeAccessAlertSettings(body);
  if (!settings.ok()) {
    fuzz::CheckRefusal(settings.error(), body, {"window_minutes", "thresholds"});
    return;
  }
  const AccessAlertSettings& s = *settings;
  const json& sent = body.at("thresholds");
  FUZZ_CHECK(s.thresholds.size() == sent.size());
  const json out = codec::ToJson(s);
  FUZZ_CHECK(json::parse(out.dump()) == out);
  auto again = codec::DecodeAccessAlertSettings(
      json{{"window_minutes", out["window_minutes"]}, {"thresholds", out["thresholds"]}});
  FUZZ_CHECK(again.ok() && again->window_minutes == s.window_minutes);
  for (Role role : kAllRoles) {
    const auto it = s.thresholds.find(role);
    const std::optional<std::int64_t> mine = it == s.thresholds.end() ? std::nullopt : it->second;
    FUZZ_CHECK(again->thresholds.at(role) == mine);
  }

  const Status st = ValidateAccessAlertSettings(s);
  fuzz::CheckRules(st, {"window_minutes", "thresholds"});
  if (!st.ok()) return;
  FUZZ_CHECK(s.window_minutes >= 1 && s.window_minutes <= kMaxAlertWindowMinutes);
  FUZZ_CHECK(fuzz::HoldsInteger(body, "window_minutes", s.window_minutes));
  FUZZ_CHECK(s.thresholds.size() == kAllRoles.size());
  for (const auto& [role, threshold] : s.thresholds) {
    FUZZ_CHECK(fuzz::HoldsInteger(sent, std::string(RoleName(role)).c_str(), threshold));
    if (!threshold) {
      FUZZ_CHECK(!ExceedsThreshold(kMaxAlertThreshold * 10, threshold));
      continue;
    }
    FUZZ_CHECK(*threshold >= 1 && *threshold <= kMaxAlertThreshold);
    FUZZ_CHECK(ExceedsThreshold(*threshold + 1, threshold));
    FUZZ_CHECK(!ExceedsThreshold(*threshold, threshold));
  }
}

}  // namespace
}  // namespace kams

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace kams;
  auto body = codec::ParseObject(fuzz::Text(data, size));
  if (!body.ok()) return 0;
  Team(*body);
  AlertSettings(*body);
  return 0;
}
