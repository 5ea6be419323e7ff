#include "core/customers/customer.h"

#include <gtest/gtest.h>

#include "core/contacts/contact.h"

namespace kams {
namespace {

Customer Valid() {
  Customer c;
  c.name = "苏州恒瑞精密机械有限公司";
  c.stage = "active";
  c.org_unit_id = 3;
  c.credit_code = "91350100M000100Y43";
  return c;
}

std::string FirstProblem(const Status& s, const std::string& field) {
  if (s.ok()) return "";
  for (const auto& f : s.error().fields) {
    if (f.field == field) return f.problem;
  }
  return "";
}

TEST(CustomerRules, EachFieldRule) {
  struct Case {
    const char* what;
    void (*mutate)(Customer&);
    const char* field;
    const char* problem;
  } cases[] = {
      {"empty name", [](Customer& c) { c.name.clear(); }, "name", "required"},
      {"201-char name", [](Customer& c) { c.name = std::string(201, 'x'); }, "name", "too_long"},
      {"200 Chinese chars ok", [](Customer& c) {
         c.name.clear();
         for (int i = 0; i < 200; ++i) c.name += "电";
       }, "name", ""},
      {"stage", [](Customer& c) { c.stage = "lost"; }, "stage", "invalid"},
      {"credit code", [](Customer& c) { c.credit_code = "91350100M000100Y44"; }, "credit_code", "invalid"},
      {"phone", [](Customer& c) { c.phone = "call me"; }, "phone", "invalid"},
      {"org unit", [](Customer& c) { c.org_unit_id = 0; }, "org_unit_id", "required"},
      {"ownership", [](Customer& c) { c.ownership = "mine"; }, "ownership", "invalid"},
      {"employees", [](Customer& c) { c.employees = -1; }, "employees", "out_of_range"},
      {"founded_on", [](Customer& c) { c.founded_on = "2023-02-29"; }, "founded_on", "invalid_date"},
      {"revenue", [](Customer& c) { c.annual_revenue_fen = -5; }, "annual_revenue_fen", "out_of_range"},
      {"potential", [](Customer& c) { c.potential = "huge"; }, "potential", "invalid"},
      {"credit rating", [](Customer& c) { c.credit_rating = "AAAA"; }, "credit_rating", "invalid"},
      {"payment terms", [](Customer& c) { c.payment_terms_days = 400; }, "payment_terms_days", "out_of_range"},
      {"first deal", [](Customer& c) { c.first_deal_on = "yesterday"; }, "first_deal_on", "invalid_date"},
  };
  EXPECT_TRUE(ValidateCustomer(Valid()).ok());
  for (const auto& c : cases) {
    Customer x = Valid();
    c.mutate(x);
    EXPECT_EQ(FirstProblem(ValidateCustomer(x), c.field), c.problem) << c.what;
  }
}

TEST(CustomerRules, SortParsing) {
  EXPECT_EQ(ParseCustomerSort("name")->field, CustomerSort::kName);
  EXPECT_FALSE(ParseCustomerSort("name")->descending);
  EXPECT_TRUE(ParseCustomerSort("-updated_at")->descending);
  EXPECT_EQ(ParseCustomerSort("-updated_at")->field, CustomerSort::kUpdatedAt);
  EXPECT_FALSE(ParseCustomerSort("revenue").has_value());
  EXPECT_FALSE(ParseCustomerSort("--name").has_value());
}

TEST(CustomerRules, AuditDiffListsOnlyChangedFields) {
  Customer a = Valid();
  Customer b = a;
  b.phone = "0512-68881234";
  b.employees = 120;
  auto changes = DiffFields(CustomerFieldValues(a), CustomerFieldValues(b));
  ASSERT_EQ(changes.size(), 2u);
  EXPECT_EQ(changes[0], (FieldChange{"phone", std::nullopt, "0512-68881234"}));
  EXPECT_EQ(changes[1], (FieldChange{"employees", std::nullopt, "120"}));
  auto created = DiffFields({}, CustomerFieldValues(a));
  EXPECT_FALSE(created.empty());
  for (const auto& c : created) EXPECT_FALSE(c.before.has_value());
}

TEST(ContactRules, EachFieldRule) {
  Contact c;
  c.name = "王建国";
  EXPECT_TRUE(ValidateContact(c).ok());
  c.buying_role = "boss";
  EXPECT_EQ(FirstProblem(ValidateContact(c), "buying_role"), "invalid");
  c.buying_role = "decision_maker";
  c.email = "wang@";
  EXPECT_EQ(FirstProblem(ValidateContact(c), "email"), "invalid");
  c.email = "wang@example.com";
  c.birthday = "1980-02-30";
  EXPECT_EQ(FirstProblem(ValidateContact(c), "birthday"), "invalid_date");
  c.birthday = "1980-02-29";
  c.id = 7;
  c.reports_to_id = 7;
  EXPECT_EQ(FirstProblem(ValidateContact(c), "reports_to_id"), "self_reference");
}

}  // namespace
}  // namespace kams
