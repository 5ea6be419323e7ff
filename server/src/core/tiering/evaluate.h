#pragma once
// Evaluates a tier scheme over every customer's roll-ups: a scan over arrays.

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
  // over the window (abc) or the lowest monthly amount (stars); rules keep nothing here.
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

// "¥1,234,567.89" from fen, exactly.
std::string FormatYuan(std::int64_t fen);

// Ranks external references for ties: numerically when both are numbers, else bytewise.
bool ExternalRefLess(const std::string& a, const std::string& b);

}  // namespace kams
