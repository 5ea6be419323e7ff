#include "core/audit/audit_record.h"

namespace kams {
namespace {

void Put(std::string& out, std::string_view v) {
  out += std::to_string(v.size());
  out += ':';
  out += v;
  out += ';';
}

void PutOpt(std::string& out, const std::optional<std::string>& v) {
  if (!v) {
    out += "-;";
  } else {
    Put(out, *v);
  }
}

void PutId(std::string& out, const std::optional<Id>& v) {
  PutOpt(out, v ? std::optional<std::string>(std::to_string(*v)) : std::nullopt);
}

}  // namespace

std::vector<FieldChange> DiffFields(const std::vector<FieldValue>& before,
                                    const std::vector<FieldValue>& after) {
  std::vector<FieldChange> out;
  if (before.empty()) {
    for (const auto& a : after) {
      if (a.value) out.push_back({a.field, std::nullopt, a.value});
    }
    return out;
  }
  if (after.empty()) {
    for (const auto& b : before) {
      if (b.value) out.push_back({b.field, b.value, std::nullopt});
    }
    return out;
  }
  for (std::size_t i = 0; i < before.size() && i < after.size(); ++i) {
    if (before[i].value != after[i].value) {
      out.push_back({after[i].field, before[i].value, after[i].value});
    }
  }
  return out;
}

std::string CanonicalAuditText(const AuditRecord& r) {
  std::string out;
  out.reserve(256);
  Put(out, "kams-audit-v1");
  Put(out, std::to_string(r.id));
  Put(out, std::to_string(r.at));
  PutId(out, r.actor_id);
  Put(out, r.actor_name);
  Put(out, r.action);
  Put(out, r.entity);
  PutId(out, r.entity_id);
  PutId(out, r.customer_id);
  Put(out, std::to_string(r.changes.size()));
  for (const auto& c : r.changes) {
    Put(out, c.field);
    PutOpt(out, c.before);
    PutOpt(out, c.after);
  }
  Put(out, r.request_id);
  Put(out, r.client_addr);
  Put(out, r.prev_hash);
  return out;
}

bool AuditVerifier::Check(const AuditRecord& r) {
  if (!result_.ok) return false;
  ++result_.rows_checked;
  if (r.id != last_id_ + 1) {
    Fail(r.id, "row " + std::to_string(last_id_ + 1) + " is missing");
    return false;
  }
  if (r.prev_hash != last_hash_) {
    Fail(r.id, "previous-hash link does not match the row before");
    return false;
  }
  if (sha256_(CanonicalAuditText(r)) != r.hash) {
    Fail(r.id, "content does not match its hash (edited)");
    return false;
  }
  last_id_ = r.id;
  last_hash_ = r.hash;
  return true;
}

void AuditVerifier::Finish(Id head_id, const std::string& head_hash) {
  if (!result_.ok) return;
  if (head_id != last_id_ || head_hash != last_hash_) {
    Fail(last_id_ + 1, "rows after " + std::to_string(last_id_) + " were removed");
  }
}

void AuditVerifier::Fail(Id id, std::string problem) {
  result_.ok = false;
  result_.first_bad_id = id;
  result_.problem = std::move(problem);
}

}  // namespace kams
