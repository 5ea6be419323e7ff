// Bulk imports over the API: customers by external reference, then their transactions,
// with a report of rejected rows, exact yuan→fen, duplicates refused, monthly roll-ups.
#include <gtest/gtest.h>

#include "api_util.h"

namespace kams::test {
namespace {

HttpResponse PostCsv(const Client& c, const std::string& path, const std::string& csv) {
  return c.Send("POST", path, {{"Content-Type", "text/csv; charset=utf-8"}}, csv);
}

json ReportOf(const HttpResponse& r) {
  EXPECT_EQ(r.status, 200) << r.body;
  return r.Json();
}

std::map<std::int64_t, std::string> RejectsByLine(const json& report) {
  std::map<std::int64_t, std::string> out;
  for (const auto& r : report["rejects"]) {
    out[r["line"].get<std::int64_t>()] = r["column"].get<std::string>() + ": " +
                                         r["reason"].get<std::string>();
  }
  return out;
}

TEST(Import, CustomersThenTransactionsWithRejectsAndRollups) {
  const Client& admin = As("specialist");
  const std::string p = Unique("IMP");  // keeps references unique across runs
  const std::string customers =
      "customer_id,name,region,industry,created_at\r\n" +
      p + "1,\"苏州供电公司, 工业园区\",江苏省苏州市,电力能源,2024-03-01\r\n" +
      p + "2,上海精密机械有限公司,上海市,机械制造,\r\n" +
      ",无编号客户,上海市,机械制造,\r\n" +                       // line 4: no id
      p + "3,,上海市,机械制造,\r\n" +                              // line 5: no name
      p + "4,坏日期客户,上海市,机械制造,2024-02-30\r\n" +          // line 6: bad date
      p + "1,重复客户,上海市,机械制造,\r\n" +                      // line 7: duplicate id
      p + "5,列数不对\r\n";                                        // line 8: columns
  json report = ReportOf(PostCsv(admin, "/api/v1/customers/import", customers));
  EXPECT_EQ(report["rows"], 7);
  EXPECT_EQ(report["imported"], 2);
  EXPECT_EQ(report["rejected"], 5);
  auto rejects = RejectsByLine(report);
  EXPECT_EQ(rejects[4], "customer_id: required");
  EXPECT_EQ(rejects[5], "name: required");
  EXPECT_TRUE(Contains(rejects[6], "created_at")) << rejects[6];
  EXPECT_TRUE(Contains(rejects[7], "duplicate")) << rejects[7];
  EXPECT_TRUE(Contains(rejects[8], "expected 5 columns")) << rejects[8];

  auto found = GetJson(admin, "/api/v1/customers?q=" + UrlEncode("苏州供电公司, 工业园区"));
  ASSERT_EQ(found["items"].size(), 1u);
  const json suzhou = found["items"][0];
  EXPECT_EQ(suzhou["external_ref"], p + "1");
  EXPECT_EQ(suzhou["region"], "江苏省苏州市");
  EXPECT_EQ(suzhou["created_at"], "2024-03-01T00:00:00Z");

  const std::string txns =
      "txn_id,customer_id,date,amount,margin\n" +
      p + "-T1," + p + "1,2026-10-08,12500.50,2000\n" +
      p + "-T2," + p + "1,2026-10-31,0.05,\n" +
      p + "-T3," + p + "1,2026-09-01,100,10.5\n" +
      p + "-T4," + p + "2,2026-10-15,-20.10,\n" +            // a refund is a negative amount
      p + "-T5,NOPE,2026-10-15,1,\n" +                          // line 6: unknown customer
      p + "-T6," + p + "1,2026-13-01,1,\n" +                    // line 7: bad date
      p + "-T7," + p + "1,2026-10-01,12.345,\n" +               // line 8: 3 decimals
      p + "-T8," + p + "1,2026-10-01,1e3,\n" +                  // line 9: exponent
      p + "-T1," + p + "1,2026-10-09,99,\n" +                   // line 10: same txn_id
      "," + p + "1,2026-10-01,1,\n";                            // line 11: no txn_id
  report = ReportOf(PostCsv(admin, "/api/v1/transactions/import", txns));
  EXPECT_EQ(report["rows"], 10);
  EXPECT_EQ(report["imported"], 4);
  EXPECT_EQ(report["rejected"], 6);
  rejects = RejectsByLine(report);
  EXPECT_EQ(rejects[6], "customer_id: no customer with this id");
  EXPECT_EQ(rejects[7], "date: not a date (YYYY-MM-DD)");
  EXPECT_TRUE(Contains(rejects[8], "amount")) << rejects[8];
  EXPECT_TRUE(Contains(rejects[9], "amount")) << rejects[9];
  EXPECT_EQ(rejects[10], "txn_id: duplicate: already imported");
  EXPECT_EQ(rejects[11], "txn_id: required");

  auto months = GetJson(admin, CustomerPath(suzhou["id"]) + "/months")["items"];
  ASSERT_EQ(months.size(), 2u);
  EXPECT_EQ(months[0], json({{"month", "2026-09"}, {"revenue_fen", 10000}, {"orders", 1},
                             {"margin_fen", 1050}}));
  EXPECT_EQ(months[1], json({{"month", "2026-10"}, {"revenue_fen", 1250055}, {"orders", 2},
                             {"margin_fen", 200000}}));

  // Importing the same file again counts nothing twice.
  report = ReportOf(PostCsv(admin, "/api/v1/transactions/import", txns));
  EXPECT_EQ(report["imported"], 0);
  EXPECT_EQ(GetJson(admin, CustomerPath(suzhou["id"]) + "/months")["items"], months);

  // Each batch is audited.
  EXPECT_FALSE(AuditRows("action=transaction.import", 5).empty());
  EXPECT_FALSE(AuditRows("action=customer.import", 5).empty());
}

TEST(Import, RefusedWholesaleForBadHeadersRolesAndContentTypes) {
  const Client& admin = As("admin");
  auto bad_header = PostCsv(admin, "/api/v1/transactions/import", "txn,customer_id,date,amount\n");
  EXPECT_EQ(bad_header.status, 400);
  EXPECT_TRUE(Contains(bad_header.body, "unknown_column")) << bad_header.body;
  auto missing = PostCsv(admin, "/api/v1/transactions/import", "txn_id,customer_id,date\n");
  EXPECT_EQ(missing.status, 400);
  EXPECT_TRUE(Contains(missing.body, "missing_column: amount")) << missing.body;
  EXPECT_EQ(PostCsv(admin, "/api/v1/customers/import", "").status, 400);
  auto json_body = admin.Post("/api/v1/transactions/import", json::object());
  EXPECT_EQ(json_body.status, 400);
  // Only admins and specialists import; the refusal is audited.
  auto kam = PostCsv(As("kam.sh"), "/api/v1/customers/import",
                     "customer_id,name,region,industry,created_at\nK1,x,y,z,\n");
  EXPECT_EQ(kam.status, 403);
  EXPECT_EQ(As("kam.sh").Get(CustomerPath(999999999) + "/months").status, 404);
}

TEST(Import, LargeImportBodiesAreAcceptedOnlyOnImportRoutes) {
  std::string csv = "customer_id,name,region,industry,created_at\n";
  const std::string p = Unique("BIG");
  for (int i = 0; csv.size() < 1'200'000; ++i) {
    csv += p + "-" + std::to_string(i) + ",批量导入客户" + std::to_string(i) + ",上海市,批发零售,\n";
  }
  auto report = ReportOf(PostCsv(As("admin"), "/api/v1/customers/import", csv));
  EXPECT_EQ(report["rejected"], 0);
  EXPECT_EQ(report["imported"], report["rows"]);
  EXPECT_EQ(As("admin").PostRaw("/api/v1/customers", csv, "text/csv").status, 413);
}

}  // namespace
}  // namespace kams::test
