#include "http/api.h"
#include "http/handler_util.h"
#include "http/openapi_document.h"

namespace kams::http {

void AddSystemRoutes(Router& r, Services& s, Metrics& m) {
  r.Add("GET", "/healthz", [&s](Request&) {
    const bool ok = s.healthy ? s.healthy() : true;
    return JsonResponse(ok ? 200 : 503, json{{"status", ok ? "ok" : "unavailable"}});
  });
  r.Add("GET", "/metrics", [&m](Request&) {
    Response res;
    res.content_type = "text/plain; version=0.0.4; charset=utf-8";
    res.body = m.Render();
    return res;
  });
  r.Add("GET", "/api/v1/openapi.json", [](Request&) {
    Response res;
    res.body = std::string(OpenApiDocument());
    return res;
  });
}

}  // namespace kams::http
