#include "app/access_log_writer.h"

#include <spdlog/spdlog.h>

#include <chrono>

namespace kams {

constexpr std::size_t kBatch = 1000;

AccessLogWriter::AccessLogWriter(Database& db) : db_(db), thread_([this] { Loop(); }) {}

AccessLogWriter::~AccessLogWriter() { Stop(); }

void AccessLogWriter::Record(AccessEntry entry) {
  bool wake = false;
  {
    std::lock_guard lock(mutex_);
    queue_.push_back(std::move(entry));
    wake = queue_.size() >= kBatch;
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

void AccessLogWriter::Loop() {
  std::vector<AccessEntry> batch;
  for (;;) {
    bool last = false;
    {
      std::unique_lock lock(mutex_);
      cv_.wait_for(lock, std::chrono::milliseconds(500),
                   [&] { return stopping_ || queue_.size() >= kBatch; });
      batch.swap(queue_);
      last = stopping_;
    }
    if (!batch.empty()) Flush(batch);
    if (last) return;
  }
}

void AccessLogWriter::Flush(std::vector<AccessEntry>& batch) {
  Status s = db_.Run(TxMode::kWrite, [&](Tx& tx) {
    tx.access_log().InsertBatch(batch);
    return Ok();
  });
  if (!s.ok()) {
    spdlog::error("access log: {} entries not written: {}", batch.size(), s.error().message);
  }
  batch.clear();
}

}  // namespace kams
