#pragma once
// What every use case is handed: the ports it may use, and the request it serves.

#include <string>

#include "core/common/time.h"
#include "core/ports/access_log_sink.h"
#include "core/ports/crypto.h"
#include "core/ports/database.h"

namespace kams {

struct CoreDeps {
  Database& db;
  const Clock& clock;
  const Crypto& crypto;
  AccessLogSink& access_log;
};

struct RequestContext {
  std::string request_id;
  std::string client_addr;
};

}  // namespace kams
