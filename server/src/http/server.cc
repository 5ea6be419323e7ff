// The only translation unit that includes Boost.Beast.
#include "http/server.h"

#include <boost/asio/dispatch.hpp>
#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>
#include <boost/asio/thread_pool.hpp>
#include <boost/asio/write.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <boost/beast/version.hpp>

#include <unistd.h>

#include <algorithm>
#include <array>
#include <atomic>
#include <cerrno>
#include <mutex>
#include <optional>
#include <set>
#include <stdexcept>
#include <thread>
#include <vector>

namespace kams::http {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace bhttp = boost::beast::http;
using tcp = asio::ip::tcp;

namespace {

std::atomic<std::uint64_t> g_request_counter{0};

// A file body is sent in pieces of this size: one piece per connection in memory at a time.
constexpr std::size_t kFileChunk = 128 * 1024;

std::string NextRequestId() {
  static const std::uint64_t kBoot = static_cast<std::uint64_t>(
      std::chrono::steady_clock::now().time_since_epoch().count());
  const std::uint64_t n = ++g_request_counter;
  char buf[32];
  std::snprintf(buf, sizeof buf, "%06llx-%08llx",
                static_cast<unsigned long long>(kBoot & 0xFFFFFF),
                static_cast<unsigned long long>(n));
  return buf;
}

std::string ErrorBody(std::string_view code, std::string_view message) {
  return std::string(R"({"error":{"code":")") + std::string(code) + R"(","message":")" +
         std::string(message) + "\"}}";
}

}  // namespace

class Session;

struct Server::Impl {
  ServerOptions options;
  Handler handler;
  // One io_context per thread (concurrency hint 1: no scheduler lock shared between
  // threads); connections are handed out round-robin and stay on their thread.
  std::vector<std::unique_ptr<asio::io_context>> contexts;
  std::vector<asio::executor_work_guard<asio::io_context::executor_type>> guards;
  std::size_t next_context = 0;
  asio::io_context& ioc;  // contexts[0]: acceptor, signals, shutdown timer
  std::optional<asio::thread_pool> long_pool;  // while Run() runs: requests that run long
  std::optional<tcp::acceptor> acceptor;
  std::optional<asio::signal_set> signals;
  std::atomic<bool> stopping{false};
  std::mutex sessions_mutex;
  std::set<std::weak_ptr<Session>, std::owner_less<std::weak_ptr<Session>>> sessions;
  std::optional<asio::steady_timer> grace_timer;
  std::chrono::steady_clock::time_point grace_deadline;
  std::atomic<int> live_sessions{0};

  Impl(ServerOptions o, Handler h)
      : options(std::move(o)), handler(std::move(h)), ioc(*MakeContexts(options, contexts)) {}
  static asio::io_context* MakeContexts(const ServerOptions& o,
                                        std::vector<std::unique_ptr<asio::io_context>>& out) {
    const int n = std::max(1, o.threads);
    for (int i = 0; i < n; ++i) out.push_back(std::make_unique<asio::io_context>(1));
    return out.front().get();
  }
  void StopAll() {
    guards.clear();
    for (auto& c : contexts) c->stop();
  }
  void Accept();
  void BeginStop();
  void WaitForSessions();
};

class Session : public std::enable_shared_from_this<Session> {
 public:
  Session(tcp::socket&& socket, Server::Impl& server)
      : stream_(std::move(socket)), server_(server) {
    ++server_.live_sessions;
    beast::error_code ec;
    auto ep = stream_.socket().remote_endpoint(ec);
    if (!ec) client_addr_ = ep.address().to_string();
    stream_.socket().set_option(tcp::no_delay(true), ec);
  }

  ~Session() { --server_.live_sessions; }

  void Start() {
    asio::dispatch(stream_.get_executor(),
                   beast::bind_front_handler(&Session::DoRead, shared_from_this()));
  }

  // Called from Stop(): close now if idle, otherwise after the current response.
  void Shutdown() {
    asio::dispatch(stream_.get_executor(), [self = shared_from_this()] {
      self->closing_ = true;
      if (!self->busy_) {
        beast::error_code ec;
        self->stream_.socket().shutdown(tcp::socket::shutdown_both, ec);
        self->stream_.close();
      }
    });
  }

