// Starts one server for the whole API test binary; at the end stops it with SIGTERM
// and checks that it shut down cleanly and that the audit chain verifies.
#include <gtest/gtest.h>

#include "harness.h"

namespace kams::test {
namespace {

class ServerEnvironment : public ::testing::Environment {
 public:
  void SetUp() override { KamsServer::Get().Start(); }
  void TearDown() override {
    auto& s = KamsServer::Get();
    s.Stop();
    EXPECT_EQ(s.last_exit_status(), 0) << "kams serve did not shut down cleanly on SIGTERM";
    std::string out;
    EXPECT_EQ(s.RunCli({"audit", "verify", "--db", s.db_path()}, &out), 0) << out;
  }
};

const auto* const kEnv = ::testing::AddGlobalTestEnvironment(new ServerEnvironment);

}  // namespace
}  // namespace kams::test
