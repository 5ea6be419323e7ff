#pragma once
// The node's background import queue (ImportExecutor): one thread that runs queued imports
// one after another, so a large file never holds an HTTP thread and two imports never
// compete for the database's single writer on one node.

#include <atomic>
#include <condition_variable>
#include <deque>
#include <functional>
#include <mutex>
#include <string>
#include <thread>

#include "core/imports/import_service.h"

namespace kams {

class ImportWorker final : public ImportExecutor {
 public:
  ImportWorker(std::string node, std::size_t max_queued);
  ~ImportWorker() override;
  // False when max_queued imports already wait behind the running one, or after Stop.
  bool Post(std::function<void(const std::atomic<bool>& stopping)> task) override;
  const std::string& node() const override { return node_; }
  // Tells the running import to end after its batch, runs what is queued with `stopping`
  // set (each records that it never ran) and waits for the thread. Idempotent.
  void Stop();

 private:
  void Loop();

  const std::string node_;
  const std::size_t max_queued_;
  std::mutex mutex_;
  std::condition_variable wake_;
  std::deque<std::function<void(const std::atomic<bool>&)>> queue_;
  bool closed_ = false;
  std::atomic<bool> stopping_{false};
  std::thread thread_;
};

}  // namespace kams
