// GET /customers/export and `kams export customers`: exactly the customers the caller sees,
// with the list's filters; formula cells neutralised; the XLSX a valid workbook; only with
// data.export; every export in the audit log and in the access log; a filter matching more
// than the server's limit refused (the test server allows 1,500 rows and reads pages of 250:
// harness.cc). The file is made in a temporary file and sent from there: its length
// announced, the connection usable afterwards, nothing left open when the client goes away.
// HEAD makes no file and logs nothing.
#include <gtest/gtest.h>

#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <thread>

#include "api_util.h"
#include "zip_reader.h"

namespace kams::test {
namespace {

constexpr const char* kExport = "/api/v1/customers/export";

// The CSV's rows (header first) after its byte-order mark.
std::vector<std::vector<std::string>> CsvRows(const HttpResponse& r) {
  EXPECT_EQ(r.body.substr(0, 3), "\xEF\xBB\xBF");
  return ParseCsv(r.body.substr(3));
}

std::set<Id> FirstColumnIds(const std::vector<std::vector<std::string>>& rows) {
  std::set<Id> ids;
  for (std::size_t i = 1; i < rows.size(); ++i) ids.insert(std::stoll(rows[i].at(0)));
  return ids;
}

TEST(Exports, HoldExactlyTheCustomersTheCallerSeesWithTheListsFilters) {
  const Client& dir = As("dir.east");
  auto r = dir.Get(std::string(kExport) + "?format=csv");
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.Header("content-type"), "text/csv; charset=utf-8");
  EXPECT_EQ(r.Header("cache-control"), "no-store");
  const std::string disposition = r.Header("content-disposition");
  EXPECT_EQ(disposition.rfind("attachment; filename=\"customers-", 0), 0u) << disposition;
  // 客户- percent-encoded as UTF-8
  EXPECT_NE(disposition.find("filename*=UTF-8''%E5%AE%A2%E6%88%B7-"), std::string::npos);
  const auto rows = CsvRows(r);
  ASSERT_FALSE(rows.empty());
  EXPECT_EQ(rows[0].size(), 32u);
  EXPECT_EQ(rows[0][0], "客户编号");
  EXPECT_EQ(rows[0][2], "客户名称");
  EXPECT_EQ(std::to_string(rows.size() - 1), r.Header("x-export-rows"));
  for (const auto& row : rows) EXPECT_EQ(row.size(), 32u);
  EXPECT_EQ(FirstColumnIds(rows), IdSet(ListAll(dir, "/api/v1/customers", "", 500)));

