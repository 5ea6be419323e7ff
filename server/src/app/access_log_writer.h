#pragma once
// Batches dossier reads off the request path into the access_log table: flushed every
// half second or every 1,000 entries, and on Stop() (a clean shutdown loses nothing).
// A batch the database refuses (a storage fault, a full disk) stays queued and is written
// with the next flush; only past kMaxPendingAccessEntries are the oldest entries dropped,
// and the log says how many.

#include <condition_variable>
#include <mutex>
#include <thread>
#include <vector>

#include "core/ports/access_log_sink.h"
#include "core/ports/database.h"

namespace kams {

inline constexpr std::size_t kMaxPendingAccessEntries = 1'000'000;  // about 150 MB

class AccessLogWriter final : public AccessLogSink {
 public:
  explicit AccessLogWriter(Database& db);
  ~AccessLogWriter() override;
  void Record(AccessEntry entry) override;
  // Flushes what is queued and stops the background thread. Idempotent.
  void Stop();
  // Entries dropped so far because the database refused them for too long.
  std::size_t dropped() const;

 private:
  void Loop();
  // Writes `batch`; false (the batch kept) when the database refused it.
  bool Flush(std::vector<AccessEntry>& batch);
  // Puts a refused batch back before what was recorded meanwhile, dropping the oldest
  // entries past the limit.
  void Requeue(std::vector<AccessEntry>& batch);
  Database& db_;
  mutable std::mutex mutex_;
  std::condition_variable cv_;
  std::vector<AccessEntry> queue_;
  bool stopping_ = false;
  std::size_t dropped_ = 0;
  std::thread thread_;
};

}  // namespace kams
