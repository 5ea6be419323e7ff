#pragma once
// The demo's PRNG: splitmix64. Integer-only so generated data is identical on every
// platform and standard library (std::mt19937 is portable but the <random> distributions
// are not). Shared by the company and its transactions.

#include <cstdint>
#include <iterator>

namespace kams::demo {

constexpr std::uint64_t Finalize64(std::uint64_t z) {
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
  return z ^ (z >> 31);
}

class Rng {
 public:
  explicit Rng(std::uint64_t seed) : state_(seed) {}

  std::uint64_t Next() {
    state_ += 0x9E3779B97F4A7C15ULL;
    return Finalize64(state_);
  }

  // Uniform in [0, n); 0 when n == 0. Uses the multiply-shift reduction on
  // the top 32 bits; the bias (< n / 2^32) is irrelevant for demo data.
  std::uint32_t Uniform(std::uint32_t n) {
    return static_cast<std::uint32_t>(((Next() >> 32) * n) >> 32);
  }

  // Uniform in [lo, hi] (inclusive); requires lo <= hi.
  int Range(int lo, int hi) {
    return lo + static_cast<int>(Uniform(static_cast<std::uint32_t>(hi - lo + 1)));
  }

  bool Percent(int percent) { return static_cast<int>(Uniform(100)) < percent; }

  template <typename Container>
  const auto& Pick(const Container& items) {
    return items[Uniform(static_cast<std::uint32_t>(std::size(items)))];
  }

 private:
  std::uint64_t state_;
};

}  // namespace kams::demo
