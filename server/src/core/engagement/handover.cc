#include "core/engagement/handover.h"

#include <algorithm>
#include <set>

#include "core/common/validation.h"

namespace kams {

std::string_view HandoverModeName(HandoverMode m) {
  switch (m) {
    case HandoverMode::kSingle:
      return "single";
    case HandoverMode::kRoundRobin:
      return "round_robin";
    case HandoverMode::kMapping:
      return "mapping";
  }
  return "single";
}

std::optional<HandoverMode> ParseHandoverMode(std::string_view s) {
  for (HandoverMode m :
       {HandoverMode::kSingle, HandoverMode::kRoundRobin, HandoverMode::kMapping}) {
    if (HandoverModeName(m) == s) return m;
  }
  return std::nullopt;
}

std::string_view HandoverKindName(HandoverKind k) {
  switch (k) {
    case HandoverKind::kCustomer:
      return "customer";
    case HandoverKind::kTeamSeat:
      return "team_seat";
    case HandoverKind::kNextStep:
      return "next_step";
    case HandoverKind::kRequest:
      return "request";
    case HandoverKind::kNomination:
      return "nomination";
    case HandoverKind::kVisitPlan:
      return "visit_plan";
    case HandoverKind::kNotification:
      return "notification";
  }
  return "customer";
}

std::optional<HandoverKind> ParseHandoverKind(std::string_view s) {
  for (HandoverKind k : kHandoverKinds) {
    if (HandoverKindName(k) == s) return k;
  }
  return std::nullopt;
}

bool CanOwnAccounts(Role role) {
  return role == Role::kKam || role == Role::kAssistant || role == Role::kSales ||
         role == Role::kDirector;
}

bool CanTakeOverWork(Role role) {
  return CanOwnAccounts(role) || role == Role::kService || role == Role::kSpecialist;
}

bool DirectorMayHandOver(Role role) {
  return role == Role::kKam || role == Role::kAssistant || role == Role::kSales ||
         role == Role::kService;
}

Result<HandoverMode> CheckOrder(const HandoverOrder& order) {
  Validator v;
  const std::size_t n = order.to_user_ids.size();
  if (n == 0) v.Add("to_user_ids", "required");
  if (n > kMaxSuccessors) v.Add("to_user_ids", "too_many");
  std::set<Id> seen;
  for (std::size_t i = 0; i < n && i < kMaxSuccessors; ++i) {
    if (!seen.insert(order.to_user_ids[i]).second) {
      v.Add("to_user_ids[" + std::to_string(i) + "]", "duplicate");
    }
  }
  if (!order.mode) {
    if (n > 1 || order.mapping) v.Add("mode", "required");
    KAMS_CHECK(v.ToStatus());
    return HandoverMode::kSingle;
  }
  const HandoverMode mode = *order.mode;
  if (mode == HandoverMode::kSingle && n > 1) v.Add("to_user_ids", "single_takes_one");
  if (mode == HandoverMode::kMapping && !order.mapping) v.Add("mapping", "required");
  if (mode != HandoverMode::kMapping && order.mapping) v.Add("mapping", "only_with_mode_mapping");
  KAMS_CHECK(v.ToStatus());
  return mode;
}

Result<std::vector<HandoverItem>> PlanHandover(const std::vector<Holding>& holdings,
                                               HandoverMode mode, const std::vector<Id>& successors,
                                               const std::map<Id, Id>& mapping) {
  std::vector<Holding> sorted = holdings;
  std::sort(sorted.begin(), sorted.end(), [](const Holding& a, const Holding& b) {
    if (a.kind != b.kind) return a.kind < b.kind;
    return a.entity_id < b.entity_id;
  });
  if (successors.empty()) return ValidationFailed({{"to_user_ids", "required"}});

  // Customers first: their new owners decide where the holdings tied to them go.
  Validator v;
  std::map<Id, Id> new_owner;
  std::set<Id> owned;
  std::size_t dealt = 0;
  for (const auto& h : sorted) {
    if (h.kind != HandoverKind::kCustomer) continue;
    owned.insert(h.entity_id);
    Id to = successors.front();
    if (mode == HandoverMode::kRoundRobin) {
      to = successors[dealt++ % successors.size()];
    } else if (mode == HandoverMode::kMapping) {
      auto it = mapping.find(h.entity_id);
      if (it == mapping.end()) {
        v.Add("mapping." + std::to_string(h.entity_id), "required");
        continue;
      }
      to = it->second;
    }
    new_owner[h.entity_id] = to;
  }
  if (mode == HandoverMode::kMapping) {
    for (const auto& [customer, user] : mapping) {
      const std::string field = "mapping." + std::to_string(customer);
      if (!owned.count(customer)) {
        v.Add(field, "not_owned");
      } else if (std::find(successors.begin(), successors.end(), user) == successors.end()) {
        v.Add(field, "not_a_successor");
      }
    }
  }
  KAMS_CHECK(v.ToStatus());

  std::vector<HandoverItem> out;
  out.reserve(sorted.size());
  std::map<HandoverKind, std::size_t> turn;
  for (const auto& h : sorted) {
    HandoverItem item;
    item.kind = h.kind;
    item.entity_id = h.entity_id;
    item.customer_id = h.customer_id;
    if (h.kind == HandoverKind::kCustomer) {
      item.to_user_id = new_owner.at(h.entity_id);
    } else if (auto it = h.customer_id ? new_owner.find(*h.customer_id) : new_owner.end();
               it != new_owner.end()) {
      item.to_user_id = it->second;
    } else {
      item.to_user_id = successors[turn[h.kind]++ % successors.size()];
    }
    out.push_back(std::move(item));
  }
  return out;
}

}  // namespace kams
