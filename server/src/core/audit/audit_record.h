#pragma once
// The audit log: an append-only chain. Each row carries the SHA-256 of its canonical
// text, which includes the previous row's hash, so editing or deleting any row breaks
// every hash after it (`kams audit verify`).

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "core/audit/field_change.h"
#include "core/common/time.h"
#include "core/org/org_unit.h"

namespace kams {

struct AuditRecord {
  Id id = 0;                     // position in the chain, 1, 2, 3, ...
  Timestamp at = 0;
  std::optional<Id> actor_id;    // empty for the system and for unknown users
  std::string actor_name;        // username as typed (failed logins) or known
  std::string action;            // "customer.create", "auth.login_failed", "access.denied", ...
  std::string entity;            // "customer", "contact", "user", "org_unit", "session", ...
  std::optional<Id> entity_id;
  std::optional<Id> customer_id; // the account the change belongs to, where there is one
  std::vector<FieldChange> changes;
  std::string request_id;
  std::string client_addr;
  std::string prev_hash;         // hex; "" for the first row
  std::string hash;              // hex SHA-256 of CanonicalAuditText
};

// The exact text that is hashed: every field length-prefixed, changes in order.
std::string CanonicalAuditText(const AuditRecord& r);

using Sha256HexFn = std::function<std::string(std::string_view)>;

// What a verification found: ok, or the first row that does not fit the chain.
struct AuditVerification {
  bool ok = true;
  std::int64_t rows_checked = 0;
  std::optional<Id> first_bad_id;
  std::string problem;
};

// Checks rows given in id order; call Finish with the recorded head to catch deletions
// at the end of the chain.
class AuditVerifier {
 public:
  explicit AuditVerifier(Sha256HexFn sha256) : sha256_(std::move(sha256)) {}
  // Returns false at the first bad row (and stops checking).
  bool Check(const AuditRecord& r);
  void Finish(Id head_id, const std::string& head_hash);
  const AuditVerification& result() const { return result_; }

 private:
  void Fail(Id id, std::string problem);
  Sha256HexFn sha256_;
  AuditVerification result_;
  Id last_id_ = 0;
  std::string last_hash_;
};

}  // namespace kams
