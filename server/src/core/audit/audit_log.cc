#include "core/audit/audit_log.h"

namespace kams {

void AppendAudit(Tx& tx, const CoreDeps& deps, const RequestContext& ctx,
                 const Principal* actor, const std::string& actor_name, AuditEvent event) {
  auto [head_id, head_hash] = tx.audit().Head();
  AuditRecord r;
  r.id = head_id + 1;
  r.at = deps.clock.Now();
  if (actor) {
    if (actor->user_id > 0) r.actor_id = actor->user_id;  // 0: the command line
    r.actor_name = actor->username;
  } else {
    r.actor_name = actor_name;
  }
  r.action = std::move(event.action);
  r.entity = std::move(event.entity);
  r.entity_id = event.entity_id;
  r.customer_id = event.customer_id;
  r.changes = std::move(event.changes);
  r.request_id = ctx.request_id;
  r.client_addr = ctx.client_addr;
  r.prev_hash = head_hash;
  r.hash = deps.crypto.Sha256Hex(CanonicalAuditText(r));
  tx.audit().Insert(r);
}

Error DenyError(std::string_view what, const std::string& entity, std::optional<Id> entity_id) {
  Error e = Forbidden("your role may not " + std::string(what));
  e.denial = DenialNote{"access.denied", entity, entity_id, std::string(what)};
  return e;
}

Error OutOfScope(const std::string& entity, Id entity_id, std::string message) {
  Error e = NotFound(std::move(message));
  e.denial = DenialNote{"access.out_of_scope", entity, entity_id, ""};
  return e;
}

void RecordDenial(const CoreDeps& deps, const RequestContext& ctx, const Principal& actor,
                  const Error& error) {
  const DenialNote& d = *error.denial;
  Status s = deps.db.Run(TxMode::kWrite, [&](Tx& tx) {
    std::vector<FieldChange> changes;
    if (!d.detail.empty()) changes.push_back({"permission", std::nullopt, d.detail});
    AppendAudit(tx, deps, ctx, &actor, "",
                AuditEvent{d.action, d.entity,
                           d.entity_id ? std::optional<Id>(*d.entity_id) : std::nullopt,
                           std::nullopt, std::move(changes)});
    return Ok();
  });
  (void)s;  // the refusal is answered even if recording it failed (that failure is logged)
}

}  // namespace kams
