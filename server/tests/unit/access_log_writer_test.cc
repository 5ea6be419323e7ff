// The access-log writer keeps what the database refuses and writes it once the database takes
// it again; a clean stop writes everything queued.
#include "app/access_log_writer.h"

#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <filesystem>
#include <thread>

#include "app/wiring.h"

namespace kams {
namespace {

// The real database, but every write is refused while `refusing` holds.
class RefusingDatabase final : public Database {
 public:
  explicit RefusingDatabase(Database& real) : real_(real) {}
  Status Run(TxMode mode, const std::function<Status(Tx&)>& work) override {
    if (mode == TxMode::kWrite && refusing.load()) {
      ++refused;
      return Unavailable("the storage failed", "injected");
    }
    return real_.Run(mode, work);
  }
  std::string_view Backend() const override { return real_.Backend(); }
  std::atomic<bool> refusing{false};
  std::atomic<int> refused{0};

 private:
  Database& real_;
};

class AccessLogWriterTest : public ::testing::Test {
 protected:
  void SetUp() override {
    path_ = std::filesystem::temp_directory_path() /
            ("kams-access-log-" + std::to_string(::getpid()) + ".db");
    Clean();
    store_ = OpenDatabase(path_.string(), 2);
  }
  void TearDown() override {
    store_.reset();
    Clean();
  }
  void Clean() {
    for (const char* suffix : {"", "-wal", "-shm"}) {
      std::error_code ec;
      std::filesystem::remove(path_.string() + suffix, ec);
    }
  }
  std::int64_t Count() {
    std::int64_t n = 0;
    (void)store_->Run(TxMode::kRead, [&](Tx& tx) {
      n = tx.access_log().Count();
      return Ok();
    });
    return n;
  }
  // Waits up to 10 s for `n` rows.
  bool AwaitCount(std::int64_t n) {
    for (int i = 0; i < 200; ++i) {
      if (Count() == n) return true;
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
    return false;
  }
  static AccessEntry Entry(Id customer) {
    return AccessEntry{1'000'000, 1, "customer", customer, customer, "req", "127.0.0.1"};
  }

  std::filesystem::path path_;
  std::unique_ptr<StoreDatabase> store_;
};

TEST_F(AccessLogWriterTest, KeepsRefusedBatchesAndWritesThemWhenTheDatabaseRecovers) {
  RefusingDatabase db(*store_);
  AccessLogWriter writer(db);
  db.refusing = true;
  for (Id i = 1; i <= 2500; ++i) writer.Record(Entry(i));
  // Refused at least twice (the batch and a retry half a second later): nothing written.
  for (int i = 0; i < 100 && db.refused.load() < 2; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  ASSERT_GE(db.refused.load(), 2);
  EXPECT_EQ(Count(), 0);
  // Recorded while refusing: kept behind the refused ones.
  for (Id i = 2501; i <= 2600; ++i) writer.Record(Entry(i));
  db.refusing = false;
  EXPECT_TRUE(AwaitCount(2600)) << Count();
  EXPECT_EQ(writer.dropped(), 0u);
  writer.Stop();
  EXPECT_EQ(Count(), 2600);
}

TEST_F(AccessLogWriterTest, StopWritesWhatIsQueuedAndGivesUpOnlyAfterRetries) {
  {
    AccessLogWriter writer(*store_);
    for (Id i = 1; i <= 10; ++i) writer.Record(Entry(i));
    writer.Stop();
    EXPECT_EQ(Count(), 10);
  }
  RefusingDatabase db(*store_);
  db.refusing = true;
  AccessLogWriter writer(db);
  for (Id i = 1; i <= 5; ++i) writer.Record(Entry(i));
  writer.Stop();  // a storage that never recovers: dropped, and counted
  EXPECT_GE(db.refused.load(), 5);
  EXPECT_EQ(writer.dropped(), 5u);
  EXPECT_EQ(Count(), 10);
}

}  // namespace
}  // namespace kams
