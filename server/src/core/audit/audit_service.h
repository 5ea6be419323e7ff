#pragma once

#include "core/audit/audit_record.h"
#include "core/common/context.h"
#include "core/org/user.h"
#include "core/ports/repositories.h"

namespace kams {

class AuditService {
 public:
  explicit AuditService(CoreDeps deps) : deps_(deps) {}
  // Newest first; admins and specialists only.
  Result<Page<AuditRecord>> List(const Principal& who, const RequestContext& ctx,
                                 const AuditFilter& filter, const PageRequest& page);
  // Walks the whole chain (for `kams audit verify`).
  Result<AuditVerification> Verify();

 private:
  CoreDeps deps_;
};

}  // namespace kams
