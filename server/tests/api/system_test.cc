// Health, metrics, the OpenAPI document, common response headers and keep-alive.
#include <gtest/gtest.h>

#include <atomic>
#include <chrono>
#include <regex>
#include <sstream>
#include <thread>
#include <vector>

#include "api_util.h"

namespace kams::test {
namespace {

HttpResponse Anonymous(const std::string& method, const std::string& target) {
  return SendHttp(KamsServer::Get().port(), method, target, {}, "");
}

// The value of one exact metric line ("name{labels}"), or -1 when absent.
double Metric(const std::string& text, const std::string& series) {
  std::istringstream in(text);
  std::string line;
  while (std::getline(in, line)) {
    if (line.rfind(series + " ", 0) == 0) return std::stod(line.substr(series.size() + 1));
  }
  return -1;
}

TEST(System, HealthzAnswersWithoutSignIn) {
  auto r = Anonymous("GET", "/healthz");
  ASSERT_EQ(r.status, 200);
  EXPECT_EQ(r.Json(), json({{"status", "ok"}}));
  auto head = Anonymous("HEAD", "/healthz");
  EXPECT_EQ(head.status, 200);
  EXPECT_TRUE(head.body.empty());
}

// A sign-in hashes its password (Argon2id, tens of milliseconds on purpose) and so runs
// apart from quick requests: on a node with one I/O thread and one thread for long
// requests, a health check sent while sign-ins are queued is answered before they are all
// done (were they handled on the I/O thread, it would wait for every one of them).
TEST(System, QuickRequestsAreNotHeldUpByLongOnesOnTheSameThread) {
  auto node =
      KamsServer::Get().StartNode("one-io-thread", {"--threads", "1", "--long-threads", "1"});
  const json body = {{"username", "admin"}, {"password", "kams-demo"}};
  constexpr int kSignIns = 6;
  std::atomic<int> done{0};
  std::vector<std::thread> sign_ins;
  for (int i = 0; i < kSignIns; ++i) {
    sign_ins.emplace_back([&] {
      auto r = SendHttp(node.port, "POST", "/api/v1/auth/login",
                        {{"Content-Type", "application/json"}}, body.dump());
      EXPECT_EQ(r.status, 200) << r.body;
      ++done;
    });
  }
  // Once the first is answered, the others have long been sent and wait their turn.
  while (done.load() == 0) std::this_thread::sleep_for(std::chrono::milliseconds(1));
  auto health = SendHttp(node.port, "GET", "/healthz", {}, "");
  const int done_when_answered = done.load();
  for (auto& t : sign_ins) t.join();
  EXPECT_EQ(KamsServer::StopNode(node), 0);
  EXPECT_EQ(health.status, 200);
  EXPECT_LT(done_when_answered, kSignIns) << "the health check waited for every sign-in";
}

TEST(System, MetricsCountRequestsByRouteAndExposeALatencyHistogram) {
  const std::string healthz = R"(kams_http_requests_total{method="GET",route="/healthz",status="200"})";
  const std::string by_id = R"(kams_http_requests_total{method="GET",route="/api/v1/customers/{id}",status="404"})";
  auto before = Anonymous("GET", "/metrics");
  ASSERT_EQ(before.status, 200);
  EXPECT_TRUE(Contains(before.Header("content-type"), "text/plain")) << before.Header("content-type");
  const double healthz_before = std::max(0.0, Metric(before.body, healthz));
  const double by_id_before = std::max(0.0, Metric(before.body, by_id));
  const double count_before = Metric(before.body, "kams_http_request_duration_seconds_count");

  ASSERT_EQ(Anonymous("GET", "/healthz").status, 200);
  ASSERT_EQ(Anonymous("GET", "/healthz").status, 200);
  ASSERT_EQ(As("admin").Get("/api/v1/customers/987654321").status, 404);

  auto after = Anonymous("GET", "/metrics");
  const std::string& m = after.body;
  EXPECT_TRUE(Contains(m, "# TYPE kams_http_requests_total counter"));
  EXPECT_TRUE(Contains(m, "# TYPE kams_http_request_duration_seconds histogram"));
  EXPECT_EQ(Metric(m, healthz), healthz_before + 2);
  EXPECT_EQ(Metric(m, by_id), by_id_before + 1) << "routes are labelled by pattern, not by raw path";
  EXPECT_FALSE(Contains(m, "route=\"/api/v1/customers/987654321\""));
  EXPECT_GE(Metric(m, "kams_http_request_duration_seconds_count"), count_before + 4);

  // Buckets are cumulative and the +Inf bucket equals the count.
  std::regex bucket(R"re(kams_http_request_duration_seconds_bucket\{le="([^"]+)"\} (\d+))re");
  double previous = 0;
  int buckets = 0;
  for (auto it = std::sregex_iterator(m.begin(), m.end(), bucket); it != std::sregex_iterator(); ++it) {
    const double v = std::stod((*it)[2]);
    EXPECT_GE(v, previous) << (*it)[0];
    previous = v;
    ++buckets;
  }
  EXPECT_GE(buckets, 5);
  EXPECT_EQ(Metric(m, R"(kams_http_request_duration_seconds_bucket{le="+Inf"})"),
            Metric(m, "kams_http_request_duration_seconds_count"));
  EXPECT_GE(Metric(m, "kams_http_request_duration_seconds_sum"), 0);
}

TEST(System, OpenApiDocumentIsServed) {
  auto r = Anonymous("GET", "/api/v1/openapi.json");
  ASSERT_EQ(r.status, 200);
  const json doc = r.Json();
  EXPECT_EQ(doc["openapi"].get<std::string>().rfind("3.", 0), 0u);
  EXPECT_TRUE(doc["paths"].contains("/api/v1/customers"));
  EXPECT_TRUE(doc["paths"].contains("/api/v1/auth/login"));
}

TEST(System, EveryAnswerCarriesARequestIdAndSafeHeaders) {
  std::set<std::string> ids;
  for (const auto& r : {As("kam.sz").Get("/api/v1/customers?limit=1"), As("kam.sz").Get("/api/v1/nope"),
                        Anonymous("GET", "/api/v1/customers"), Anonymous("GET", "/healthz")}) {
    EXPECT_FALSE(r.Header("x-request-id").empty());
    ids.insert(r.Header("x-request-id"));
    EXPECT_EQ(r.Header("cache-control"), "no-store");
    EXPECT_EQ(r.Header("x-content-type-options"), "nosniff");
    EXPECT_EQ(r.Header("content-type"), "application/json; charset=utf-8");
  }
  EXPECT_EQ(ids.size(), 4u);
}

TEST(System, KeepAliveServesSeveralRequestsOnOneConnection) {
  const std::string out = SendRaw(KamsServer::Get().port(),
                                  "GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n"
                                  "GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n"
                                  "GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
  std::size_t n = 0;
  for (std::size_t pos = out.find("HTTP/1.1 200"); pos != std::string::npos; pos = out.find("HTTP/1.1 200", pos + 1)) ++n;
  EXPECT_EQ(n, 3u) << out;
}

}  // namespace
}  // namespace kams::test
