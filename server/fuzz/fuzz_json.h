#pragma once
// What the JSON harnesses of the later endpoint families share: how a refused body must
// read. Its error is a validation error; each field names a member of the body (unknown
// members by their own key, "" included) or a member the decoder knows — by its root,
// so "rules[2].tier" names "rules" — with a short machine word as the problem; and the
// error renders as the JSON the client gets (dump throws on a field name cut inside a
// UTF-8 sequence).

#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>

#include "fuzz_check.h"
#include "http/json_codec.h"

namespace kams::fuzz {

inline bool NamesAMember(const nlohmann::json& body, const std::string& field,
                         std::initializer_list<std::string_view> known) {
  if (body.contains(field)) return true;
  const std::string root = field.substr(0, field.find_first_of("[."));
  for (std::string_view k : known) {
    if (root == k) return true;
  }
  return false;
}

inline bool IsProblemWord(std::string_view problem) {
  if (problem.empty()) return false;
  for (char c : problem) {
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_')) return false;
  }
  return true;
}

inline void CheckRefusal(const Error& e, const nlohmann::json& body,
                         std::initializer_list<std::string_view> known) {
  FUZZ_CHECK(e.code == ErrorCode::kValidationFailed);
  FUZZ_CHECK(!e.fields.empty());
  for (const auto& f : e.fields) {
    FUZZ_CHECK(IsProblemWord(f.problem));
    FUZZ_CHECK(NamesAMember(body, f.field, known));
  }
  (void)codec::ErrorJson(e).dump();
}

// Whether `v` is exactly the integer member `name` of `o` (absent or null: nullopt). Not
// json's ==, which compares an unsigned number with a signed one after a cast to signed
// (18446744073709551615 == -1).
inline bool HoldsInteger(const nlohmann::json& o, const char* name,
                         const std::optional<std::int64_t>& v) {
  auto it = o.find(name);
  if (it == o.end() || it->is_null()) return !v;
  if (!v || !it->is_number_integer()) return false;
  if (it->is_number_unsigned()) {
    return *v >= 0 && static_cast<std::uint64_t>(*v) == it->get<std::uint64_t>();
  }
  return it->get<std::int64_t>() == *v;
}

// A check of the core's rules may fail only with validation errors naming known fields.
inline void CheckRules(const Status& st, std::initializer_list<std::string_view> known) {
  if (st.ok()) return;
  CheckRefusal(st.error(), nlohmann::json::object(), known);
}

}  // namespace kams::fuzz
