#pragma once
// A user's in-app notifications: decisions on their nominations, requests waiting for them.

#include <optional>
#include <string>

#include "core/common/time.h"
#include "core/org/org_unit.h"

namespace kams {

struct Notification {
  Id id = 0;
  Id user_id = 0;
  std::string kind;    // e.g. "nomination.approved"
  std::string entity;  // e.g. "nomination"
  std::optional<Id> entity_id;
  std::optional<Id> customer_id;
  std::string title;
  std::string body;
  Timestamp created_at = 0;
  std::optional<Timestamp> read_at;
};

}  // namespace kams
