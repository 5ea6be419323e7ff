// Import runs: the status a reader sees, the time a run took, the names in the API, and the
// file name a client may give.
#include <gtest/gtest.h>

#include "core/imports/import_run.h"

namespace kams {
namespace {

constexpr Timestamp kSecond = kMicrosPerSecond;
constexpr Timestamp kNow = 1'800'000'000 * kSecond;

TEST(ImportRunRules, WhatAReaderSeesOfARunWhoseNodeFellSilent) {
  struct Case {
    ImportStatus stored;
    Timestamp silent_for;
    ImportStatus seen;
  };
  const Case cases[] = {
      {ImportStatus::kRunning, 0, ImportStatus::kRunning},
      {ImportStatus::kRunning, kImportSilenceLimit, ImportStatus::kRunning},  // at the limit
      {ImportStatus::kRunning, kImportSilenceLimit + 1, ImportStatus::kInterrupted},
      {ImportStatus::kQueued, kImportSilenceLimit - 1, ImportStatus::kQueued},
      {ImportStatus::kQueued, kImportSilenceLimit + 1, ImportStatus::kInterrupted},
      // An ended run stays as it ended, however old.
      {ImportStatus::kSucceeded, 3600 * kSecond, ImportStatus::kSucceeded},
      {ImportStatus::kFailed, 3600 * kSecond, ImportStatus::kFailed},
      {ImportStatus::kCancelled, 3600 * kSecond, ImportStatus::kCancelled},
      {ImportStatus::kInterrupted, 0, ImportStatus::kInterrupted},
  };
  for (const Case& c : cases) {
    ImportRun run;
    run.status = c.stored;
    run.heartbeat_at = kNow - c.silent_for;
    EXPECT_EQ(EffectiveStatus(run, kNow), c.seen)
        << ImportStatusName(c.stored) << " silent for " << c.silent_for;
  }
}

TEST(ImportRunRules, SecondsCountFromTheStartToTheEndOrToNow) {
  ImportRun run;
  run.status = ImportStatus::kQueued;
  EXPECT_EQ(RunSeconds(run, kNow), 0);  // not started
  run.status = ImportStatus::kRunning;
  run.started_at = kNow - 90 * kSecond;
  run.heartbeat_at = kNow - 10 * kSecond;
  EXPECT_DOUBLE_EQ(RunSeconds(run, kNow), 90);  // still running: until now
  run.status = ImportStatus::kSucceeded;
  run.finished_at = kNow - 30 * kSecond;
  EXPECT_DOUBLE_EQ(RunSeconds(run, kNow), 60);
  // Ended without an end time (never written): until its last sign of life.
  run.finished_at.reset();
  run.status = ImportStatus::kInterrupted;
  EXPECT_DOUBLE_EQ(RunSeconds(run, kNow), 80);
  // A clock that went backwards gives 0, not a negative time.
  run.finished_at = kNow - 100 * kSecond;
  EXPECT_EQ(RunSeconds(run, kNow), 0);
}

TEST(ImportRunRules, NamesRoundTripAndUnknownNamesAreRefused) {
  for (ImportStatus s : {ImportStatus::kQueued, ImportStatus::kRunning, ImportStatus::kSucceeded,
                         ImportStatus::kFailed, ImportStatus::kCancelled,
                         ImportStatus::kInterrupted}) {
    EXPECT_EQ(ParseImportStatus(ImportStatusName(s)), s);
  }
  for (ImportKind k : {ImportKind::kCustomers, ImportKind::kTransactions}) {
    EXPECT_EQ(ParseImportKind(ImportKindName(k)), k);
  }
  for (const char* bad : {"", "done", "Running", "running ", "customer"}) {
    EXPECT_FALSE(ParseImportStatus(bad)) << bad;
    EXPECT_FALSE(ParseImportKind(bad)) << bad;
  }
}

TEST(ImportRunRules, FileNames) {
  struct Case {
    std::string name;
    bool ok;
  };
  const Case cases[] = {
      {"", true},
      {"十月订单 2026.csv", true},
      {std::string(200, 'x'), true},
      {std::string(201, 'x'), false},
      {[] {  // 200 Chinese characters: counted in characters, not bytes
         std::string s;
         for (int i = 0; i < 200; ++i) s += "单";
         return s;
       }(),
       true},
      {"a\nb.csv", false},
      {"tab\there.csv", false},
      {std::string("bad\xff.csv"), false},
  };
  for (const Case& c : cases) {
    EXPECT_EQ(ValidateImportFileName(c.name).ok(), c.ok) << c.name;
  }
}

}  // namespace
}  // namespace kams