 private:
  void DoRead() {
    if (closing_) return DoClose();
    busy_ = false;
    parser_.emplace();
    // Beast checks a Content-Length against the limit as the head completes, so the head is
    // read with the larger limit and OnHeader narrows it for everything but imports.
    parser_->body_limit(server_.options.import_body_limit);
    parser_->header_limit(64 * 1024);
    stream_.expires_after(server_.options.idle_timeout);
    bhttp::async_read_header(stream_, buffer_, *parser_,
                             beast::bind_front_handler(&Session::OnHeader, shared_from_this()));
  }

  // The head decides how large a body may be: only bulk imports get more than the default.
  void OnHeader(beast::error_code ec, std::size_t) {
    if (ec) return OnRead(ec, 0);
    const auto& msg = parser_->get();
    const std::string_view target(msg.target().data(), msg.target().size());
    const std::string_view path = target.substr(0, target.find('?'));
    constexpr std::string_view kImport = "/import";
    const bool import = msg.method() == bhttp::verb::post && path.size() > kImport.size() &&
                        path.substr(path.size() - kImport.size()) == kImport;
    if (!import) {
      const auto length = parser_->content_length();
      if (length && *length > server_.options.body_limit) return OnRead(bhttp::error::body_limit, 0);
      parser_->body_limit(server_.options.body_limit);
    }
    if (parser_->is_done()) return OnRead(ec, 0);
    bhttp::async_read(stream_, buffer_, *parser_,
                      beast::bind_front_handler(&Session::OnRead, shared_from_this()));
  }

  void OnRead(beast::error_code ec, std::size_t) {
    // The connection ended or failed (a socket error is no fault of what the client sent,
    // and nothing could reach it anyway): close without an answer. Only the HTTP parser's
    // own errors mean a malformed request.
    if (ec == bhttp::error::end_of_stream || ec == asio::error::operation_aborted ||
        ec == beast::error::timeout || ec == asio::error::connection_reset ||
        ec == asio::error::eof ||
        (ec && ec.category() != bhttp::make_error_code(bhttp::error::bad_target).category())) {
      return DoClose();
    }
    busy_ = true;
    if (ec == bhttp::error::body_limit) {
      return SendRaw(413, ErrorBody("payload_too_large", "request body is over the limit"),
                     /*close=*/true, 11);
    }
    if (ec) {
      return SendRaw(400, ErrorBody("bad_request", "malformed HTTP request"), true, 11);
    }
    auto& msg = parser_->get();
    Request req;
    req.method = std::string(msg.method_string());
    req.target = std::string(msg.target());
    const auto q = req.target.find('?');
    const std::string raw_path = req.target.substr(0, q);
    if (q != std::string::npos) req.query = req.target.substr(q + 1);
    if (!PercentDecode(raw_path, false, req.path)) {
      return SendRaw(400, ErrorBody("bad_request", "malformed path"), !msg.keep_alive(),
                     msg.version());
    }
    for (const auto& field : msg) {
      std::string name(field.name_string());
      for (auto& ch : name) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
      req.headers.emplace_back(std::move(name), std::string(field.value()));
    }
    req.body = std::move(msg.body());
    req.client_addr = client_addr_;
    req.request_id = NextRequestId();
    const bool keep_alive = msg.keep_alive() && !server_.stopping.load();
    const unsigned version = msg.version();
    const bool head = msg.method() == bhttp::verb::head;

    if (server_.long_pool && server_.options.runs_long && server_.options.runs_long(req)) {
      // Handled on the long pool; the answer is sent from this connection's own thread.
      asio::post(*server_.long_pool, [self = shared_from_this(), req = std::move(req), keep_alive,
                                      version, head]() mutable {
        Response res = self->Call(req);
        asio::post(self->stream_.get_executor(),
                   [self, res = std::move(res), keep_alive, version, head,
                    rid = std::move(req.request_id)]() mutable {
                     self->Send(std::move(res), keep_alive, version, head, rid);
                   });
      });
      return;
    }
    Send(Call(req), keep_alive, version, head, req.request_id);
  }

  Response Call(Request& req) {
    try {
      return server_.handler(req);
    } catch (...) {
      Response res;
      res.status = 500;
      res.body = ErrorBody("internal", "internal error (request " + req.request_id + ")");
      return res;
    }
  }

