#include "app/demo/demo_transactions.h"

#include <algorithm>
#include <array>
#include <string_view>

#include "app/demo/demo_rng.h"

namespace kams::demo {
namespace {

constexpr std::int64_t kYuan = 100;  // fen

// 2^(k/16) in parts per 10,000, k = 0..15: log-uniform amounts without floating point.
constexpr std::array<std::int64_t, 16> kSixteenthOctave = {10000, 10443, 10905, 11388, 11892, 12419,
                                                           12968, 13543, 14142, 14768, 15422, 16105,
                                                           16818, 17563, 18340, 19152};

// v × 2^(steps / 16).
std::int64_t ScaleOctaves(std::int64_t v, int steps) {
  return (v << (steps / 16)) * kSixteenthOctave[static_cast<std::size_t>(steps % 16)] / 10000;
}

// Log-uniform in [lo, hi] (to 1/16 of an octave): as many customers between ¥10k and ¥20k
// as between ¥100k and ¥200k, the shape of real spending.
std::int64_t LogUniform(Rng& rng, std::int64_t lo, std::int64_t hi) {
  int steps = 0;
  while (ScaleOctaves(lo, steps + 1) <= hi) ++steps;
  return ScaleOctaves(lo, rng.Range(0, steps));
}

// Seasonal demand in percent, January first: Spring Festival in February, the National Day
// week in October, budgets spent before the year ends.
constexpr std::array<int, 12> kSeason = {95, 65, 105, 100, 100, 110, 95, 95, 105, 90, 105, 135};

constexpr std::array<std::string_view, 10> kProducts = {
    "设备采购", "备品备件", "运维服务", "技术咨询", "软件许可",
    "工程项目", "培训服务", "耗材",     "系统集成", "延保服务"};

// How one customer buys over the window.
struct Profile {
  std::int64_t base_fen = 0;  // monthly spend at the start of the window
  int growth_permille = 0;    // change per month
  int orders_per_month = 1;
  int skip_percent = 0;  // months without any order
  int first_month = 0;   // window months before it are empty (a new customer)
  int stop_month = -1;   // from this window month on nothing (a lost customer); -1 never
};

Profile MakeProfile(Rng& rng, const DemoCustomer& c, int months) {
  Profile p;
  const int trend = static_cast<int>(rng.Uniform(100));
  if (c.is_key_account) {
    // ¥60k–¥900k a month: about ¥0.7 M–¥11 M a year, most above the ¥1 M key-account line.
    p.base_fen = LogUniform(rng, 60000 * kYuan, 900000 * kYuan);
    p.growth_permille = trend < 55   ? rng.Range(-5, 5)
                        : trend < 80 ? rng.Range(15, 40)
                                     : rng.Range(-45, -15);
    p.orders_per_month =
        static_cast<int>(std::clamp<std::int64_t>(p.base_fen / (50000 * kYuan), 2, 14)) +
        rng.Range(-1, 2);
    p.skip_percent = 2;
  } else {
    // Heavy tail: most buy a little, a few buy like key accounts.
    const int size = static_cast<int>(rng.Uniform(100));
    p.base_fen = size < 70   ? LogUniform(rng, 1000 * kYuan, 15000 * kYuan)
                 : size < 95 ? LogUniform(rng, 15000 * kYuan, 60000 * kYuan)
                             : LogUniform(rng, 60000 * kYuan, 150000 * kYuan);
    p.growth_permille = trend < 60   ? rng.Range(-5, 5)
                        : trend < 85 ? rng.Range(20, 60)
                                     : rng.Range(-60, -20);
    p.orders_per_month = 1 + (rng.Percent(30) ? 1 : 0) + (rng.Percent(10) ? 1 : 0);
    p.skip_percent = 12;
    const int fate = static_cast<int>(rng.Uniform(100));
    if (fate < 4 && months > 12) {
      p.stop_month = rng.Range(months - 12, months - 1);
    } else if (fate < 12 && months > 6) {
      p.first_month = rng.Range(1, months - 6);
    }
  }
  p.orders_per_month = std::max(p.orders_per_month, 1);
  return p;
}

void AppendPadded(std::string& out, int v, int width) {
  std::string digits = std::to_string(v);
  if (static_cast<int>(digits.size()) < width)
    out.append(static_cast<std::size_t>(width) - digits.size(), '0');
  out.append(digits);
}

}  // namespace

std::vector<DemoTransaction> GenerateDemoTransactions(std::uint64_t seed,
                                                      const DemoCompany& company, int last_year,
                                                      int last_month, int months) {
  std::vector<DemoTransaction> out;
  if (months <= 0) return out;
  const int last_index = last_year * 12 + (last_month - 1);
  for (std::size_t i = 0; i < company.customers.size(); ++i) {
    const DemoCustomer& c = company.customers[i];
    if (c.stage != "active") continue;
    // A stream of its own per customer, apart from the company's, so transactions never shift
    // the company's fields (or one customer's another's).
    Rng rng(Finalize64(seed * 0x9FB21C651E98DF25ULL + Finalize64(i + 0x7A3DULL)));
    if (rng.Percent(c.is_key_account ? 2 : 10)) continue;  // dormant: no orders in the window
    const Profile p = MakeProfile(rng, c, months);
    std::int64_t trend_ppm = 1000000;
    for (int k = 0; k < months; ++k) {
      if (k > 0) trend_ppm = trend_ppm * (1000 + p.growth_permille) / 1000;
      const int index = last_index - (months - 1) + k;
      const int year = index / 12, month = index % 12 + 1;
      if (k < p.first_month || (p.stop_month >= 0 && k >= p.stop_month)) continue;
      if (rng.Percent(p.skip_percent)) continue;
      std::int64_t amount = p.base_fen * trend_ppm / 1000000;
      amount = amount * kSeason[static_cast<std::size_t>(month - 1)] / 100;
      amount = amount * rng.Range(75, 125) / 100;
      const int orders = std::max(1, p.orders_per_month + rng.Range(-1, 1));
      if (amount < orders * 100 * kYuan) continue;  // too small to split into real orders
      // Split the month into orders by random weights; whole yuan but the last.
      std::array<int, 20> weights{};
      int total_weight = 0;
      for (int o = 0; o < orders; ++o)
        total_weight += weights[static_cast<std::size_t>(o)] = rng.Range(1, 10);
      std::int64_t left = amount;
      for (int o = 0; o < orders; ++o) {
        std::int64_t part = left;
        if (o + 1 < orders) {
          part = amount * weights[static_cast<std::size_t>(o)] / total_weight / kYuan * kYuan;
          left -= part;
        }
        DemoTransaction& t = out.emplace_back();
        t.customer_index = static_cast<std::uint32_t>(i);
        t.txn_ref = "DEMO-" + c.external_ref + "-";
        AppendPadded(t.txn_ref, year, 4);
        AppendPadded(t.txn_ref, month, 2);
        t.txn_ref += "-";
        AppendPadded(t.txn_ref, o + 1, 2);
        t.year = year;
        t.month = month;
        t.day = rng.Range(1, 28);
        t.amount_fen = part;
        t.margin_fen = part * rng.Range(8, 30) / 100;
        t.product = std::string(rng.Pick(kProducts));
        t.order_ref = "PO";
        AppendPadded(t.order_ref, year, 4);
        AppendPadded(t.order_ref, month, 2);
        AppendPadded(t.order_ref, static_cast<int>(i % 100000), 5);
        AppendPadded(t.order_ref, o + 1, 2);
      }
    }
  }
  return out;
}

}  // namespace kams::demo
