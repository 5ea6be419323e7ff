#include "core/tiering/evaluate.h"

#include <algorithm>
#include <charconv>
#include <climits>
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
        // The winning tier's first figure: what movers are ordered by.
        ConditionHolds(s.rule_tiers[t].conditions.front(), r, i, e.last_month, &e.value[i]);
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

TierFacts FactsOf(const TierScheme& s, const MonthlyRollups& r, const Evaluation& e,
                  std::size_t i) {
  TierFacts f;
  f.tier = e.tier[i];
  f.last_month = e.last_month;
  f.value = e.value[i];
  if (s.kind == SchemeKind::kAbc) {
    f.rank = e.rank[i];
    f.ranked = e.ranked;
    f.before = e.before[i];
    f.total = e.total;
  }
  if (s.kind == SchemeKind::kRules && !s.rule_tiers.empty()) {
    const RuleTier& t = s.rule_tiers[f.tier >= 0 ? static_cast<std::size_t>(f.tier) : 0];
    for (const auto& c : t.conditions) {
      std::int64_t actual = 0;
      ConditionHolds(c, r, i, e.last_month, &actual);
      f.actuals.push_back(actual);
    }
  }
  return f;
}

std::string Explain(const TierScheme& s, const MonthlyRollups& r, const Evaluation& e,
                    std::size_t i, std::string_view language) {
  return ExplainFacts(s, FactsOf(s, r, e, i), language);
}

namespace {

std::string ExplainState(const TierScheme& s, const TierFacts& f, std::string_view language) {
  const bool zh = language != "en-US";
  const int tier = f.tier;
  const auto names = s.TierNames();
  if (tier >= static_cast<int>(names.size())) return "";
  switch (s.kind) {
    case SchemeKind::kAbc: {
      const std::string window = Window(s.window_months, f.last_month, zh);
      if (f.rank == 0 || tier < 0) {
        return zh ? window + "无" + MetricWords(s.metric, zh) + "，不参与 ABC 分类"
                  : "no " + MetricWords(s.metric, zh) + " " + window + ": takes no part";
      }
      const std::string share = Percent(f.before, f.total);
      const std::string line =
          tier < static_cast<int>(s.cuts_percent.size())
              ? std::to_string(s.cuts_percent[static_cast<std::size_t>(tier)]) + "%"
              : "100%";
      const std::string rank = std::to_string(f.rank) + "/" + std::to_string(f.ranked);
      const std::string& name = names[static_cast<std::size_t>(tier)];
      return zh ? MetricWords(s.metric, zh) + " " + window + " " +
                      MetricValue(s.metric, f.value) + "，排名 " + rank +
                      "，排在其前的客户合计占总额 " + share + "（" + name + " 类线 " + line + "）"
                : MetricWords(s.metric, zh) + " " + window + " " + MetricValue(s.metric, f.value) +
                      ", rank " + rank + "; the customers ranked above make " + share +
                      " of the total (" + name + " up to " + line + ")";
    }
    case SchemeKind::kStars: {
      if (s.levels.empty()) return "";
      const std::string window = Window(s.months, f.last_month, zh);
      const std::string lowest = MetricValue(s.metric, f.value);
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
      if (s.rule_tiers.empty()) return "";
      // The winning tier's conditions that hold; without a tier, the best tier's misses.
      const RuleTier& t = s.rule_tiers[tier >= 0 ? static_cast<std::size_t>(tier) : 0];
      std::string out = tier >= 0 ? t.tier + (zh ? "：" : ": ")
                                  : (zh ? "未达任何等级（" + t.tier + "：" : "no tier (" + t.tier + ": ");
      bool first = true;
      for (std::size_t k = 0; k < t.conditions.size(); ++k) {
        const auto& c = t.conditions[k];
        const std::int64_t actual = k < f.actuals.size() ? f.actuals[k] : 0;
        const bool holds = Holds(actual, c.op, c.value);
        if (holds != (tier >= 0)) continue;
        if (!first) out += zh ? "；" : "; ";
        first = false;
        out += (tier >= 0 || zh) ? "" : "not ";
        out += ConditionText(c, actual, f.last_month, zh);
        if (tier < 0 && zh) out += " 不成立";
      }
      if (tier < 0) out += zh ? "）" : ")";
      return out;
    }
  }
  return "";
}

}  // namespace

