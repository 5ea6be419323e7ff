#pragma once
// CSV as written by spreadsheets and exports (RFC 4180): comma separated, fields quoted
// with '"' when they hold commas, quotes or line breaks, '""' for a quote inside; CRLF or
// LF line ends; a UTF-8 byte-order mark at the start is skipped.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace kams {

class CsvReader {
 public:
  explicit CsvReader(std::string_view text);
  // Reads the next record into `fields`; false at the end. `line` is the 1-based line the
  // record starts on. A record with an unterminated quote sets `error`.
  bool Next(std::vector<std::string>& fields);
  // The same as views: into the text for records without quotes (no copy), else into the
  // reader's own storage, valid until the next call.
  bool Next(std::vector<std::string_view>& fields);
  std::int64_t line() const { return line_; }
  const std::string& error() const { return error_; }
  std::size_t offset() const { return pos_; }  // bytes consumed (for progress)

 private:
  std::string_view text_;
  std::size_t pos_ = 0;
  std::int64_t line_ = 0;
  std::int64_t next_line_ = 1;
  std::string error_;
  std::vector<std::string> owned_;
};

// "1234.5" → 123450 fen; an optional '-', digits, at most two decimals; nothing else (no
// thousands separators, no exponent, no currency sign). Exact: no floating point.
bool ParseYuanToFen(std::string_view text, std::int64_t& fen);

}  // namespace kams
