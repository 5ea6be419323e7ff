#pragma once

#include <optional>
#include <string>
#include <vector>

namespace kams {

// One field of an entity rendered as text for the audit log; nullopt when unset.
struct FieldValue {
  std::string field;
  std::optional<std::string> value;
};

struct FieldChange {
  std::string field;
  std::optional<std::string> before;
  std::optional<std::string> after;
  bool operator==(const FieldChange&) const = default;
};

// The fields whose value differs between two renderings of one entity (same field order).
// An empty `before` list means creation; an empty `after` list means deletion.
std::vector<FieldChange> DiffFields(const std::vector<FieldValue>& before,
                                    const std::vector<FieldValue>& after);

}  // namespace kams
