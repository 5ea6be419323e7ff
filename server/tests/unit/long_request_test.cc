// Which requests the server runs apart from the quick ones (Api::RunsLong): decided from
// the method, path and query alone, before any handler runs.
#include <gtest/gtest.h>

#include "http/api.h"

namespace kams::http {
namespace {

TEST(RunsLong, SearchesExportsImportsPasswordsPreviewsAndReports) {
  struct Case {
    const char* method;
    const char* path;
    const char* query;
    bool long_running;
  };
  const Case cases[] = {
      // Quick: reads of one record, plain lists, writes of one record.
      {"GET", "/api/v1/customers/42", "", false},
      {"HEAD", "/api/v1/customers/42", "", false},
      {"GET", "/api/v1/customers", "limit=50&sort=-id", false},
      {"GET", "/api/v1/customers", "q=", false},  // an empty search is the plain list
      {"GET", "/api/v1/customers", "sq=电力&aq=x", false},
      {"PATCH", "/api/v1/customers/42", "", false},
      {"POST", "/api/v1/customers", "", false},
      {"POST", "/api/v1/nominations/7/approve", "", false},
      {"POST", "/api/v1/auth/logout", "", false},
      {"GET", "/healthz", "", false},
      {"GET", "/metrics", "", false},
      {"GET", "/api/v1/auth/me", "", false},
      {"GET", "/", "", false},
      {"DELETE", "/api/v1/users/5", "", false},
      {"PATCH", "/api/v1/users/5", "", false},
      // Name searches, wherever the parameter stands.
      {"GET", "/api/v1/customers", "q=%E7%94%B5%E5%8A%9B", true},
      {"GET", "/api/v1/customers", "limit=20&q=siemens&sort=-id", true},
      {"GET", "/api/v1/users", "q=wang", true},
      // Exports, imports, previews and applies over every customer, handovers.
      {"GET", "/api/v1/customers/export", "format=xlsx", true},
      {"HEAD", "/api/v1/customers/export", "", true},
      {"POST", "/api/v1/customers/import", "", true},
      {"POST", "/api/v1/transactions/import", "", true},
      {"POST", "/api/v1/tier-schemes/preview", "", true},
      {"POST", "/api/v1/tier-schemes/3/preview", "", true},
      {"POST", "/api/v1/tier-schemes/3/apply", "", true},
      {"POST", "/api/v1/users/5/handover", "", true},
      {"POST", "/api/v1/users/5/handover/preview", "", true},
      {"POST", "/api/v1/customers/42/team/apply-default", "", true},
      // Passwords are hashed with Argon2id.
      {"POST", "/api/v1/auth/login", "", true},
      {"POST", "/api/v1/auth/password", "", true},
      {"POST", "/api/v1/users", "", true},
      {"POST", "/api/v1/users/5/reset-password", "", true},
      // Reports over a whole scope.
      {"GET", "/api/v1/analytics/concentration", "window_months=12", true},
      {"GET", "/api/v1/weekly-review", "", true},
      {"GET", "/api/v1/weekly-review/summary", "", true},
      {"GET", "/api/v1/handovers/decay", "", true},
      {"GET", "/api/v1/audit", "entity=customer", true},
      {"GET", "/api/v1/cadence-breaches", "", true},
      {"GET", "/api/v1/my-day", "", true},
      // The same paths with other methods are not.
      {"DELETE", "/api/v1/customers/export", "", false},
      {"PUT", "/api/v1/auth/login", "", false},
  };
  for (const Case& c : cases) {
    Request req;
    req.method = c.method;
    req.path = c.path;
    req.query = c.query;
    EXPECT_EQ(Api::RunsLong(req), c.long_running) << c.method << " " << c.path << "?" << c.query;
  }
}

}  // namespace
}  // namespace kams::http
