#include "http/api.h"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <chrono>
#include <string_view>

#include "http/error_mapping.h"
#include "http/handler_util.h"

namespace kams::http {
namespace {

bool ChangesState(const std::string& method) {
  return method == "POST" || method == "PUT" || method == "PATCH" || method == "DELETE";
}

std::string CookieValue(std::string_view header, std::string_view name) {
  while (!header.empty()) {
    const auto semi = header.find(';');
    std::string_view part = header.substr(0, semi);
    header = semi == std::string_view::npos ? std::string_view{} : header.substr(semi + 1);
    while (!part.empty() && part.front() == ' ') part.remove_prefix(1);
    const auto eq = part.find('=');
    if (eq != std::string_view::npos && part.substr(0, eq) == name) {
      return std::string(part.substr(eq + 1));
    }
  }
  return {};
}

}  // namespace

Api::Api(Services services, Metrics& metrics, ApiOptions options, const ConsoleFiles* console)
    : services_(std::move(services)), metrics_(metrics), options_(options), console_(console) {
  auto authed = [this](AuthedHandler h) { return Authed(std::move(h)); };
  AddSystemRoutes(router_, services_, metrics_);
  AddAuthRoutes(router_, services_, options_, authed);
  AddOrgRoutes(router_, services_, authed);
  AddCustomerRoutes(router_, services_, options_, authed);
  AddContactRoutes(router_, services_, authed);
  AddContractRoutes(router_, services_, authed);
  AddAuditRoutes(router_, services_, authed);
  AddImportRoutes(router_, services_, authed);
  AddTieringRoutes(router_, services_, authed);
  AddNominationRoutes(router_, services_, authed);
  AddEngagementRoutes(router_, services_, authed);
  AddAccessAlertRoutes(router_, services_, authed);
  AddHandoverRoutes(router_, services_, authed);
  AddVisitRoutes(router_, services_, authed);
}

Handler Api::Authed(AuthedHandler h) {
  return [this, h = std::move(h)](Request& req) -> Response {
    Result<std::optional<Authenticated>> resolved = std::optional<Authenticated>();
    std::string_view authorization = req.Header("authorization");
    if (!authorization.empty()) {
      if (authorization.substr(0, 7) != "Bearer ") {
        return ErrorResponse(Unauthenticated("unsupported Authorization scheme; use Bearer"), req);
      }
      resolved = services_.auth.ResolveBearer(std::string(authorization.substr(7)));
    } else {
      const std::string token = CookieValue(req.Header("cookie"), "kams_session");
      if (!token.empty()) resolved = services_.auth.ResolveSession(token);
    }
    // A database that cannot answer is the server's fault, not a reason to sign anyone out.
    if (!resolved.ok()) return ErrorResponse(resolved.error(), req);
    std::optional<Authenticated>& auth = *resolved;
    if (!auth) return ErrorResponse(Unauthenticated("sign in first"), req);
    if (ChangesState(req.method) &&
        !services_.auth.CsrfMatches(*auth, std::string(req.Header("x-csrf-token")))) {
      return ErrorResponse(Forbidden("missing or invalid X-CSRF-Token header"), req);
    }
    Call call{std::move(*auth), RequestContext{req.request_id, req.client_addr}};
    return h(req, call);
  };
}

Response Api::Dispatch(Request& req, std::string& route_name) {
  const Route* route = nullptr;
  std::string allowed;
  switch (router_.Find(req, route, allowed)) {
    case Router::Match::kFound:
      route_name = route->pattern;
      return route->handler(req);
    case Router::Match::kWrongMethod: {
      route_name = "(method_not_allowed)";
      Response r = ErrorResponse(BadRequest("method " + req.method + " is not allowed here"), req);
      r.status = 405;
      r.SetHeader("Allow", allowed);
      return r;
    }
    case Router::Match::kNoPath:
      break;
  }
  route_name = "(not_found)";
  return ErrorResponse(NotFound("no such endpoint: " + req.path), req);
}

const std::vector<std::pair<std::string, std::string>>& Api::LongRoutes() {
  static const std::vector<std::pair<std::string, std::string>> kRoutes = {
      // Exports and imports of whole lists.
      {"GET", "/api/v1/customers/export"},
      {"POST", "/api/v1/customers/import"},
      {"POST", "/api/v1/transactions/import"},
      // Argon2id hashes a password for tens of milliseconds on purpose.
      {"POST", "/api/v1/auth/login"},
      {"POST", "/api/v1/auth/password"},
      {"POST", "/api/v1/users"},
      {"POST", "/api/v1/users/{id}/reset-password"},
      // Previews and applies over every customer, handovers of a whole book of accounts.
      {"POST", "/api/v1/tier-schemes/preview"},
      {"POST", "/api/v1/tier-schemes/{id}/preview"},
      {"POST", "/api/v1/tier-schemes/{id}/apply"},
      {"POST", "/api/v1/users/{id}/handover"},
      {"POST", "/api/v1/users/{id}/handover/preview"},
      {"POST", "/api/v1/customers/{id}/team/apply-default"},
      // Reports over a whole scope.
      {"GET", "/api/v1/analytics/concentration"},
      {"GET", "/api/v1/weekly-review"},
      {"GET", "/api/v1/weekly-review/summary"},
      {"GET", "/api/v1/handovers/decay"},
      {"GET", "/api/v1/audit"},
      {"GET", "/api/v1/cadence-breaches"},
      {"GET", "/api/v1/my-day"},
  };
  return kRoutes;
}

bool Api::RunsLong(const Request& req) {
  // A non-empty `q` parameter: a name search.
  for (std::size_t at = 0; at < req.query.size();) {
    const std::size_t end = std::min(req.query.find('&', at), req.query.size());
    const std::string_view param(req.query.data() + at, end - at);
    if (param.size() > 2 && param.substr(0, 2) == "q=") return true;
    at = end + 1;
  }
  // The long routes, matched as the API's router matches them (a HEAD as its GET).
  static const Router kLong = [] {
    Router r;
    for (const auto& [method, pattern] : LongRoutes()) r.Add(method, pattern, nullptr);
    return r;
  }();
  Request probe;
  probe.method = req.method == "HEAD" ? "GET" : req.method;
  probe.path = req.path;
  const Route* route = nullptr;
  std::string allowed;
  return kLong.Find(probe, route, allowed) == Router::Match::kFound;
}

Response Api::Handle(Request& req) {
  const auto start = std::chrono::steady_clock::now();
  std::string route_name;
  Response res;
  if (console_ && console_->Claims(req)) {
    res = console_->Serve(req);
    metrics_.ObserveRequest(req.method, "(console)", res.status,
                            std::chrono::duration<double>(std::chrono::steady_clock::now() - start)
                                .count());
    return res;
  }
  try {
    res = Dispatch(req, route_name);
  } catch (const std::exception& e) {
    res = ErrorResponse(MakeError(ErrorCode::kInternal, e.what()), req);
  } catch (...) {
    res = ErrorResponse(MakeError(ErrorCode::kInternal, "unknown exception"), req);
  }
  res.SetHeader("Cache-Control", "no-store");
  res.SetHeader("X-Content-Type-Options", "nosniff");
  const double secs =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  metrics_.ObserveRequest(req.method, route_name, res.status, secs);
  return res;
}

}  // namespace kams::http
