#include "core/imports/csv.h"

#include <gtest/gtest.h>

namespace kams {
namespace {

std::vector<std::vector<std::string>> ReadAll(std::string_view text, std::vector<std::int64_t>* lines = nullptr) {
  CsvReader r(text);
  std::vector<std::vector<std::string>> out;
  std::vector<std::string> fields;
  while (r.Next(fields)) {
    out.push_back(fields);
    if (lines) lines->push_back(r.line());
  }
  return out;
}

TEST(Csv, ReadsRfc4180Records) {
  using Rows = std::vector<std::vector<std::string>>;
  EXPECT_EQ(ReadAll("a,b\n1,2\n"), (Rows{{"a", "b"}, {"1", "2"}}));
  EXPECT_EQ(ReadAll("a,b\r\n1,2"), (Rows{{"a", "b"}, {"1", "2"}}));          // CRLF, no final newline
  EXPECT_EQ(ReadAll("\xEF\xBB\xBFid,名称\n"), (Rows{{"id", "名称"}}));          // BOM skipped
  EXPECT_EQ(ReadAll("\"x,y\",\"he said \"\"hi\"\"\",\n"), (Rows{{"x,y", "he said \"hi\"", ""}}));
  EXPECT_EQ(ReadAll(",,\n"), (Rows{{"", "", ""}}));
  std::vector<std::int64_t> lines;
  EXPECT_EQ(ReadAll("a\n\"two\nlines\",b\nc\n", &lines), (Rows{{"a"}, {"two\nlines", "b"}, {"c"}}));
  EXPECT_EQ(lines, (std::vector<std::int64_t>{1, 2, 4}));
  CsvReader bad("\"open,1\n2,3\n");
  std::vector<std::string> f;
  ASSERT_TRUE(bad.Next(f));
  EXPECT_EQ(bad.error(), "unterminated quoted field");
}

// The view reader gives the same records and lines as the copying one, whether a record
// takes the no-copy path (no quotes) or the unescaping one.
TEST(Csv, ViewsReadTheSameRecordsAsCopies) {
  const char* texts[] = {
      "a,b\n1,2\n",
      "a,b\r\n1,2",
      "a,b\r\n1,2\r",                                  // a lone CR at the end is data
      "\xEF\xBB\xBFid,名称\n",
      "\"x,y\",\"he said \"\"hi\"\"\",\n",
      ",,\n\n,\n",
      "a\n\"two\nlines\",b\nc\n",
      "t1,c1,2026-01-02,1.50\nt2,\"c,2\",2026-01-03,2\nt3,c3,2026-01-04,3\n",
      "\"open,1\n2,3\n",
  };
  for (const char* text : texts) {
    CsvReader copies(text), views(text);
    std::vector<std::string> c;
    std::vector<std::string_view> v;
    for (;;) {
      const bool more = copies.Next(c);
      ASSERT_EQ(views.Next(v), more) << text;
      if (!more) break;
      EXPECT_EQ(std::vector<std::string>(v.begin(), v.end()), c) << text;
      EXPECT_EQ(views.line(), copies.line()) << text;
      EXPECT_EQ(views.error(), copies.error()) << text;
      EXPECT_EQ(views.offset(), copies.offset()) << text;
    }
  }
}

TEST(Csv, YuanBecomeFenExactly) {
  struct Case {
    const char* text;
    bool ok;
    std::int64_t fen;
  };
  const Case cases[] = {
      {"0", true, 0},           {"12", true, 1200},        {"12.3", true, 1230},
      {"12.34", true, 1234},    {"-5.01", true, -501},     {"0.01", true, 1},
      {"0.1", true, 10},        {"1234567890123.45", true, 123456789012345},
      {"12.345", false, 0},     {"12.", false, 0},         {".5", false, 0},
      {"", false, 0},           {"-", false, 0},           {"1,234.00", false, 0},
      {"1e3", false, 0},        {"¥12", false, 0},         {" 12", false, 0},
      {"12 ", false, 0},        {"+12", false, 0},         {"99999999999999999999", false, 0},
      {"92233720368547758.07", false, 0},
  };
  for (const auto& c : cases) {
    std::int64_t fen = -1;
    EXPECT_EQ(ParseYuanToFen(c.text, fen), c.ok) << c.text;
    if (c.ok) {
      EXPECT_EQ(fen, c.fen) << c.text;
    }
  }
}

}  // namespace
}  // namespace kams
