// Query strings and the other URL-borne values (GET list filters and cursors, path ids,
// If-Match): bytes → Query::Parse and every accessor the list handlers call; the same
// bytes as a path (PercentDecode), a path id, an If-Match header and a raw cursor.
// Properties: decoded values are valid UTF-8; integers keep to their bounds; a cursor
// that decodes re-encodes to one that decodes to the same position; base64url
// round-trips.
#include "core/common/validation.h"
#include "core/org/role.h"
#include "fuzz_check.h"
#include "http/handler_util.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace kams;
  using http::Query;
  const std::string_view text = fuzz::Text(data, size);

  http::Request req;
  req.query = std::string(text);
  static const std::vector<std::string> kNames = {
      "limit", "cursor", "sort", "q", "stage", "is_key_account", "tier", "owner_id",
      "org_unit_id", "region", "industry", "role", "active", "entity", "entity_id",
      "actor_id", "action", "customer_id", "from", "to"};
  if (auto q = Query::Parse(req, kNames); q.ok()) {
    for (const auto& name : kNames) {
      if (auto v = q->Get(name)) FUZZ_CHECK(IsValidUtf8(*v));
      if (auto n = q->Int(name, 1, INT64_MAX); n.ok() && *n) FUZZ_CHECK(**n >= 1);
      if (auto n = q->Int(name, -5, 500); n.ok() && *n) FUZZ_CHECK(**n >= -5 && **n <= 500);
      (void)q->Bool(name);
    }
    if (auto sort = ParseCustomerSort(q->Get("sort").value_or("id"))) {
      const std::string sort_name = std::string(sort->descending ? "-" : "") +
                                    std::string(CustomerSortName(sort->field));
      if (auto page = q->Page(sort_name, sort->field != CustomerSort::kName); page.ok()) {
        FUZZ_CHECK(page->limit >= 1 && page->limit <= 500);
      }
    }
    (void)q->Page("-id", true);
    if (auto role = q->Get("role")) (void)ParseRole(*role);
    const std::string search = TrimSpace(q->Get("q").value_or(""));
    FUZZ_CHECK(Utf8Length(search) <= search.size());
    for (const char* name : {"from", "to"}) {
      if (auto v = q->Get(name)) {
        if (auto t = ParseRfc3339(*v)) (void)FormatRfc3339(*t);
        if (auto d = ParseCivilDate(*v)) FUZZ_CHECK(FormatCivilDate(*d) == *v);
      }
    }
  } else {
    const Error& e = q.error();
    FUZZ_CHECK(e.code == ErrorCode::kBadRequest || !e.fields.empty());
  }

  std::string path;
  if (http::PercentDecode(text, /*plus_is_space=*/false, path)) FUZZ_CHECK(path.size() <= text.size());
  req.path_params = {std::string(text)};
  if (auto id = http::PathId(req, 0); id.ok()) FUZZ_CHECK(*id > 0);
  req.headers = {{"if-match", std::string(text)}};
  if (auto version = http::IfMatchVersion(req); version.ok()) FUZZ_CHECK(*version > 0);

  for (const char* sort_name : {"id", "name", "-updated_at"}) {
    const bool numeric = sort_name[0] != 'n';
    if (auto c = codec::DecodeCursor(text, sort_name, numeric)) {
      FUZZ_CHECK(c->id >= 0);
      auto again = codec::DecodeCursor(codec::EncodeCursor(sort_name, *c), sort_name, numeric);
      FUZZ_CHECK(again && again->id == c->id && again->sort_value == c->sort_value);
    }
  }
  if (text.size() <= 3072) FUZZ_CHECK(codec::Base64UrlDecode(codec::Base64UrlEncode(text)) == text);
  return 0;
}
