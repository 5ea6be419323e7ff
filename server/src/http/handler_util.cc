#include "http/handler_util.h"

#include <algorithm>

#include "core/common/validation.h"

namespace kams::http {

Response JsonResponse(int status, const json& body) {
  Response r;
  r.status = status;
  r.body = body.dump(-1, ' ', false, json::error_handler_t::replace);
  return r;
}

Response JsonResponse(int status, std::string body) {
  Response r;
  r.status = status;
  r.body = std::move(body);
  return r;
}

Response NoContent() {
  Response r;
  r.status = 204;
  r.content_type = "application/json; charset=utf-8";
  return r;
}

namespace {
std::optional<std::int64_t> ParsePositive(std::string_view s) {
  if (s.empty() || s.size() > 18) return std::nullopt;
  std::int64_t v = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return std::nullopt;
    v = v * 10 + (c - '0');
  }
  if (v <= 0) return std::nullopt;
  return v;
}
}  // namespace

Result<Id> PathId(const Request& req, std::size_t index) {
  if (index >= req.path_params.size()) return NotFound("not found");
  auto v = ParsePositive(req.path_params[index]);
  if (!v) return NotFound("not found");
  return *v;
}

Result<std::int64_t> IfMatchVersion(const Request& req) {
  std::string_view h = req.Header("if-match");
  if (h.empty()) return BadRequest("If-Match header with the resource's version is required");
  if (h.substr(0, 2) == "W/") h.remove_prefix(2);
  if (h.size() >= 2 && h.front() == '"' && h.back() == '"') h = h.substr(1, h.size() - 2);
  auto v = ParsePositive(h);
  if (!v) return BadRequest("If-Match must carry the resource's version, e.g. If-Match: 3");
  return *v;
}

void SetEtag(Response& r, std::int64_t version) {
  r.SetHeader("ETag", "\"" + std::to_string(version) + "\"");
}

Result<Query> Query::Parse(const Request& req, std::vector<std::string> allowed) {
  Query q;
  std::string_view s = req.query;
  while (!s.empty()) {
    const auto amp = s.find('&');
    std::string_view part = s.substr(0, amp);
    s = amp == std::string_view::npos ? std::string_view{} : s.substr(amp + 1);
    if (part.empty()) continue;
    const auto eq = part.find('=');
    std::string name, value;
    if (!PercentDecode(part.substr(0, eq), true, name) ||
        !PercentDecode(eq == std::string_view::npos ? std::string_view{} : part.substr(eq + 1),
                       true, value)) {
      return BadRequest("malformed query string");
    }
    if (std::find(allowed.begin(), allowed.end(), name) == allowed.end()) {
      return ValidationFailed({{name, "unknown_parameter"}});
    }
    if (!IsValidUtf8(value)) return ValidationFailed({{name, "invalid_utf8"}});
    q.values_.emplace_back(std::move(name), std::move(value));
  }
  return q;
}

std::optional<std::string> Query::Get(const std::string& name) const {
  for (const auto& [k, v] : values_) {
    if (k == name) return v;
  }
  return std::nullopt;
}

Result<std::optional<std::int64_t>> Query::Int(const std::string& name, std::int64_t min,
                                               std::int64_t max) const {
  auto v = Get(name);
  if (!v) return std::optional<std::int64_t>();
  std::int64_t n = 0;
  bool neg = false;
  std::string_view s = *v;
  if (!s.empty() && s.front() == '-') {
    neg = true;
    s.remove_prefix(1);
  }
  if (s.empty() || s.size() > 18) return ValidationFailed({{name, "must_be_integer"}});
  for (char c : s) {
    if (c < '0' || c > '9') return ValidationFailed({{name, "must_be_integer"}});
    n = n * 10 + (c - '0');
  }
  if (neg) n = -n;
  if (n < min || n > max) return ValidationFailed({{name, "out_of_range"}});
  return std::optional<std::int64_t>(n);
}

Result<std::optional<bool>> Query::Bool(const std::string& name) const {
  auto v = Get(name);
  if (!v) return std::optional<bool>();
  if (*v == "true" || *v == "1") return std::optional<bool>(true);
  if (*v == "false" || *v == "0") return std::optional<bool>(false);
  return ValidationFailed({{name, "must_be_boolean"}});
}

Result<PageRequest> Query::Page(std::string_view sort_name, bool numeric_sort) const {
  PageRequest page;
  KAMS_TRY(auto limit, Int("limit", 1, 500));
  if (limit) page.limit = static_cast<int>(*limit);
  if (auto cursor = Get("cursor"); cursor && !cursor->empty()) {
    auto c = codec::DecodeCursor(*cursor, sort_name, numeric_sort);
    if (!c) return ValidationFailed({{"cursor", "invalid"}});
    page.after = std::move(*c);
  }
  return page;
}

// Checks that `body` has only `allowed` members.
Status OnlyFields(const json& body, std::initializer_list<const char*> allowed) {
  std::vector<FieldError> problems;
  for (auto it = body.begin(); it != body.end(); ++it) {
    bool known = false;
    for (const char* a : allowed) known |= it.key() == a;
    if (!known) problems.push_back({it.key(), "unknown_field"});
  }
  if (!problems.empty()) return ValidationFailed(problems);
  return Ok();
}

// A string member that may be null (→ nullopt inside) or absent (→ nullopt outside).
Result<std::optional<std::optional<std::string>>> NullableText(const json& body, const char* name) {
  auto it = body.find(name);
  if (it == body.end()) return std::optional<std::optional<std::string>>{};
  if (it->is_null()) return std::optional<std::optional<std::string>>{std::optional<std::string>{}};
  if (!it->is_string()) return ValidationFailed({{name, "must_be_string"}});
  return std::optional<std::optional<std::string>>{it->get<std::string>()};
}

Result<std::optional<std::optional<CivilDate>>> NullableDate(const json& body, const char* name) {
  KAMS_TRY(auto text, NullableText(body, name));
  if (!text) return std::optional<std::optional<CivilDate>>{};
  if (!*text) return std::optional<std::optional<CivilDate>>{std::optional<CivilDate>{}};
  auto d = ParseCivilDate(**text);
  if (!d) return ValidationFailed({{name, "must_be_date"}});
  return std::optional<std::optional<CivilDate>>{d};
}

Result<std::string> ReadComment(const Request& req) {
  if (req.body.empty()) return std::string();
  KAMS_TRY(json body, codec::ParseObject(req.body));
  KAMS_CHECK(OnlyFields(body, {"comment"}));
  auto it = body.find("comment");
  if (it == body.end() || it->is_null()) return std::string();
  if (!it->is_string()) return ValidationFailed({{"comment", "must_be_string"}});
  return it->get<std::string>();
}

}  // namespace kams::http
