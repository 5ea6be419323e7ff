#pragma once
// Our own small HTTP request/response types. Only server.cc knows Boost.Beast.

#include <cstdint>
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

struct Response {
  int status = 200;
  std::string content_type = "application/json; charset=utf-8";
  std::vector<std::pair<std::string, std::string>> headers;
  std::string body;

  void SetHeader(std::string name, std::string value);
};

// Percent-decoding for paths and query components ('+' is a space only in queries).
// Returns false for malformed escapes.
bool PercentDecode(std::string_view in, bool plus_is_space, std::string& out);

}  // namespace kams::http
