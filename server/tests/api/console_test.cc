// `kams serve --console DIR`: the web console at `/`, its caching and security headers,
// the single-page-app fallback, and that the API is never shadowed by it.
#include <gtest/gtest.h>

#include "api_util.h"

namespace kams::test {
namespace {

HttpResponse Anonymous(const std::string& method, const std::string& target) {
  return SendHttp(KamsServer::Get().port(), method, target, {}, "");
}

void ExpectSecurityHeaders(const HttpResponse& r) {
  EXPECT_TRUE(Contains(r.Header("content-security-policy"), "default-src 'self'"))
      << r.Header("content-security-policy");
  EXPECT_TRUE(Contains(r.Header("content-security-policy"), "script-src 'self'"));
  EXPECT_FALSE(Contains(r.Header("content-security-policy"), "unsafe-eval"));
  EXPECT_EQ(r.Header("x-content-type-options"), "nosniff");
  EXPECT_EQ(r.Header("referrer-policy"), "no-referrer");
  EXPECT_EQ(r.Header("x-frame-options"), "DENY");
}

TEST(Console, RootServesIndexHtmlNeverCached) {
  auto r = Anonymous("GET", "/");
  ASSERT_EQ(r.status, 200);
  EXPECT_TRUE(Contains(r.Header("content-type"), "text/html")) << r.Header("content-type");
  EXPECT_TRUE(Contains(r.body, "<div id=\"root\">"));
  EXPECT_EQ(r.Header("cache-control"), "no-store");
  ExpectSecurityHeaders(r);
}

TEST(Console, AppRoutesFallBackToIndexHtml) {
  for (const char* path : {"/customers", "/customers/42", "/admin/users?x=1", "/login"}) {
    auto r = Anonymous("GET", path);
    ASSERT_EQ(r.status, 200) << path;
    EXPECT_TRUE(Contains(r.body, "<div id=\"root\">")) << path;
    EXPECT_EQ(r.Header("cache-control"), "no-store") << path;
  }
  EXPECT_EQ(Anonymous("GET", "/index.html").Header("cache-control"), "no-store");
}

TEST(Console, HashedAssetsAreImmutableOtherFilesRevalidated) {
  auto js = Anonymous("GET", "/assets/app-1a2b3c.js");
  ASSERT_EQ(js.status, 200);
  EXPECT_TRUE(Contains(js.Header("content-type"), "text/javascript"));
  EXPECT_EQ(js.Header("cache-control"), "public, max-age=31536000, immutable");
  EXPECT_EQ(js.body, "console.log('kams');\n");
  ExpectSecurityHeaders(js);
  auto icon = Anonymous("GET", "/favicon.svg");
  ASSERT_EQ(icon.status, 200);
  EXPECT_EQ(icon.Header("content-type"), "image/svg+xml");
  EXPECT_EQ(icon.Header("cache-control"), "no-cache");
  auto head = Anonymous("HEAD", "/assets/app-1a2b3c.js");
  EXPECT_EQ(head.status, 200);
  EXPECT_TRUE(head.body.empty());
}

TEST(Console, MissingFilesAreNotFoundNotTheApp) {
  for (const char* path : {"/assets/app-old.js", "/assets/nothing", "/robots.txt",
                           "/assets/..%2f..%2findex.html", "/assets/../../etc/passwd"}) {
    auto r = Anonymous("GET", path);
    EXPECT_EQ(r.status, 404) << path;
    EXPECT_FALSE(Contains(r.body, "<div id=\"root\">")) << path;
  }
  // Only the loaded files are ever served: a climbing path is just an app route.
  auto climb = Anonymous("GET", "/../../etc/passwd");
  EXPECT_FALSE(Contains(climb.body, "root:"));
}

TEST(Console, TheApiIsNeverShadowed) {
  auto api = Anonymous("GET", "/api/v1/no-such-thing");
  EXPECT_EQ(api.status, 404);
  EXPECT_EQ(api.ErrorCode(), "not_found");
  EXPECT_EQ(Anonymous("GET", "/api/v1/customers").status, 401);
  EXPECT_EQ(Anonymous("GET", "/healthz").Json(), json({{"status", "ok"}}));
  // Writes to a console path are not the console's: the API answers (JSON 404).
  auto post = Anonymous("POST", "/customers");
  EXPECT_EQ(post.status, 404);
  EXPECT_EQ(post.ErrorCode(), "not_found");
}

}  // namespace
}  // namespace kams::test
