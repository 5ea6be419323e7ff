#pragma once
// The customer list as a spreadsheet (客户导出): one row per dossier, its columns and their
// headings in the reader's language, coded values (stage, ownership, …) in words.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/customers/customer.h"
#include "core/exports/table_writer.h"

namespace kams {

enum class ExportLang { kZhCn, kEnUs };
std::optional<ExportLang> ParseExportLang(std::string_view text);  // "zh-CN" | "en-US"

std::vector<std::string> CustomerExportHeader(ExportLang lang);
// The cells of one customer, in the header's order.
std::vector<ExportCell> CustomerExportRow(const Customer& c, ExportLang lang);
// The sheet's name: 客户 / Customers.
std::string CustomerExportSheetName(ExportLang lang);

// Money in fen as yuan with two decimals: 123456 → "1234.56", -5 → "-0.05".
std::string FenAsYuan(std::int64_t fen);
// An instant as China time to the minute: "2026-11-24 18:30".
std::string BusinessDateTime(Timestamp t);

}  // namespace kams
