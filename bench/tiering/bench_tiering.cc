// Tier evaluation over generated monthly roll-ups: how long ABC, stars and rules take for
// N customers (compute only: the roll-ups are already in memory, as in the server).
//
//   build/bench/bench_tiering [customers=1000000] [months=24]
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <random>

#include "core/tiering/evaluate.h"

namespace {

using Steady = std::chrono::steady_clock;

double Seconds(Steady::time_point since) {
  return std::chrono::duration<double>(Steady::now() - since).count();
}

}  // namespace

int main(int argc, char** argv) {
  using namespace kams;
  const long n = argc > 1 ? std::atol(argv[1]) : 1'000'000;
  const int months = argc > 2 ? std::atoi(argv[2]) : 24;
  const CivilDate as_of{2026, 10, 31};
  const MonthIndex last = LastWholeMonth(as_of);

  // Revenue per customer follows a heavy tail (a few large accounts); about 60% of the
  // months have activity.
  auto start = Steady::now();
  MonthlyRollups r;
  std::mt19937_64 rng(20261123);
  std::lognormal_distribution<double> size(9.0, 1.6);
  std::uniform_real_distribution<double> unit(0, 1);
  r.customer_ids.reserve(static_cast<std::size_t>(n));
  for (long i = 0; i < n; ++i) {
    r.AddCustomer(i + 1, std::to_string(100000 + i));
    const double base = size(rng);
    for (MonthIndex m = last - months + 1; m <= last; ++m) {
      if (unit(rng) < 0.4) continue;
      const auto fen = static_cast<std::int64_t>(base * (0.5 + unit(rng)) * 100);
      r.AddMonth(m, fen, 1 + static_cast<std::int64_t>(unit(rng) * 20), fen / 5);
    }
  }
  std::printf("generated %ld customers, %zu customer-months in %.2f s\n\n", n, r.month.size(),
              Seconds(start));

  TierScheme abc;
  abc.name = "ABC by revenue";
  abc.kind = SchemeKind::kAbc;
  TierScheme stars;
  stars.name = "Star level";
  stars.kind = SchemeKind::kStars;
  stars.levels = {{"3star", 3000000}, {"4star", 5000000}, {"5star", 8000000}};
  TierScheme rules;
  rules.name = "Key-account grade";
  rules.kind = SchemeKind::kRules;
  rules.rule_tiers = {
      {"strategic", true, {{Metric::kRevenue, 12, CompareOp::kGe, 500000000}}},
      {"key", false,
       {{Metric::kRevenue, 12, CompareOp::kGe, 100000000}, {Metric::kOrders, 12, CompareOp::kGe, 120}}}};

  std::printf("| scheme | customers | best of 5 | counts |\n|---|---:|---:|---|\n");
  for (const TierScheme* s : {&abc, &stars, &rules}) {
    double best = 1e9;
    Evaluation e;
    for (int k = 0; k < 5; ++k) {
      start = Steady::now();
      e = Evaluate(*s, r, as_of);
      best = std::min(best, Seconds(start));
    }
    std::string counts;
    const auto c = e.counts();
    for (std::size_t t = 0; t < c.size(); ++t) {
      counts += (t ? ", " : "") + e.tier_names[t] + " " + std::to_string(c[t]);
    }
    std::printf("| %s (%s) | %ld | %.3f s | %s |\n", s->name.c_str(),
                std::string(SchemeKindName(s->kind)).c_str(), n, best, counts.c_str());
  }
  return 0;
}
