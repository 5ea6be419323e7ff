#pragma once
// A JSON writer that appends straight to the response body: no tree, no per-field
// allocation. For the hot, fixed-shape documents (customer dossiers and their lists);
// everything else goes through nlohmann::json.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace kams::codec {

class JsonWriter {
 public:
  explicit JsonWriter(std::string& out) : out_(out) {}

  void BeginObject() { Open('{'); }
  void EndObject() { Close('}'); }
  void BeginArray() { Open('['); }
  void EndArray() { Close(']'); }
  // Object member name (a plain ASCII literal: written as is).
  JsonWriter& Key(std::string_view name);

  void String(std::string_view s);  // escaped; invalid UTF-8 becomes U+FFFD
  void Int(std::int64_t v);
  void Bool(bool v) { Raw(v ? "true" : "false"); }
  void Null() { Raw("null"); }
  // A value that was already serialised (e.g. from nlohmann::json::dump()).
  void RawJson(std::string_view json) { Raw(json); }

  void OptString(const std::optional<std::string>& s) { s ? String(*s) : Null(); }
  void OptInt(const std::optional<std::int64_t>& v) { v ? Int(*v) : Null(); }
  // Empty text as null (optional enumerations and dates).
  void StringOrNull(std::string_view s) { s.empty() ? Null() : String(s); }

 private:
  void Separate();
  void Open(char c);
  void Close(char c);
  void Raw(std::string_view s);
  std::string& out_;
  bool first_ = true;     // no value yet at this level
  bool after_key_ = false;
};

// `s` escaped as the body of a JSON string (without the quotes), appended to `out`.
void AppendJsonEscaped(std::string& out, std::string_view s);

}  // namespace kams::codec
