#include "core/common/result.h"

namespace kams {

std::string_view ErrorCodeName(ErrorCode code) {
  switch (code) {
    case ErrorCode::kBadRequest: return "bad_request";
    case ErrorCode::kValidationFailed: return "validation_failed";
    case ErrorCode::kUnauthenticated: return "unauthenticated";
    case ErrorCode::kForbidden: return "forbidden";
    case ErrorCode::kNotFound: return "not_found";
    case ErrorCode::kConflict: return "conflict";
    case ErrorCode::kPreconditionFailed: return "precondition_failed";
    case ErrorCode::kPayloadTooLarge: return "payload_too_large";
    case ErrorCode::kRateLimited: return "rate_limited";
    case ErrorCode::kUnavailable: return "unavailable";
    case ErrorCode::kInternal: return "internal";
  }
  return "internal";
}

Error Unavailable(std::string message, std::string detail) {
  Error e = MakeError(ErrorCode::kUnavailable, std::move(message));
  e.detail = std::move(detail);
  e.retry_after_seconds = 1;
  return e;
}

Error InDoubt(std::string message, std::string detail) {
  Error e = Unavailable(std::move(message), std::move(detail));
  e.in_doubt = true;
  return e;
}

Error MakeError(ErrorCode code, std::string message) {
  Error e;
  e.code = code;
  e.message = std::move(message);
  return e;
}

Error ValidationFailed(std::vector<FieldError> fields) {
  Error e;
  e.code = ErrorCode::kValidationFailed;
  if (fields.empty()) {
    e.message = "invalid input";
  } else {
    e.message = fields.front().field + " is " + fields.front().problem;
    if (fields.size() > 1) e.message += " (and " + std::to_string(fields.size() - 1) + " more)";
  }
  e.fields = std::move(fields);
  return e;
}

}  // namespace kams
