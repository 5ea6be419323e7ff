#include "app/demo/demo_company.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace kams::demo {
namespace {

constexpr int kLargeCount = 20000;

// Generated once and shared by the read-only tests (generation is pure).
const DemoCompany& LargeCompany() {
  static const DemoCompany company = GenerateDemoCompany(20240601, kLargeCount);
  return company;
}

// Flattens every field so two companies can be compared byte for byte.
std::string Serialize(const DemoCompany& company) {
  std::string out;
  auto add = [&out](std::string_view s) {
    out.append(s);
    out.push_back('\x1f');
  };
  for (const DemoOrgUnit& u : company.units) {
    add(u.key), add(u.parent_key), add(u.name), add(u.kind);
  }
  for (const DemoUser& u : company.users) {
    add(u.username), add(u.display_name), add(u.role), add(u.org_unit_key);
  }
  for (const DemoCustomer& c : company.customers) {
    add(c.external_ref), add(c.name), add(c.stage), add(c.credit_code), add(c.industry);
    add(c.region), add(c.address), add(c.phone), add(c.website), add(c.org_unit_key);
    add(c.owner_username);
    for (const std::string& t : c.team_usernames) add(t);
    add(c.is_key_account ? "1" : "0"), add(c.ownership), add(c.scale);
    add(std::to_string(c.employees)), add(c.founded_on), add(c.characteristics);
    add(std::to_string(c.annual_revenue_fen)), add(c.main_business), add(c.competitors);
    add(c.potential), add(c.business_notes), add(c.first_deal_on), add(c.credit_rating);
    add(std::to_string(c.payment_terms_days)), add(c.trading_notes);
    for (const DemoContact& k : c.contacts) {
      add(k.name), add(k.title), add(k.department), add(k.phone), add(k.email);
      add(k.buying_role), add(std::to_string(k.reports_to_index)), add(k.interests);
      add(k.birthday), add(k.notes);
    }
    out.push_back('\x1e');
  }
  return out;
}

// True for a real calendar date "YYYY-MM-DD" with year in [min_year, max_year].
bool IsValidDate(std::string_view s, int min_year, int max_year) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
  for (std::size_t i : {0u, 1u, 2u, 3u, 5u, 6u, 8u, 9u}) {
    if (s[i] < '0' || s[i] > '9') return false;
  }
  const int y = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 + (s[3] - '0');
  const int m = (s[5] - '0') * 10 + (s[6] - '0');
  const int d = (s[8] - '0') * 10 + (s[9] - '0');
  if (y < min_year || y > max_year || m < 1 || m > 12 || d < 1) return false;
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  return d <= kDays[m - 1] + (m == 2 && leap ? 1 : 0);
}

bool IsAscii(std::string_view s) {
  return std::all_of(s.begin(), s.end(),
                     [](char c) { return static_cast<unsigned char>(c) < 0x80; });
}

bool IsDigits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

std::map<std::string, const DemoUser*> UsersByName(const DemoCompany& company) {
  std::map<std::string, const DemoUser*> users;
  for (const DemoUser& u : company.users) users[u.username] = &u;
  return users;
}

std::map<std::string, const DemoOrgUnit*> UnitsByKey(const DemoCompany& company) {
  std::map<std::string, const DemoOrgUnit*> units;
  for (const DemoOrgUnit& u : company.units) units[u.key] = &u;
  return units;
}

TEST(DemoCompany, IsDeterministic) {
  struct Case {
    std::uint64_t seed;
    int count;
  };
  const Case cases[] = {{0, 0}, {1, 1}, {1, 250}, {42, 1000}, {0xFFFFFFFFFFFFFFFFULL, 300}};
  for (const Case& c : cases) {
    SCOPED_TRACE(testing::Message() << "seed=" << c.seed << " count=" << c.count);
    const std::string a = Serialize(GenerateDemoCompany(c.seed, c.count));
    const std::string b = Serialize(GenerateDemoCompany(c.seed, c.count));
    EXPECT_EQ(a, b);
  }
}

