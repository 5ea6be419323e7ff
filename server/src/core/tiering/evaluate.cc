#include "core/tiering/evaluate.h"

#include <algorithm>
#include <numeric>

namespace kams {
namespace {

int Column(Metric m) { return m == Metric::kRevenue ? 0 : m == Metric::kOrders ? 1 : 2; }

bool AllDigits(const std::string& s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

bool Holds(std::int64_t actual, CompareOp op, std::int64_t value) {
  switch (op) {
    case CompareOp::kGe: return actual >= value;
    case CompareOp::kGt: return actual > value;
    case CompareOp::kLe: return actual <= value;
    case CompareOp::kLt: return actual < value;
    case CompareOp::kEq: return actual == value;
    case CompareOp::kNe: return actual != value;
  }
  return false;
}

// Sorts positive amounts largest first: LSD radix sort on 16-bit digits, skipping digits
// every key shares (amounts rarely use the top bits). Stable, so ties keep index order.
void RadixSortDescending(std::vector<std::pair<std::int64_t, std::uint32_t>>& v) {
  std::uint64_t any_bits = 0;
  for (const auto& p : v) any_bits |= static_cast<std::uint64_t>(p.first);
  std::vector<std::pair<std::int64_t, std::uint32_t>> tmp(v.size());
  std::vector<std::size_t> count(65536);
  for (int shift = 0; shift < 64; shift += 16) {
    if (((any_bits >> shift) & 0xFFFF) == 0) continue;
    std::fill(count.begin(), count.end(), 0);
    // Descending: bucket by the digit's complement.
    for (const auto& p : v) ++count[0xFFFF - ((static_cast<std::uint64_t>(p.first) >> shift) & 0xFFFF)];
    std::size_t sum = 0;
    for (auto& c : count) {
      const std::size_t n = c;
      c = sum;
      sum += n;
    }
    for (const auto& p : v) {
      tmp[count[0xFFFF - ((static_cast<std::uint64_t>(p.first) >> shift) & 0xFFFF)]++] = p;
    }
    v.swap(tmp);
  }
}

void EvaluateAbc(const TierScheme& s, const MonthlyRollups& r, Evaluation& e) {
  const MonthIndex first = e.last_month - s.window_months + 1;
  const int column = Column(s.metric);
  // (value, index) pairs sort in cache; the references only break ties.
  std::vector<std::pair<std::int64_t, std::uint32_t>> order;
  order.reserve(r.size());
  for (std::size_t i = 0; i < r.size(); ++i) {
    e.value[i] = r.Sum(i, column, first, e.last_month);
    if (e.value[i] > 0) {
      order.emplace_back(e.value[i], static_cast<std::uint32_t>(i));
      e.total += e.value[i];
    }
  }
  RadixSortDescending(order);
  // Equal amounts rank by external reference: sort each run of ties.
  for (std::size_t a = 0; a < order.size();) {
    std::size_t b = a + 1;
    while (b < order.size() && order[b].first == order[a].first) ++b;
    if (b - a > 1) {
      std::sort(order.begin() + static_cast<std::ptrdiff_t>(a),
                order.begin() + static_cast<std::ptrdiff_t>(b), [&](const auto& x, const auto& y) {
                  const std::string& rx = r.external_refs[x.second];
                  const std::string& ry = r.external_refs[y.second];
                  if (rx != ry) return ExternalRefLess(rx, ry);
                  return r.customer_ids[x.second] < r.customer_ids[y.second];
                });
    }
    a = b;
  }
  e.ranked = static_cast<std::uint32_t>(order.size());
  std::int64_t cumulative = 0;
  std::size_t cut = 0;
  const auto n_cuts = s.cuts_percent.size();
  for (std::uint32_t k = 0; k < order.size(); ++k) {
    const std::uint32_t i = order[k].second;
    // The class is decided by what the customers before this one already make up: the
    // customer whose amount crosses a line stays in the upper class.
    while (cut < n_cuts && static_cast<__int128>(cumulative) * 100 >=
                               static_cast<__int128>(s.cuts_percent[cut]) * e.total) {
      ++cut;
    }
    e.tier[i] = static_cast<std::int16_t>(cut);
    e.rank[i] = k + 1;
    e.before[i] = cumulative;
    cumulative += e.value[i];
  }
}

void EvaluateStars(const TierScheme& s, const MonthlyRollups& r, Evaluation& e) {
  const MonthIndex first = e.last_month - s.months + 1;
  const int column = Column(s.metric);
  const std::vector<std::int64_t>& amounts =
      column == 0 ? r.revenue_fen : column == 1 ? r.orders : r.margin_fen;
  const auto levels = static_cast<int>(s.levels.size());
  for (std::size_t i = 0; i < r.size(); ++i) {
    // The lowest monthly amount over the window; a month without activity counts as 0.
    int seen = 0;
    std::int64_t lowest = INT64_MAX;
    for (std::uint32_t k = r.offsets[i + 1]; k > r.offsets[i]; --k) {
      const MonthIndex m = r.month[k - 1];
      if (m > e.last_month) continue;
      if (m < first) break;
      ++seen;
      lowest = std::min(lowest, amounts[k - 1]);
    }
    if (seen < s.months) lowest = std::min<std::int64_t>(lowest, 0);
    e.value[i] = lowest;
    // Highest level reached; TierNames() lists levels best first.
    for (int l = levels - 1; l >= 0; --l) {
      if (lowest >= s.levels[l].min_fen) {
        e.tier[i] = static_cast<std::int16_t>(levels - 1 - l);
        break;
      }
    }
  }
}

bool ConditionHolds(const TierCondition& c, const MonthlyRollups& r, std::size_t i,
                    MonthIndex last, std::int64_t* actual = nullptr) {
  const std::int64_t v = r.Sum(i, Column(c.metric), last - c.window_months + 1, last);
  if (actual) *actual = v;
  return Holds(v, c.op, c.value);
}

bool TierHolds(const RuleTier& t, const MonthlyRollups& r, std::size_t i, MonthIndex last) {
  if (t.all) {
    return std::all_of(t.conditions.begin(), t.conditions.end(),
                       [&](const TierCondition& c) { return ConditionHolds(c, r, i, last); });
  }
  return std::any_of(t.conditions.begin(), t.conditions.end(),
                     [&](const TierCondition& c) { return ConditionHolds(c, r, i, last); });
}

void EvaluateRules(const TierScheme& s, const MonthlyRollups& r, Evaluation& e) {
  for (std::size_t i = 0; i < r.size(); ++i) {
    for (std::size_t t = 0; t < s.rule_tiers.size(); ++t) {
      if (TierHolds(s.rule_tiers[t], r, i, e.last_month)) {
        e.tier[i] = static_cast<std::int16_t>(t);
        break;
      }
    }
  }
}

std::string MonthText(MonthIndex m) {
  std::string s = FormatCivilDate(FirstDayOf(m));
  return s.substr(0, 7);
}

std::string MetricValue(Metric m, std::int64_t v) {
  return IsMoneyMetric(m) ? FormatYuan(v) : std::to_string(v);
}

std::string MetricWords(Metric m, bool zh) {
  switch (m) {
    case Metric::kRevenue: return zh ? "收入" : "revenue";
    case Metric::kOrders: return zh ? "订单数" : "orders";
    case Metric::kMargin: return zh ? "毛利" : "margin";
  }
  return "";
}

std::string Percent(__int128 part, std::int64_t total) {
  if (total <= 0) return "0%";
  const auto tenths = static_cast<std::int64_t>(part * 1000 / total);
  return std::to_string(tenths / 10) + "." + std::to_string(tenths % 10) + "%";
}

std::string Window(int months, MonthIndex last, bool zh) {
  return zh ? "近 " + std::to_string(months) + " 个月（截至 " + MonthText(last) + "）"
            : "over the " + std::to_string(months) + " months to " + MonthText(last);
}

std::string ConditionText(const TierCondition& c, std::int64_t actual, MonthIndex last,
                          bool zh) {
  return MetricWords(c.metric, zh) + " " + Window(c.window_months, last, zh) + " " +
         MetricValue(c.metric, actual) + " " + std::string(CompareOpText(c.op)) + " " +
         MetricValue(c.metric, c.value);
}

}  // namespace

bool ExternalRefLess(const std::string& a, const std::string& b) {
  if (AllDigits(a) && AllDigits(b)) {
    const auto strip = [](const std::string& s) {
      const auto nz = s.find_first_not_of('0');
      return nz == std::string::npos ? std::string_view{} : std::string_view(s).substr(nz);
    };
    const auto x = strip(a), y = strip(b);
    if (x.size() != y.size()) return x.size() < y.size();
    if (x != y) return x < y;
    return a < b;  // "007" and "7": still a total order
  }
  return a < b;
}

std::string FormatYuan(std::int64_t fen) {
  const bool negative = fen < 0;
  const unsigned long long abs =
      negative ? 0ULL - static_cast<unsigned long long>(fen) : static_cast<unsigned long long>(fen);
  std::string digits = std::to_string(abs / 100);
  std::string grouped;
  for (std::size_t k = 0; k < digits.size(); ++k) {
    if (k > 0 && (digits.size() - k) % 3 == 0) grouped += ',';
    grouped += digits[k];
  }
  const unsigned cents = static_cast<unsigned>(abs % 100);
  return std::string(negative ? "-" : "") + "¥" + grouped + "." + (cents < 10 ? "0" : "") +
         std::to_string(cents);
}

std::vector<std::int64_t> Evaluation::counts() const {
  std::vector<std::int64_t> out(tier_names.size(), 0);
  for (auto t : tier) {
    if (t >= 0) ++out[static_cast<std::size_t>(t)];
  }
  return out;
}

Evaluation Evaluate(const TierScheme& scheme, const MonthlyRollups& rollups,
                    const CivilDate& as_of) {
  Evaluation e;
  e.tier_names = scheme.TierNames();
  e.last_month = LastWholeMonth(as_of);
  e.tier.assign(rollups.size(), -1);
  e.value.assign(rollups.size(), 0);
  switch (scheme.kind) {
    case SchemeKind::kAbc:
      e.rank.assign(rollups.size(), 0);
      e.before.assign(rollups.size(), 0);
      EvaluateAbc(scheme, rollups, e);
      break;
    case SchemeKind::kStars:
      EvaluateStars(scheme, rollups, e);
      break;
    case SchemeKind::kRules:
      EvaluateRules(scheme, rollups, e);
      break;
  }
  return e;
}

std::string Explain(const TierScheme& s, const MonthlyRollups& r, const Evaluation& e,
                    std::size_t i, std::string_view language) {
  const bool zh = language != "en-US";
  const int tier = e.tier[i];
  switch (s.kind) {
    case SchemeKind::kAbc: {
      const std::string window = Window(s.window_months, e.last_month, zh);
      if (e.rank[i] == 0) {
        return zh ? window + "无" + MetricWords(s.metric, zh) + "，不参与 ABC 分类"
                  : "no " + MetricWords(s.metric, zh) + " " + window + ": takes no part";
      }
      const std::string share = Percent(e.before[i], e.total);
      const std::string line =
          tier < static_cast<int>(s.cuts_percent.size())
              ? std::to_string(s.cuts_percent[static_cast<std::size_t>(tier)]) + "%"
              : "100%";
      const std::string rank = std::to_string(e.rank[i]) + "/" + std::to_string(e.ranked);
      return zh ? MetricWords(s.metric, zh) + " " + window + " " +
                      MetricValue(s.metric, e.value[i]) + "，排名 " + rank +
                      "，排在其前的客户合计占总额 " + share + "（" +
                      e.tier_names[static_cast<std::size_t>(tier)] + " 类线 " + line + "）"
                : MetricWords(s.metric, zh) + " " + window + " " +
                      MetricValue(s.metric, e.value[i]) + ", rank " + rank +
                      "; the customers ranked above make " + share + " of the total (" +
                      e.tier_names[static_cast<std::size_t>(tier)] + " up to " + line + ")";
    }
    case SchemeKind::kStars: {
      const std::string window = Window(s.months, e.last_month, zh);
      const std::string lowest = MetricValue(s.metric, e.value[i]);
      if (tier < 0) {
        return zh ? window + "月" + MetricWords(s.metric, zh) + "最低 " + lowest + "，未达最低星级 " +
                        MetricValue(s.metric, s.levels.front().min_fen)
                  : "lowest monthly " + MetricWords(s.metric, zh) + " " + window + " " + lowest +
                        ", below the lowest level's " +
                        MetricValue(s.metric, s.levels.front().min_fen);
      }
      const auto& level = s.levels[s.levels.size() - 1 - static_cast<std::size_t>(tier)];
      return zh ? window + "月" + MetricWords(s.metric, zh) + "最低 " + lowest + "，每月均达到 " +
                      level.tier + " 的 " + MetricValue(s.metric, level.min_fen)
                : "lowest monthly " + MetricWords(s.metric, zh) + " " + window + " " + lowest +
                      ": every month reached " + level.tier + "'s " +
                      MetricValue(s.metric, level.min_fen);
    }
    case SchemeKind::kRules: {
      // The winning tier's conditions that hold; without a tier, the best tier's misses.
      const RuleTier& t = s.rule_tiers[tier >= 0 ? static_cast<std::size_t>(tier) : 0];
      std::string out = tier >= 0 ? t.tier + (zh ? "：" : ": ")
                                  : (zh ? "未达任何等级（" + t.tier + "：" : "no tier (" + t.tier + ": ");
      bool first = true;
      for (const auto& c : t.conditions) {
        std::int64_t actual = 0;
        const bool holds = ConditionHolds(c, r, i, e.last_month, &actual);
        if (holds != (tier >= 0)) continue;
        if (!first) out += zh ? "；" : "; ";
        first = false;
        out += (tier >= 0 || zh) ? "" : "not ";
        out += ConditionText(c, actual, e.last_month, zh);
        if (tier < 0 && zh) out += " 不成立";
      }
      if (tier < 0) out += zh ? "）" : ")";
      return out;
    }
  }
  return "";
}

}  // namespace kams
