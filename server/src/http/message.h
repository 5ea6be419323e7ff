#pragma once
// Our own small HTTP request/response types. Only server.cc knows Boost.Beast.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace kams::http {

struct Request {
  std::string method;   // "GET", "POST", ...
  std::string target;   // as sent: path and query
  std::string path;     // decoded path without the query
  std::string query;    // raw query string (after '?'), not decoded
  std::vector<std::pair<std::string, std::string>> headers;  // names lower-cased
  std::string body;
  std::string client_addr;
  std::string request_id;
  bool tls = false;
  std::vector<std::string> path_params;  // captured {…} segments, in order (set by the router)

  // The first header of that (lower-case) name, or "".
  std::string_view Header(std::string_view lower_name) const;
};

// A response body kept in a file instead of memory (an export): the first `size` bytes of
// `fd`, read by offset (the file position does not matter). Owns the descriptor and closes
// it when destroyed, sent or not. Move-only.
class FileBody {
 public:
  // Takes ownership of `fd` (REQUIRES: fd >= 0, open for reading, at least `size` bytes).
  FileBody(int fd, std::uint64_t size) noexcept : fd_(fd), size_(size) {}
  FileBody(FileBody&& other) noexcept;
  FileBody& operator=(FileBody&& other) noexcept;
  FileBody(const FileBody&) = delete;
  FileBody& operator=(const FileBody&) = delete;
  ~FileBody();

  int fd() const { return fd_; }
  std::uint64_t size() const { return size_; }

 private:
  int fd_ = -1;
  std::uint64_t size_ = 0;
};

struct Response {
  int status = 200;
  std::string content_type = "application/json; charset=utf-8";
  std::vector<std::pair<std::string, std::string>> headers;
  std::string body;
  // When set, the body is this file (and `body` stays empty); the server closes it once
  // sent, or when the client goes away first.
  std::optional<FileBody> file;
  // A HEAD answered without making the body (an export): the length a GET would send is
  // unknown, so no Content-Length is sent. Ignored for any other method.
  bool unknown_length = false;

  void SetHeader(std::string name, std::string value);
};

// Percent-decoding for paths and query components ('+' is a space only in queries).
// Returns false for malformed escapes.
bool PercentDecode(std::string_view in, bool plus_is_space, std::string& out);

}  // namespace kams::http