TEST(DemoCompany, GoldenValuesArePortable) {
  // Pins a few values so output cannot silently depend on the compiler,
  // standard library or argument evaluation order (benchmark data must be
  // reproducible everywhere). Update deliberately when the generator changes.
  const DemoCompany company = GenerateDemoCompany(12345, 2000);
  const struct {
    std::size_t index;
    const char* name;
    const char* credit_code;
    const char* founded_on;
  } cases[] = {
      {0, "苏州信辰电力设备有限公司", "91320500WCMPNP8022", "1998-02-22"},
      {1, "广州鸿拓供电服务有限公司", "", "2007-08-12"},
      {1999, "成都华丰汽车部件有限公司", "91510100LRFHC3TCYD", "2009-04-07"},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.index);
    const DemoCustomer& customer = company.customers.at(c.index);
    EXPECT_EQ(customer.name, c.name);
    EXPECT_EQ(customer.credit_code, c.credit_code);
    EXPECT_EQ(customer.founded_on, c.founded_on);
  }
}

TEST(DemoCompany, DifferentSeedsDiffer) {
  EXPECT_NE(Serialize(GenerateDemoCompany(1, 200)), Serialize(GenerateDemoCompany(2, 200)));
}

TEST(DemoCompany, PrefixIsStableAcrossCounts) {
  // Customer i depends only on (seed, i) and the names of earlier customers,
  // so a smaller company is a prefix of a larger one.
  const DemoCompany small = GenerateDemoCompany(7, 50);
  const DemoCompany large = GenerateDemoCompany(7, 500);
  ASSERT_EQ(small.customers.size(), 50u);
  for (std::size_t i = 0; i < small.customers.size(); ++i) {
    EXPECT_EQ(small.customers[i].name, large.customers[i].name);
    EXPECT_EQ(small.customers[i].credit_code, large.customers[i].credit_code);
  }
}

TEST(DemoCompany, CustomerCountIsExact) {
  const struct {
    int requested;
    std::size_t expected;
  } cases[] = {{-5, 0}, {0, 0}, {1, 1}, {2, 2}, {137, 137}};
  for (const auto& c : cases) {
    SCOPED_TRACE(c.requested);
    EXPECT_EQ(GenerateDemoCompany(3, c.requested).customers.size(), c.expected);
  }
}

TEST(DemoCompany, OrgTreeShape) {
  const DemoCompany company = GenerateDemoCompany(5, 0);
  std::map<std::string, int> kinds;
  const auto units = UnitsByKey(company);
  EXPECT_EQ(units.size(), company.units.size()) << "unit keys must be unique";
  for (const DemoOrgUnit& u : company.units) {
    ++kinds[u.kind];
    EXPECT_TRUE(IsAscii(u.key)) << u.key;
    EXPECT_FALSE(u.name.empty());
    if (u.kind == "company") {
      EXPECT_EQ(u.key, "hq");
      EXPECT_EQ(u.parent_key, "");
    } else {
      ASSERT_TRUE(units.count(u.parent_key)) << u.key;
      const std::string& parent_kind = units.at(u.parent_key)->kind;
      EXPECT_EQ(parent_kind, u.kind == "region" ? "company" : "region") << u.key;
    }
  }
  EXPECT_EQ(kinds["company"], 1);
  EXPECT_EQ(kinds["region"], 4);
  EXPECT_EQ(kinds["city"], 10);
  EXPECT_EQ(kinds.size(), 3u);
  for (const char* region : {"east", "north", "south", "west"}) {
    ASSERT_TRUE(units.count(region)) << region;
    EXPECT_EQ(units.at(region)->kind, "region");
  }
}

TEST(DemoCompany, RequiredUsersExist) {
  const DemoCompany company = GenerateDemoCompany(9, 10);
  const auto users = UsersByName(company);
  const struct {
    const char* username;
    const char* role;
    const char* unit;
  } required[] = {
      {"admin", "admin", "hq"},           {"exec", "executive", "hq"},
      {"specialist", "specialist", "hq"}, {"dir.east", "director", "east"},
      {"dir.north", "director", "north"}, {"dir.south", "director", "south"},
      {"dir.west", "director", "west"},   {"kam.sh", "kam", "east-shanghai"},
      {"kam.sz", "kam", "east-suzhou"},   {"asst.sh", "assistant", "east-shanghai"},
      {"svc.east", "service", "east"},    {"sales.sz", "sales", "east-suzhou"},
  };
  for (const auto& r : required) {
    SCOPED_TRACE(r.username);
    ASSERT_TRUE(users.count(r.username));
    EXPECT_EQ(users.at(r.username)->role, r.role);
    EXPECT_EQ(users.at(r.username)->org_unit_key, r.unit);
  }
}

