#pragma once
// Evaluates a tier scheme over every customer's roll-ups: a scan over arrays.

#include <optional>
#include <string>
#include <vector>

#include "core/tiering/rollups.h"
#include "core/tiering/tier_scheme.h"

namespace kams {

// For each customer (in roll-up order), the index into scheme.TierNames() of the tier
// they get, or -1 for none.
struct Evaluation {
  std::vector<std::string> tier_names;  // best first
  std::vector<std::int16_t> tier;       // per customer
  MonthIndex last_month = 0;            // the window's last month
  // What the decision rested on, per customer: abc and rules-less kinds keep the metric
  // over the window (abc) or the lowest monthly amount (stars); rules the winning tier's first figure.
  std::vector<std::int64_t> value;
  // abc only: 1-based rank among customers taking part (0: not taking part), the metric
  // summed over everyone ranked before the customer, and the total.
  std::vector<std::uint32_t> rank;
  std::vector<std::int64_t> before;
  std::int64_t total = 0;
  std::uint32_t ranked = 0;
  std::vector<std::int64_t> counts() const;  // customers per tier, in tier_names order
};

Evaluation Evaluate(const TierScheme& scheme, const MonthlyRollups& rollups,
                    const CivilDate& as_of);

// Why customer `i` got what it got, in words and figures, e.g.
// "revenue over the 12 months to 2026-10 is ¥3,200,000.00, in the top 80% of the total
// (rank 17 of 4,210)". `language` is "zh-CN" or "en-US".
std::string Explain(const TierScheme& scheme, const MonthlyRollups& rollups,
                    const Evaluation& evaluation, std::size_t i, std::string_view language);

// What one customer's tier rested on: enough to say why, in either language, later (tier
// history keeps it with the scheme version that produced it).
struct TierFacts {
  int tier = -1;                      // index into the scheme's TierNames(), -1: none
  MonthIndex last_month = 0;
  std::int64_t value = 0;             // abc: metric over the window; stars: lowest month
  std::uint32_t rank = 0, ranked = 0; // abc
  std::int64_t before = 0, total = 0; // abc
  std::vector<std::int64_t> actuals;  // rules: the explained tier's conditions' values
  // The deciding value when the customer's previous tier was set, and when (changes only).
  std::optional<std::int64_t> previous_value;
  std::optional<CivilDate> previous_since;
  std::optional<std::string> previous_tier;
};
TierFacts FactsOf(const TierScheme& scheme, const MonthlyRollups& rollups,
                  const Evaluation& evaluation, std::size_t i);
std::string ExplainFacts(const TierScheme& scheme, const TierFacts& facts,
                         std::string_view language);
// Compact text for storage ("t|m|v|r|n|b|T|a1,a2[|pv|ps]"), and back (nullopt when
// malformed). The previous tier is not encoded: history keeps it in its own column.
std::string EncodeFacts(const TierFacts& facts);
std::optional<TierFacts> DecodeFacts(std::string_view text);

// "¥1,234,567.89" from fen, exactly.
std::string FormatYuan(std::int64_t fen);

// Ranks external references for ties: numerically when both are numbers, else bytewise.
bool ExternalRefLess(const std::string& a, const std::string& b);

}  // namespace kams
