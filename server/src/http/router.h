#pragma once
// Routes: method + path pattern ("/api/v1/customers/{id}") → handler. Patterns are
// matched segment by segment; {name} captures one segment.

#include <functional>
#include <string>
#include <vector>

#include "http/message.h"

namespace kams::http {

using Handler = std::function<Response(Request&)>;

struct Route {
  std::string method;
  std::string pattern;
  Handler handler;
};

class Router {
 public:
  void Add(std::string method, std::string pattern, Handler handler);
  enum class Match { kFound, kNoPath, kWrongMethod };
  // On kFound sets `route` and fills req.path_params. On kWrongMethod `allowed` lists
  // the methods the path supports.
  Match Find(Request& req, const Route*& route, std::string& allowed) const;
  const std::vector<Route>& routes() const { return routes_; }

 private:
  struct Compiled {
    Route route;
    std::vector<std::string> segments;  // "{}" marks a capture
  };
  std::vector<Compiled> compiled_;
  std::vector<Route> routes_;
};

std::vector<std::string> SplitPath(std::string_view path);

}  // namespace kams::http
