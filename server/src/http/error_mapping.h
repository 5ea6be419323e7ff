#pragma once

#include "core/common/result.h"
#include "http/message.h"

namespace kams::http {

// The one mapping from error code to HTTP status.
int StatusFor(ErrorCode code);

// The API.md error envelope. Internal errors show the client only the request id; the
// detail goes to the log.
Response ErrorResponse(const Error& error, const Request& req);

}  // namespace kams::http
