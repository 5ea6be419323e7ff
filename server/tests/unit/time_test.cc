#include "core/common/time.h"

#include <cstdio>

#include <gtest/gtest.h>

namespace kams {
namespace {

TEST(CivilDate, ParsesOnlyRealDays) {
  struct Case {
    const char* text;
    bool valid;
  } cases[] = {
      {"2026-03-01", true},  {"2024-02-29", true},  {"2023-02-29", false},
      {"1900-02-29", false}, {"2000-02-29", true},  {"2024-13-01", false},
      {"2024-00-10", false}, {"2024-04-31", false}, {"2024-4-01", false},
      {"20240401", false},   {"", false},           {"2024-04-01T00:00", false},
      {"0999-01-01", false}, {"abcd-ef-gh", false}, {"2024-12-31", true},
  };
  for (const auto& c : cases) {
    EXPECT_EQ(ParseCivilDate(c.text).has_value(), c.valid) << c.text;
  }
}

TEST(CivilDate, DaysRoundTrip) {
  for (std::int64_t d : {-1000000LL, -1LL, 0LL, 1LL, 19782LL, 20415LL, 2932896LL}) {
    EXPECT_EQ(DaysFromCivil(CivilFromDays(d)), d);
  }
  EXPECT_EQ(DaysFromCivil({1970, 1, 1}), 0);
  EXPECT_EQ(DaysFromCivil({2026, 3, 1}), 20513);
  EXPECT_EQ(FormatCivilDate({2026, 3, 1}), "2026-03-01");
}

TEST(CivilDate, FormatsEveryYearWithFourDigitsAndOddValuesLikePrintf) {
  const std::pair<CivilDate, const char*> cases[] = {
      {{2026, 12, 31}, "2026-12-31"}, {{2024, 2, 29}, "2024-02-29"}, {{0, 1, 1}, "0000-01-01"},
      {{999, 9, 9}, "0999-09-09"},    {{9999, 12, 31}, "9999-12-31"}, {{10000, 1, 1}, "10000-01-01"},
      {{-1, 1, 1}, "-001-01-01"},     {{2026, 0, 0}, "2026-00-00"},   {{2026, 123, 7}, "2026-123-07"},
  };
  for (const auto& [date, text] : cases) EXPECT_EQ(FormatCivilDate(date), text) << text;
}

TEST(Rfc3339, FormatsAndParses) {
  const Timestamp t = (DaysFromCivil({2026, 3, 1}) * 86400 + 8 * 3600) * kMicrosPerSecond;
  EXPECT_EQ(FormatRfc3339(t), "2026-03-01T08:00:00Z");
  EXPECT_EQ(ParseRfc3339("2026-03-01T08:00:00Z"), t);
  EXPECT_EQ(ParseRfc3339("2026-03-01T16:00:00+08:00"), t);
  EXPECT_EQ(ParseRfc3339("2026-03-01T08:00:00.5Z"), t + 500000);
  for (const char* bad : {"2026-03-01", "2026-03-01T08:00:00", "2026-03-01T25:00:00Z",
                          "2026-02-30T08:00:00Z", "2026-03-01T08:00:00+8", "x"}) {
    EXPECT_FALSE(ParseRfc3339(bad).has_value()) << bad;
  }
}

TEST(Rfc3339, FormatsEverySecondOfTheDayAndDatesAroundTheEpochLikePrintf) {
  const auto reference = [](Timestamp t) {
    std::int64_t secs = t / kMicrosPerSecond;
    if (t < 0 && t % kMicrosPerSecond != 0) --secs;
    std::int64_t days = secs / 86400, rem = secs % 86400;
    if (rem < 0) rem += 86400, --days;
    const CivilDate d = CivilFromDays(days);
    char buf[48];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02dZ", d.year, d.month, d.day,
                  static_cast<int>(rem / 3600), static_cast<int>(rem / 60 % 60),
                  static_cast<int>(rem % 60));
    return std::string(buf);
  };
  const std::int64_t day = DaysFromCivil({2024, 2, 29});
  for (std::int64_t s = 0; s < 86400; s += 7) {
    const Timestamp t = (day * 86400 + s) * kMicrosPerSecond + 999'999;
    ASSERT_EQ(FormatRfc3339(t), reference(t)) << s;
  }
  for (const Timestamp t : {Timestamp{0}, Timestamp{-1}, Timestamp{-kMicrosPerSecond},
                            Timestamp{-86'400 * kMicrosPerSecond - 1},
                            (DaysFromCivil({9999, 12, 31}) * 86400 + 86399) * kMicrosPerSecond,
                            DaysFromCivil({1000, 1, 1}) * 86400 * kMicrosPerSecond}) {
    EXPECT_EQ(FormatRfc3339(t), reference(t)) << t;
  }
  EXPECT_EQ(FormatRfc3339(-1), "1969-12-31T23:59:59Z");
}

// Found by fuzzing (fuzz_json_auth): an offset could carry an accepted time out of years
// 1000..9999; FormatRfc3339 then wrote "10000-01-01T…", which is not RFC 3339 and which
// ParseRfc3339 itself refused. Every accepted text now formats back to the same second.
TEST(Rfc3339, AcceptsOnlyInstantsThatFormatBack) {
  struct Case {
    const char* text;
    bool valid;
  } cases[] = {
      {"9999-12-31T23:59:59-23:59", false}, {"9999-12-31T23:59:59-00:01", false},
      {"9999-12-31T23:59:60Z", false},      {"1000-01-01T00:00:00+00:01", false},
      {"1000-01-01T00:30:00+23:59", false}, {"9999-12-31T23:59:59Z", true},
      {"9999-12-31T23:59:59.999999Z", true}, {"1000-01-01T00:00:00Z", true},
      {"1000-01-01T00:00:00-00:01", true},  {"9999-12-31T23:59:59+23:59", true},
      {"2026-05-31T23:59:60Z", true},
  };
  for (const auto& c : cases) {
    const auto t = ParseRfc3339(c.text);
    EXPECT_EQ(t.has_value(), c.valid) << c.text;
    if (!t) continue;
    const auto back = ParseRfc3339(FormatRfc3339(*t));
    ASSERT_TRUE(back.has_value()) << c.text << " → " << FormatRfc3339(*t);
    EXPECT_EQ(*back / kMicrosPerSecond, *t / kMicrosPerSecond) << c.text;
  }
}

}  // namespace
}  // namespace kams
