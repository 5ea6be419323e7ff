// How a batch of transactions is planned before it is written: the (customer, date) write
// order and the rows refused for repeating an earlier row's txn_ref.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "core/imports/transaction_writer.h"

namespace kams {
namespace {

struct Row {
  Id customer;
  const char* date;  // YYYY-MM-DD
  const char* ref;
};

std::vector<Transaction> Batch(const std::vector<Row>& rows) {
  std::vector<Transaction> out;
  for (const Row& r : rows) {
    Transaction t;
    t.customer_id = r.customer;
    t.date = *ParseCivilDate(r.date);
    t.txn_ref = r.ref;
    out.push_back(t);
  }
  return out;
}

TEST(TransactionPlanRules, OrderAndRepeatedReferences) {
  struct Case {
    const char* name;
    std::vector<Row> rows;
    std::vector<std::size_t> order;
    std::vector<std::size_t> repeated;
  };
  const Case cases[] = {
      {"empty batch", {}, {}, {}},
      {"one row", {{7, "2026-01-31", "T1"}}, {0}, {}},
      {"customers first, then dates",
       {{9, "2026-01-02", "a"}, {3, "2026-03-01", "b"}, {3, "2025-12-31", "c"}, {9, "2026-01-01", "d"}},
       {2, 1, 3, 0},
       {}},
      {"the same customer and day keep the file's order",
       {{5, "2026-02-28", "x"}, {5, "2026-02-28", "y"}, {5, "2026-02-28", "z"}},
       {0, 1, 2},
       {}},
      {"a leap day sorts between February and March",
       {{1, "2024-03-01", "m"}, {1, "2024-02-29", "l"}, {1, "2024-02-28", "k"}},
       {2, 1, 0},
       {}},
      {"a repeated reference: the first row goes in, the later ones are refused",
       {{2, "2026-05-01", "R"}, {1, "2026-05-02", "S"}, {3, "2026-05-03", "R"}, {1, "2026-05-04", "R"}},
       {1, 0},
       {2, 3}},
      {"references that differ only in case or length are different",
       {{1, "2026-01-01", "t1"}, {1, "2026-01-01", "T1"}, {1, "2026-01-01", "t10"}},
       {0, 1, 2},
       {}},
      {"years apart", {{4, "2099-12-31", "late"}, {4, "1970-01-01", "early"}}, {1, 0}, {}},
  };
  for (const Case& c : cases) {
    const auto batch = Batch(c.rows);
    const TransactionPlan plan = PlanTransactions(batch);
    EXPECT_EQ(plan.order, c.order) << c.name;
    EXPECT_EQ(plan.repeated, c.repeated) << c.name;
  }
}

TEST(TransactionPlanRules, ManyRowsWithRepeatsSpreadOverTheBatch) {
  // 100,000 rows over 1,000 customers; every 97th row repeats the reference of the row 50
  // before it. Every other row is written once, in (customer, date, position) order.
  std::vector<Transaction> batch;
  std::vector<std::size_t> expected_repeats;
  for (std::size_t i = 0; i < 100000; ++i) {
    Transaction t;
    t.customer_id = static_cast<Id>(i * 7919 % 1000 + 1);
    t.date = {2026, static_cast<int>(i % 12 + 1), static_cast<int>(i % 28 + 1)};
    t.txn_ref = "T" + std::to_string(i);
    if (i >= 50 && i % 97 == 0) {
      t.txn_ref = batch[i - 50].txn_ref;
      expected_repeats.push_back(i);
    }
    batch.push_back(t);
  }
  const TransactionPlan plan = PlanTransactions(batch);
  EXPECT_EQ(plan.repeated, expected_repeats);
  ASSERT_EQ(plan.order.size(), batch.size() - expected_repeats.size());
  for (std::size_t k = 1; k < plan.order.size(); ++k) {
    const Transaction& a = batch[plan.order[k - 1]];
    const Transaction& b = batch[plan.order[k]];
    const auto key = [](const Transaction& t, std::size_t pos) {
      return std::make_tuple(t.customer_id, DaysFromCivil(t.date), pos);
    };
    ASSERT_LT(key(a, plan.order[k - 1]), key(b, plan.order[k])) << "at " << k;
  }
}

}  // namespace
}  // namespace kams
