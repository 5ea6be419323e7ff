#pragma once
// The checks after each restart of the crash test, over the HTTP API (the same on
// SQLite and PostgreSQL), while every writer is parked:
// - every acknowledged create is there, with its acknowledged values or a later
//   acknowledged edit's; every acknowledged edit is there; nothing refused is;
// - an edit's fields that must change together agree (no half-applied edit), and a
//   renamed customer is found by searching its whole new name (the name index moved with
//   it);
// - each import batch is in its customers' monthly roll-ups completely or not at all;
// - every applied write has its audit row (acknowledged ones by request id), and no audit
//   row of a write exists without the write.
// Writes whose answer was lost are resolved here (applied or not) and the ledgers are
// brought up to date, so the next round starts from what the server holds.

#include <array>
#include <mutex>
#include <string>
#include <vector>

#include "harness.h"
#include "ledger.h"

namespace kams::crash {

enum class Finding {
  kLost,                 // an acknowledged write is missing or older
  kHalfApplied,          // part of one write is there and part is not
  kAuditGap,             // an applied write without its audit row
  kPhantom,              // data no writer wrote
  kAppliedDespiteError,  // a write answered with an error is there
  kIntegrity,            // PRAGMA integrity_check / foreign_key_check / roll-up drift
  kAuditVerify,          // `kams audit verify` failed
  kCheckError,           // a check could not run (the server answered an error)
  kInternalError,        // a request answered 500 (a storage fault must be a 503)
  kNoRecovery,           // the server died, or failed a request after the fault was gone
  kSanitizer,            // a sanitizer report in the output of kams (a TSan or ASan build)
  kCount
};
const char* FindingName(Finding f);

// Counts per kind of finding and the first few descriptions. Thread-safe.
class Findings {
 public:
  void Add(Finding kind, const std::string& what);
  long long count(Finding kind) const;
  long long failures() const;  // every kind counts
  std::vector<std::string> notes() const;

 private:
  mutable std::mutex mu_;
  std::array<long long, static_cast<std::size_t>(Finding::kCount)> counts_{};
  std::vector<std::string> notes_;
};

class Verifier {
 public:
  // `writer_username`: whose audit rows are the writers' (for the orphan check).
  Verifier(std::string tag, std::string writer_username)
      : tag_(std::move(tag)), writer_username_(std::move(writer_username)) {}
  // Before the first write: remembers the newest customer and audit row, so that each
  // round reads only what is newer.
  void Init(const test::Client& admin);
  // Checks the ledgers against the server and resolves them. `everything`: every
  // customer of every writer, not only those written this round (the final check).
  void CheckRound(const test::Client& admin, const std::vector<WriterLedger*>& ledgers,
                  bool everything, Findings& findings);
  long long customers_checked() const { return customers_checked_; }

 private:
  void CheckWriter(const test::Client& admin, WriterLedger& ledger,
                   const std::vector<test::json>& new_customers, bool everything,
                   Findings& findings);
  void CheckAudit(const test::Client& admin, const std::vector<WriterLedger*>& ledgers,
                  Findings& findings);

  std::string tag_, writer_username_;
  Id customer_mark_ = 0;
  Id audit_mark_ = 0;
  long long customers_checked_ = 0;
  std::mutex mu_;
};

}  // namespace kams::crash
