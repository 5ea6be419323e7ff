#pragma once
// API test harness: starts the real `kams` binary on a free loopback port with a fresh
// demo database, and talks to it over real HTTP/1.1 sockets.

#include <nlohmann/json.hpp>

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace kams::test {

using nlohmann::json;

struct HttpResponse {
  int status = 0;
  std::map<std::string, std::string> headers;  // lower-case names
  std::string body;
  json Json() const;  // parsed body (throws on malformed JSON: a test failure)
  std::string Header(const std::string& lower_name) const;
  std::string ErrorCode() const;  // body.error.code or ""
};

// One request on a fresh connection (Connection: close).
HttpResponse SendHttp(int port, const std::string& method, const std::string& target,
                      const std::vector<std::pair<std::string, std::string>>& headers,
                      const std::string& body);
// The same from another loopback source address (e.g. "127.0.5.1"): the server sees a
// different client, so per-address login throttling in one test cannot lock out others.
HttpResponse SendHttpFrom(const std::string& source_addr, int port, const std::string& method,
                          const std::string& target,
                          const std::vector<std::pair<std::string, std::string>>& headers,
                          const std::string& body);
// Raw bytes in, raw bytes out (for malformed-request tests).
std::string SendRaw(int port, const std::string& bytes);

// One connection kept open across requests (HTTP/1.1 keep-alive). Each answer is read to
// its Content-Length (a HEAD's to the end of its head), so the next request follows on the
// same socket. Throws std::runtime_error when the server closes the connection first.
class KeepAliveConnection {
 public:
  explicit KeepAliveConnection(int port);
  ~KeepAliveConnection();
  KeepAliveConnection(const KeepAliveConnection&) = delete;
  KeepAliveConnection& operator=(const KeepAliveConnection&) = delete;
  HttpResponse Send(const std::string& method, const std::string& target,
                    const std::vector<std::pair<std::string, std::string>>& headers);
  // Reads the head and then only `body_bytes` of the body, and closes the connection:
  // a client that goes away in the middle of a download.
  HttpResponse SendAndHangUp(const std::string& method, const std::string& target,
                             const std::vector<std::pair<std::string, std::string>>& headers,
                             std::size_t body_bytes);

 private:
  void Write(const std::string& bytes);
  bool ReadMore();  // false at end of stream
  std::string ReadHead();
  int fd_ = -1;
  std::string in_;  // received, not yet consumed
};

// The sanitizer reports (ThreadSanitizer, AddressSanitizer, LeakSanitizer, UBSan) in a
// process's output, one string each, cut to their first lines. A report ends with a
// "SUMMARY: <Name>Sanitizer: ..." line; what precedes it since the previous report or
// separator line is its text.
std::vector<std::string> SanitizerReports(const std::string& output);

// The server under test, shared by every test in the binary.
class KamsServer {
 public:
  static KamsServer& Get();
  void Start();
  void Stop();  // SIGTERM; returns the exit status
  int port() const { return port_; }
  int pid() const { return pid_; }
  // The --temp-dir the server writes its exports to (unnamed files).
  std::string temp_dir() const { return dir_ + "/spool"; }
  // The --db the server runs on: a SQLite file, or KAMS_TEST_PG_URL when that is set
  // (tests that need a database file skip themselves when postgres() is true).
  const std::string& db_path() const { return db_; }
  bool postgres() const { return postgres_; }
  const std::string& bin() const { return bin_; }
  const std::string& dir() const { return dir_; }
  int last_exit_status() const { return exit_status_; }
  // Another `kams serve` node on the same database (same flags, its own node name and
  // port), for multi-node tests. Returns its port; StopNode sends SIGTERM and returns the
  // exit status.
  struct Node {
    int pid = -1;
    int port = 0;
  };
  // `extra` flags are added to the shared server's (a flag given there replaces its value:
  // e.g. {"--threads", "1"}).
  Node StartNode(const std::string& node_name, const std::vector<std::string>& extra = {}) const;
  static int StopNode(Node& node);
  // Runs the kams binary with arguments; returns the exit status and captures stdout and
  // stderr (also appended to cli.log in dir()).
  int RunCli(const std::vector<std::string>& args, std::string* out = nullptr) const;
  // Sanitizer reports in what every server and CLI run of this binary wrote so far (the
  // *.log files in dir()): a sanitizer build of kams (KAMS_BIN) reports there, and the
  // API suite fails on any (environment.cc).
  std::vector<std::string> SanitizerReports() const;
  // What the server and CLI runs of this binary wrote so far (the *.log files whose names
  // start with `prefix`: "server-" for the servers only).
  std::string LogText(const std::string& prefix = "") const;

 private:
  Node Spawn(const std::string& node_name, const std::vector<std::string>& extra = {}) const;
  std::string bin_, dir_, db_;
  int pid_ = -1;
  int port_ = 0;
  int exit_status_ = -1;
  bool postgres_ = false;
};

// A signed-in user (session cookie + CSRF token), or an anonymous client.
class Client {
 public:
  Client() = default;
  static Client Login(const std::string& username, const std::string& password = "kams-demo",
                      const std::string& source_addr = "");
  static Client Bearer(const std::string& token);

  HttpResponse Get(const std::string& target) const;
  HttpResponse Post(const std::string& target, const json& body) const;
  HttpResponse PostRaw(const std::string& target, const std::string& body,
                       const std::string& content_type = "application/json") const;
  HttpResponse Patch(const std::string& target, const json& body, std::optional<long long> version) const;
  HttpResponse Delete(const std::string& target, std::optional<long long> version) const;
  HttpResponse Send(const std::string& method, const std::string& target,
                    std::vector<std::pair<std::string, std::string>> headers,
                    const std::string& body) const;
  // What this client sends to authenticate (cookie or bearer token, CSRF token for writes).
  std::vector<std::pair<std::string, std::string>> AuthHeaders(const std::string& method) const;

  json user;
  std::string cookie;      // "kams_session=..."
  std::string csrf;
  std::string bearer;
  bool send_csrf = true;   // switch off to test CSRF refusal
  std::string source_addr;  // "" = 127.0.0.1
  int port = 0;             // 0: the shared server; else another node
};

std::string UrlEncode(const std::string& s);

}  // namespace kams::test
