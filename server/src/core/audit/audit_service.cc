#include "core/audit/audit_service.h"

#include "core/access/permissions.h"
#include "core/audit/audit_log.h"

namespace kams {

Result<Page<AuditRecord>> AuditService::List(const Principal& who, const RequestContext& ctx,
                                             const AuditFilter& filter, const PageRequest& page) {
  if (!Allows(who.role, Permission::kAuditRead)) {
    return Recorded(deps_, ctx, who,
                    Result<Page<AuditRecord>>(DenyError("read the audit log", "audit", std::nullopt)));
  }
  if (page.limit < 1 || page.limit > 500) return ValidationFailed({{"limit", "out_of_range"}});
  return Transact(deps_.db, TxMode::kRead, [&](Tx& tx) -> Result<Page<AuditRecord>> {
    return tx.audit().List(filter, page);
  });
}

Result<AuditVerification> AuditService::Verify() {
  return Transact(deps_.db, TxMode::kRead, [&](Tx& tx) -> Result<AuditVerification> {
    AuditVerifier verifier([this](std::string_view s) { return deps_.crypto.Sha256Hex(s); });
    tx.audit().ForEach([&](const AuditRecord& r) { return verifier.Check(r); });
    auto [head_id, head_hash] = tx.audit().Head();
    verifier.Finish(head_id, head_hash);
    return verifier.result();
  });
}

}  // namespace kams
