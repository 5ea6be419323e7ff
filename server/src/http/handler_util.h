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
// A body that is already JSON text.
Response JsonResponse(int status, std::string body);
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

// Checks that `body` has only `allowed` members (`unknown_field` for each other one).
Status OnlyFields(const json& body, std::initializer_list<const char*> allowed);
// A string member that may be null (→ nullopt inside) or absent (→ nullopt outside).
Result<std::optional<std::optional<std::string>>> NullableText(const json& body, const char* name);
// The same for a calendar date "YYYY-MM-DD".
Result<std::optional<std::optional<CivilDate>>> NullableDate(const json& body, const char* name);
// A body {"comment": "..."} with only that member; empty body, missing or null: "".
Result<std::string> ReadComment(const Request& req);

template <class T, class F>
json ListJson(const Page<T>& page, std::string_view sort_name, F&& to_json) {
  json items = json::array();
  for (const auto& item : page.items) items.push_back(to_json(item));
  return json{{"items", std::move(items)},
              {"next_cursor", page.next ? json(codec::EncodeCursor(sort_name, *page.next))
                                        : json(nullptr)}};
}

// The same list document, written without a JSON tree.
template <class T, class F>
std::string ListJsonText(const Page<T>& page, std::string_view sort_name, F&& write_item) {
  std::string out;
  out.reserve(64 + page.items.size() * 1024);
  codec::JsonWriter w(out);
  w.BeginObject();
  w.Key("items").BeginArray();
  for (const auto& item : page.items) write_item(w, item);
  w.EndArray();
  w.Key("next_cursor");
  if (page.next) {
    w.String(codec::EncodeCursor(sort_name, *page.next));
  } else {
    w.Null();
  }
  w.EndObject();
  return out;
}

}  // namespace kams::http
