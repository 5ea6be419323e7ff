#include "http/error_mapping.h"

#include <spdlog/spdlog.h>

#include "http/json_codec.h"

namespace kams::http {

int StatusFor(ErrorCode code) {
  switch (code) {
    case ErrorCode::kBadRequest: return 400;
    case ErrorCode::kValidationFailed: return 400;
    case ErrorCode::kUnauthenticated: return 401;
    case ErrorCode::kForbidden: return 403;
    case ErrorCode::kNotFound: return 404;
    case ErrorCode::kConflict: return 409;
    case ErrorCode::kPreconditionFailed: return 412;
    case ErrorCode::kPayloadTooLarge: return 413;
    case ErrorCode::kRateLimited: return 429;
    case ErrorCode::kUnavailable: return 503;
    case ErrorCode::kInternal: return 500;
  }
  return 500;
}

Response ErrorResponse(const Error& error, const Request& req) {
  Response r;
  r.status = StatusFor(error.code);
  if (error.code == ErrorCode::kInternal) {
    spdlog::error("request {} {} {} failed: {}", req.request_id, req.method, req.path,
                  error.message);
    std::string message = "internal error; quote request id ";
    message += req.request_id;
    Error clean = MakeError(ErrorCode::kInternal, std::move(message));
    r.body = codec::ErrorJson(clean).dump();
  } else {
    r.body = codec::ErrorJson(error).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  }
  if (error.code == ErrorCode::kUnavailable) {
    // What failed (which call, which error) is for the operator's log, not the client.
    spdlog::error("request {} {} {} could not be served: {}", req.request_id, req.method,
                  req.path, error.detail);
  }
  if ((error.code == ErrorCode::kRateLimited || error.code == ErrorCode::kUnavailable) &&
      error.retry_after_seconds > 0) {
    r.SetHeader("Retry-After", std::to_string(error.retry_after_seconds));
  }
  if (error.code == ErrorCode::kUnauthenticated) {
    r.SetHeader("WWW-Authenticate", "Bearer realm=\"kams\"");
  }
  return r;
}

}  // namespace kams::http
