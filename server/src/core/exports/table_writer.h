#pragma once
// Writing a table (a header row, then rows) as CSV or XLSX, streamed to a byte sink: an
// export never holds more than a chunk of the file it writes beyond what the sink keeps.
//
// Text cells that a spreadsheet would read as a formula — starting with = + - @, a tab or a
// carriage return — are written with a leading apostrophe (CSV injection: OWASP's advice),
// in both formats: an XLSX cell is never evaluated, but it may be saved again as CSV.

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kams {

enum class ExportFormat { kCsv, kXlsx };
std::optional<ExportFormat> ParseExportFormat(std::string_view text);  // "csv" | "xlsx"
std::string_view ExportFormatName(ExportFormat f);
std::string_view ExportContentType(ExportFormat f);

// One cell: text, or a number written as its decimal text ("12", "-3.50"), or empty.
struct ExportCell {
  enum class Kind { kEmpty, kText, kNumber };
  Kind kind = Kind::kEmpty;
  std::string value;

  static ExportCell Text(std::string v) { return {Kind::kText, std::move(v)}; }
  static ExportCell Number(std::string decimal) { return {Kind::kNumber, std::move(decimal)}; }
  static ExportCell Empty() { return {}; }
};

// `text` as a spreadsheet must show it: with a leading apostrophe when it would otherwise
// start a formula.
std::string NeutraliseCell(std::string_view text);

// Receives the file's bytes in order. It may throw (a full disk); the writer then stops.
using ByteSink = std::function<void(std::string_view)>;

class TableWriter {
 public:
  virtual ~TableWriter() = default;
  virtual void Header(const std::vector<std::string>& names) = 0;
  virtual void Row(const std::vector<ExportCell>& cells) = 0;
  // Writes what remains (an XLSX file's closing parts). Nothing may follow.
  virtual void Finish() = 0;
};

// UTF-8 with a byte-order mark (so that Excel reads Chinese correctly), RFC 4180 quoting,
// CRLF line ends.
std::unique_ptr<TableWriter> MakeCsvWriter(ByteSink out);
// An Office Open XML workbook with one sheet named `sheet_name` (at most 31 characters, none
// of []:*?/\), its header row bold and frozen; deflate-compressed ZIP parts. Throws
// std::length_error when the sheet outgrows the 4 GiB a ZIP without ZIP64 holds.
std::unique_ptr<TableWriter> MakeXlsxWriter(ByteSink out, std::string sheet_name);
std::unique_ptr<TableWriter> MakeTableWriter(ExportFormat format, ByteSink out,
                                             std::string sheet_name);

// "A" for 0, "Z" for 25, "AA" for 26: a spreadsheet's column letters.
std::string ColumnLetters(std::size_t index);

}  // namespace kams