  // The status line and headers are written by hand: Beast's generic serializer cost more
  // than the rest of a dossier read (measured with callgrind).
  void Send(Response r, bool keep_alive, unsigned version, bool head, const std::string& rid) {
    keep_alive = keep_alive && !closing_;
    out_head_.clear();
    out_head_ += version == 10 ? "HTTP/1.0 " : "HTTP/1.1 ";
    out_head_ += std::to_string(r.status);
    out_head_ += ' ';
    const auto reason = bhttp::obsolete_reason(static_cast<bhttp::status>(r.status));
    out_head_.append(reason.data(), reason.size());
    out_head_ += "\r\nServer: kams\r\n";
    AddHeader("Content-Type", r.content_type);
    if (!rid.empty()) AddHeader("X-Request-Id", rid);
    for (const auto& [k, v] : r.headers) AddHeader(k, v);
    if (!(head && r.unknown_length)) {
      AddHeader("Content-Length", std::to_string(r.file ? r.file->size() : r.body.size()));
    }
    if (!keep_alive) {
      out_head_ += "Connection: close\r\n";
    } else if (version == 10) {
      out_head_ += "Connection: keep-alive\r\n";
    }
    out_head_ += "\r\n";
    if (r.file && !head) {
      file_ = std::move(r.file);
      file_sent_ = 0;
      return WriteFileBody(!keep_alive);
    }
    out_body_ = head ? std::string() : std::move(r.body);
    stream_.expires_after(server_.options.idle_timeout);
    const std::array<asio::const_buffer, 2> buffers{asio::buffer(out_head_),
                                                    asio::buffer(out_body_)};
    asio::async_write(stream_, buffers,
                      [self = shared_from_this(), close = !keep_alive](beast::error_code ec,
                                                                        std::size_t) {
                        if (ec || close) return self->DoClose();
                        self->DoRead();
                      });
  }

  // Writes the head (on the first call) and the next piece of the file body, then calls
  // itself until the whole file is sent. The file is closed when it is all sent, and on any
  // failure (the client gone, a read error: then the connection is cut, as the length was
  // already promised).
  void WriteFileBody(bool close) {
    const std::uint64_t left = file_->size() - file_sent_;
    if (left == 0 && out_head_.empty()) {
      file_.reset();
      out_body_ = std::string();
      return close ? DoClose() : DoRead();
    }
    out_body_.resize(static_cast<std::size_t>(std::min<std::uint64_t>(left, kFileChunk)));
    ssize_t n = 0;
    if (!out_body_.empty()) {
      do {
        n = ::pread(file_->fd(), out_body_.data(), out_body_.size(),
                    static_cast<off_t>(file_sent_));
      } while (n < 0 && errno == EINTR);
      if (n <= 0) return DoClose();
      out_body_.resize(static_cast<std::size_t>(n));
    }
    stream_.expires_after(server_.options.idle_timeout);
    const std::array<asio::const_buffer, 2> buffers{asio::buffer(out_head_),
                                                    asio::buffer(out_body_)};
    asio::async_write(stream_, buffers,
                      [self = shared_from_this(), close](beast::error_code ec, std::size_t) {
                        if (ec) return self->DoClose();
                        self->file_sent_ += self->out_body_.size();
                        self->out_head_.clear();
                        self->WriteFileBody(close);
                      });
  }

  void SendRaw(int status, std::string body, bool close, unsigned version) {
    Response r;
    r.status = status;
    r.body = std::move(body);
    Send(std::move(r), !close, version, /*head=*/false, "");
  }

  // One header line; CR and LF never reach the wire (no response splitting).
  void AddHeader(std::string_view name, std::string_view value) {
    out_head_ += name;
    out_head_ += ": ";
    for (char c : value) {
      if (c != '\r' && c != '\n') out_head_ += c;
    }
    out_head_ += "\r\n";
  }

  void DoClose() {
    busy_ = false;
    file_.reset();
    out_body_ = std::string();
    beast::error_code ec;
    stream_.socket().shutdown(tcp::socket::shutdown_send, ec);
    stream_.close();
  }

