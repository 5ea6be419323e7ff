#include "app/import_worker.h"

#include <spdlog/spdlog.h>

namespace kams {

ImportWorker::ImportWorker(std::string node, std::size_t max_queued)
    : node_(std::move(node)), max_queued_(max_queued), thread_([this] { Loop(); }) {}

ImportWorker::~ImportWorker() { Stop(); }

bool ImportWorker::Post(std::function<void(const std::atomic<bool>& stopping)> task) {
  {
    std::lock_guard lock(mutex_);
    if (closed_ || queue_.size() >= max_queued_) return false;
    queue_.push_back(std::move(task));
  }
  wake_.notify_one();
  return true;
}

void ImportWorker::Stop() {
  {
    std::lock_guard lock(mutex_);
    closed_ = true;
  }
  stopping_.store(true);
  wake_.notify_one();
  if (thread_.joinable()) thread_.join();
}

void ImportWorker::Loop() {
  for (;;) {
    std::function<void(const std::atomic<bool>&)> task;
    {
      std::unique_lock lock(mutex_);
      wake_.wait(lock, [this] { return closed_ || !queue_.empty(); });
      if (queue_.empty()) return;  // closed, nothing left
      task = std::move(queue_.front());
      queue_.pop_front();
    }
    try {
      task(stopping_);
    } catch (const std::exception& e) {
      spdlog::error("background import failed: {}", e.what());
    }
  }
}

}  // namespace kams
