#include "core/tiering/tier_scheme.h"

#include <algorithm>
#include <set>

#include "core/common/validation.h"

namespace kams {

std::string_view SchemeKindName(SchemeKind k) {
  switch (k) {
    case SchemeKind::kAbc: return "abc";
    case SchemeKind::kStars: return "stars";
    case SchemeKind::kRules: return "rules";
  }
  return "rules";
}

std::string_view MetricName(Metric m) {
  switch (m) {
    case Metric::kRevenue: return "revenue";
    case Metric::kOrders: return "orders";
    case Metric::kMargin: return "margin";
  }
  return "revenue";
}

std::string_view CompareOpText(CompareOp op) {
  switch (op) {
    case CompareOp::kGe: return ">=";
    case CompareOp::kGt: return ">";
    case CompareOp::kLe: return "<=";
    case CompareOp::kLt: return "<";
    case CompareOp::kEq: return "==";
    case CompareOp::kNe: return "!=";
  }
  return ">=";
}

std::optional<SchemeKind> ParseSchemeKind(std::string_view s) {
  for (auto k : {SchemeKind::kAbc, SchemeKind::kStars, SchemeKind::kRules}) {
    if (SchemeKindName(k) == s) return k;
  }
  return std::nullopt;
}

std::optional<Metric> ParseMetric(std::string_view s) {
  for (auto m : {Metric::kRevenue, Metric::kOrders, Metric::kMargin}) {
    if (MetricName(m) == s) return m;
  }
  return std::nullopt;
}

std::optional<CompareOp> ParseCompareOp(std::string_view s) {
  for (auto op : {CompareOp::kGe, CompareOp::kGt, CompareOp::kLe, CompareOp::kLt, CompareOp::kEq,
                  CompareOp::kNe}) {
    if (CompareOpText(op) == s) return op;
  }
  return std::nullopt;
}

bool IsMoneyMetric(Metric m) { return m != Metric::kOrders; }

std::vector<std::string> TierScheme::TierNames() const {
  switch (kind) {
    case SchemeKind::kAbc:
      return tiers;
    case SchemeKind::kStars: {
      std::vector<std::string> out;
      for (auto it = levels.rbegin(); it != levels.rend(); ++it) out.push_back(it->tier);
      return out;
    }
    case SchemeKind::kRules: {
      std::vector<std::string> out;
      for (const auto& t : rule_tiers) out.push_back(t.tier);
      return out;
    }
  }
  return {};
}

bool TierScheme::IsKeyAccountTier(const std::string& tier) const {
  if (key_account_tiers.empty()) return true;
  return std::find(key_account_tiers.begin(), key_account_tiers.end(), tier) !=
         key_account_tiers.end();
}

int TierScheme::LongestWindow() const {
  switch (kind) {
    case SchemeKind::kAbc: return window_months;
    case SchemeKind::kStars: return months;
    case SchemeKind::kRules: {
      int longest = 1;
      for (const auto& t : rule_tiers) {
        for (const auto& c : t.conditions) longest = std::max(longest, c.window_months);
      }
      return longest;
    }
  }
  return 1;
}

namespace {

void CheckTierName(Validator& v, const std::string& field, const std::string& tier,
                   std::set<std::string>& seen) {
  if (tier.empty()) {
    v.Add(field, "required");
  } else if (Utf8Length(tier) > 40) {
    v.Add(field, "too_long");
  } else if (!seen.insert(tier).second) {
    v.Add(field, "duplicate");
  }
}

void CheckWindow(Validator& v, const std::string& field, int months) {
  v.Check(months >= 1 && months <= kMaxWindowMonths, field, "out_of_range");
}

}  // namespace

Status ValidateScheme(const TierScheme& s) {
  Validator v;
  v.Required("name", s.name);
  v.MaxLength("name", s.name, 100);
  std::set<std::string> seen;
  switch (s.kind) {
    case SchemeKind::kAbc: {
      CheckWindow(v, "window_months", s.window_months);
      if (s.cuts_percent.empty() || s.cuts_percent.size() > 9) {
        v.Add("cuts_percent", "out_of_range");
      } else {
        int previous = 0;
        for (int cut : s.cuts_percent) {
          if (cut <= previous || cut >= 100) {
            v.Add("cuts_percent", "must_increase_between_0_and_100");
            break;
          }
          previous = cut;
        }
      }
      if (s.tiers.size() != s.cuts_percent.size() + 1) {
        v.Add("tiers", "must_be_one_more_than_cuts");
      }
      for (std::size_t i = 0; i < s.tiers.size(); ++i) {
        CheckTierName(v, "tiers[" + std::to_string(i) + "]", s.tiers[i], seen);
      }
      break;
    }
    case SchemeKind::kStars: {
      v.Check(IsMoneyMetric(s.metric), "metric", "must_be_money");
      CheckWindow(v, "months", s.months);
      if (s.levels.empty() || s.levels.size() > 20) v.Add("levels", "out_of_range");
      std::int64_t previous = 0;
      for (std::size_t i = 0; i < s.levels.size(); ++i) {
        const std::string at = "levels[" + std::to_string(i) + "]";
        CheckTierName(v, at + ".tier", s.levels[i].tier, seen);
        if (s.levels[i].min_fen <= previous) v.Add(at + ".min_fen", "must_increase");
        previous = s.levels[i].min_fen;
      }
      break;
    }
    case SchemeKind::kRules: {
      if (s.rule_tiers.empty() || s.rule_tiers.size() > 20) v.Add("tiers", "out_of_range");
      for (std::size_t i = 0; i < s.rule_tiers.size(); ++i) {
        const auto& t = s.rule_tiers[i];
        const std::string at = "tiers[" + std::to_string(i) + "]";
        CheckTierName(v, at + ".tier", t.tier, seen);
        if (t.conditions.empty() || t.conditions.size() > 20) {
          v.Add(at + (t.all ? ".all" : ".any"), "out_of_range");
        }
        for (std::size_t k = 0; k < t.conditions.size(); ++k) {
          CheckWindow(v, at + (t.all ? ".all[" : ".any[") + std::to_string(k) + "].window_months",
                      t.conditions[k].window_months);
        }
      }
      break;
    }
  }
  std::set<std::string> key_seen;
  for (std::size_t i = 0; i < s.key_account_tiers.size(); ++i) {
    const std::string at = "key_account_tiers[" + std::to_string(i) + "]";
    if (seen.count(s.key_account_tiers[i]) == 0) {
      v.Add(at, "unknown_tier");
    } else if (!key_seen.insert(s.key_account_tiers[i]).second) {
      v.Add(at, "duplicate");
    }
  }
  return v.ToStatus();
}

}  // namespace kams
