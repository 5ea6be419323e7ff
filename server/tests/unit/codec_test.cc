#include <gtest/gtest.h>

#include "http/json_codec.h"
#include "http/router.h"
#include "store/text_grams.h"

namespace kams {
namespace {

TEST(Cursor, RoundTripsAndRejectsForeignOrBrokenCursors) {
  const Cursor c{"苏州|供电", 42};
  const std::string text = codec::EncodeCursor("name", c);
  auto back = codec::DecodeCursor(text, "name", false);
  ASSERT_TRUE(back.has_value());
  EXPECT_EQ(back->id, 42);
  EXPECT_EQ(back->sort_value, "苏州|供电");
  EXPECT_FALSE(codec::DecodeCursor(text, "-name", false)) << "cursor of another sort";
  EXPECT_FALSE(codec::DecodeCursor("!!!", "name", false));
  EXPECT_FALSE(codec::DecodeCursor(codec::Base64UrlEncode("v1|id|x|1"), "id", true));
  EXPECT_FALSE(codec::DecodeCursor(codec::EncodeCursor("updated_at", {"abc", 1}), "updated_at", true))
      << "numeric sort with a non-numeric value";
}

TEST(Base64Url, RoundTripsEveryLength) {
  std::string s;
  for (int i = 0; i < 40; ++i) {
    EXPECT_EQ(codec::Base64UrlDecode(codec::Base64UrlEncode(s)), s);
    s.push_back(static_cast<char>(i * 37));
  }
}

TEST(CustomerCodec, RejectsUnknownReadOnlyAndMistypedFieldsWithoutApplying) {
  Customer c;
  c.name = "原名";
  auto status = codec::ApplyCustomer(
      nlohmann::json{{"name", "新名"}, {"tier", "A"}, {"employees", "many"}, {"nope", 1}}, c);
  ASSERT_FALSE(status.ok());
  std::map<std::string, std::string> fields;
  for (const auto& f : status.error().fields) fields[f.field] = f.problem;
  EXPECT_EQ(fields["tier"], "read_only");
  EXPECT_EQ(fields["employees"], "must_be_integer");
  EXPECT_EQ(fields["nope"], "unknown_field");
  EXPECT_EQ(c.name, "原名") << "nothing applied on error";

  ASSERT_TRUE(codec::ApplyCustomer(nlohmann::json{{"name", "  新名  "}, {"employees", nullptr}}, c).ok());
  EXPECT_EQ(c.name, "新名");
  EXPECT_FALSE(c.employees.has_value());
}

TEST(Router, MatchesPatternsAndReportsWrongMethods) {
  http::Router r;
  r.Add("GET", "/api/v1/customers/{id}", [](http::Request&) { return http::Response{}; });
  r.Add("PATCH", "/api/v1/customers/{id}", [](http::Request&) { return http::Response{}; });
  http::Request req;
  req.method = "GET";
  req.path = "/api/v1/customers/17";
  const http::Route* route = nullptr;
  std::string allowed;
  ASSERT_EQ(r.Find(req, route, allowed), http::Router::Match::kFound);
  EXPECT_EQ(req.path_params, std::vector<std::string>{"17"});
  req.method = "DELETE";
  allowed.clear();
  EXPECT_EQ(r.Find(req, route, allowed), http::Router::Match::kWrongMethod);
  EXPECT_EQ(allowed, "GET, PATCH");
  req.path = "/api/v1/customers/17/extra";
  EXPECT_EQ(r.Find(req, route, allowed), http::Router::Match::kNoPath);
}

TEST(NameGrams, BigramsOfChineseAndLatinNames) {
  EXPECT_EQ(Bigrams("苏州供电"), (std::vector<std::string>{"苏州", "州供", "供电"}));
  EXPECT_EQ(Bigrams(LowerAscii("ABab")), (std::vector<std::string>{"ab", "ba"}));
  EXPECT_TRUE(Bigrams("电").empty());
  EXPECT_EQ(CodePoints("苏州ab"), 4u);
}

}  // namespace
}  // namespace kams
