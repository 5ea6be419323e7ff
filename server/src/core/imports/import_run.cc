#include "core/imports/import_run.h"

#include "core/common/validation.h"

namespace kams {

std::string_view ImportKindName(ImportKind k) {
  return k == ImportKind::kCustomers ? "customers" : "transactions";
}

std::optional<ImportKind> ParseImportKind(std::string_view s) {
  if (s == "customers") return ImportKind::kCustomers;
  if (s == "transactions") return ImportKind::kTransactions;
  return std::nullopt;
}

std::string_view ImportStatusName(ImportStatus s) {
  switch (s) {
    case ImportStatus::kQueued: return "queued";
    case ImportStatus::kRunning: return "running";
    case ImportStatus::kSucceeded: return "succeeded";
    case ImportStatus::kFailed: return "failed";
    case ImportStatus::kCancelled: return "cancelled";
    case ImportStatus::kInterrupted: return "interrupted";
  }
  return "queued";
}

std::optional<ImportStatus> ParseImportStatus(std::string_view s) {
  for (ImportStatus st : {ImportStatus::kQueued, ImportStatus::kRunning, ImportStatus::kSucceeded,
                          ImportStatus::kFailed, ImportStatus::kCancelled,
                          ImportStatus::kInterrupted}) {
    if (s == ImportStatusName(st)) return st;
  }
  return std::nullopt;
}

ImportStatus EffectiveStatus(const ImportRun& run, Timestamp now) {
  if (!IsFinished(run.status) && run.heartbeat_at < now - kImportSilenceLimit) {
    return ImportStatus::kInterrupted;
  }
  return run.status;
}

double RunSeconds(const ImportRun& run, Timestamp now) {
  if (!run.started_at) return 0;
  const Timestamp end = run.finished_at ? *run.finished_at
                        : IsFinished(run.status) ? run.heartbeat_at
                                                 : now;
  return end > *run.started_at ? static_cast<double>(end - *run.started_at) / kMicrosPerSecond : 0;
}

Status ValidateImportFileName(std::string_view name) {
  Validator v;
  v.Check(IsValidUtf8(name), "file_name", "invalid_utf8");
  v.Check(Utf8Length(name) <= kMaxImportFileName, "file_name", "too_long");
  bool control = false;
  for (unsigned char ch : name) control = control || ch < 0x20 || ch == 0x7f;
  v.Check(!control, "file_name", "invalid");
  return v.ToStatus();
}

}  // namespace kams
