// Handovers, owner history and decay flags as the API shows them; handover orders read.
#include "http/handover_codec.h"

#include <map>

#include "core/common/time.h"

namespace kams::codec {
namespace {

json OptInt(const std::optional<std::int64_t>& v) { return v ? json(*v) : json(nullptr); }
json OptText(const std::optional<std::string>& v) { return v ? json(*v) : json(nullptr); }

// A positive integer (a number above INT64_MAX reads as negative and is refused too).
bool IsId(const json& v) { return v.is_number_integer() && v.get<std::int64_t>() >= 1; }

// A mapping key as a customer id: decimal digits only, no sign, no leading zero.
std::optional<Id> KeyId(const std::string& key) {
  if (key.empty() || key.size() > 18 || key[0] == '0') return std::nullopt;
  Id id = 0;
  for (char ch : key) {
    if (ch < '0' || ch > '9') return std::nullopt;
    id = id * 10 + (ch - '0');
  }
  return id;
}

json Counts(const std::map<HandoverKind, std::int64_t>& counts) {
  json out = json::object();
  for (HandoverKind k : kHandoverKinds) {
    auto it = counts.find(k);
    out[std::string(HandoverKindName(k))] = it == counts.end() ? 0 : it->second;
  }
  return out;
}

json ItemJson(const HandoverItem& i) {
  return json{{"kind", std::string(HandoverKindName(i.kind))},
              {"entity_id", i.entity_id},
              {"customer_id", OptInt(i.customer_id)},
              {"customer_name", OptText(i.customer_name)},
              {"to_user_id", i.to_user_id},
              {"to_user_name", i.to_user_name},
              {"dropped", i.dropped}};
}

}  // namespace

Result<HandoverOrder> DecodeHandoverOrder(const json& body) {
  std::vector<FieldError> problems;
  HandoverOrder order;
  for (auto it = body.begin(); it != body.end(); ++it) {
    if (it.key() != "to_user_ids" && it.key() != "mode" && it.key() != "mapping") {
      problems.push_back({it.key(), "unknown_field"});
    }
  }
  if (auto it = body.find("to_user_ids"); it == body.end() || it->is_null()) {
    problems.push_back({"to_user_ids", "required"});
  } else if (!it->is_array()) {
    problems.push_back({"to_user_ids", "must_be_array"});
  } else if (it->size() > kMaxSuccessors) {
    problems.push_back({"to_user_ids", "too_many"});
  } else {
    for (std::size_t i = 0; i < it->size(); ++i) {
      const json& v = (*it)[i];
      if (!IsId(v)) {
        problems.push_back({"to_user_ids[" + std::to_string(i) + "]", "must_be_id"});
      } else {
        order.to_user_ids.push_back(v.get<std::int64_t>());
      }
    }
  }
  if (auto it = body.find("mode"); it != body.end() && !it->is_null()) {
    auto mode = it->is_string() ? ParseHandoverMode(it->get<std::string>()) : std::nullopt;
    if (!mode) {
      problems.push_back({"mode", "invalid"});
    } else {
      order.mode = *mode;
    }
  }
  if (auto it = body.find("mapping"); it != body.end() && !it->is_null()) {
    if (!it->is_object()) {
      problems.push_back({"mapping", "must_be_object"});
    } else {
      std::map<Id, Id> mapping;
      for (auto m = it->begin(); m != it->end(); ++m) {
        const auto customer = KeyId(m.key());
        if (!customer) {
          // Keys are echoed in field names only when short enough to be ids.
          problems.push_back({m.key().size() <= 20 ? "mapping." + m.key() : std::string("mapping"),
                              "key_must_be_customer_id"});
        } else if (!IsId(m.value())) {
          problems.push_back({"mapping." + m.key(), "must_be_id"});
        } else {
          mapping[*customer] = m.value().get<std::int64_t>();
        }
      }
      order.mapping = std::move(mapping);
    }
  }
  if (!problems.empty()) return ValidationFailed(problems);
  return order;
}

json ToJson(const Handover& h, bool with_items) {
  std::map<HandoverKind, std::int64_t> totals;
  std::map<Id, std::pair<std::string, std::map<HandoverKind, std::int64_t>>> by_successor;
  std::int64_t dropped = 0;
  for (const auto& t : h.tallies) {
    if (t.dropped) {
      dropped += t.count;
      continue;
    }
    totals[t.kind] += t.count;
    auto& s = by_successor[t.to_user_id];
    s.first = t.to_user_name;
    s.second[t.kind] += t.count;
  }
  json successors = json::array();
  for (const auto& [id, s] : by_successor) {
    successors.push_back(
        {{"user_id", id}, {"display_name", s.first}, {"counts", Counts(s.second)}});
  }
  json out{{"id", h.id},
           {"from_user_id", h.from_user_id},
           {"from_user_name", h.from_user_name},
           {"actor_id", h.actor_id},
           {"actor_name", h.actor_name},
           {"mode", std::string(HandoverModeName(h.mode))},
           {"at", FormatRfc3339(h.at)},
           {"counts", Counts(totals)},
           {"dropped_team_seats", dropped},
           {"successors", successors}};
  if (with_items) {
    json items = json::array();
    for (const auto& i : h.items) items.push_back(ItemJson(i));
    out["items"] = std::move(items);
  }
  return out;
}

json ToJson(const HandoverPlan& p) {
  std::map<HandoverKind, std::int64_t> totals;
  std::map<Id, std::map<HandoverKind, std::int64_t>> by_successor;
  json customers = json::array();
  std::int64_t dropped = 0;
  for (const auto& i : p.items) {
    if (i.dropped) {
      ++dropped;
      continue;
    }
    ++totals[i.kind];
    ++by_successor[i.to_user_id][i.kind];
    if (i.kind == HandoverKind::kCustomer) {
      customers.push_back({{"customer_id", i.entity_id},
                           {"customer_name", OptText(i.customer_name)},
                           {"to_user_id", i.to_user_id},
                           {"to_user_name", i.to_user_name}});
    }
  }
  json successors = json::array();
  for (const auto& u : p.successors) {
    successors.push_back({{"user_id", u.id},
                          {"display_name", u.display_name},
                          {"role", std::string(RoleName(u.role))},
                          {"counts", Counts(by_successor[u.id])}});
  }
  return json{{"from_user_id", p.from_user.id},
              {"from_user_name", p.from_user.display_name},
              {"from_user_active", p.from_user.active},
              {"mode", std::string(HandoverModeName(p.mode))},
              {"counts", Counts(totals)},
              {"dropped_team_seats", dropped},
              {"successors", successors},
              {"customers", customers}};
}

json ToJson(const OwnerHistoryEntry& e) {
  return json{{"id", e.id},
              {"customer_id", e.customer_id},
              {"owner_id", OptInt(e.owner_id)},
              {"owner_name", OptText(e.owner_name)},
              {"until_at", FormatRfc3339(e.until_at)},
              {"changed_by", OptInt(e.changed_by)},
              {"changed_by_name", OptText(e.changed_by_name)},
              {"handover_id", OptInt(e.handover_id)}};
}

json ToJson(const HandoverDecay& d) {
  return json{{"handover_id", d.handover_id},
              {"customer_id", d.customer_id},
              {"customer_name", d.customer_name},
              {"handed_over_at", FormatRfc3339(d.handed_over_at)},
              {"from_user_id", d.from_user_id},
              {"from_user_name", d.from_user_name},
              {"to_user_id", OptInt(d.to_user_id)},
              {"to_user_name", OptText(d.to_user_name)},
              {"kind", d.kind},
              {"since", d.since},
              {"flagged_at", FormatRfc3339(d.flagged_at)}};
}

}  // namespace kams::codec
