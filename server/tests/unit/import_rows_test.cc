// The pure half of the CSV imports: headers, and each row turned into a customer or a
// transaction or refused with its column and reason.
#include "core/imports/import_rows.h"

#include <gtest/gtest.h>

namespace kams {
namespace {

Principal Specialist() {
  Principal who;
  who.user_id = 7;
  who.role = Role::kSpecialist;
  who.org_unit_id = 2;
  return who;
}

constexpr Timestamp kNow = 1'780'000'000'000'000;

// "column: reason" of each data row of `csv`, "ok" for rows accepted.
template <class Columns, class ReadRow>
std::vector<std::string> Outcomes(std::string_view csv, Result<Columns> (*read_header)(CsvReader&),
                                  ReadRow read_row) {
  CsvReader reader(csv);
  auto columns = read_header(reader);
  EXPECT_TRUE(columns.ok());
  std::vector<std::string> out;
  if (!columns.ok()) return out;
  std::vector<std::string> fields;
  while (reader.Next(fields)) {
    auto problem = read_row(reader, fields, *columns);
    out.push_back(problem ? problem->column + ": " + problem->reason : "ok");
  }
  return out;
}

TEST(ImportHeader, NamesEveryColumnOnceInAnyOrder) {
  struct Case {
    const char* csv;
    std::string problem;  // "" when the header is good
  };
  const Case customers[] = {
      {"customer_id,name,region,industry,created_at\n", ""},
      {"\xEF\xBB\xBF created_at ,industry,region,name,customer_id\r\n", ""},
      {"", "file:empty"},
      {"customer_id,name,region,industry\n", "header:missing_column: created_at"},
      {"customer_id,name,name,region,industry,created_at\n", "header:duplicate_column: name"},
      {"customer_id,name,region,industry,created_at,margin\n", "header:unknown_column: margin"},
  };
  for (const auto& c : customers) {
    CsvReader reader(c.csv);
    auto r = ReadCustomerHeader(reader);
    EXPECT_EQ(r.ok() ? "" : r.error().fields.at(0).field + ":" + r.error().fields.at(0).problem,
              c.problem)
        << c.csv;
  }
  CsvReader reader("order_ref,amount,date,customer_id,txn_id\n");
  auto t = ReadTransactionHeader(reader);
  ASSERT_TRUE(t.ok());
  EXPECT_EQ(t->count, 5u);
  EXPECT_EQ(t->txn, 4u);
  EXPECT_EQ(t->order_ref, std::optional<std::size_t>(0));
  EXPECT_FALSE(t->margin.has_value());
}

TEST(ImportRows, CustomersAreCheckedRowByRow) {
  const std::string csv =
      "customer_id,name,region,industry,created_at\r\n"
      "IMP1,\"苏州供电公司, 工业园区\",江苏省苏州市,电力能源,2024-03-01\r\n"
      " IMP2 ,上海精密机械有限公司,上海市,机械制造,2024-03-01T08:30:00+08:00\r\n"
      ",无编号客户,上海市,机械制造,\r\n"
      "IMP3,,上海市,机械制造,\r\n"
      "IMP4,坏日期客户,上海市,机械制造,2024-02-30\r\n"
      "IMP5,列数不对\r\n" +
      std::string(65, 'R') + ",名,r,i,\r\n"
      "IMP6,\"open,x,y,z\n";
  const auto outcomes = Outcomes(csv, ReadCustomerHeader, [](auto& reader, auto& fields, auto& columns) {
    Customer c;
    auto problem = ReadCustomerRow(reader, fields, columns, Specialist(), kNow, c);
    if (!problem) {
      EXPECT_EQ(c.org_unit_id, 2);
      EXPECT_EQ(c.created_by, std::optional<Id>(7));
      EXPECT_EQ(c.stage, "active");
      EXPECT_TRUE(ValidateCustomer(c).ok());
    }
    return problem;
  });
  EXPECT_EQ(outcomes, (std::vector<std::string>{
                          "ok", "ok", "customer_id: required", "name: required",
                          "created_at: not a date (YYYY-MM-DD) or RFC 3339 time",
                          ": expected 5 columns, got 2", "customer_id: too_long",
                          ": unterminated quoted field"}));

  CsvReader reader("customer_id,name,region,industry,created_at\n IMP2 , 上海 ,,,2024-03-01T08:30:00+08:00\n");
  auto columns = ReadCustomerHeader(reader);
  ASSERT_TRUE(columns.ok());
  std::vector<std::string> fields;
  ASSERT_TRUE(reader.Next(fields));
  Customer c;
  ASSERT_FALSE(ReadCustomerRow(reader, fields, *columns, Specialist(), kNow, c));
  EXPECT_EQ(c.external_ref, std::optional<std::string>("IMP2"));
  EXPECT_EQ(c.name, "上海");
  EXPECT_EQ(FormatRfc3339(c.created_at), "2024-03-01T00:30:00Z");
  EXPECT_EQ(c.updated_at, kNow);
}

TEST(ImportRows, TransactionsAreCheckedRowByRow) {
  const std::unordered_map<std::string, Id> customers = {{"C1", 11}, {"C2", 12}};
  const std::string csv =
      "txn_id,customer_id,date,amount,margin,product\n"
      "T1,C1,2026-10-08,12500.50,2000,变压器\n"
      "T2,C1,2026-10-31,0.05,,\n"
      "T3,C2,2026-10-15,-20.10,-0.5,\n"
      "T4,NOPE,2026-10-15,1,,\n"
      "T5,,2026-10-15,1,,\n"
      "T6,C1,2026-13-01,1,,\n"
      "T7,C1,2026-10-01,12.345,,\n"
      "T8,C1,2026-10-01,1e3,,\n"
      "T9,C1,2026-10-01,1,x,\n"
      ",C1,2026-10-01,1,,\n" +
      std::string(101, 'T') + ",C1,2026-10-01,1,,\n"
      "T10,C1,2026-10-01,1,,\xC3\x28\n"
      "T11,C1,2026-10-01,92233720368547757.99,,\n"
      "T12,C1,2026-10-01,92233720368547758,,\n";
  const auto outcomes = Outcomes(csv, ReadTransactionHeader, [&](auto& reader, auto& fields, auto& columns) {
    Transaction t;
    auto problem = ReadTransactionRow(reader, fields, columns, customers, Specialist(), kNow, t);
    if (!problem) {
      EXPECT_TRUE(t.customer_id == 11 || t.customer_id == 12);
      EXPECT_EQ(t.created_at, kNow);
    }
    return problem;
  });
  const std::string bad_amount = "not an amount in yuan with at most two decimals";
  EXPECT_EQ(outcomes, (std::vector<std::string>{
                          "ok", "ok", "ok", "customer_id: no customer with this id",
                          "customer_id: required", "date: not a date (YYYY-MM-DD)",
                          "amount: " + bad_amount, "amount: " + bad_amount, "margin: " + bad_amount,
                          "txn_id: required", "txn_id: too_long", ": not UTF-8 text", "ok",
                          "amount: " + bad_amount}));

  CsvReader reader("txn_id,customer_id,date,amount,margin\nT1,C2,2026-10-08,12500.50,-0.5\n");
  auto columns = ReadTransactionHeader(reader);
  ASSERT_TRUE(columns.ok());
  std::vector<std::string> fields;
  ASSERT_TRUE(reader.Next(fields));
  Transaction t;
  ASSERT_FALSE(ReadTransactionRow(reader, fields, *columns, customers, Specialist(), kNow, t));
  EXPECT_EQ(t.customer_id, 12);
  EXPECT_EQ(t.amount_fen, 1'250'050);
  EXPECT_EQ(t.margin_fen, std::optional<std::int64_t>(-50));
  EXPECT_EQ(FormatCivilDate(t.date), "2026-10-08");
}

}  // namespace
}  // namespace kams