TEST(DemoCompany, UsersAreWellFormed) {
  const DemoCompany company = GenerateDemoCompany(9, 0);
  EXPECT_GE(company.users.size(), 30u);
  const std::set<std::string> roles = {"admin",     "executive",  "director", "kam",
                                       "assistant", "specialist", "service",  "sales"};
  const auto units = UnitsByKey(company);
  std::set<std::string> seen_roles, usernames, display_names;
  std::map<std::string, int> kams_per_city, directors_per_region;
  for (const DemoUser& u : company.users) {
    SCOPED_TRACE(u.username);
    EXPECT_TRUE(roles.count(u.role)) << u.role;
    seen_roles.insert(u.role);
    EXPECT_TRUE(usernames.insert(u.username).second) << "duplicate username";
    EXPECT_TRUE(display_names.insert(u.display_name).second) << "duplicate display name";
    EXPECT_FALSE(u.display_name.empty());
    EXPECT_FALSE(IsAscii(u.display_name)) << "display names are Chinese";
    for (char c : u.username) {
      EXPECT_TRUE((c >= 'a' && c <= 'z') || c == '.') << u.username;
    }
    ASSERT_TRUE(units.count(u.org_unit_key));
    if (u.role == "kam") {
      EXPECT_EQ(units.at(u.org_unit_key)->kind, "city");
      ++kams_per_city[u.org_unit_key];
    }
    if (u.role == "assistant" || u.role == "sales") {
      EXPECT_EQ(units.at(u.org_unit_key)->kind, "city");
    }
    if (u.role == "director") {
      EXPECT_EQ(units.at(u.org_unit_key)->kind, "region");
      ++directors_per_region[u.org_unit_key];
    }
  }
  EXPECT_EQ(seen_roles, roles) << "every role appears";
  for (const DemoOrgUnit& unit : company.units) {
    if (unit.kind == "city") {
      EXPECT_GE(kams_per_city[unit.key], 1) << unit.key;
      EXPECT_LE(kams_per_city[unit.key], 2) << unit.key;
    }
    if (unit.kind == "region") {
      EXPECT_GE(directors_per_region[unit.key], 1) << unit.key;
    }
  }
}

TEST(DemoCompany, UsersDoNotDependOnSeedOrCount) {
  const std::string a = Serialize(GenerateDemoCompany(1, 0));
  const DemoCompany b = GenerateDemoCompany(99, 300);
  const std::string b_structure = Serialize(DemoCompany{b.units, b.users, {}});
  EXPECT_EQ(a, b_structure);
}

TEST(DemoCompany, UniqueNamesRefsAndCreditCodes) {
  const DemoCompany& company = LargeCompany();
  ASSERT_EQ(company.customers.size(), static_cast<std::size_t>(kLargeCount));
  std::set<std::string> names, refs, codes;
  for (const DemoCustomer& c : company.customers) {
    EXPECT_TRUE(names.insert(c.name).second) << c.name;
    EXPECT_TRUE(refs.insert(c.external_ref).second) << c.external_ref;
    if (!c.credit_code.empty()) {
      EXPECT_TRUE(codes.insert(c.credit_code).second) << c.credit_code;
    }
  }
  EXPECT_EQ(company.customers.front().external_ref, "C000001");
}

