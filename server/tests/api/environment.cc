// Starts one server for the whole API test binary; at the end stops it with SIGTERM
// and checks that it shut down cleanly, that the audit chain verifies, and that no server
// or CLI run wrote a sanitizer report (a ThreadSanitizer build of kams as KAMS_BIN
// reports data races in its log and goes on serving; the report fails the suite here).
#include <gtest/gtest.h>

#include <cstdio>

#include "harness.h"

namespace kams::test {
namespace {

// Says during which test a report first appeared in the logs (the failure itself is the
// environment's, at the end: reports from the server's own threads come at any moment).
class SanitizerReportWatch : public ::testing::EmptyTestEventListener {
 public:
  void OnTestEnd(const ::testing::TestInfo& test) override {
    auto& s = KamsServer::Get();
    if (s.dir().empty()) return;
    const std::size_t now = s.SanitizerReports().size();
    if (now > seen_) {
      std::fprintf(stderr, "[ SANITIZER ] %zu new report(s) in the kams logs during %s.%s\n",
                   now - seen_, test.test_suite_name(), test.name());
      seen_ = now;
    }
  }

 private:
  std::size_t seen_ = 0;
};

class ServerEnvironment : public ::testing::Environment {
 public:
  void SetUp() override { KamsServer::Get().Start(); }
  void TearDown() override {
    auto& s = KamsServer::Get();
    s.Stop();
    EXPECT_EQ(s.last_exit_status(), 0) << "kams serve did not shut down cleanly on SIGTERM";
    std::string out;
    EXPECT_EQ(s.RunCli({"audit", "verify", "--db", s.db_path()}, &out), 0) << out;
    const auto reports = s.SanitizerReports();
    std::string text;
    for (const auto& r : reports) text += r + "\n";
    EXPECT_TRUE(reports.empty()) << reports.size() << " sanitizer report(s) in the logs of kams "
                                 << "(" << s.dir() << "):\n"
                                 << text;
  }
};

const auto* const kEnv = ::testing::AddGlobalTestEnvironment(new ServerEnvironment);
[[maybe_unused]] const bool kWatch =
    (::testing::UnitTest::GetInstance()->listeners().Append(new SanitizerReportWatch), true);

}  // namespace
}  // namespace kams::test