std::string ExplainFacts(const TierScheme& s, const TierFacts& f, std::string_view language) {
  std::string out = ExplainState(s, f, language);
  // "…; it was ¥3,200,000.00 when it became A on 2026-03-31": where the customer came from.
  if (f.previous_value && f.previous_since && s.kind != SchemeKind::kRules && !out.empty()) {
    const Metric m = s.metric;
    const std::string since = FormatCivilDate(*f.previous_since);
    const std::string tier = f.previous_tier.value_or("");
    if (language != "en-US") {
      out += "；" + since + (tier.empty() ? "" : " 评为 " + tier + " ") + "时为 " +
             MetricValue(m, *f.previous_value);
    } else {
      out += "; it was " + MetricValue(m, *f.previous_value) + " when " +
             (tier.empty() ? std::string("last set") : "it became " + tier) + " on " + since;
    }
  }
  return out;
}

std::string EncodeFacts(const TierFacts& f) {
  // Written once per change of a re-tiering (a million at a time): one allocation.
  std::string out;
  out.reserve(96);
  char digits[24];
  const auto put = [&](std::int64_t v) {
    out.append(digits, std::to_chars(digits, digits + sizeof digits, v).ptr);
  };
  for (const std::int64_t v : {std::int64_t{f.tier}, std::int64_t{f.last_month}, f.value,
                               std::int64_t{f.rank}, std::int64_t{f.ranked}, f.before, f.total}) {
    put(v);
    out += '|';
  }
  for (std::size_t k = 0; k < f.actuals.size(); ++k) {
    if (k > 0) out += ',';
    put(f.actuals[k]);
  }
  if (f.previous_value && f.previous_since) {
    out += '|';
    put(*f.previous_value);
    out += '|';
    out += FormatCivilDate(*f.previous_since);
  }
  return out;
}

std::optional<TierFacts> DecodeFacts(std::string_view text) {
  std::vector<std::string_view> parts;
  for (std::size_t start = 0;;) {
    const auto bar = text.find('|', start);
    parts.push_back(text.substr(start, bar == std::string_view::npos ? bar : bar - start));
    if (bar == std::string_view::npos) break;
    start = bar + 1;
  }
  if (parts.size() != 8 && parts.size() != 10) return std::nullopt;
  auto num = [](std::string_view p, std::int64_t& out) {
    if (p.empty()) return false;
    const auto [ptr, ec] = std::from_chars(p.data(), p.data() + p.size(), out);
    return ec == std::errc() && ptr == p.data() + p.size();
  };
  std::int64_t v[7];
  for (int k = 0; k < 7; ++k) {
    if (!num(parts[static_cast<std::size_t>(k)], v[k])) return std::nullopt;
  }
  if (v[0] < -1 || v[0] > 32767 || v[3] < 0 || v[4] < 0 || v[3] > UINT32_MAX || v[4] > UINT32_MAX ||
      v[1] < INT32_MIN || v[1] > INT32_MAX) {
    return std::nullopt;
  }
  TierFacts f;
  f.tier = static_cast<int>(v[0]);
  f.last_month = static_cast<MonthIndex>(v[1]);
  f.value = v[2];
  f.rank = static_cast<std::uint32_t>(v[3]);
  f.ranked = static_cast<std::uint32_t>(v[4]);
  f.before = v[5];
  f.total = v[6];
  if (parts.size() == 10) {
    std::int64_t previous = 0;
    if (!num(parts[8], previous)) return std::nullopt;
    f.previous_value = previous;
    f.previous_since = ParseCivilDate(parts[9]);
    if (!f.previous_since) return std::nullopt;
  }
  std::string_view rest = parts[7];
  while (!rest.empty()) {
    const auto comma = rest.find(',');
    std::int64_t a = 0;
    if (!num(rest.substr(0, comma), a)) return std::nullopt;
    f.actuals.push_back(a);
    rest = comma == std::string_view::npos ? std::string_view{} : rest.substr(comma + 1);
  }
  return f;
}

}  // namespace kams