TEST(DemoCompany, CreditCodesAreValid) {
  const DemoCompany& company = LargeCompany();
  std::map<std::string, std::string> division_by_unit = {
      {"east-shanghai", "310000"},   {"east-suzhou", "320500"},    {"east-nanjing", "320100"},
      {"east-hangzhou", "330100"},   {"north-beijing", "110000"},  {"north-tianjin", "120000"},
      {"south-guangzhou", "440100"}, {"south-shenzhen", "440300"}, {"west-chengdu", "510100"},
      {"west-chongqing", "500000"}};
  int prospects = 0, prospects_without_code = 0;
  for (const DemoCustomer& c : company.customers) {
    if (c.stage == "prospect") ++prospects;
    if (c.credit_code.empty()) {
      EXPECT_EQ(c.stage, "prospect") << c.external_ref;
      ++prospects_without_code;
      continue;
    }
    EXPECT_TRUE(IsValidCreditCode(c.credit_code)) << c.credit_code;
    EXPECT_EQ(c.credit_code.substr(2, 6), division_by_unit.at(c.org_unit_key)) << c.credit_code;
    // Any change to the check character must be detected.
    std::string broken = c.credit_code;
    broken[17] = broken[17] == '0' ? '1' : '0';
    EXPECT_FALSE(IsValidCreditCode(broken)) << broken;
  }
  EXPECT_GT(prospects_without_code, prospects * 2 / 100);
  EXPECT_LT(prospects_without_code, prospects * 9 / 100);
}

TEST(DemoCompany, IsValidCreditCodeTable) {
  const struct {
    std::string_view code;
    bool valid;
  } cases[] = {
      {"91350100M000100Y43", true},
      {"91110000600037341L", true},
      {"914403001922038216", true},
      {"91350100M000100Y42", false},   // wrong check character
      {"91110000600037341K", false},   // wrong check character
      {"91350100M000100Y4", false},    // too short
      {"91350100M000100Y433", false},  // too long
      {"", false},
      {"91350100I000100Y43", false},  // I is not in the alphabet
      {"91350100O000100Y43", false},  // O
      {"91350100Z000100Y43", false},  // Z
      {"91350100S000100Y43", false},  // S
      {"91350100V000100Y43", false},  // V
      {"91350100m000100Y43", false},  // lower case
      {"91110000600037341l", false},  // lower-case check character
      {"91350100M000100Y4 ", false},
  };
  for (const auto& c : cases) {
    EXPECT_EQ(IsValidCreditCode(c.code), c.valid) << "'" << c.code << "'";
  }
}

TEST(DemoCompany, CustomersMatchTheirCity) {
  const DemoCompany& company = LargeCompany();
  const auto units = UnitsByKey(company);
  const std::map<std::string, std::pair<std::string, std::string>> city_info = {
      {"east-shanghai", {"上海市", "021-"}},         {"east-suzhou", {"江苏省苏州市", "0512-"}},
      {"east-nanjing", {"江苏省南京市", "025-"}},    {"east-hangzhou", {"浙江省杭州市", "0571-"}},
      {"north-beijing", {"北京市", "010-"}},         {"north-tianjin", {"天津市", "022-"}},
      {"south-guangzhou", {"广东省广州市", "020-"}}, {"south-shenzhen", {"广东省深圳市", "0755-"}},
      {"west-chengdu", {"四川省成都市", "028-"}},    {"west-chongqing", {"重庆市", "023-"}}};
  std::set<std::string> used_cities;
  for (const DemoCustomer& c : company.customers) {
    SCOPED_TRACE(c.external_ref);
    ASSERT_TRUE(units.count(c.org_unit_key));
    ASSERT_EQ(units.at(c.org_unit_key)->kind, "city");
    used_cities.insert(c.org_unit_key);
    const auto& [region, area] = city_info.at(c.org_unit_key);
    EXPECT_EQ(c.region, region);
    ASSERT_EQ(c.phone.rfind(area, 0), 0u) << c.phone;
    const std::string local = c.phone.substr(area.size());
    EXPECT_EQ(local.size(), 8u) << c.phone;
    EXPECT_TRUE(IsDigits(local)) << c.phone;
    EXPECT_FALSE(c.address.empty());
    EXPECT_TRUE(IsAscii(c.website)) << c.website;
    if (!c.website.empty()) {
      EXPECT_EQ(c.website.rfind("www.", 0), 0u) << c.website;
    }
  }
  EXPECT_EQ(used_cities.size(), 10u);
}

