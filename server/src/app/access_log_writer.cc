#include "app/access_log_writer.h"

#include <spdlog/spdlog.h>

#include <chrono>

namespace kams {

constexpr std::size_t kBatch = 1000;
// Attempts at Stop() to write what is still queued, a little apart.
constexpr int kStopAttempts = 5;

AccessLogWriter::AccessLogWriter(Database& db) : db_(db), thread_([this] { Loop(); }) {}

AccessLogWriter::~AccessLogWriter() { Stop(); }

void AccessLogWriter::Record(AccessEntry entry) {
  bool wake = false;
  {
    std::lock_guard lock(mutex_);
    queue_.push_back(std::move(entry));
    wake = queue_.size() == kBatch;
  }
  if (wake) cv_.notify_one();
}

void AccessLogWriter::Stop() {
  {
    std::lock_guard lock(mutex_);
    if (stopping_) return;
    stopping_ = true;
  }
  cv_.notify_one();
  if (thread_.joinable()) thread_.join();
}

std::size_t AccessLogWriter::dropped() const {
  std::lock_guard lock(mutex_);
  return dropped_;
}

void AccessLogWriter::Loop() {
  std::vector<AccessEntry> batch;
  bool refused = false;  // the last batch was refused: wait a whole tick before the next try
  int attempts_at_stop = 0;
  for (;;) {
    bool last = false;
    {
      std::unique_lock lock(mutex_);
      cv_.wait_for(lock, std::chrono::milliseconds(500), [&] {
        return stopping_ || (!refused && queue_.size() >= kBatch);
      });
      batch.swap(queue_);
      last = stopping_;
    }
    refused = !batch.empty() && !Flush(batch);
    if (refused) Requeue(batch);
    if (!last) continue;
    bool done = false;
    {
      std::lock_guard lock(mutex_);
      done = queue_.empty();
      if (!done && refused && ++attempts_at_stop >= kStopAttempts) {
        spdlog::error("access log: {} entries not written at shutdown", queue_.size());
        dropped_ += queue_.size();
        queue_.clear();
        done = true;
      }
    }
    if (done) return;
    if (refused) std::this_thread::sleep_for(std::chrono::milliseconds(200));
  }
}

bool AccessLogWriter::Flush(std::vector<AccessEntry>& batch) {
  Status s = db_.Run(TxMode::kWrite, [&](Tx& tx) {
    tx.access_log().InsertBatch(batch);
    return Ok();
  });
  if (!s.ok()) {
    spdlog::warn("access log: {} entries not written yet, kept for the next attempt: {}",
                 batch.size(), s.error().message);
    return false;
  }
  batch.clear();
  return true;
}

void AccessLogWriter::Requeue(std::vector<AccessEntry>& batch) {
  std::lock_guard lock(mutex_);
  batch.insert(batch.end(), std::make_move_iterator(queue_.begin()),
               std::make_move_iterator(queue_.end()));
  queue_.swap(batch);
  batch.clear();
  if (queue_.size() > kMaxPendingAccessEntries) {
    const std::size_t excess = queue_.size() - kMaxPendingAccessEntries;
    queue_.erase(queue_.begin(), queue_.begin() + static_cast<std::ptrdiff_t>(excess));
    dropped_ += excess;
    spdlog::error("access log: {} oldest entries dropped ({} so far): the database refuses them",
                  excess, dropped_);
  }
}

}  // namespace kams
