#pragma once
// Appending to the audit chain, inside the caller's transaction.

#include <optional>
#include <string>
#include <vector>

#include "core/audit/audit_record.h"
#include "core/common/context.h"
#include "core/org/user.h"

namespace kams {

struct AuditEvent {
  std::string action;
  std::string entity;
  std::optional<Id> entity_id;
  std::optional<Id> customer_id;
  std::vector<FieldChange> changes;
};

// Appends one row to the chain in `tx`. `actor` may be null (system, unknown user), in
// which case `actor_name` names what is known.
void AppendAudit(Tx& tx, const CoreDeps& deps, const RequestContext& ctx,
                 const Principal* actor, const std::string& actor_name, AuditEvent event);

// Refusals. Inside a transaction, return these; the use case then passes its result
// through RecordDenial, which writes the audit row in a transaction of its own (the
// refused work itself was rolled back).
Error DenyError(std::string_view what, const std::string& entity, std::optional<Id> entity_id);
Error OutOfScope(const std::string& entity, Id entity_id, std::string message);
void RecordDenial(const CoreDeps& deps, const RequestContext& ctx, const Principal& actor,
                  const Error& error);

template <class R>
R Recorded(const CoreDeps& deps, const RequestContext& ctx, const Principal& actor, R result) {
  if (!result.ok() && result.error().denial) RecordDenial(deps, ctx, actor, result.error());
  return result;
}

}  // namespace kams
