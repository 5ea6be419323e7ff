#pragma once
// An import run (导入记录): one CSV file imported through the CLI or the API, with its
// progress while it runs and its report when it ends. Progress is written in the same
// transaction as each batch of rows, so what a run says it imported is exactly what the
// database holds, even after a crash. A run started with `Prefer: respond-async` waits in
// its node's queue, then runs in the background; any node answers for it.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/common/result.h"
#include "core/common/time.h"
#include "core/org/org_unit.h"

namespace kams {

enum class ImportKind { kCustomers, kTransactions };
std::string_view ImportKindName(ImportKind k);
std::optional<ImportKind> ParseImportKind(std::string_view s);

// queued → running → succeeded | failed | cancelled | interrupted. A queued run may be
// cancelled before it starts. "interrupted": the server stopped, or the node running it
// went silent for longer than kImportSilenceLimit.
enum class ImportStatus { kQueued, kRunning, kSucceeded, kFailed, kCancelled, kInterrupted };
std::string_view ImportStatusName(ImportStatus s);
std::optional<ImportStatus> ParseImportStatus(std::string_view s);
inline bool IsFinished(ImportStatus s) {
  return s != ImportStatus::kQueued && s != ImportStatus::kRunning;
}

// A running or queued run whose node has not written for this long is shown as
// interrupted: batches commit in well under a second, and a queued run's node touches it
// with every batch of the run ahead of it.
inline constexpr Timestamp kImportSilenceLimit = 120 * kMicrosPerSecond;
inline constexpr std::size_t kMaxImportFileName = 200;

struct ImportReject {
  std::int64_t line = 0;
  std::string column;
  std::string reason;
};

struct ImportRun {
  Id id = 0;
  ImportKind kind = ImportKind::kTransactions;
  ImportStatus status = ImportStatus::kQueued;
  std::string file_name;          // as the client named it; may be empty
  std::int64_t bytes_total = 0;
  std::int64_t bytes_done = 0;    // of the file, up to the last committed batch
  std::int64_t rows = 0;          // data rows read (the header not counted)
  std::int64_t imported = 0;
  std::int64_t rejected = 0;
  std::vector<ImportReject> rejects;  // the first kMaxRejectsKept, when read with them
  std::optional<std::string> error;   // why a run failed or was interrupted
  bool cancel_requested = false;
  std::optional<Id> created_by;       // nullopt: the command line
  std::string created_by_name;        // read with the run
  std::string node;                   // the node that runs it
  Timestamp created_at = 0;
  std::optional<Timestamp> started_at;
  std::optional<Timestamp> finished_at;
  Timestamp heartbeat_at = 0;
  double seconds = 0;  // RunSeconds when the service read it
};
inline constexpr std::size_t kMaxRejectsKept = 1000;

// The status a reader sees at `now`: a queued or running run whose node fell silent is
// interrupted.
ImportStatus EffectiveStatus(const ImportRun& run, Timestamp now);

// Seconds the run took (or has taken, at `now`, while it runs); 0 before it starts.
double RunSeconds(const ImportRun& run, Timestamp now);

// file_name: at most kMaxImportFileName characters, no control characters.
Status ValidateImportFileName(std::string_view name);

struct ImportRunFilter {
  std::optional<ImportKind> kind;
  std::optional<ImportStatus> status;  // as EffectiveStatus gives it
  Timestamp silent_before = 0;         // now - kImportSilenceLimit
};

}  // namespace kams
