#pragma once
// Expected failures are values: Result<T> holds either a T or an Error with a stable
// code from the one registry below. Exceptions are reserved for bugs and start-up.

#include <cassert>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

namespace kams {

// The error registry. http/ maps each code to exactly one status (error_mapping.cc).
enum class ErrorCode {
  kBadRequest,
  kValidationFailed,
  kUnauthenticated,
  kForbidden,
  kNotFound,
  kConflict,
  kPreconditionFailed,
  kPayloadTooLarge,
  kRateLimited,
  kUnavailable,  // the storage failed (I/O error, disk full, no database): try again later
  kInternal,
};

// The stable wire name of a code ("validation_failed", ...).
std::string_view ErrorCodeName(ErrorCode code);

struct FieldError {
  std::string field;
  std::string problem;  // short machine word: "required", "too_long", "invalid", ...
};

// A refusal the audit log must hear about (recorded after the refused work rolled back).
struct DenialNote {
  std::string action;  // "access.denied" | "access.out_of_scope"
  std::string entity;
  std::optional<long long> entity_id;
  std::string detail;
};

struct Error {
  ErrorCode code = ErrorCode::kInternal;
  std::string message;             // clean, safe to show to the client
  std::vector<FieldError> fields;  // for kValidationFailed
  int retry_after_seconds = 0;     // for kRateLimited and kUnavailable
  std::string detail;              // for the operator's log only (kUnavailable: what failed)
  bool in_doubt = false;           // kUnavailable: the write may have been applied after all
  std::optional<DenialNote> denial;
};

Error MakeError(ErrorCode code, std::string message);
// The storage could not serve the request (I/O error, disk full, database unreachable).
// `message` is what the client reads, `detail` what the log keeps.
Error Unavailable(std::string message, std::string detail);
// The same when the write's fate is unknown: the storage failed while committing and
// KAMS cannot tell whether the change was kept (the client should reload and check).
Error InDoubt(std::string message, std::string detail);
inline Error BadRequest(std::string m) { return MakeError(ErrorCode::kBadRequest, std::move(m)); }
inline Error NotFound(std::string m) { return MakeError(ErrorCode::kNotFound, std::move(m)); }
inline Error Forbidden(std::string m) { return MakeError(ErrorCode::kForbidden, std::move(m)); }
inline Error Conflict(std::string m) { return MakeError(ErrorCode::kConflict, std::move(m)); }
inline Error Unauthenticated(std::string m) {
  return MakeError(ErrorCode::kUnauthenticated, std::move(m));
}
inline Error PreconditionFailed(std::string m) {
  return MakeError(ErrorCode::kPreconditionFailed, std::move(m));
}
Error ValidationFailed(std::vector<FieldError> fields);

template <class T>
class [[nodiscard]] Result {
 public:
  Result(T value) : v_(std::move(value)) {}          // NOLINT: implicit by design
  Result(Error error) : v_(std::move(error)) {}      // NOLINT
  bool ok() const { return v_.index() == 0; }
  explicit operator bool() const { return ok(); }
  T& value() & { assert(ok()); return std::get<0>(v_); }
  const T& value() const& { assert(ok()); return std::get<0>(v_); }
  T&& value() && { assert(ok()); return std::get<0>(std::move(v_)); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }
  const Error& error() const { assert(!ok()); return std::get<1>(v_); }
  Error&& take_error() { assert(!ok()); return std::get<1>(std::move(v_)); }

 private:
  std::variant<T, Error> v_;
};

template <>
class [[nodiscard]] Result<void> {
 public:
  Result() = default;
  Result(Error error) : error_(std::move(error)) {}  // NOLINT
  bool ok() const { return !error_.has_value(); }
  explicit operator bool() const { return ok(); }
  const Error& error() const { assert(!ok()); return *error_; }
  Error&& take_error() { assert(!ok()); return std::move(*error_); }

 private:
  std::optional<Error> error_;
};

using Status = Result<void>;
inline Status Ok() { return {}; }

}  // namespace kams

// Propagates the error of a Result-returning expression; binds the value otherwise.
#define KAMS_CONCAT_INNER(a, b) a##b
#define KAMS_CONCAT(a, b) KAMS_CONCAT_INNER(a, b)
#define KAMS_TRY_IMPL(tmp, decl, expr)      \
  auto tmp = (expr);                        \
  if (!tmp.ok()) return tmp.take_error();   \
  decl = std::move(tmp).value()
#define KAMS_TRY(decl, expr) KAMS_TRY_IMPL(KAMS_CONCAT(kams_try_, __LINE__), decl, expr)
#define KAMS_CHECK(expr)                                          \
  do {                                                            \
    auto kams_check_status = (expr);                              \
    if (!kams_check_status.ok()) return kams_check_status.take_error(); \
  } while (0)
