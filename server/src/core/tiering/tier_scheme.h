#pragma once
// Tier schemes: how a company grades its customers. Three kinds, several active at once:
//   abc    Pareto classes by a metric's share of the total over a window;
//   stars  a level for customers whose monthly amount reached a threshold in each of the
//          last N months;
//   rules  ordered tiers, each a set of conditions over metrics, combined with all/any;
//          the first tier whose conditions hold wins.
// Parsed from JSON in http/json_codec (the core never sees JSON); validated here.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/common/result.h"

namespace kams {

enum class SchemeKind { kAbc, kStars, kRules };
enum class Metric { kRevenue, kOrders, kMargin };
enum class CompareOp { kGe, kGt, kLe, kLt, kEq, kNe };

std::string_view SchemeKindName(SchemeKind k);
std::string_view MetricName(Metric m);
std::string_view CompareOpText(CompareOp op);  // ">=", ">", …
std::optional<SchemeKind> ParseSchemeKind(std::string_view s);
std::optional<Metric> ParseMetric(std::string_view s);
std::optional<CompareOp> ParseCompareOp(std::string_view s);
bool IsMoneyMetric(Metric m);  // revenue, margin: values in fen

// One condition of a `rules` tier: `metric` summed over the last `window_months` months,
// compared with `value` (fen for money metrics, a count for orders).
struct TierCondition {
  Metric metric = Metric::kRevenue;
  int window_months = 12;
  CompareOp op = CompareOp::kGe;
  std::int64_t value = 0;
};

struct RuleTier {
  std::string tier;
  bool all = true;  // all conditions must hold (false: any)
  std::vector<TierCondition> conditions;
};

struct StarLevel {
  std::string tier;
  std::int64_t min_fen = 0;
};

struct TierScheme {
  std::string name;
  SchemeKind kind = SchemeKind::kRules;
  // abc
  Metric metric = Metric::kRevenue;
  int window_months = 12;
  std::vector<int> cuts_percent = {80, 95};  // cumulative; tiers = cuts + 1
  std::vector<std::string> tiers = {"A", "B", "C"};
  // stars (metric above; months in a row)
  int months = 6;
  std::vector<StarLevel> levels;
  // rules
  std::vector<RuleTier> rule_tiers;
  // Which tiers make a customer a key account when this is the primary scheme (empty: all).
  std::vector<std::string> key_account_tiers;

  // Every tier name the scheme can give, best first.
  std::vector<std::string> TierNames() const;
  bool IsKeyAccountTier(const std::string& tier) const;
  // The most months any part of the scheme looks back over.
  int LongestWindow() const;
};

inline constexpr int kMaxWindowMonths = 120;

// Every rule a scheme must satisfy, reported per field ("cuts_percent", "levels[1].min_fen").
Status ValidateScheme(const TierScheme& s);

}  // namespace kams
