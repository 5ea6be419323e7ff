#include "app/demo/demo_transactions.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <set>
#include <string>
#include <vector>

namespace kams::demo {
namespace {

const DemoCompany& Company() {
  static const DemoCompany company = GenerateDemoCompany(20261123, 2000);
  return company;
}

const std::vector<DemoTransaction>& Transactions() {
  static const std::vector<DemoTransaction> txns =
      GenerateDemoTransactions(20261123, Company(), 2026, 10, 24);
  return txns;
}

std::string Serialize(const std::vector<DemoTransaction>& txns) {
  std::string out;
  for (const auto& t : txns) {
    out += std::to_string(t.customer_index) + '|' + t.txn_ref + '|' + std::to_string(t.year) + '-' +
           std::to_string(t.month) + '-' + std::to_string(t.day) + '|' +
           std::to_string(t.amount_fen) + '|' + std::to_string(t.margin_fen) + '|' + t.product +
           '|' + t.order_ref + '\n';
  }
  return out;
}

// Revenue per customer index over window months [first, last] (0 = the oldest of 24).
std::map<std::uint32_t, std::int64_t> Revenue(int first, int last) {
  std::map<std::uint32_t, std::int64_t> out;
  const int oldest = 2026 * 12 + 9 - 23;
  for (const auto& t : Transactions()) {
    const int k = t.year * 12 + (t.month - 1) - oldest;
    if (k >= first && k <= last) out[t.customer_index] += t.amount_fen;
  }
  return out;
}

TEST(DemoTransactions, AreDeterministicAndFollowTheMonths) {
  EXPECT_EQ(Serialize(Transactions()),
            Serialize(GenerateDemoTransactions(20261123, Company(), 2026, 10, 24)));
  EXPECT_NE(Serialize(Transactions()),
            Serialize(GenerateDemoTransactions(7, Company(), 2026, 10, 24)));
  EXPECT_TRUE(GenerateDemoTransactions(20261123, Company(), 2026, 10, 0).empty());
  // Shorter windows end in the same month.
  for (const auto& t : GenerateDemoTransactions(20261123, Company(), 2026, 1, 3)) {
    const int m = t.year * 12 + t.month;
    ASSERT_GE(m, 2025 * 12 + 11) << t.txn_ref;
    ASSERT_LE(m, 2026 * 12 + 1) << t.txn_ref;
  }
}

TEST(DemoTransactions, RowsAreWellFormed) {
  const auto& txns = Transactions();
  ASSERT_GT(txns.size(), 20000u);
  std::set<std::string> refs;
  for (const auto& t : txns) {
    SCOPED_TRACE(t.txn_ref);
    ASSERT_LT(t.customer_index, Company().customers.size());
    EXPECT_EQ(Company().customers[t.customer_index].stage, "active");
    EXPECT_TRUE(refs.insert(t.txn_ref).second) << "unique refs";
    const int m = t.year * 12 + (t.month - 1);
    EXPECT_GE(m, 2026 * 12 + 9 - 23);
    EXPECT_LE(m, 2026 * 12 + 9);
    EXPECT_GE(t.day, 1);
    EXPECT_LE(t.day, 28);
    EXPECT_GT(t.amount_fen, 0);
    EXPECT_GE(t.margin_fen * 100, t.amount_fen * 8 - 100);
    EXPECT_LE(t.margin_fen * 100, t.amount_fen * 30);
    EXPECT_FALSE(t.product.empty());
  }
}

TEST(DemoTransactions, MostActiveCustomersTradeAndKeyAccountsBuyMost) {
  const auto year = Revenue(12, 23);
  int active = 0, key_accounts = 0, trading = 0, key_trading = 0;
  std::vector<std::int64_t> key_spend, other_spend;
  for (std::uint32_t i = 0; i < Company().customers.size(); ++i) {
    const DemoCustomer& c = Company().customers[i];
    if (c.stage != "active") continue;
    ++active;
    key_accounts += c.is_key_account;
    auto it = year.find(i);
    if (it == year.end()) continue;
    ++trading;
    key_trading += c.is_key_account;
    (c.is_key_account ? key_spend : other_spend).push_back(it->second);
  }
  EXPECT_GT(trading * 100, active * 80) << trading << " of " << active;
  EXPECT_GT(key_trading * 100, key_accounts * 95);
  const auto median = [](std::vector<std::int64_t> v) {
    std::nth_element(v.begin(), v.begin() + static_cast<std::ptrdiff_t>(v.size() / 2), v.end());
    return v[v.size() / 2];
  };
  // Key accounts: most above the documented ¥1 M a year; others: far below.
  EXPECT_GT(median(key_spend), 100000000);
  EXPECT_LT(median(other_spend), 30000000);
  EXPECT_GT(median(key_spend), 10 * median(other_spend));
  // A few others reach ¥1 M, so the rules find key accounts the generator did not flag.
  const auto large_others = std::count_if(other_spend.begin(), other_spend.end(),
                                          [](std::int64_t v) { return v >= 100000000; });
  EXPECT_GE(large_others, 5);

  // Heavy-tailed: the largest fifth of the customers make most of the revenue.
  std::vector<std::int64_t> all = key_spend;
  all.insert(all.end(), other_spend.begin(), other_spend.end());
  std::sort(all.rbegin(), all.rend());
  std::int64_t total = 0, top = 0;
  for (std::size_t i = 0; i < all.size(); ++i) {
    total += all[i];
    if (i < all.size() / 5) top += all[i];
  }
  EXPECT_GT(top * 100, total * 65);
}

TEST(DemoTransactions, SomeCustomersGrowSomeDeclineAndDemandIsSeasonal) {
  const auto first = Revenue(0, 11), second = Revenue(12, 23), last_quarter = Revenue(21, 23);
  int growing = 0, declining = 0, lost = 0;
  for (const auto& [i, before] : first) {
    auto it = second.find(i);
    const std::int64_t after = it == second.end() ? 0 : it->second;
    if (after * 10 > before * 14) ++growing;
    if (after * 10 < before * 7) ++declining;
    if (last_quarter.count(i) == 0) ++lost;  // bought in the first year, nothing lately
  }
  EXPECT_GE(growing, 100);
  EXPECT_GE(declining, 60);
  EXPECT_GE(lost, 10);
  // February (Spring Festival) is the weakest month of the year, December the strongest.
  std::map<int, std::int64_t> by_month;
  for (const auto& t : Transactions()) by_month[t.month] += t.amount_fen;
  for (int m = 1; m <= 12; ++m) {
    if (m != 2) {
      EXPECT_LT(by_month[2], by_month[m]) << m;
    }
    if (m != 12) {
      EXPECT_GT(by_month[12], by_month[m]) << m;
    }
  }
}

}  // namespace
}  // namespace kams::demo
