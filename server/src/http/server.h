#pragma once
// The HTTP/1.1 server (Boost.Beast on Asio): keep-alive, pipelining, body and header
// limits, idle timeouts, graceful shutdown. Requests are handed to one Handler on the
// I/O threads, or on a pool of their own for those that run long; the handler may block
// (storage calls), so both are sized above the core count.

#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>

#include "http/message.h"

namespace kams::http {

struct ServerOptions {
  std::string host = "127.0.0.1";
  std::uint16_t port = 8080;  // 0 picks a free port
  int threads = 4;
  // Requests for which `runs_long` says so (name searches, exports, password hashing,
  // previews over every customer, reports) are handled on a pool of this many threads of
  // their own: a long request never holds up the quick ones of the connections that share
  // its I/O thread, and long requests wait in one queue, served in turn.
  int long_threads = 4;
  std::function<bool(const Request&)> runs_long;
  std::size_t body_limit = 1024 * 1024;  // larger bodies answer 413
  // Bulk imports (POST …/import) may send more: CSV files of many rows.
  std::size_t import_body_limit = 512 * 1024 * 1024;
  std::chrono::seconds idle_timeout{60};
  std::chrono::seconds shutdown_grace{15};
  bool handle_signals = true;  // SIGINT/SIGTERM start a graceful shutdown
};

class Server {
 public:
  using Handler = std::function<Response(Request&)>;
  Server(ServerOptions options, Handler handler);
  ~Server();
  // Binds and listens; returns the bound port. Throws std::runtime_error on failure.
  std::uint16_t Listen();
  // Serves until Stop() or a signal; returns once in-flight requests have finished
  // (or the grace period ran out).
  void Run();
  // Stops accepting, lets requests in flight finish, closes idle connections.
  void Stop();

  struct Impl;  // implementation detail (server.cc), public for its connection class

 private:
  std::unique_ptr<Impl> impl_;
};

}  // namespace kams::http
