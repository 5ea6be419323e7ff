// The rules of a contract (core/contracts/contract.cc), table-driven: what is valid, and the
// field and problem each invalid one is refused with.
#include <gtest/gtest.h>

#include <functional>
#include <map>

#include "core/contracts/contract.h"

namespace kams {
namespace {

Contract Valid() {
  Contract c;
  c.number = "HT-2026-001";
  c.title = "年度供货合同";
  c.starts_on = "2026-01-01";
  return c;
}

std::string ProblemOf(const Status& s, const std::string& field) {
  if (s.ok()) return "";
  for (const auto& f : s.error().fields) {
    if (f.field == field) return f.problem;
  }
  return "(not named)";
}

TEST(ContractRules, EachRuleNamesItsFieldAndProblem) {
  struct Case {
    const char* what;
    std::function<void(Contract&)> edit;
    const char* field;
    const char* problem;  // "" = valid
  };
  const std::vector<Case> cases = {
      {"minimal", [](Contract&) {}, "number", ""},
      {"open-ended, signed, valued",
       [](Contract& c) {
         c.signed_on = "2025-12-20";
         c.amount_fen = 0;
       },
       "number", ""},
      {"ends the day it starts", [](Contract& c) { c.ends_on = "2026-01-01"; }, "ends_on", ""},
      {"no number", [](Contract& c) { c.number.clear(); }, "number", "required"},
      {"number too long", [](Contract& c) { c.number = std::string(51, 'N'); }, "number", "too_long"},
      {"number of 50 Chinese characters",
       [](Contract& c) {
         c.number.clear();
         for (int i = 0; i < 50; ++i) c.number += "合";
       },
       "number", ""},
      {"no title", [](Contract& c) { c.title.clear(); }, "title", "required"},
      {"no start", [](Contract& c) { c.starts_on.clear(); }, "starts_on", "required"},
      {"30 February", [](Contract& c) { c.starts_on = "2026-02-30"; }, "starts_on", "invalid_date"},
      {"signed on a bad day", [](Contract& c) { c.signed_on = "2026/01/01"; }, "signed_on", "invalid_date"},
      {"ends before it starts", [](Contract& c) { c.ends_on = "2025-12-31"; }, "ends_on", "before_start"},
      {"negative value", [](Contract& c) { c.amount_fen = -1; }, "amount_fen", "out_of_range"},
      {"value over the ceiling", [](Contract& c) { c.amount_fen = kMaxContractAmountFen + 1; },
       "amount_fen", "out_of_range"},
      {"unknown status", [](Contract& c) { c.status = "expired"; }, "status", "invalid"},
      {"terminated without a day", [](Contract& c) { c.status = "terminated"; }, "terminated_on",
       "required"},
      {"terminated before it started",
       [](Contract& c) {
         c.status = "terminated";
         c.terminated_on = "2025-06-01";
       },
       "terminated_on", "before_start"},
      {"terminated with day and reason",
       [](Contract& c) {
         c.status = "terminated";
         c.terminated_on = "2026-06-01";
         c.termination_reason = "协商终止";
       },
       "terminated_on", ""},
      {"active with a termination day", [](Contract& c) { c.terminated_on = "2026-06-01"; },
       "terminated_on", "only_when_terminated"},
      {"active with a termination reason", [](Contract& c) { c.termination_reason = "x"; },
       "termination_reason", "only_when_terminated"},
      {"notes too long", [](Contract& c) { c.notes = std::string(2001, 'n'); }, "notes", "too_long"},
  };
  for (const auto& t : cases) {
    SCOPED_TRACE(t.what);
    Contract c = Valid();
    t.edit(c);
    const Status s = ValidateContract(c);
    if (std::string(t.problem).empty()) {
      EXPECT_TRUE(s.ok()) << s.error().message;
    } else {
      EXPECT_EQ(ProblemOf(s, t.field), t.problem);
    }
  }
}

TEST(ContractRules, AuditedFieldsSayEveryValueInWords) {
  Contract c = Valid();
  c.amount_fen = 123456;
  std::map<std::string, std::optional<std::string>> fields;
  for (const auto& f : ContractFieldValues(c)) fields[f.field] = f.value;
  EXPECT_EQ(fields.at("number"), std::optional<std::string>("HT-2026-001"));
  EXPECT_EQ(fields.at("status"), std::optional<std::string>("active"));
  EXPECT_EQ(fields.at("amount_fen"), std::optional<std::string>("123456"));
  EXPECT_EQ(fields.at("ends_on"), std::nullopt);  // open-ended: no value, not ""
}

}  // namespace
}  // namespace kams
