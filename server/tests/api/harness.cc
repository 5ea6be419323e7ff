#include "harness.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>
#include <thread>

#include <gtest/gtest.h>

namespace kams::test {
namespace fs = std::filesystem;

json HttpResponse::Json() const { return json::parse(body); }

std::string HttpResponse::Header(const std::string& name) const {
  auto it = headers.find(name);
  return it == headers.end() ? "" : it->second;
}

std::string HttpResponse::ErrorCode() const {
  auto j = json::parse(body, nullptr, false);
  if (j.is_discarded() || !j.contains("error")) return "";
  return j["error"].value("code", "");
}

namespace {

int Connect(int port, const std::string& source_addr) {
  const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  if (fd < 0) throw std::runtime_error("socket failed");
  if (!source_addr.empty()) {
    sockaddr_in src{};
    src.sin_family = AF_INET;
    if (::inet_pton(AF_INET, source_addr.c_str(), &src.sin_addr) != 1 ||
        ::bind(fd, reinterpret_cast<sockaddr*>(&src), sizeof src) != 0) {
      ::close(fd);
      throw std::runtime_error("cannot bind source address " + source_addr);
    }
  }
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(static_cast<uint16_t>(port));
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) {
    ::close(fd);
    throw std::runtime_error("connect failed");
  }
  timeval tv{60, 0};
  setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
  return fd;
}

std::string Exchange(int port, const std::string& bytes, const std::string& source_addr = "") {
  const int fd = Connect(port, source_addr);
  std::size_t sent = 0;
  while (sent < bytes.size()) {
    const ssize_t n = ::send(fd, bytes.data() + sent, bytes.size() - sent, MSG_NOSIGNAL);
    if (n <= 0) break;  // the server may close early (e.g. 413); read what it said
    sent += static_cast<std::size_t>(n);
  }
  ::shutdown(fd, SHUT_WR);
  std::string out;
  char buf[65536];
  for (;;) {
    const ssize_t n = ::recv(fd, buf, sizeof buf, 0);
    if (n <= 0) break;
    out.append(buf, static_cast<std::size_t>(n));
  }
  ::close(fd);
  return out;
}

HttpResponse ParseResponse(const std::string& raw) {
  HttpResponse r;
  const auto end = raw.find("\r\n\r\n");
  if (end == std::string::npos) throw std::runtime_error("no HTTP response: " + raw.substr(0, 200));
  std::istringstream head(raw.substr(0, end));
  std::string line;
  std::getline(head, line);
  r.status = std::stoi(line.substr(9, 3));
  while (std::getline(head, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    const auto colon = line.find(':');
    if (colon == std::string::npos) continue;
    std::string name = line.substr(0, colon);
    for (auto& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    std::string value = line.substr(colon + 1);
    while (!value.empty() && value.front() == ' ') value.erase(0, 1);
    r.headers[name] = value;
  }
  r.body = raw.substr(end + 4);
  return r;
}

}  // namespace

HttpResponse SendHttp(int port, const std::string& method, const std::string& target,
                      const std::vector<std::pair<std::string, std::string>>& headers,
                      const std::string& body) {
  return SendHttpFrom("", port, method, target, headers, body);
}

HttpResponse SendHttpFrom(const std::string& source_addr, int port, const std::string& method,
                          const std::string& target,
                          const std::vector<std::pair<std::string, std::string>>& headers,
                          const std::string& body) {
  std::string req = method + " " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n";
  for (const auto& [k, v] : headers) req += k + ": " + v + "\r\n";
  if (!body.empty() || method == "POST" || method == "PATCH" || method == "PUT") {
    req += "Content-Length: " + std::to_string(body.size()) + "\r\n";
  }
  req += "\r\n" + body;
  return ParseResponse(Exchange(port, req, source_addr));
}

std::string SendRaw(int port, const std::string& bytes) { return Exchange(port, bytes); }

KeepAliveConnection::KeepAliveConnection(int port) : fd_(Connect(port, "")) {}

KeepAliveConnection::~KeepAliveConnection() {
  if (fd_ >= 0) ::close(fd_);
}

void KeepAliveConnection::Write(const std::string& bytes) {
  std::size_t sent = 0;
  while (sent < bytes.size()) {
    const ssize_t n = ::send(fd_, bytes.data() + sent, bytes.size() - sent, MSG_NOSIGNAL);
    if (n <= 0) throw std::runtime_error("the server closed the keep-alive connection");
    sent += static_cast<std::size_t>(n);
  }
}

bool KeepAliveConnection::ReadMore() {
  char buf[65536];
  const ssize_t n = ::recv(fd_, buf, sizeof buf, 0);
  if (n <= 0) return false;
  in_.append(buf, static_cast<std::size_t>(n));
  return true;
}

std::string KeepAliveConnection::ReadHead() {
  std::size_t end;
  while ((end = in_.find("\r\n\r\n")) == std::string::npos) {
    if (!ReadMore()) throw std::runtime_error("the server closed the keep-alive connection");
  }
  std::string head = in_.substr(0, end + 4);
  in_.erase(0, end + 4);
  return head;
}

HttpResponse KeepAliveConnection::Send(
    const std::string& method, const std::string& target,
    const std::vector<std::pair<std::string, std::string>>& headers) {
  return SendAndHangUp(method, target, headers, std::string::npos);
}

HttpResponse KeepAliveConnection::SendAndHangUp(
    const std::string& method, const std::string& target,
    const std::vector<std::pair<std::string, std::string>>& headers, std::size_t body_bytes) {
  std::string req = method + " " + target + " HTTP/1.1\r\nHost: 127.0.0.1\r\n";
  for (const auto& [k, v] : headers) req += k + ": " + v + "\r\n";
  Write(req + "\r\n");
  HttpResponse r = ParseResponse(ReadHead());
  if (method != "HEAD") {
    const std::string length = r.Header("content-length");
    if (length.empty()) throw std::runtime_error("an answer without Content-Length");
    const std::size_t want = std::min<std::size_t>(std::stoull(length), body_bytes);
    while (in_.size() < want) {
      if (!ReadMore()) throw std::runtime_error("the server closed the connection mid-body");
    }
    r.body = in_.substr(0, want);
    in_.erase(0, want);
  }
  if (body_bytes != std::string::npos) {
    ::close(fd_);
    fd_ = -1;
  }
  return r;
}

std::vector<std::string> SanitizerReports(const std::string& output) {
  constexpr std::size_t kMaxLines = 80;
  std::vector<std::string> reports;
  std::vector<std::string> lines;  // since the previous report or separator
  std::istringstream in(output);
  std::string line;
  while (std::getline(in, line)) {
    if (line.rfind("SUMMARY: ", 0) == 0 && line.find("Sanitizer") != std::string::npos) {
      std::string text;
      for (std::size_t i = 0; i < lines.size() && i < kMaxLines; ++i) text += lines[i] + "\n";
      if (lines.size() > kMaxLines) text += "    ...\n";
      reports.push_back(text + line + "\n");
      lines.clear();
    } else if (line.rfind("=====", 0) == 0) {
      lines.clear();  // TSan and ASan frame each report with a row of '='
    } else {
      lines.push_back(line);
    }
  }
  return reports;
}

KamsServer& KamsServer::Get() {
  static KamsServer server;
  return server;
}

int KamsServer::RunCli(const std::vector<std::string>& args, std::string* out) const {
  std::string cmd = "'" + bin_ + "'";
  for (const auto& a : args) cmd += " '" + a + "'";
  cmd += " 2>&1";
  FILE* p = ::popen(cmd.c_str(), "r");
  if (!p) return -1;
  std::string text;
  char buf[4096];
  while (std::size_t n = std::fread(buf, 1, sizeof buf, p)) text.append(buf, n);
  const int status = ::pclose(p);
  if (!dir_.empty()) std::ofstream(dir_ + "/cli.log", std::ios::app) << text;
  if (out) *out = text;
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

std::string KamsServer::LogText(const std::string& prefix) const {
  std::string text;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(dir_, ec)) {
    if (entry.path().extension() != ".log") continue;
    if (entry.path().filename().string().rfind(prefix, 0) != 0) continue;
    std::ifstream in(entry.path(), std::ios::binary);
    std::stringstream part;
    part << in.rdbuf();
    text += part.str();
  }
  return text;
}

std::vector<std::string> KamsServer::SanitizerReports() const {
  std::vector<std::string> reports;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(dir_, ec)) {
    if (entry.path().extension() != ".log") continue;
    std::ifstream in(entry.path(), std::ios::binary);
    std::stringstream text;
    text << in.rdbuf();
    for (auto& r : kams::test::SanitizerReports(text.str())) {
      reports.push_back(entry.path().filename().string() + ":\n" + r);
    }
  }
  return reports;
}

void KamsServer::Start() {
  const char* bin = std::getenv("KAMS_BIN");
  if (!bin) throw std::runtime_error("KAMS_BIN is not set (run through ctest)");
  bin_ = bin;
  const char* tmp = std::getenv("KAMS_TEST_TMP");
  fs::path base = tmp ? fs::path(tmp) : fs::temp_directory_path();
  fs::create_directories(base);
  dir_ = (base / ("api-" + std::to_string(::getpid()))).string();
  fs::remove_all(dir_);
  fs::create_directories(dir_);
  const char* pg_url = std::getenv("KAMS_TEST_PG_URL");
  postgres_ = pg_url && *pg_url;
  db_ = postgres_ ? std::string(pg_url) : dir_ + "/kams.db";
  std::string out;
  if (RunCli({"demo", "--db", db_}, &out) != 0) throw std::runtime_error("kams demo failed: " + out);
  // A stand-in for the built web console: what `--console` serves is tested here; the
  // console itself has its own browser tests.
  fs::create_directories(dir_ + "/console/assets");
  std::ofstream(dir_ + "/console/index.html")
      << "<!doctype html><html><head><script type=\"module\" src=\"/assets/app-1a2b3c.js\">"
         "</script></head><body><div id=\"root\"></div></body></html>\n";
  std::ofstream(dir_ + "/console/assets/app-1a2b3c.js") << "console.log('kams');\n";
  std::ofstream(dir_ + "/console/favicon.svg") << "<svg xmlns=\"http://www.w3.org/2000/svg\"/>\n";
  fs::create_directories(temp_dir());
  Node node = Spawn("api-node");
  pid_ = node.pid;
  port_ = node.port;
  if (port_ == 0) throw std::runtime_error("kams serve did not start");
}

KamsServer::Node KamsServer::Spawn(const std::string& node_name,
                                   const std::vector<std::string>& extra) const {
  const std::string console_dir = dir_ + "/console";
  const std::string port_file = dir_ + "/port-" + node_name;
  const std::string log = dir_ + "/server-" + node_name + ".log";
  std::remove(port_file.c_str());
  // --export-max-rows: below the demo's 2,000 customers, above one region's; pages of 250
  // rows, so that a region's export reads several (export_test.cc).
  std::vector<std::pair<std::string, std::string>> flags = {
      {"--db", db_},
      {"--listen", "127.0.0.1:0"},
      {"--port-file", port_file},
      {"--threads", "4"},
      {"--console", console_dir},
      {"--node", node_name},
      {"--job-period", "1"},
      {"--export-max-rows", "1500"},
      {"--export-page-rows", "250"},
      {"--temp-dir", temp_dir()}};
  for (std::size_t i = 0; i + 1 < extra.size(); i += 2) {
    auto it = std::find_if(flags.begin(), flags.end(),
                           [&](const auto& f) { return f.first == extra[i]; });
    if (it != flags.end()) {
      it->second = extra[i + 1];
    } else {
      flags.emplace_back(extra[i], extra[i + 1]);
    }
  }
  std::vector<std::string> args = {bin_, "serve"};
  for (const auto& [flag, value] : flags) {
    args.push_back(flag);
    args.push_back(value);
  }
  std::vector<char*> argv;
  for (auto& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);
  Node node;
  node.pid = ::fork();
  if (node.pid == 0) {
    // A test binary that dies (a sanitizer abort) takes its server with it: a server left
    // running would hold ctest's output pipe open until the test's time limit.
    ::prctl(PR_SET_PDEATHSIG, SIGKILL);
    FILE* f = std::freopen(log.c_str(), "w", stderr);
    (void)f;
    ::execv(bin_.c_str(), argv.data());
    std::_Exit(127);
  }
  for (int i = 0; i < 600 && node.port == 0; ++i) {
    std::ifstream in(port_file);
    if (in >> node.port) break;
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  if (node.port == 0) throw std::runtime_error("kams serve (" + node_name + ") did not start");
  return node;
}

KamsServer::Node KamsServer::StartNode(const std::string& node_name,
                                       const std::vector<std::string>& extra) const {
  return Spawn(node_name, extra);
}

int KamsServer::StopNode(Node& node) {
  if (node.pid <= 0) return -1;
  ::kill(node.pid, SIGTERM);
  int status = 0;
  ::waitpid(node.pid, &status, 0);
  node.pid = -1;
  return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

void KamsServer::Stop() {
  if (pid_ <= 0) return;
  ::kill(pid_, SIGTERM);
  int status = 0;
  ::waitpid(pid_, &status, 0);
  exit_status_ = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  pid_ = -1;
}

Client Client::Login(const std::string& username, const std::string& password,
                     const std::string& source_addr) {
  Client c;
  c.source_addr = source_addr;
  auto r = SendHttpFrom(source_addr, KamsServer::Get().port(), "POST", "/api/v1/auth/login",
                        {{"Content-Type", "application/json"}},
                        json{{"username", username}, {"password", password}}.dump());
  if (r.status != 200) throw std::runtime_error("login of " + username + " failed: " + r.body);
  const std::string set_cookie = r.Header("set-cookie");
  c.cookie = set_cookie.substr(0, set_cookie.find(';'));
  auto j = r.Json();
  c.csrf = j["csrf_token"];
  c.user = j["user"];
  return c;
}

Client Client::Bearer(const std::string& token) {
  Client c;
  c.bearer = token;
  return c;
}

HttpResponse Client::Send(const std::string& method, const std::string& target,
                          std::vector<std::pair<std::string, std::string>> headers,
                          const std::string& body) const {
  for (auto& h : AuthHeaders(method)) headers.push_back(std::move(h));
  return SendHttpFrom(source_addr, port ? port : KamsServer::Get().port(), method, target,
                      headers, body);
}

std::vector<std::pair<std::string, std::string>> Client::AuthHeaders(
    const std::string& method) const {
  std::vector<std::pair<std::string, std::string>> headers;
  if (!cookie.empty()) headers.emplace_back("Cookie", cookie);
  if (!bearer.empty()) headers.emplace_back("Authorization", "Bearer " + bearer);
  if (send_csrf && !csrf.empty() && method != "GET" && method != "HEAD") {
    headers.emplace_back("X-CSRF-Token", csrf);
  }
  return headers;
}

HttpResponse Client::Get(const std::string& target) const { return Send("GET", target, {}, ""); }

HttpResponse Client::Post(const std::string& target, const json& body) const {
  return Send("POST", target, {{"Content-Type", "application/json"}}, body.dump());
}

HttpResponse Client::PostRaw(const std::string& target, const std::string& body,
                             const std::string& content_type) const {
  return Send("POST", target, {{"Content-Type", content_type}}, body);
}

HttpResponse Client::Patch(const std::string& target, const json& body,
                           std::optional<long long> version) const {
  std::vector<std::pair<std::string, std::string>> h{{"Content-Type", "application/json"}};
  if (version) h.emplace_back("If-Match", "\"" + std::to_string(*version) + "\"");
  return Send("PATCH", target, h, body.dump());
}

HttpResponse Client::Delete(const std::string& target, std::optional<long long> version) const {
  std::vector<std::pair<std::string, std::string>> h;
  if (version) h.emplace_back("If-Match", std::to_string(*version));
  return Send("DELETE", target, h, "");
}

std::string UrlEncode(const std::string& s) {
  static const char* kHex = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : s) {
    if (std::isalnum(c) || c == '-' || c == '_' || c == '.' || c == '~') {
      out += static_cast<char>(c);
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 15];
    }
  }
  return out;
}

}  // namespace kams::test
