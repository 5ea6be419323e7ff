#pragma once
// The built web console (web/dist), held in memory and served at `/`.
//
// Hashed files under /assets/ are immutable and cached for a year; every other path that
// is not a file gets index.html (the single-page app routes it), never cached, so a new
// release is picked up on the next load. Every answer carries the security headers.

#include <map>
#include <string>

#include "core/common/result.h"
#include "http/message.h"

namespace kams::http {

class ConsoleFiles {
 public:
  // Reads every file below `dir`; index.html must be among them.
  Status Load(const std::string& dir);
  bool empty() const { return files_.empty(); }
  // True for requests the console answers: GET or HEAD outside /api/, /healthz, /metrics.
  bool Claims(const Request& req) const;
  Response Serve(const Request& req) const;

 private:
  struct File {
    std::string content_type;
    std::string body;
  };
  std::map<std::string, File, std::less<>> files_;  // "/assets/app-1a2b.js" → file
};

// The headers every console answer carries (exposed for tests).
inline constexpr const char* kConsoleCsp =
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
    "img-src 'self' data:; font-src 'self' data:; connect-src 'self'; object-src 'none'; "
    "base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

}  // namespace kams::http
