#pragma once
// Batches dossier reads off the request path into the access_log table: flushed every
// half second or every 1,000 entries, and on Stop() (a clean shutdown loses nothing).

#include <condition_variable>
#include <mutex>
#include <thread>
#include <vector>

#include "core/ports/access_log_sink.h"
#include "core/ports/database.h"

namespace kams {

class AccessLogWriter final : public AccessLogSink {
 public:
  explicit AccessLogWriter(Database& db);
  ~AccessLogWriter() override;
  void Record(AccessEntry entry) override;
  // Flushes what is queued and stops the background thread. Idempotent.
  void Stop();

 private:
  void Loop();
  void Flush(std::vector<AccessEntry>& batch);
  Database& db_;
  std::mutex mutex_;
  std::condition_variable cv_;
  std::vector<AccessEntry> queue_;
  bool stopping_ = false;
  std::thread thread_;
};

}  // namespace kams
