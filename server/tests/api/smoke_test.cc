#include <gtest/gtest.h>

#include "harness.h"

namespace kams::test {

TEST(Smoke, HealthzAnswersWithoutSignIn) {
  auto r = SendHttp(KamsServer::Get().port(), "GET", "/healthz", {}, "");
  EXPECT_EQ(r.status, 200);
  EXPECT_EQ(r.Json()["status"], "ok");
}

TEST(Smoke, AdminSignsInAndListsCustomers) {
  auto admin = Client::Login("admin");
  auto r = admin.Get("/api/v1/customers?limit=5");
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.Json()["items"].size(), 5u);
  EXPECT_FALSE(r.Json()["next_cursor"].is_null());
}

}  // namespace kams::test
