#include "http/json_writer.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

namespace kams::codec {
namespace {

std::string Escaped(std::string_view s) {
  std::string out;
  AppendJsonEscaped(out, s);
  return out;
}

TEST(JsonWriter, EscapesLikeTheStandardAndRepairsBadUtf8) {
  struct Case {
    std::string in, out;
  };
  const Case cases[] = {
      {"", ""},
      {"plain ascii", "plain ascii"},
      {"苏州供电公司", "苏州供电公司"},
      {"quote \" and \\ slash", "quote \\\" and \\\\ slash"},
      {"line\nfeed\rtab\t\b\f", "line\\nfeed\\rtab\\t\\b\\f"},
      {std::string("nul\0x", 5), "nul\\u0000x"},
      {"\x1f", "\\u001f"},
      {"emoji 😀 ok", "emoji 😀 ok"},
      {"bad \xff byte", "bad \xEF\xBF\xBD byte"},
      {"cut \xe8\x8b", "cut \xEF\xBF\xBD\xEF\xBF\xBD"},        // truncated sequence
      {"overlong \xc0\xaf", "overlong \xEF\xBF\xBD\xEF\xBF\xBD"},
      {"surrogate \xed\xa0\x80", "surrogate \xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD"},
      {"/ stays", "/ stays"},
      {"lead \xe4" "AB", "lead \xEF\xBF\xBD" "AB"},                  // no continuation bytes
      {"lead \xe4\xb8", "lead \xEF\xBF\xBD\xEF\xBF\xBD"},     // one, then the end
      {"\xef\xbf\xbd\xee\x80\x80", "\xef\xbf\xbd\xee\x80\x80"},  // U+FFFD, U+E000
  };
  for (const auto& c : cases) EXPECT_EQ(Escaped(c.in), c.out) << c.in;
}

TEST(JsonWriter, FindsEverySpecialByteWhereverItSitsInARunOfPlainText) {
  // Plain runs are skipped eight bytes at a time: a byte that needs escaping (or a sequence
  // that needs checking) must be seen at any offset, next to any other.
  const std::string specials[] = {"\"", "\\", "\n", std::string(1, '\0'), "\x1f", "\x7f", " ",
                                  "供", "😀", "\xff"};
  for (const auto& special : specials) {
    for (std::size_t at = 0; at <= 20; ++at) {
      for (std::size_t len : {std::size_t{8}, std::size_t{16}, std::size_t{21}}) {
        if (at > len) continue;
        std::string in(len, 'a');
        in.insert(at, special);
        std::string expected;
        if (special == "\xff") {
          expected = std::string(at, 'a') + "\xEF\xBF\xBD" + std::string(len - at, 'a');
        } else {
          const std::string dumped = nlohmann::json(in).dump();
          expected = dumped.substr(1, dumped.size() - 2);
        }
        ASSERT_EQ(Escaped(in), expected) << "special " << static_cast<int>(special[0]) << " at " << at;
      }
    }
  }
}

TEST(JsonWriter, WritesNestedDocumentsThatParse) {
  std::string out;
  JsonWriter w(out);
  w.BeginObject();
  w.Key("id").Int(-42);
  w.Key("name").String("上海\"电力\"");
  w.Key("none").OptString(std::nullopt);
  w.Key("some").OptInt(std::optional<std::int64_t>(7));
  w.Key("empty").StringOrNull("");
  w.Key("flag").Bool(true);
  w.Key("items").BeginArray();
  for (int i = 0; i < 3; ++i) {
    w.BeginObject();
    w.Key("i").Int(i);
    w.EndObject();
  }
  w.EndArray();
  w.Key("nothing").BeginArray();
  w.EndArray();
  w.Key("raw").RawJson(R"({"a":[1,2]})");
  w.Key("max").Int(INT64_MAX);
  w.EndObject();
  const auto parsed = nlohmann::json::parse(out);
  EXPECT_EQ(parsed, nlohmann::json::parse(R"({"id":-42,"name":"上海\"电力\"","none":null,"some":7,
      "empty":null,"flag":true,"items":[{"i":0},{"i":1},{"i":2}],"nothing":[],
      "raw":{"a":[1,2]},"max":9223372036854775807})"));
}

}  // namespace
}  // namespace kams::codec
