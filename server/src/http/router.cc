#include "http/router.h"

namespace kams::http {

std::vector<std::string> SplitPath(std::string_view path) {
  std::vector<std::string> out;
  std::size_t i = 0;
  while (i < path.size()) {
    while (i < path.size() && path[i] == '/') ++i;
    std::size_t j = i;
    while (j < path.size() && path[j] != '/') ++j;
    if (j > i) out.emplace_back(path.substr(i, j - i));
    i = j;
  }
  return out;
}

void Router::Add(std::string method, std::string pattern, Handler handler) {
  Compiled c;
  for (auto& seg : SplitPath(pattern)) {
    c.segments.push_back(seg.size() > 1 && seg.front() == '{' && seg.back() == '}' ? "{}" : seg);
  }
  c.route = Route{std::move(method), std::move(pattern), std::move(handler)};
  routes_.push_back(c.route);
  compiled_.push_back(std::move(c));
}

Router::Match Router::Find(Request& req, const Route*& route, std::string& allowed) const {
  const auto segs = SplitPath(req.path);
  bool path_matched = false;
  for (const auto& c : compiled_) {
    if (c.segments.size() != segs.size()) continue;
    std::vector<std::string> params;
    bool ok = true;
    for (std::size_t i = 0; i < segs.size() && ok; ++i) {
      if (c.segments[i] == "{}") {
        params.push_back(segs[i]);
      } else if (c.segments[i] != segs[i]) {
        ok = false;
      }
    }
    if (!ok) continue;
    path_matched = true;
    if (c.route.method == req.method ||
        (req.method == "HEAD" && c.route.method == "GET")) {
      req.path_params = std::move(params);
      route = &c.route;
      return Match::kFound;
    }
    if (!allowed.empty()) allowed += ", ";
    allowed += c.route.method;
  }
  return path_matched ? Match::kWrongMethod : Match::kNoPath;
}

}  // namespace kams::http
