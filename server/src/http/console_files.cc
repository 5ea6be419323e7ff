#include "http/console_files.h"

#include <filesystem>
#include <fstream>
#include <sstream>

namespace kams::http {
namespace {

std::string_view ContentType(std::string_view path) {
  static constexpr std::pair<std::string_view, std::string_view> kTypes[] = {
      {".html", "text/html; charset=utf-8"},
      {".js", "text/javascript; charset=utf-8"},
      {".mjs", "text/javascript; charset=utf-8"},
      {".css", "text/css; charset=utf-8"},
      {".json", "application/json; charset=utf-8"},
      {".svg", "image/svg+xml"},
      {".png", "image/png"},
      {".jpg", "image/jpeg"},
      {".ico", "image/x-icon"},
      {".webp", "image/webp"},
      {".woff", "font/woff"},
      {".woff2", "font/woff2"},
      {".txt", "text/plain; charset=utf-8"},
      {".map", "application/json; charset=utf-8"},
  };
  for (const auto& [ext, type] : kTypes) {
    if (path.size() >= ext.size() && path.substr(path.size() - ext.size()) == ext) return type;
  }
  return "application/octet-stream";
}

bool StartsWith(std::string_view s, std::string_view prefix) {
  return s.substr(0, prefix.size()) == prefix;
}

void SecurityHeaders(Response& r) {
  r.SetHeader("Content-Security-Policy", kConsoleCsp);
  r.SetHeader("X-Content-Type-Options", "nosniff");
  r.SetHeader("Referrer-Policy", "no-referrer");
  r.SetHeader("X-Frame-Options", "DENY");
}

}  // namespace

Status ConsoleFiles::Load(const std::string& dir) {
  namespace fs = std::filesystem;
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) return BadRequest(dir + " is not a folder");
  std::map<std::string, File, std::less<>> files;
  for (auto it = fs::recursive_directory_iterator(dir, ec); !ec && it != fs::end(it);
       it.increment(ec)) {
    if (!it->is_regular_file()) continue;
    const std::string rel = "/" + fs::relative(it->path(), dir).generic_string();
    std::ifstream in(it->path(), std::ios::binary);
    std::ostringstream body;
    body << in.rdbuf();
    files[rel] = File{std::string(ContentType(rel)), body.str()};
  }
  if (ec) return BadRequest("cannot read " + dir + ": " + ec.message());
  if (!files.count("/index.html")) return BadRequest(dir + " has no index.html (build the console first)");
  files_ = std::move(files);
  return Ok();
}

bool ConsoleFiles::Claims(const Request& req) const {
  if (files_.empty() || (req.method != "GET" && req.method != "HEAD")) return false;
  const std::string_view p = req.path;
  return !(p == "/api" || StartsWith(p, "/api/") || p == "/healthz" || p == "/metrics");
}

Response ConsoleFiles::Serve(const Request& req) const {
  Response r;
  auto it = files_.find(req.path);
  const bool is_file = it != files_.end() && req.path != "/index.html";
  if (is_file) {
    r.content_type = it->second.content_type;
    r.body = it->second.body;
    r.SetHeader("Cache-Control", StartsWith(req.path, "/assets/")
                                     ? "public, max-age=31536000, immutable"
                                     : "no-cache");
  } else if (StartsWith(req.path, "/assets/") ||
             req.path.find('.', req.path.rfind('/')) != std::string::npos) {
    // A missing asset or file-like path: a real 404, not the app (a stale page would
    // otherwise get HTML for its script).
    r.status = 404;
    r.content_type = "text/plain; charset=utf-8";
    r.body = "not found\n";
    r.SetHeader("Cache-Control", "no-store");
  } else {
    const File& index = files_.find("/index.html")->second;
    r.content_type = index.content_type;
    r.body = index.body;
    r.SetHeader("Cache-Control", "no-store");
  }
  SecurityHeaders(r);
  return r;
}

}  // namespace kams::http
