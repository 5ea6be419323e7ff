// Deterministic generator of a believable demo company for KAMS
// (Key-Account Management System, 大客户管理系统).
//
// Contract: GenerateDemoCompany(seed, count) is a pure function. The same
// seed and count always produce byte-identical output on every platform and
// standard library (it uses its own integer-only PRNG, no <random>
// distributions, no floating point, no I/O, no mutable globals).
// The org tree and the user list are fixed (independent of seed and count) so
// tests and demos can rely on well-known accounts such as "admin", "kam.sz".
#ifndef KAMS_APP_DEMO_DEMO_COMPANY_H_
#define KAMS_APP_DEMO_DEMO_COMPANY_H_

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace kams::demo {

struct DemoOrgUnit {
  std::string key;
  std::string parent_key;  // "" for the root
  std::string name;
  std::string kind;  // "company" | "region" | "city"
};

struct DemoUser {
  std::string username;      // ASCII lowercase, unique
  std::string display_name;  // Chinese
  // admin | executive | director | kam | assistant | specialist | service | sales
  std::string role;
  std::string org_unit_key;
};

struct DemoContact {
  std::string name, title, department, phone, email;
  // "decision_maker" | "influencer" | "user" | "gatekeeper" | ""
  std::string buying_role;
  // -1, or index of an EARLIER contact of the same customer (so no cycles).
  int reports_to_index;
  std::string interests, birthday /* "YYYY-MM-DD" or "" */, notes;
};

struct DemoCustomer {
  std::string external_ref;  // unique, e.g. "C000001"
  std::string name;          // unique within the company
  std::string stage;         // "prospect" | "target" | "active"
  // 统一社会信用代码: 18 chars with a valid check character, unique;
  // "" for ~5% of prospects.
  std::string credit_code;
  std::string industry, region /* e.g. "江苏省苏州市" */, address, phone, website;
  std::string org_unit_key;    // a "city" unit key
  std::string owner_username;  // a kam of that city (or region); "" for ~10% of prospects
  // 0..2 assistants / sales reps of the same city or region; never the owner.
  std::vector<std::string> team_usernames;
  bool is_key_account;  // ~15% of active customers
  // characteristics (客户特征)
  // "state_owned" | "private" | "foreign" | "joint_venture" |
  // "public_institution" | "government" | "other"
  std::string ownership;
  std::string scale;            // "large" | "medium" | "small" | "micro"
  int employees;                // >= 0
  std::string founded_on;       // "YYYY-MM-DD", valid date between 1950 and 2024
  std::string characteristics;  // a short Chinese sentence
  // business status (业务状况)
  std::int64_t annual_revenue_fen;  // >= 0, plausible for the scale
  std::string main_business, competitors;
  std::string potential;  // "high" | "medium" | "low"
  std::string business_notes;
  // transaction status (交易现状)
  std::string first_deal_on;  // "YYYY-MM-DD" or "" (always "" for prospects)
  std::string credit_rating;  // "AAA" | "AA" | "A" | "B" | "C" | ""
  int payment_terms_days;     // 0..180
  std::string trading_notes;
  // 2..6 for active/target customers, 0..2 for prospects.
  std::vector<DemoContact> contacts;
};

struct DemoCompany {
  std::vector<DemoOrgUnit> units;
  std::vector<DemoUser> users;
  std::vector<DemoCustomer> customers;
};

// Generates the demo company. customer_count <= 0 yields no customers.
// Uniqueness of names, external refs and credit codes holds for any count.
DemoCompany GenerateDemoCompany(std::uint64_t seed, int customer_count);

// GB 32100-2015 check of a 统一社会信用代码: length 18, every character in
// "0123456789ABCDEFGHJKLMNPQRTUWXY" (upper case only) and a correct check
// character at position 18.
bool IsValidCreditCode(std::string_view code);

}  // namespace kams::demo

#endif  // KAMS_APP_DEMO_DEMO_COMPANY_H_