  beast::tcp_stream stream_;
  Server::Impl& server_;
  beast::flat_buffer buffer_;
  std::optional<bhttp::request_parser<bhttp::string_body>> parser_;
  std::string out_head_;
  std::string out_body_;
  std::optional<FileBody> file_;  // the file body being sent, if any
  std::uint64_t file_sent_ = 0;
  std::string client_addr_;
  bool busy_ = false;
  bool closing_ = false;
};

void Server::Impl::Accept() {
  asio::io_context& target = *contexts[next_context++ % contexts.size()];
  acceptor->async_accept(target, [this](beast::error_code ec, tcp::socket socket) {
    if (ec) {
      if (ec == asio::error::operation_aborted || stopping) return;
    } else {
      auto session = std::make_shared<Session>(std::move(socket), *this);
      {
        std::lock_guard lock(sessions_mutex);
        for (auto it = sessions.begin(); it != sessions.end();) {
          it = it->expired() ? sessions.erase(it) : std::next(it);
        }
        sessions.insert(session);
      }
      session->Start();
    }
    if (!stopping) Accept();
  });
}

void Server::Impl::BeginStop() {
  if (stopping.exchange(true)) return;
  asio::post(ioc, [this] {
    beast::error_code ec;
    if (acceptor) acceptor->close(ec);
    if (signals) signals->cancel(ec);
    std::vector<std::shared_ptr<Session>> live;
    {
      std::lock_guard lock(sessions_mutex);
      for (auto& w : sessions) {
        if (auto s = w.lock()) live.push_back(std::move(s));
      }
    }
    for (auto& s : live) s->Shutdown();
    live.clear();
    grace_deadline = std::chrono::steady_clock::now() + options.shutdown_grace;
    grace_timer.emplace(ioc);
    WaitForSessions();
  });
}

// Polls until every connection has closed; whatever still runs after the grace period
// is cut off. When nothing is left, the io_context runs out of work and Run() returns.
void Server::Impl::WaitForSessions() {
  if (live_sessions.load() == 0) {
    guards.clear();  // the other threads' io_contexts may now run out of work
    return;
  }
  if (std::chrono::steady_clock::now() >= grace_deadline) {
    StopAll();
    return;
  }
  grace_timer->expires_after(std::chrono::milliseconds(20));
  grace_timer->async_wait([this](beast::error_code e) {
    if (!e) WaitForSessions();
  });
}

Server::Server(ServerOptions options, Handler handler)
    : impl_(std::make_unique<Impl>(std::move(options), std::move(handler))) {}

Server::~Server() = default;

std::uint16_t Server::Listen() {
  beast::error_code ec;
  auto address = asio::ip::make_address(impl_->options.host, ec);
  if (ec) throw std::runtime_error("invalid listen address " + impl_->options.host);
  tcp::endpoint endpoint(address, impl_->options.port);
  impl_->acceptor.emplace(impl_->ioc);
  impl_->acceptor->open(endpoint.protocol(), ec);
  if (!ec) impl_->acceptor->set_option(asio::socket_base::reuse_address(true), ec);
  if (!ec) impl_->acceptor->bind(endpoint, ec);
  if (!ec) impl_->acceptor->listen(asio::socket_base::max_listen_connections, ec);
  if (ec) {
    throw std::runtime_error("cannot listen on " + impl_->options.host + ":" +
                             std::to_string(impl_->options.port) + ": " + ec.message());
  }
  return impl_->acceptor->local_endpoint().port();
}

void Server::Run() {
  if (impl_->options.handle_signals) {
    impl_->signals.emplace(impl_->ioc, SIGINT, SIGTERM);
    impl_->signals->async_wait([this](beast::error_code ec, int) {
      if (!ec) impl_->BeginStop();
    });
  }
  if (impl_->options.runs_long) {
    impl_->long_pool.emplace(static_cast<std::size_t>(std::max(1, impl_->options.long_threads)));
  }
  impl_->Accept();
  for (std::size_t i = 1; i < impl_->contexts.size(); ++i) {
    impl_->guards.push_back(asio::make_work_guard(*impl_->contexts[i]));
  }
  std::vector<std::thread> threads;
  for (std::size_t i = 1; i < impl_->contexts.size(); ++i) {
    threads.emplace_back([this, i] { impl_->contexts[i]->run(); });
  }
  impl_->ioc.run();
  for (auto& t : threads) t.join();
  // Requests still running there (past the grace period) finish; their answers go nowhere.
  if (impl_->long_pool) {
    impl_->long_pool->join();
    impl_->long_pool.reset();
  }
}

void Server::Stop() { impl_->BeginStop(); }

}  // namespace kams::http
