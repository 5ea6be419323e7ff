#pragma once
// Small helpers shared by the route handlers: JSON responses, ids, If-Match, queries.

#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <vector>

#include "core/common/result.h"
#include "core/common/validation.h"
#include "core/customers/customer.h"
#include "http/error_mapping.h"
#include "http/json_codec.h"
#include "http/message.h"

namespace kams::http {

using nlohmann::json;

Response JsonResponse(int status, const json& body);
Response NoContent();

// A path parameter as a positive id; anything else is a 404 (no such resource).
Result<Id> PathId(const Request& req, std::size_t index);
// The If-Match version: "3", "\"3\"" or "W/\"3\"". Missing → 400, malformed → 400.
Result<std::int64_t> IfMatchVersion(const Request& req);
void SetEtag(Response& r, std::int64_t version);

// Decoded query parameters; unknown names are refused so typos do not pass silently.
class Query {
 public:
  static Result<Query> Parse(const Request& req, std::vector<std::string> allowed);
  std::optional<std::string> Get(const std::string& name) const;
  Result<std::optional<std::int64_t>> Int(const std::string& name, std::int64_t min,
                                          std::int64_t max) const;
  Result<std::optional<bool>> Bool(const std::string& name) const;
  // limit (1..500, default 50) and cursor for a sort; numeric sorts check their values.
  Result<PageRequest> Page(std::string_view sort_name, bool numeric_sort) const;

 private:
  std::vector<std::pair<std::string, std::string>> values_;
};

template <class T, class F>
json ListJson(const Page<T>& page, std::string_view sort_name, F&& to_json) {
  json items = json::array();
  for (const auto& item : page.items) items.push_back(to_json(item));
  return json{{"items", std::move(items)},
              {"next_cursor", page.next ? json(codec::EncodeCursor(sort_name, *page.next))
                                        : json(nullptr)}};
}

}  // namespace kams::http
