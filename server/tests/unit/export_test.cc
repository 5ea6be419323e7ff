// Exports: formula neutralising, CSV quoting, the XLSX archive, the customer row.
#include "core/exports/customer_export.h"
#include "core/exports/export_service.h"
#include "core/exports/table_writer.h"

#include <gtest/gtest.h>

#include "zip_reader.h"

namespace kams {
namespace {

using test::ParseCsv;
using test::ReadZip;

TEST(ExportRules, CellsThatWouldStartAFormulaGetAnApostrophe) {
  const struct {
    const char* in;
    const char* out;
  } cases[] = {
      {"=1+1", "'=1+1"},
      {"+86 10 1234", "'+86 10 1234"},
      {"-5", "'-5"},
      {"@SUM(A1)", "'@SUM(A1)"},
      {"\tx", "'\tx"},
      {"\rx", "'\rx"},
      {"苏州=供电", "苏州=供电"},
      {" =x", " =x"},
      {"'=x", "'=x"},
      {"", ""},
      {"普通客户", "普通客户"},
  };
  for (const auto& c : cases) EXPECT_EQ(NeutraliseCell(c.in), c.out) << c.in;
}

TEST(ExportRules, ColumnLettersCountLikeASpreadsheet) {
  const std::pair<std::size_t, const char*> cases[] = {
      {0, "A"}, {25, "Z"}, {26, "AA"}, {27, "AB"}, {51, "AZ"}, {52, "BA"}, {701, "ZZ"}, {702, "AAA"}};
  for (const auto& [i, s] : cases) EXPECT_EQ(ColumnLetters(i), s) << i;
}

TEST(ExportRules, FenAreWrittenAsYuanExactly) {
  const std::pair<std::int64_t, const char*> cases[] = {
      {0, "0.00"},           {5, "0.05"},
      {-5, "-0.05"},         {123456, "1234.56"},
      {-100, "-1.00"},       {INT64_MAX, "92233720368547758.07"},
      {INT64_MIN, "-92233720368547758.08"}};
  for (const auto& [fen, s] : cases) EXPECT_EQ(FenAsYuan(fen), s) << fen;
}

TEST(ExportRules, TimesAreChinaTimeToTheMinute) {
  // 2026-11-24T10:30:59Z is 18:30 in China; 16:00Z is past midnight there.
  EXPECT_EQ(BusinessDateTime(1795516259LL * kMicrosPerSecond), "2026-11-24 18:30");
  EXPECT_EQ(BusinessDateTime(1795536000LL * kMicrosPerSecond), "2026-11-25 00:00");
  EXPECT_EQ(BusinessDateTime(-1), "1970-01-01 07:59");
  EXPECT_EQ(ExportFileName(1795516259LL * kMicrosPerSecond, ExportFormat::kXlsx, ExportLang::kZhCn),
            "客户-20261124-1830.xlsx");
  EXPECT_EQ(ExportFileName(1795516259LL * kMicrosPerSecond, ExportFormat::kCsv, ExportLang::kEnUs),
            "customers-20261124-1830.csv");
}

std::string Write(ExportFormat f, const std::vector<std::string>& header,
                  const std::vector<std::vector<ExportCell>>& rows) {
  std::string out;
  auto w = MakeTableWriter(f, [&out](std::string_view b) { out.append(b); }, "客户");
  w->Header(header);
  for (const auto& r : rows) w->Row(r);
  w->Finish();
  return out;
}

TEST(ExportRules, CsvIsUtf8WithBomQuotedWhereNeededAndCrlf) {
  const std::string csv =
      Write(ExportFormat::kCsv, {"名称", "金额"},
            {{ExportCell::Text("a,b"), ExportCell::Number("-1.50")},
             {ExportCell::Text("说 \"引号\"\n换行"), ExportCell::Empty()},
             {ExportCell::Text("=cmd|' /C calc'!A0"), ExportCell::Number("0")}});
  ASSERT_EQ(csv.substr(0, 3), "\xEF\xBB\xBF");
  EXPECT_EQ(csv.substr(3),
            "名称,金额\r\n"
            "\"a,b\",-1.50\r\n"
            "\"说 \"\"引号\"\"\n换行\",\r\n"
            "'=cmd|' /C calc'!A0,0\r\n");
  const auto parsed = ParseCsv(csv.substr(3));
  ASSERT_EQ(parsed.size(), 4u);
  EXPECT_EQ(parsed[2][0], "说 \"引号\"\n换行");
}

TEST(ExportRules, XlsxIsAValidArchiveWithTypedEscapedCells) {
  std::vector<std::vector<ExportCell>> rows;
  for (int i = 0; i < 5000; ++i) {  // several deflate chunks
    rows.push_back({ExportCell::Number(std::to_string(i)), ExportCell::Text("客户<" + std::to_string(i) + ">&"),
                    ExportCell::Empty(), ExportCell::Text("@x\x01y")});
  }
  const std::string xlsx = Write(ExportFormat::kXlsx, {"编号", "名称", "空", "备注"}, rows);
  const auto parts = ReadZip(xlsx);  // checks every CRC and size
  for (const char* name : {"[Content_Types].xml", "_rels/.rels", "xl/workbook.xml",
                           "xl/_rels/workbook.xml.rels", "xl/styles.xml", "xl/worksheets/sheet1.xml"}) {
    EXPECT_TRUE(parts.count(name)) << name;
  }
  EXPECT_NE(parts.at("xl/workbook.xml").find("<sheet name=\"客户\""), std::string::npos);
  const std::string& sheet = parts.at("xl/worksheets/sheet1.xml");
  EXPECT_NE(sheet.find(R"(<row r="1"><c r="A1" s="1" t="inlineStr"><is><t xml:space="preserve">编号</t>)"),
            std::string::npos);
  EXPECT_NE(sheet.find(R"(<row r="5001"><c r="A5001"><v>4999</v></c><c r="B5001" t="inlineStr"><is><t xml:space="preserve">客户&lt;4999&gt;&amp;</t></is></c><c r="D5001" t="inlineStr"><is><t xml:space="preserve">'@xy</t></is></c></row>)"),
            std::string::npos);
  EXPECT_EQ(sheet.find("<row r=\"5002\""), std::string::npos);
  EXPECT_LT(xlsx.size(), sheet.size() / 4) << "the sheet is deflated";
  // Equal tables, equal files.
  EXPECT_EQ(xlsx, Write(ExportFormat::kXlsx, {"编号", "名称", "空", "备注"}, rows));
}

TEST(ExportRules, ACustomerRowFollowsTheHeaderInBothLanguages) {
  Customer c;
  c.id = 42;
  c.name = "苏州供电公司";
  c.stage = "active";
  c.is_key_account = true;
  c.tier = "A";
  c.ownership = "state_owned";
  c.loyalty = "unknown_code";
  c.annual_revenue_fen = 123456789;
  c.employees = 3200;
  c.org_unit_name = "苏州分公司";
  c.created_at = 1795516259LL * kMicrosPerSecond;
  c.updated_at = c.created_at;
  for (ExportLang lang : {ExportLang::kZhCn, ExportLang::kEnUs}) {
    const auto header = CustomerExportHeader(lang);
    const auto row = CustomerExportRow(c, lang);
    ASSERT_EQ(header.size(), row.size());
    ASSERT_EQ(header.size(), 32u);
    const auto at = [&](std::string_view zh, std::string_view en) -> const ExportCell& {
      for (std::size_t i = 0; i < header.size(); ++i) {
        if (header[i] == (lang == ExportLang::kZhCn ? zh : en)) return row[i];
      }
      throw std::runtime_error("no column " + std::string(en));
    };
    const bool zh = lang == ExportLang::kZhCn;
    EXPECT_EQ(at("客户编号", "ID").kind, ExportCell::Kind::kNumber);
    EXPECT_EQ(at("客户编号", "ID").value, "42");
    EXPECT_EQ(at("客户阶段", "Stage").value, zh ? "现实客户" : "Active customer");
    EXPECT_EQ(at("大客户", "Key account").value, zh ? "是" : "Yes");
    EXPECT_EQ(at("所有制", "Ownership").value, zh ? "国有" : "State-owned");
    EXPECT_EQ(at("忠诚度", "Loyalty").value, "unknown_code");
    EXPECT_EQ(at("年营业额（元）", "Annual revenue (yuan)").value, "1234567.89");
    EXPECT_EQ(at("员工人数", "Employees").kind, ExportCell::Kind::kNumber);
    EXPECT_EQ(at("大客户经理", "KAM").kind, ExportCell::Kind::kEmpty);
    EXPECT_EQ(at("账期（天）", "Payment terms (days)").kind, ExportCell::Kind::kEmpty);
    EXPECT_EQ(at("所属组织", "Org unit").value, "苏州分公司");
    EXPECT_EQ(at("创建时间", "Created").value, "2026-11-24 18:30");
  }
}

}  // namespace
}  // namespace kams
