// Bulk imports over the API: customers by external reference, then their transactions,
// with a report of rejected rows, exact yuan→fen, duplicates refused, monthly roll-ups.
#include <gtest/gtest.h>

#include <chrono>
#include <thread>

#include "api_util.h"

namespace kams::test {
namespace {

HttpResponse PostCsv(const Client& c, const std::string& path, const std::string& csv) {
  return c.Send("POST", path, {{"Content-Type", "text/csv; charset=utf-8"}}, csv);
}

HttpResponse PostCsvAsync(const Client& c, const std::string& path, const std::string& csv) {
  return c.Send("POST", path,
                {{"Content-Type", "text/csv; charset=utf-8"}, {"Prefer", "respond-async"}}, csv);
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


// ---- import runs: every import recorded, in the background with progress, cancelled ----

// Polls an import run until it has ended (or a minute has passed).
json AwaitRun(const Client& c, Id id) {
  json run;
  for (int i = 0; i < 600; ++i) {
    run = GetJson(c, "/api/v1/imports/" + std::to_string(id));
    const std::string status = run["status"];
    if (status != "queued" && status != "running") return run;
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  ADD_FAILURE() << "import " << id << " still " << run["status"] << " after a minute";
  return run;
}

// A fresh customer by external reference, imported; returns its id.
Id ImportedCustomer(const Client& c, const std::string& ref) {
  auto r = PostCsv(c, "/api/v1/customers/import",
                   "customer_id,name,region,industry,created_at\n" + ref + "," + ref +
                       "公司,上海市,批发零售,\n");
  EXPECT_EQ(r.status, 200) << r.body;
  auto found = GetJson(c, "/api/v1/customers?q=" + UrlEncode(ref + "公司"));
  EXPECT_EQ(found["items"].size(), 1u);
  return found["items"][0]["id"].get<Id>();
}

// Orders the database holds for a customer (its monthly roll-ups).
std::int64_t OrdersOf(const Client& c, Id customer) {
  std::int64_t orders = 0;
  const json months = GetJson(c, CustomerPath(customer) + "/months");
  for (const auto& m : months["items"]) {
    orders += m["orders"].get<std::int64_t>();
  }
  return orders;
}

// `rows` transactions of one customer, 1 yuan each, all in October 2026.
std::string TransactionsCsv(const std::string& txn_prefix, const std::string& ref, int rows) {
  std::string csv = "txn_id,customer_id,date,amount\n";
  csv.reserve(static_cast<std::size_t>(rows) * 48);
  for (int i = 0; i < rows; ++i) {
    csv += txn_prefix + std::to_string(i) + "," + ref + ",2026-10-" +
           (i % 28 < 9 ? "0" : "") + std::to_string(i % 28 + 1) + ",1\n";
  }
  return csv;
}

TEST(ImportRuns, EveryImportIsARunThatKeepsItsReport) {
  const Client& spec = As("specialist");
  const std::string p = Unique("RUN");
  const Id customer = ImportedCustomer(spec, p);
  const std::string csv = "txn_id,customer_id,date,amount\n" + p + "-1," + p + ",2026-10-01,5\n" +
                          p + "-2,NOPE,2026-10-01,5\n" + p + "-3," + p + ",2026-10-02,x\n";
  auto r = spec.Send("POST", "/api/v1/transactions/import?file_name=" + UrlEncode("十月 订单.csv"),
                     {{"Content-Type", "text/csv"}}, csv);
  const json report = ReportOf(r);
  const Id id = report["id"].get<Id>();
  ASSERT_GT(id, 0);

  const json run = GetJson(spec, "/api/v1/imports/" + std::to_string(id));
  EXPECT_EQ(run["kind"], "transactions");
  EXPECT_EQ(run["status"], "succeeded");
  EXPECT_EQ(run["file_name"], "十月 订单.csv");
  EXPECT_EQ(run["rows"], 3);
  EXPECT_EQ(run["imported"], 1);
  EXPECT_EQ(run["rejected"], 2);
  EXPECT_EQ(run["bytes_total"], static_cast<std::int64_t>(csv.size()));
  EXPECT_EQ(run["bytes_done"], run["bytes_total"]);
  EXPECT_EQ(run["created_by"], spec.user["id"]);
  EXPECT_FALSE(run["created_by_name"].get<std::string>().empty());
  EXPECT_FALSE(run["finished_at"].is_null());
  EXPECT_TRUE(run["error"].is_null());
  ASSERT_EQ(run["rejects"].size(), 2u);
  EXPECT_EQ(run["rejects"][0]["line"], 3);
  EXPECT_EQ(run["rejects"][0]["column"], "customer_id");
  EXPECT_EQ(run["rejects"][1]["line"], 4);
  EXPECT_EQ(run["rejects"][1]["column"], "amount");
  EXPECT_EQ(OrdersOf(spec, customer), 1);

  // Newest first; filters; lists leave the rejected rows out.
  const json list = GetJson(spec, "/api/v1/imports?kind=transactions&status=succeeded&limit=5");
  ASSERT_FALSE(list["items"].empty());
  EXPECT_EQ(list["items"][0]["id"], id);
  EXPECT_FALSE(list["items"][0].contains("rejects"));
  const json customer_runs = GetJson(spec, "/api/v1/imports?kind=customers");
  for (const auto& item : customer_runs["items"]) {
    EXPECT_EQ(item["kind"], "customers");
  }
  // The start and the end are in the audit log, next to the batch.
  const json audit = GetJson(As("admin"), "/api/v1/audit?entity=import_run&entity_id=" + std::to_string(id));
  std::set<std::string> actions;
  for (const auto& row : audit["items"]) actions.insert(row["action"].get<std::string>());
  EXPECT_TRUE(actions.count("import.start")) << audit.dump();
  EXPECT_TRUE(actions.count("import.finish")) << audit.dump();
}

TEST(ImportRuns, InTheBackgroundTheRunIsQueuedThenPolledToItsEnd) {
  const Client& admin = As("admin");
  const std::string p = Unique("BG");
  const Id customer = ImportedCustomer(admin, p);
  const int rows = 50'000;  // three batches
  auto r = PostCsvAsync(admin, "/api/v1/transactions/import?file_name=bg.csv",
                        TransactionsCsv(p + "-", p, rows) + "," + p + ",2026-10-01,1\n");
  ASSERT_EQ(r.status, 202) << r.body;
  const json queued = r.Json();
  EXPECT_EQ(queued["status"], "queued");
  EXPECT_EQ(queued["imported"], 0);
  EXPECT_EQ(r.Header("location"), "/api/v1/imports/" + std::to_string(queued["id"].get<Id>()));
  EXPECT_EQ(r.Header("preference-applied"), "respond-async");

  // Progress only grows while it runs.
  std::int64_t last_bytes = 0;
  json run;
  for (int i = 0; i < 600; ++i) {
    run = GetJson(admin, r.Header("location"));
    EXPECT_GE(run["bytes_done"].get<std::int64_t>(), last_bytes);
    last_bytes = run["bytes_done"].get<std::int64_t>();
    if (run["status"] != "queued" && run["status"] != "running") break;
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  EXPECT_EQ(run["status"], "succeeded") << run.dump();
  EXPECT_EQ(run["rows"], rows + 1);
  EXPECT_EQ(run["imported"], rows);
  EXPECT_EQ(run["rejected"], 1);
  ASSERT_EQ(run["rejects"].size(), 1u);
  EXPECT_EQ(run["rejects"][0]["line"], rows + 2);
  EXPECT_EQ(run["rejects"][0]["column"], "txn_id");
  EXPECT_EQ(OrdersOf(admin, customer), rows);

  // Importing the same file again refuses every row as a duplicate and adds nothing.
  auto again = PostCsvAsync(admin, "/api/v1/transactions/import", TransactionsCsv(p + "-", p, 100));
  ASSERT_EQ(again.status, 202) << again.body;
  const json second = AwaitRun(admin, again.Json()["id"].get<Id>());
  EXPECT_EQ(second["status"], "succeeded");
  EXPECT_EQ(second["imported"], 0);
  EXPECT_EQ(second["rejected"], 100);
  EXPECT_EQ(OrdersOf(admin, customer), rows);
}

TEST(ImportRuns, CancellingStopsAfterTheBatchAndKeepsExactlyWhatWasImported) {
  const Client& admin = As("admin");
  const std::string p = Unique("CX");
  const Id first_customer = ImportedCustomer(admin, p + "A");
  const Id second_customer = ImportedCustomer(admin, p + "B");
  const int rows = 300'000;  // 15 batches each: neither ends before its cancel arrives
  auto first = PostCsvAsync(admin, "/api/v1/transactions/import",
                            TransactionsCsv(p + "A-", p + "A", rows));
  auto second = PostCsvAsync(admin, "/api/v1/transactions/import",
                             TransactionsCsv(p + "B-", p + "B", rows));
  ASSERT_EQ(first.status, 202) << first.body;
  ASSERT_EQ(second.status, 202) << second.body;
  const Id first_id = first.Json()["id"].get<Id>();
  const Id second_id = second.Json()["id"].get<Id>();

  // The second waits behind the first: cancelling it ends it at once, before it starts.
  auto cancel2 = admin.Post("/api/v1/imports/" + std::to_string(second_id) + "/cancel", json::object());
  ASSERT_EQ(cancel2.status, 200) << cancel2.body;
  auto cancel1 = admin.Post("/api/v1/imports/" + std::to_string(first_id) + "/cancel", json::object());
  ASSERT_EQ(cancel1.status, 200) << cancel1.body;
  EXPECT_TRUE(cancel1.Json()["cancel_requested"].get<bool>());

  const json one = AwaitRun(admin, first_id);
  const json two = AwaitRun(admin, second_id);
  EXPECT_EQ(one["status"], "cancelled") << one.dump();
  EXPECT_EQ(two["status"], "cancelled") << two.dump();
  EXPECT_LT(one["imported"].get<std::int64_t>(), rows);
  // What a run says it imported is exactly what the database holds.
  EXPECT_EQ(OrdersOf(admin, first_customer), one["imported"].get<std::int64_t>());
  EXPECT_EQ(OrdersOf(admin, second_customer), two["imported"].get<std::int64_t>());

  // A run that has ended cannot be cancelled again.
  auto again = admin.Post("/api/v1/imports/" + std::to_string(first_id) + "/cancel", json::object());
  EXPECT_EQ(again.status, 409) << again.body;
}

TEST(ImportRuns, RefusalsChangeNothing) {
  const Client& admin = As("admin");
  const auto newest = [&] {
    const json list = GetJson(admin, "/api/v1/imports?limit=1");
    return list["items"].empty() ? Id{0} : list["items"][0]["id"].get<Id>();
  };
  const Id before = newest();
  // A bad header is refused before anything is queued.
  auto bad = PostCsvAsync(admin, "/api/v1/transactions/import", "txn,customer_id,date,amount\n");
  EXPECT_EQ(bad.status, 400) << bad.body;
  auto kam = PostCsvAsync(As("kam.sh"), "/api/v1/customers/import",
                          "customer_id,name,region,industry,created_at\nK1,x,y,z,\n");
  EXPECT_EQ(kam.status, 403);
  auto long_name = admin.Send("POST", "/api/v1/customers/import?file_name=" + std::string(201, 'x'),
                              {{"Content-Type", "text/csv"}, {"Prefer", "respond-async"}},
                              "customer_id,name,region,industry,created_at\n");
  EXPECT_EQ(long_name.status, 400);
  EXPECT_TRUE(Contains(long_name.body, "file_name")) << long_name.body;
  auto unknown_param = admin.Send("POST", "/api/v1/customers/import?filename=a.csv",
                                  {{"Content-Type", "text/csv"}},
                                  "customer_id,name,region,industry,created_at\n");
  EXPECT_EQ(unknown_param.status, 400);
  EXPECT_EQ(newest(), before);

  // Import runs are for those who import.
  for (const char* user : {"kam.sh", "dir.east", "exec"}) {
    EXPECT_EQ(As(user).Get("/api/v1/imports").status, 403) << user;
    EXPECT_EQ(As(user).Get("/api/v1/imports/1").status, 403) << user;
  }
  EXPECT_EQ(admin.Get("/api/v1/imports/999999999").status, 404);
  EXPECT_EQ(admin.Post("/api/v1/imports/999999999/cancel", json::object()).status, 404);
  EXPECT_EQ(admin.Get("/api/v1/imports?status=done").status, 400);
  EXPECT_EQ(admin.Get("/api/v1/imports?kind=orders").status, 400);
}

// A node that stops while it imports in the background ends the run after its batch and
// says so; what it imported stays, and any node reads the run.
TEST(ImportRuns, ANodeStoppingMidImportRecordsTheRunAsInterrupted) {
  KamsServer::Node node = KamsServer::Get().StartNode("api-import-node");
  Client admin = Client::Login("admin");
  const std::string p = Unique("STOP");
  const Id customer = ImportedCustomer(admin, p);
  Client on_node = admin;
  on_node.port = node.port;
  auto r = PostCsvAsync(on_node, "/api/v1/transactions/import", TransactionsCsv(p + "-", p, 400'000));
  ASSERT_EQ(r.status, 202) << r.body;
  const Id id = r.Json()["id"].get<Id>();
  // Wait until it has started, then stop the node.
  for (int i = 0; i < 600 && GetJson(admin, "/api/v1/imports/" + std::to_string(id))["status"] == "queued"; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  EXPECT_EQ(KamsServer::StopNode(node), 0);
  const json run = GetJson(admin, "/api/v1/imports/" + std::to_string(id));
  if (run["status"] != "succeeded") {  // a fast machine may finish first
    EXPECT_EQ(run["status"], "interrupted") << run.dump();
    EXPECT_TRUE(Contains(run["error"].get<std::string>(), "import the file again")) << run.dump();
  }
  EXPECT_EQ(OrdersOf(admin, customer), run["imported"].get<std::int64_t>());
}

// A node with an import running and four waiting refuses a fifth with 503; the refused run
// is failed, and when the node stops, the waiting runs end as interrupted: each of these ends
// with its import.finish audit row, though nothing was imported.
TEST(ImportRuns, AFullQueueRefusesAndRunsThatNeverStartAreEndedAndAudited) {
  KamsServer::Node node = KamsServer::Get().StartNode("api-import-queue");
  Client admin = Client::Login("admin");
  admin.port = node.port;
  const std::string p = Unique("QUEUE");
  const Id customer = ImportedCustomer(admin, p);
  const Id audit_before = LatestAuditId();
  // Long enough to be running while the others queue behind it.
  auto big = PostCsvAsync(admin, "/api/v1/transactions/import", TransactionsCsv(p + "-", p, 1'000'000));
  ASSERT_EQ(big.status, 202) << big.body;
  const Id big_id = big.Json()["id"].get<Id>();
  for (int i = 0; i < 600 && GetJson(admin, "/api/v1/imports/" + std::to_string(big_id))["status"] == "queued"; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  std::vector<Id> waiting;
  for (int i = 0; i < 4; ++i) {
    auto r = PostCsvAsync(admin, "/api/v1/transactions/import",
                          TransactionsCsv(p + "-w" + std::to_string(i) + "-", p, 10));
    ASSERT_EQ(r.status, 202) << r.body;
    waiting.push_back(r.Json()["id"].get<Id>());
  }
  auto refused = PostCsvAsync(admin, "/api/v1/transactions/import?file_name=fifth.csv",
                              TransactionsCsv(p + "-x-", p, 10));
  const json big_now = GetJson(admin, "/api/v1/imports/" + std::to_string(big_id));
  ASSERT_EQ(big_now["status"], "running") << "the long import ended before the queue filled";
  EXPECT_EQ(refused.status, 503) << refused.body;
  EXPECT_TRUE(Contains(refused.body, "imports waiting")) << refused.body;
  // The refused run says why, and is audited as ended.
  const json failed = GetJson(admin, "/api/v1/imports?status=failed&limit=1")["items"][0];
  EXPECT_EQ(failed["file_name"], "fifth.csv");
  EXPECT_EQ(failed["imported"], 0);
  EXPECT_TRUE(Contains(failed["error"].get<std::string>(), "nothing was imported")) << failed.dump();

  EXPECT_EQ(KamsServer::StopNode(node), 0);
  Client main_admin = Client::Login("admin");
  for (Id id : waiting) {
    const json run = GetJson(main_admin, "/api/v1/imports/" + std::to_string(id));
    EXPECT_EQ(run["status"], "interrupted") << run.dump();
    EXPECT_EQ(run["imported"], 0);
    EXPECT_TRUE(Contains(run["error"].get<std::string>(), "before the import started")) << run.dump();
  }
  std::map<Id, std::string> finished;
  for (const auto& row : AuditSince(audit_before, "action=import.finish")) {
    finished[row["entity_id"].get<Id>()] = Changes(row).at("status").second.get<std::string>();
  }
  EXPECT_EQ(finished[failed["id"].get<Id>()], "failed");
  for (Id id : waiting) EXPECT_EQ(finished[id], "interrupted") << id;
  EXPECT_EQ(finished.count(big_id), 1u);  // interrupted after its batch (or, fast, succeeded)
  const json big_end = GetJson(main_admin, "/api/v1/imports/" + std::to_string(big_id));
  EXPECT_EQ(OrdersOf(main_admin, customer), big_end["imported"].get<std::int64_t>());
}

}  // namespace
}  // namespace kams::test
