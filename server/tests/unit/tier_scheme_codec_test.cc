// The tier-scheme JSON format: the issue's three examples exactly as written, round trips,
// and errors named by path.
#include <gtest/gtest.h>

#include "http/json_codec.h"

namespace kams::codec {
namespace {

const char* const kExamples[] = {
    R"({"name": "ABC by revenue", "kind": "abc", "metric": "revenue", "window_months": 12, "cuts_percent": [80, 95], "tiers": ["A", "B", "C"]})",
    R"({"name": "Star level", "kind": "stars", "metric": "revenue", "months": 6, "levels": [{"tier": "3star", "min_fen": 3000000}, {"tier": "4star", "min_fen": 5000000}, {"tier": "5star", "min_fen": 8000000}]})",
    R"({"name": "Key-account grade", "kind": "rules", "tiers": [{"tier": "strategic", "all": [{"metric": "revenue", "window_months": 12, "op": ">=", "value_fen": 500000000}]}, {"tier": "key", "any": [{"metric": "revenue", "window_months": 12, "op": ">=", "value_fen": 100000000}, {"metric": "orders", "window_months": 12, "op": ">=", "value": 120}]}]})",
};

TEST(TierSchemeCodec, TheIssuesExamplesParseAndRoundTrip) {
  for (const char* text : kExamples) {
    const json in = json::parse(text);
    auto scheme = ParseTierScheme(in);
    ASSERT_TRUE(scheme.ok()) << text << "\n" << scheme.error().message;
    EXPECT_EQ(ToJson(*scheme), in);
  }
  auto rules = ParseTierScheme(json::parse(kExamples[2]));
  ASSERT_TRUE(rules.ok());
  ASSERT_EQ(rules->rule_tiers.size(), 2u);
  EXPECT_FALSE(rules->rule_tiers[1].all);
  EXPECT_EQ(rules->rule_tiers[1].conditions[1].metric, Metric::kOrders);
  EXPECT_EQ(rules->rule_tiers[1].conditions[1].value, 120);
  EXPECT_EQ(rules->TierNames(), (std::vector<std::string>{"strategic", "key"}));
  auto stars = ParseTierScheme(json::parse(kExamples[1]));
  EXPECT_EQ(stars->TierNames(), (std::vector<std::string>{"5star", "4star", "3star"}));
}

TEST(TierSchemeCodec, DefaultsFillWhatIsLeftOut) {
  auto abc = ParseTierScheme(json::parse(R"({"name": "ABC", "kind": "abc", "cuts_percent": [70]})"));
  ASSERT_TRUE(abc.ok()) << abc.error().message;
  EXPECT_EQ(abc->window_months, 12);
  EXPECT_EQ(abc->tiers, (std::vector<std::string>{"A", "B"}));
}

TEST(TierSchemeCodec, ProblemsAreNamedByPath) {
  struct Case {
    const char* text;
    std::string field, problem;
  };
  const Case cases[] = {
      {R"([])", "scheme", "must_be_object"},
      {R"({"name": "x"})", "kind", "required"},
      {R"({"name": "x", "kind": "pareto"})", "kind", "invalid"},
      {R"({"kind": "abc"})", "name", "required"},
      {R"({"name": "x", "kind": "abc", "cuts_percent": [80, "95"]})", "cuts_percent[1]", "must_be_integer"},
      {R"({"name": "x", "kind": "abc", "cuts_percent": [95, 80]})", "cuts_percent", "must_increase_between_0_and_100"},
      {R"({"name": "x", "kind": "abc", "metric": "profit"})", "metric", "invalid"},
      {R"({"name": "x", "kind": "abc", "colour": "red"})", "colour", "unknown_field"},
      {R"({"name": "x", "kind": "abc", "window_months": 1e3})", "window_months", "must_be_integer"},
      {R"({"name": "x", "kind": "abc", "window_months": 9999999999})", "window_months", "out_of_range"},
      {R"({"name": "x", "kind": "stars"})", "levels", "required"},
      {R"({"name": "x", "kind": "stars", "levels": [{"tier": "3star"}]})", "levels[0].min_fen", "required"},
      {R"({"name": "x", "kind": "stars", "levels": [{"tier": "a", "min_fen": 5}, {"tier": "b", "min_fen": 5}]})", "levels[1].min_fen", "must_increase"},
      {R"({"name": "x", "kind": "rules", "tiers": [{"tier": "k"}]})", "tiers[0].all", "give_all_or_any"},
      {R"({"name": "x", "kind": "rules", "tiers": [{"tier": "k", "any": [{"metric": "revenue", "op": "=>", "value_fen": 1}]}]})", "tiers[0].any[0].op", "invalid"},
      {R"({"name": "x", "kind": "rules", "tiers": [{"tier": "k", "all": [{"metric": "revenue", "op": ">=", "value": 1}]}]})", "tiers[0].all[0].value", "use_value_fen"},
      {R"({"name": "x", "kind": "rules", "tiers": [{"tier": "k", "all": [{"metric": "orders", "op": ">=", "value": 1, "window_months": 0}]}]})", "tiers[0].all[0].window_months", "out_of_range"},
      {R"({"name": "x", "kind": "rules", "tiers": [{"tier": "k", "all": []}]})", "tiers[0].all", "out_of_range"},
      {R"({"name": "x", "kind": "rules", "tiers": [{"tier": "k", "all": [1]}]})", "tiers[0].all[0]", "must_be_object"},
  };
  for (const auto& c : cases) {
    auto r = ParseTierScheme(json::parse(c.text));
    ASSERT_FALSE(r.ok()) << c.text;
    bool found = false;
    std::string got;
    for (const auto& f : r.error().fields) {
      found |= f.field == c.field && f.problem == c.problem;
      got += f.field + ":" + f.problem + " ";
    }
    EXPECT_TRUE(found) << c.text << " → " << got;
  }
}

}  // namespace
}  // namespace kams::codec