  // The list's filters and search, the same rows; in English on request.
  const std::string query = "stage=active&is_key_account=true&sort=-name";
  auto filtered = dir.Get(std::string(kExport) + "?lang=en-US&" + query);
  ASSERT_EQ(filtered.status, 200) << filtered.body;
  const auto frows = CsvRows(filtered);
  EXPECT_EQ(frows[0][2], "Customer name");
  const auto listed = ListAll(dir, "/api/v1/customers", query, 500);
  ASSERT_FALSE(listed.empty());
  ASSERT_EQ(frows.size(), listed.size() + 1);
  for (std::size_t i = 0; i < listed.size(); ++i) {  // in the list's order
    EXPECT_EQ(frows[i + 1][0], std::to_string(listed[i]["id"].get<Id>()));
    EXPECT_EQ(frows[i + 1][3], "Active customer");
    EXPECT_EQ(frows[i + 1][4], "Yes");
  }
  EXPECT_NE(filtered.Header("content-disposition").find("filename*=UTF-8''customers-"),
            std::string::npos);
}

// The server's open files in its --temp-dir (exports being made or sent).
int OpenSpoolFiles() {
  const std::string dir = std::filesystem::canonical(KamsServer::Get().temp_dir()).string() + "/";
  int n = 0;
  const std::string fds = "/proc/" + std::to_string(KamsServer::Get().pid()) + "/fd";
  for (const auto& entry : std::filesystem::directory_iterator(fds)) {
    std::error_code ec;
    const auto target = std::filesystem::read_symlink(entry.path(), ec).string();
    if (!ec && target.rfind(dir, 0) == 0) ++n;
  }
  return n;
}

// Waits (up to 10 s) until the server holds no file in its --temp-dir open.
bool NoSpoolFileOpen() {
  for (int i = 0; i < 200; ++i) {
    if (OpenSpoolFiles() == 0) return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  return false;
}

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  return text.str();
}

TEST(Exports, SpanSeveralPagesAreSentWithTheirLengthAndKeepTheConnection) {
  const Client& admin = As("admin");
  const Id unit = UnitIdByName("华东区域");
  const std::int64_t expected = static_cast<std::int64_t>(
      ListAll(admin, "/api/v1/customers", "org_unit_id=" + std::to_string(unit), 500).size());
  ASSERT_GT(expected, 3 * 250) << "the region's export should read more than 3 pages";
  KeepAliveConnection conn(KamsServer::Get().port());
  const std::string query = std::string(kExport) + "?org_unit_id=" + std::to_string(unit);

  auto csv = conn.Send("GET", query, admin.AuthHeaders("GET"));
  ASSERT_EQ(csv.status, 200) << csv.body.substr(0, 300);
  EXPECT_EQ(csv.Header("content-length"), std::to_string(csv.body.size()));
  EXPECT_GT(csv.body.size(), 256u * 1024) << "more than one piece of the file body";
  EXPECT_EQ(csv.Header("x-export-rows"), std::to_string(expected));
  ASSERT_EQ(csv.body.substr(0, 3), "\xEF\xBB\xBF");
  ASSERT_GE(csv.body.size(), 2u);
  EXPECT_EQ(csv.body.substr(csv.body.size() - 2), "\r\n");
  const auto rows = ParseCsv(csv.body.substr(3));
  ASSERT_EQ(static_cast<std::int64_t>(rows.size()), expected + 1);
  for (const auto& row : rows) EXPECT_EQ(row.size(), 32u);
  // Every line ends CRLF: as many CRLFs as LFs outside quoted cells (none of the demo's
  // cells holds a line break).
  std::size_t lf = 0, crlf = 0;
  for (std::size_t i = 0; i < csv.body.size(); ++i) {
    if (csv.body[i] != '\n') continue;
    ++lf;
    if (i > 0 && csv.body[i - 1] == '\r') ++crlf;
  }
  EXPECT_EQ(lf, crlf);
  EXPECT_EQ(FirstColumnIds(rows),
            IdSet(ListAll(admin, "/api/v1/customers", "org_unit_id=" + std::to_string(unit), 500)));

  // The same connection: the workbook, then a JSON read.
  auto xlsx = conn.Send("GET", query + "&format=xlsx&lang=en-US", admin.AuthHeaders("GET"));
  ASSERT_EQ(xlsx.status, 200) << xlsx.body.substr(0, 300);
  EXPECT_EQ(xlsx.Header("content-length"), std::to_string(xlsx.body.size()));
  const auto parts = ReadZip(xlsx.body);  // every CRC and size checked
  const std::string& sheet = parts.at("xl/worksheets/sheet1.xml");
  std::int64_t sheet_rows = 0;
  for (std::size_t at = sheet.find("<row "); at != std::string::npos; at = sheet.find("<row ", at + 1)) {
    ++sheet_rows;
  }
  EXPECT_EQ(sheet_rows, expected + 1);
  auto me = conn.Send("GET", "/api/v1/auth/me", admin.AuthHeaders("GET"));
  EXPECT_EQ(me.status, 200);
  EXPECT_EQ(me.Json()["user"]["username"], "admin");
  EXPECT_TRUE(NoSpoolFileOpen());
}

TEST(Exports, OverTheApiHoldTheBytesOfTheCommandLinesFile) {
  // The same filter over the API (the administrator sees every customer) and from the
  // command line: the same bytes, across several pages.
  for (const char* format : {"csv", "xlsx"}) {
    auto api = As("admin").Get(std::string(kExport) + "?stage=active&format=" + format);
    ASSERT_EQ(api.status, 200) << api.body.substr(0, 300);
    EXPECT_EQ(api.Header("content-length"), std::to_string(api.body.size()));
    ASSERT_GT(std::stoll(api.Header("x-export-rows")), 3 * 250);
    const std::string out = KamsServer::Get().dir() + "/" + Unique("active") + "." + format;
    std::string printed;
    ASSERT_EQ(KamsServer::Get().RunCli({"export", "customers", "--db", KamsServer::Get().db_path(),
                                        "--out", out, "--stage", "active"},
                                       &printed),
              0)
        << printed;
    const std::string file = ReadFile(out);
    if (std::string(format) == "csv") {
      ASSERT_EQ(api.body.size(), file.size());
      const auto diff = std::mismatch(file.begin(), file.end(), api.body.begin());
      EXPECT_TRUE(diff.first == file.end()) << "first difference at byte " << (diff.first - file.begin());
    } else {
      // The parts' contents (a ZIP entry's header holds the time it was written).
      EXPECT_EQ(ReadZip(api.body), ReadZip(file));
    }
  }
}

TEST(Exports, HeadChecksTheRequestButMakesNoFileAndLogsNothing) {
  const Client& specialist = As("specialist");
  const Id before = LatestAuditId();
  auto head = specialist.Send("HEAD", std::string(kExport) + "?format=xlsx&stage=active", {}, "");
  EXPECT_EQ(head.status, 200);
  EXPECT_EQ(head.Header("content-type"),
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
  EXPECT_EQ(head.Header("content-length"), "") << "the length is unknown without the file";
  EXPECT_EQ(head.Header("x-export-rows"), "");
  EXPECT_TRUE(head.body.empty());
  const std::string head_id = head.Header("x-request-id");
  ASSERT_FALSE(head_id.empty());
  // Checked as GET would be: parameters, then the permission (a refusal audited as any is).
  EXPECT_EQ(specialist.Send("HEAD", std::string(kExport) + "?format=pdf", {}, "").status, 400);
  EXPECT_EQ(As("kam.sh").Send("HEAD", kExport, {}, "").status, 403);
  EXPECT_TRUE(AuditSince(before, "action=customer.export").empty());

  // A GET after it is in the access log (written in order, a little later): the HEAD is not.
  const std::string tag = Unique("导出HEAD");
  CreateCustomer(As("kam.sh"), {{"name", tag}});
  auto get = specialist.Get(std::string(kExport) + "?q=" + UrlEncode(tag));
  ASSERT_EQ(get.status, 200) << get.body.substr(0, 300);
  ASSERT_EQ(get.Header("x-export-rows"), "1");
  const std::string get_id = get.Header("x-request-id");
  std::int64_t logged = 0;
  for (int i = 0; i < 200 && logged == 0; ++i) {
    logged = DbInt("SELECT COUNT(*) FROM access_log WHERE request_id = '" + get_id + "'");
    if (logged == 0) std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  EXPECT_EQ(logged, std::stoll(get.Header("x-export-rows")));
  EXPECT_EQ(DbInt("SELECT COUNT(*) FROM access_log WHERE request_id = '" + head_id + "'"), 0);
  EXPECT_EQ(AuditSince(before, "action=customer.export").size(), 1u);
}

TEST(Exports, AClientGoneMidDownloadLeavesNoFileOpen) {
  const Client& admin = As("admin");
  const std::string query = std::string(kExport) + "?stage=active";
  EXPECT_TRUE(NoSpoolFileOpen());
  {
    KeepAliveConnection conn(KamsServer::Get().port());
    auto partial = conn.SendAndHangUp("GET", query, admin.AuthHeaders("GET"), 1000);
    EXPECT_EQ(partial.status, 200);
    EXPECT_GT(std::stoull(partial.Header("content-length")), 1000u);
  }
  EXPECT_TRUE(NoSpoolFileOpen()) << OpenSpoolFiles() << " files still open";
  EXPECT_TRUE(std::filesystem::is_empty(KamsServer::Get().temp_dir())) << "no named file left";
  // The server carries on.
  EXPECT_EQ(admin.Get(query + "&format=xlsx").status, 200);
  EXPECT_TRUE(NoSpoolFileOpen());
}

TEST(Exports, NeutraliseFormulasAndKeepSeparatorsInsideTheirCell) {
  const Client& kam = As("kam.sh");
  const std::string tag = Unique("导出公式");
  const json c = CreateCustomer(kam, {{"name", "=HYPERLINK(\"http://evil.example\",\"" + tag + "\")"},
                                      {"address", "+86, 上海\n浦东"},
                                      {"main_business", "-1+1"},
                                      {"business_notes", "@SUM(A1:A9)"},
                                      {"annual_revenue_fen", 123456}});
  auto r = As("specialist").Get(std::string(kExport) + "?q=" + UrlEncode(tag));
  ASSERT_EQ(r.status, 200) << r.body;
  const auto rows = CsvRows(r);
  ASSERT_EQ(rows.size(), 2u) << r.body;
  const auto& row = rows[1];
  EXPECT_EQ(row[0], std::to_string(c["id"].get<Id>()));
  EXPECT_EQ(row[2], "'=HYPERLINK(\"http://evil.example\",\"" + tag + "\")");
  EXPECT_EQ(row[11], "'+86, 上海\n浦东");
  EXPECT_EQ(row[19], "'-1+1");
  EXPECT_EQ(row[18], "1234.56");  // a number, not text: no apostrophe
  EXPECT_EQ(row[28], "'@SUM(A1:A9)");
  EXPECT_EQ(row[10], As("kam.sh").user["display_name"]);
}

TEST(Exports, XlsxIsAWorkbookWithTheSameRows) {
  const Client& kam = As("kam.sz");
  const std::string tag = Unique("导出表格");
  for (int i = 0; i < 3; ++i) {
    CreateCustomer(kam, {{"name", tag + "<" + std::to_string(i) + ">&"}});
  }
  auto r = As("admin").Get(std::string(kExport) + "?format=xlsx&lang=en-US&sort=name&q=" +
                           UrlEncode(tag));
  ASSERT_EQ(r.status, 200) << r.body;
  EXPECT_EQ(r.Header("content-type"),
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
  EXPECT_EQ(r.Header("x-export-rows"), "3");
  EXPECT_NE(r.Header("content-disposition").find(".xlsx"), std::string::npos);
  const auto parts = ReadZip(r.body);  // every CRC and size checked
  EXPECT_NE(parts.at("xl/workbook.xml").find("<sheet name=\"Customers\""), std::string::npos);
  EXPECT_TRUE(parts.count("[Content_Types].xml"));
  const std::string& sheet = parts.at("xl/worksheets/sheet1.xml");
  EXPECT_NE(sheet.find("Customer name"), std::string::npos);
  std::size_t rows = 0;
  for (std::size_t at = sheet.find("<row "); at != std::string::npos; at = sheet.find("<row ", at + 1)) {
    ++rows;
  }
  EXPECT_EQ(rows, 4u);
  EXPECT_NE(sheet.find(tag + "&lt;0&gt;&amp;"), std::string::npos);
  EXPECT_LT(sheet.find(tag + "&lt;0&gt;"), sheet.find(tag + "&lt;2&gt;")) << "sorted by name";
}

TEST(Exports, NeedTheExportPermissionAndRefusalsAreAudited) {
  for (const char* name : {"kam.sh", "asst.sh", "svc.east", "sales.sz"}) {
    const Id before = LatestAuditId();
    auto r = As(name).Get(std::string(kExport) + "?q=x");
    EXPECT_EQ(r.status, 403) << name;
    EXPECT_EQ(r.ErrorCode(), "forbidden") << name;
    EXPECT_EQ(AuditSince(before, "action=access.denied").size(), 1u) << name;
    EXPECT_TRUE(AuditSince(before, "action=customer.export").empty()) << name;
  }
  for (const char* name : {"admin", "exec", "specialist", "dir.north"}) {
    EXPECT_EQ(As(name).Get(std::string(kExport) + "?q=" + UrlEncode("不存在的客户名")).status, 200)
        << name;
  }
  // The console learns it from /me.
  const json me = GetJson(As("dir.north"), "/api/v1/auth/me");
  bool listed = false;
  for (const auto& p : me["permissions"]) listed = listed || p == "data.export";
  EXPECT_TRUE(listed);
}

TEST(Exports, AreAuditedWithFormatFilterAndRows) {
  const std::string tag = Unique("导出审计");
  CreateCustomer(As("kam.sh"), {{"name", tag}});
  const Id before = LatestAuditId();
  auto r = As("specialist").Get(std::string(kExport) + "?format=xlsx&q=" + UrlEncode(tag));
  ASSERT_EQ(r.status, 200) << r.body;
  const auto rows = AuditSince(before, "action=customer.export");
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0]["actor_id"], UserId("specialist"));
  EXPECT_EQ(rows[0]["entity"], "customer");
  const auto changes = Changes(rows[0]);
  EXPECT_EQ(changes.at("format").second, "xlsx");
  EXPECT_EQ(changes.at("rows").second, "1");
  EXPECT_EQ(changes.at("filter").second, "q=" + tag);
}

TEST(Exports, AFilterMatchingMoreThanTheLimitIsRefusedAndNothingIsLogged) {
  ASSERT_GT(DbInt("SELECT COUNT(*) FROM customer WHERE deleted_at IS NULL"), 1500);
  const Id before = LatestAuditId();
  auto r = As("admin").Get(kExport);
  EXPECT_EQ(r.status, 400) << r.body.substr(0, 300);
  EXPECT_EQ(r.ErrorCode(), "validation_failed");
  EXPECT_EQ(r.Json()["error"]["fields"]["filter"], "too_many_rows");
  EXPECT_NE(r.Json()["error"]["message"].get<std::string>().find("1500"), std::string::npos);
  EXPECT_TRUE(AuditSince(before, "action=customer.export").empty());
  // Narrowed to one region, it goes.
  auto narrowed = As("admin").Get(std::string(kExport) + "?org_unit_id=" +
                                  std::to_string(UnitIdByName("华东区域")));
  EXPECT_EQ(narrowed.status, 200) << narrowed.body.substr(0, 300);
}

TEST(Exports, RefuseBadParameters) {
  const Client& admin = As("admin");
  const std::pair<std::string, std::string> cases[] = {
      {"format=pdf", "format"},   {"lang=fr", "lang"},       {"sort=revenue", "sort"},
      {"stage=lost", "stage"},    {"owner_id=0", "owner_id"}, {"is_key_account=maybe", "is_key_account"},
  };
  for (const auto& [query, field] : cases) {
    auto r = admin.Get(std::string(kExport) + "?" + query);
    EXPECT_EQ(r.status, 400) << query;
    EXPECT_EQ(r.ErrorCode(), "validation_failed") << query;
    EXPECT_TRUE(r.Json()["error"]["fields"].contains(field)) << query << " " << r.body;
  }
  auto paged = admin.Get(std::string(kExport) + "?limit=5");
  EXPECT_EQ(paged.status, 400);
  EXPECT_EQ(paged.Json()["error"]["fields"]["limit"], "unknown_parameter");
  // A write method on the path is not an export.
  EXPECT_EQ(admin.Post(kExport, json::object()).status, 405);
}

TEST(Exports, FromTheCommandLineWriteANewFileOnceAndAreAudited) {
  const std::string tag = Unique("命令行导出");
  CreateCustomer(As("kam.sh"), {{"name", tag + "一"}});
  CreateCustomer(As("kam.sh"), {{"name", tag + "二"}});
  const std::string out = KamsServer::Get().dir() + "/" + tag + ".csv";
  const Id before = LatestAuditId();
  std::string printed;
  ASSERT_EQ(KamsServer::Get().RunCli({"export", "customers", "--db", KamsServer::Get().db_path(),
                                      "--out", out, "--q", tag},
                                     &printed),
            0)
      << printed;
  EXPECT_NE(printed.find("exported 2 customers"), std::string::npos) << printed;
  std::ifstream in(out, std::ios::binary);
  std::stringstream text;
  text << in.rdbuf();
  ASSERT_EQ(text.str().substr(0, 3), "\xEF\xBB\xBF");
  const auto rows = ParseCsv(text.str().substr(3));
  ASSERT_EQ(rows.size(), 3u);
  EXPECT_EQ(rows[1][2], tag + "一");
  EXPECT_FALSE(std::filesystem::exists(out + ".part"));
  const auto audited = AuditSince(before, "action=customer.export");
  ASSERT_EQ(audited.size(), 1u);
  EXPECT_EQ(audited[0]["actor_name"], "cli");
  EXPECT_EQ(Changes(audited[0]).at("rows").second, "2");

  // Never over an existing file.
  EXPECT_EQ(KamsServer::Get().RunCli({"export", "customers", "--db", KamsServer::Get().db_path(),
                                      "--out", out, "--q", tag},
                                     &printed),
            2);
  EXPECT_EQ(AuditSince(before, "action=customer.export").size(), 1u);
}

}  // namespace
}  // namespace kams::test
