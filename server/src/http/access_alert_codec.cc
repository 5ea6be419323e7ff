// Bulk-access alerts, their settings, and users' default teams as the API shows them.
#include "http/json_codec.h"

namespace kams::codec {
namespace {

json OptInt(const std::optional<std::int64_t>& v) { return v ? json(*v) : json(nullptr); }
json OptText(const std::optional<std::string>& v) { return v ? json(*v) : json(nullptr); }

}  // namespace

json ToJson(const AccessAlert& a) {
  json top = json::array();
  for (const auto& c : a.top_customers) {
    top.push_back({{"customer_id", c.customer_id},
                   {"customer_name", c.customer_name},
                   {"reads", c.reads}});
  }
  return json{{"id", a.id},
              {"user_id", a.user_id},
              {"username", a.username},
              {"user_name", a.user_name},
              {"role", std::string(RoleName(a.role))},
              {"customers", a.customers},
              {"reads", a.reads},
              {"threshold", a.threshold},
              {"window_start", FormatRfc3339(a.window_start)},
              {"window_end", FormatRfc3339(a.window_end)},
              {"top_customers", top},
              {"status", std::string(AccessAlertStatusName(a.status))},
              {"version", a.version},
              {"created_at", FormatRfc3339(a.created_at)},
              {"acknowledged_at", a.acknowledged_at ? json(FormatRfc3339(*a.acknowledged_at))
                                                    : json(nullptr)},
              {"acknowledged_by", OptInt(a.acknowledged_by)},
              {"acknowledged_by_name", OptText(a.acknowledged_by_name)},
              {"comment", a.comment}};
}

json ToJson(const AccessAlertSettings& s) {
  json thresholds = json::object();
  for (Role role : kAllRoles) {
    const auto it = s.thresholds.find(role);
    thresholds[std::string(RoleName(role))] =
        it != s.thresholds.end() && it->second ? json(*it->second) : json(nullptr);
  }
  return json{{"window_minutes", s.window_minutes},
              {"thresholds", thresholds},
              {"version", s.version},
              {"updated_at", s.updated_at > 0 ? json(FormatRfc3339(s.updated_at)) : json(nullptr)}};
}

Result<AccessAlertSettings> DecodeAccessAlertSettings(const json& body) {
  AccessAlertSettings s;
  std::vector<FieldError> problems;
  bool has_window = false, has_thresholds = false;
  for (auto it = body.begin(); it != body.end(); ++it) {
    if (it.key() == "window_minutes") {
      has_window = true;
      if (it->is_number_integer()) {
        s.window_minutes = it->get<std::int64_t>();
      } else {
        problems.push_back({"window_minutes", "must_be_integer"});
      }
    } else if (it.key() == "thresholds") {
      has_thresholds = true;
      if (!it->is_object()) {
        problems.push_back({"thresholds", "must_be_object"});
        continue;
      }
      for (auto t = it->begin(); t != it->end(); ++t) {
        const std::string field = "thresholds." + t.key();
        const auto role = ParseRole(t.key());
        if (!role) {
          problems.push_back({field, "unknown_role"});
        } else if (t->is_null()) {
          s.thresholds[*role] = std::nullopt;
        } else if (t->is_number_integer()) {
          s.thresholds[*role] = t->get<std::int64_t>();
        } else {
          problems.push_back({field, "must_be_integer_or_null"});
        }
      }
    } else if (it.key() == "version" || it.key() == "updated_at") {
      problems.push_back({it.key(), "read_only"});
    } else {
      problems.push_back({it.key(), "unknown_field"});
    }
  }
  if (!has_window) problems.push_back({"window_minutes", "required"});
  if (!has_thresholds) problems.push_back({"thresholds", "required"});
  if (!problems.empty()) return ValidationFailed(problems);
  return s;
}

json ToJson(const DefaultTeam& t) {
  json members = json::array();
  for (const auto& m : t.members) {
    members.push_back(
        {{"user_id", m.user_id}, {"team_role", m.team_role}, {"display_name", m.display_name}});
  }
  return json{{"user_id", t.owner_id},
              {"members", members},
              {"version", t.version},
              {"updated_at", t.updated_at > 0 ? json(FormatRfc3339(t.updated_at)) : json(nullptr)}};
}

Result<std::vector<DefaultTeamMember>> DecodeDefaultTeam(const json& body) {
  std::vector<DefaultTeamMember> members;
  std::vector<FieldError> problems;
  bool has_members = false;
  for (auto it = body.begin(); it != body.end(); ++it) {
    if (it.key() == "members") {
      has_members = true;
      if (!it->is_array()) {
        problems.push_back({"members", "must_be_array"});
        continue;
      }
      if (it->size() > kMaxDefaultTeamMembers) {
        problems.push_back({"members", "too_many"});
        continue;
      }
      for (std::size_t i = 0; i < it->size(); ++i) {
        const json& m = (*it)[i];
        const std::string at = "members[" + std::to_string(i) + "]";
        if (!m.is_object()) {
          problems.push_back({at, "must_be_object"});
          continue;
        }
        DefaultTeamMember member;
        bool has_user = false, has_role = false;
        for (auto f = m.begin(); f != m.end(); ++f) {
          if (f.key() == "user_id") {
            has_user = true;
            if (f->is_number_integer() && f->get<std::int64_t>() > 0) {
              member.user_id = f->get<std::int64_t>();
            } else {
              problems.push_back({at + ".user_id", "must_be_id"});
            }
          } else if (f.key() == "team_role") {
            has_role = true;
            if (f->is_string()) {
              member.team_role = f->get<std::string>();
            } else {
              problems.push_back({at + ".team_role", "must_be_string"});
            }
          } else if (f.key() == "display_name") {
            problems.push_back({at + ".display_name", "read_only"});
          } else {
            problems.push_back({at + "." + f.key(), "unknown_field"});
          }
        }
        if (!has_user) problems.push_back({at + ".user_id", "required"});
        if (!has_role) problems.push_back({at + ".team_role", "required"});
        members.push_back(std::move(member));
      }
    } else if (it.key() == "version" || it.key() == "user_id" || it.key() == "updated_at") {
      problems.push_back({it.key(), "read_only"});
    } else {
      problems.push_back({it.key(), "unknown_field"});
    }
  }
  if (!has_members) problems.push_back({"members", "required"});
  if (!problems.empty()) return ValidationFailed(problems);
  return members;
}

}  // namespace kams::codec
