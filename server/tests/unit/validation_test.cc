#include "core/common/validation.h"

#include <gtest/gtest.h>

#include "core/customers/credit_code.h"

namespace kams {
namespace {

TEST(CreditCode, ChecksAlphabetLengthAndCheckCharacter) {
  struct Case {
    const char* code;
    bool valid;
  } cases[] = {
      {"91350100M000100Y43", true},
      {"91110000600037341L", true},
      {"914403001922038216", true},
      {"91350100M000100Y44", false},   // wrong check character
      {"91350100M000100Y4", false},    // 17 characters
      {"91350100M000100Y433", false},  // 19 characters
      {"91350100I000100Y43", false},   // I is not in the alphabet
      {"91350100O000100Y43", false},   // nor O
      {"91350100m000100Y43", false},   // lower case
      {"", false},
  };
  for (const auto& c : cases) EXPECT_EQ(IsValidCreditCode(c.code), c.valid) << c.code;
}

TEST(Utf8, CountsCodePointsAndRejectsBadBytes) {
  EXPECT_EQ(Utf8Length("苏州供电公司"), 6u);
  EXPECT_EQ(Utf8Length("ABC"), 3u);
  EXPECT_TRUE(IsValidUtf8("苏州 Siemens 😀"));
  EXPECT_FALSE(IsValidUtf8("\xff"));
  EXPECT_FALSE(IsValidUtf8("\xe8\x8b"));          // truncated
  EXPECT_FALSE(IsValidUtf8("\xc0\xaf"));          // overlong '/'
  EXPECT_FALSE(IsValidUtf8("\xed\xa0\x80"));      // surrogate
}

TEST(Trim, DropsAsciiAndIdeographicSpace) {
  EXPECT_EQ(TrimSpace("  苏州  "), "苏州");
  EXPECT_EQ(TrimSpace("\xE3\x80\x80苏州\xE3\x80\x80"), "苏州");
  EXPECT_EQ(TrimSpace(" \t\n"), "");
  EXPECT_EQ(TrimSpace("a b"), "a b");
}

TEST(Contacts, EmailAndPhoneRules) {
  for (const char* ok : {"li.ming@example.com.cn", "a@b.co"}) EXPECT_TRUE(IsValidEmail(ok)) << ok;
  for (const char* bad : {"", "a", "a@b", "@b.com", "a@@b.com", "a b@c.com", "a@b.", "a@.com"}) {
    EXPECT_FALSE(IsValidEmail(bad)) << bad;
  }
  for (const char* ok : {"13812345678", "0512-68881234", "+86 21 6888 1234", "(010)88881234"}) {
    EXPECT_TRUE(IsValidPhone(ok)) << ok;
  }
  for (const char* bad : {"abc", "123", "0512-6888x1234", "1-2", "+86+21"}) {
    EXPECT_FALSE(IsValidPhone(bad)) << bad;
  }
}

TEST(Validator, ReportsFirstProblemPerFieldAndAllFields) {
  Validator v;
  v.Required("name", "");
  v.MaxLength("name", std::string(300, 'a'), 200);
  v.Check(false, "stage", "invalid");
  ASSERT_FALSE(v.ok());
  ASSERT_EQ(v.errors().size(), 2u);
  EXPECT_EQ(v.errors()[0].problem, "required");
  Status s = v.ToStatus();
  EXPECT_EQ(s.error().code, ErrorCode::kValidationFailed);
}

}  // namespace
}  // namespace kams