TEST(DemoCompany, EnumsAndRanges) {
  const std::set<std::string> stages = {"prospect", "target", "active"};
  const std::set<std::string> ownerships = {
      "state_owned",        "private",    "foreign", "joint_venture",
      "public_institution", "government", "other"};
  const std::set<std::string> scales = {"large", "medium", "small", "micro"};
  const std::set<std::string> potentials = {"high", "medium", "low"};
  const std::set<std::string> ratings = {"AAA", "AA", "A", "B", "C", ""};
  for (const DemoCustomer& c : LargeCompany().customers) {
    SCOPED_TRACE(c.external_ref);
    EXPECT_TRUE(stages.count(c.stage));
    EXPECT_TRUE(ownerships.count(c.ownership));
    EXPECT_TRUE(scales.count(c.scale));
    EXPECT_TRUE(potentials.count(c.potential));
    EXPECT_TRUE(ratings.count(c.credit_rating));
    EXPECT_FALSE(c.industry.empty());
    EXPECT_FALSE(c.characteristics.empty());
    EXPECT_FALSE(c.main_business.empty());
    EXPECT_GE(c.employees, 0);
    EXPECT_GE(c.annual_revenue_fen, 0);
    EXPECT_GE(c.payment_terms_days, 0);
    EXPECT_LE(c.payment_terms_days, 180);
    if (c.is_key_account) {
      EXPECT_EQ(c.stage, "active");
    }
    if (c.stage == "prospect") {
      EXPECT_EQ(c.credit_rating, "");
    }
    // Plausible size for the scale (revenue in fen: 1 亿元 = 10^10 fen).
    if (c.scale == "large") {
      EXPECT_GE(c.employees, 1000);
      EXPECT_GE(c.annual_revenue_fen, 40'000'000'000LL);  // >= 4 亿元
    } else if (c.scale == "micro") {
      EXPECT_LT(c.employees, 20);
      EXPECT_LE(c.annual_revenue_fen, 300'000'000LL);  // <= 300 万元
    }
  }
}

TEST(DemoCompany, StageAndFlagMix) {
  const DemoCompany& company = LargeCompany();
  std::map<std::string, int> stages;
  int key_accounts = 0, english = 0, unowned_prospects = 0;
  for (const DemoCustomer& c : company.customers) {
    ++stages[c.stage];
    if (c.is_key_account) ++key_accounts;
    if (IsAscii(c.name)) ++english;
    if (c.stage == "prospect" && c.owner_username.empty()) ++unowned_prospects;
  }
  const int n = kLargeCount;
  EXPECT_NEAR(stages["active"], n * 60 / 100, n * 3 / 100);
  EXPECT_NEAR(stages["target"], n * 20 / 100, n * 3 / 100);
  EXPECT_NEAR(stages["prospect"], n * 20 / 100, n * 3 / 100);
  EXPECT_NEAR(key_accounts, stages["active"] * 15 / 100, stages["active"] * 3 / 100);
  EXPECT_NEAR(english, n * 5 / 100, n * 2 / 100);
  EXPECT_NEAR(unowned_prospects, stages["prospect"] * 10 / 100, stages["prospect"] * 4 / 100);
}

TEST(DemoCompany, SearchAnchorsExist) {
  for (int count : {100, 1000}) {
    SCOPED_TRACE(count);
    const DemoCompany company = GenerateDemoCompany(11, count);
    for (std::string_view needle : {"供电", "电力", "有限公司"}) {
      const bool found = std::any_of(
          company.customers.begin(), company.customers.end(),
          [&](const DemoCustomer& c) { return c.name.find(needle) != std::string::npos; });
      EXPECT_TRUE(found) << needle;
    }
  }
}

TEST(DemoCompany, OwnersAndTeams) {
  const DemoCompany& company = LargeCompany();
  const auto users = UsersByName(company);
  const auto units = UnitsByKey(company);
  for (const DemoCustomer& c : company.customers) {
    SCOPED_TRACE(c.external_ref);
    const std::string& region = units.at(c.org_unit_key)->parent_key;
    if (c.owner_username.empty()) {
      EXPECT_EQ(c.stage, "prospect");
    } else {
      ASSERT_TRUE(users.count(c.owner_username));
      const DemoUser& owner = *users.at(c.owner_username);
      EXPECT_EQ(owner.role, "kam");
      EXPECT_EQ(units.at(owner.org_unit_key)->parent_key, region) << "owner from the same region";
    }
    EXPECT_LE(c.team_usernames.size(), 2u);
    std::set<std::string> team(c.team_usernames.begin(), c.team_usernames.end());
    EXPECT_EQ(team.size(), c.team_usernames.size()) << "no duplicate team members";
    for (const std::string& member : c.team_usernames) {
      EXPECT_NE(member, c.owner_username);
      ASSERT_TRUE(users.count(member)) << member;
      const DemoUser& user = *users.at(member);
      EXPECT_TRUE(user.role == "assistant" || user.role == "sales") << member;
      EXPECT_EQ(units.at(user.org_unit_key)->parent_key, region) << member;
    }
  }
}

TEST(DemoCompany, DatesAreValid) {
  for (const DemoCustomer& c : LargeCompany().customers) {
    SCOPED_TRACE(c.external_ref);
    EXPECT_TRUE(IsValidDate(c.founded_on, 1950, 2024)) << c.founded_on;
    if (c.stage == "prospect") {
      EXPECT_EQ(c.first_deal_on, "");
    }
    if (c.stage == "active") {
      EXPECT_FALSE(c.first_deal_on.empty());
    }
    if (!c.first_deal_on.empty()) {
      EXPECT_TRUE(IsValidDate(c.first_deal_on, 1950, 2024)) << c.first_deal_on;
      EXPECT_GE(c.first_deal_on, c.founded_on);
    }
    for (const DemoContact& k : c.contacts) {
      if (!k.birthday.empty()) {
        EXPECT_TRUE(IsValidDate(k.birthday, 1940, 2010)) << k.birthday;
      }
    }
  }
}

TEST(DemoCompany, ContactsFormATree) {
  const std::set<std::string> roles = {"decision_maker", "influencer", "user", "gatekeeper", ""};
  int with_birthday = 0, total = 0;
  for (const DemoCustomer& c : LargeCompany().customers) {
    SCOPED_TRACE(c.external_ref);
    const int n = static_cast<int>(c.contacts.size());
    if (c.stage == "prospect") {
      EXPECT_LE(n, 2);
    } else {
      EXPECT_GE(n, 2);
      EXPECT_LE(n, 6);
    }
    int decision_makers = 0;
    for (int i = 0; i < n; ++i) {
      const DemoContact& k = c.contacts[static_cast<std::size_t>(i)];
      ++total;
      if (!k.birthday.empty()) ++with_birthday;
      EXPECT_TRUE(roles.count(k.buying_role)) << k.buying_role;
      if (k.buying_role == "decision_maker") {
        ++decision_makers;
        EXPECT_EQ(k.reports_to_index, -1);
      } else {
        EXPECT_GE(k.reports_to_index, 0);
      }
      EXPECT_LT(k.reports_to_index, i) << "reports to an earlier contact";
      EXPECT_GE(k.reports_to_index, -1);
      EXPECT_FALSE(k.name.empty());
      EXPECT_FALSE(k.title.empty());
      EXPECT_FALSE(k.department.empty());
      EXPECT_EQ(k.phone.size(), 11u) << k.phone;
      EXPECT_TRUE(IsDigits(k.phone)) << k.phone;
      EXPECT_TRUE(k.phone.rfind("13", 0) == 0 || k.phone.rfind("15", 0) == 0 ||
                  k.phone.rfind("18", 0) == 0)
          << k.phone;
      EXPECT_TRUE(IsAscii(k.email)) << k.email;
      if (!k.email.empty()) {
        EXPECT_NE(k.email.find('@'), std::string::npos) << k.email;
      }
    }
    if (n > 0) {
      EXPECT_EQ(decision_makers, 1);
    }
  }
  EXPECT_NEAR(with_birthday, total / 2, total / 10);
}

}  // namespace
}  // namespace kams::demo
