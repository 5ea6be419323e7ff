#include "core/imports/csv.h"

#include <cstring>
#include <limits>

namespace kams {

CsvReader::CsvReader(std::string_view text) : text_(text) {
  if (text_.substr(0, 3) == "\xEF\xBB\xBF") pos_ = 3;
}

bool CsvReader::Next(std::vector<std::string>& fields) {
  fields.clear();
  error_.clear();
  if (pos_ >= text_.size()) return false;
  line_ = next_line_;
  std::string field;
  bool quoted = false;
  bool was_quoted = false;
  while (pos_ < text_.size()) {
    const char c = text_[pos_];
    if (quoted) {
      if (c == '"') {
        if (pos_ + 1 < text_.size() && text_[pos_ + 1] == '"') {
          field += '"';
          pos_ += 2;
        } else {
          quoted = false;
          ++pos_;
        }
      } else {
        if (c == '\n') ++next_line_;
        field += c;
        ++pos_;
      }
      continue;
    }
    if (c == '"' && field.empty() && !was_quoted) {
      quoted = was_quoted = true;
      ++pos_;
    } else if (c == ',') {
      fields.push_back(std::move(field));
      field.clear();
      was_quoted = false;
      ++pos_;
    } else if (c == '\r' && pos_ + 1 < text_.size() && text_[pos_ + 1] == '\n') {
      pos_ += 2;
      ++next_line_;
      fields.push_back(std::move(field));
      return true;
    } else if (c == '\n') {
      ++pos_;
      ++next_line_;
      fields.push_back(std::move(field));
      return true;
    } else {
      field += c;
      ++pos_;
    }
  }
  if (quoted) error_ = "unterminated quoted field";
  fields.push_back(std::move(field));
  return true;
}

bool CsvReader::Next(std::vector<std::string_view>& fields) {
  fields.clear();
  error_.clear();
  if (pos_ >= text_.size()) return false;
  const char* begin = text_.data() + pos_;
  const std::size_t rest = text_.size() - pos_;
  const auto* newline = static_cast<const char*>(std::memchr(begin, '\n', rest));
  const std::size_t length = newline ? static_cast<std::size_t>(newline - begin) : rest;
  std::string_view record(begin, length);
  if (record.find('"') != std::string_view::npos) {
    // Quotes (which may also hold line breaks): the unescaping reader.
    Next(owned_);
    fields.assign(owned_.begin(), owned_.end());
    return true;
  }
  line_ = next_line_;
  if (newline) {
    pos_ += length + 1;
    ++next_line_;
    if (!record.empty() && record.back() == '\r') record.remove_suffix(1);
  } else {
    pos_ += length;
  }
  for (std::size_t start = 0;;) {
    const std::size_t comma = record.find(',', start);
    if (comma == std::string_view::npos) {
      fields.push_back(record.substr(start));
      return true;
    }
    fields.push_back(record.substr(start, comma - start));
    start = comma + 1;
  }
}

bool ParseYuanToFen(std::string_view text, std::int64_t& fen) {
  std::size_t i = 0;
  const bool negative = !text.empty() && text[0] == '-';
  if (negative) ++i;
  std::int64_t yuan = 0;
  std::size_t digits = 0;
  constexpr std::int64_t kMaxYuan = std::numeric_limits<std::int64_t>::max() / 100 - 1;
  while (i < text.size() && text[i] >= '0' && text[i] <= '9') {
    if (yuan > (kMaxYuan - (text[i] - '0')) / 10) return false;
    yuan = yuan * 10 + (text[i] - '0');
    ++i;
    ++digits;
  }
  if (digits == 0) return false;
  std::int64_t cents = 0;
  if (i < text.size() && text[i] == '.') {
    ++i;
    std::size_t decimals = 0;
    while (i < text.size() && text[i] >= '0' && text[i] <= '9' && decimals < 3) {
      cents = cents * 10 + (text[i] - '0');
      ++i;
      ++decimals;
    }
    if (decimals == 0 || decimals > 2) return false;
    if (decimals == 1) cents *= 10;
  }
  if (i != text.size()) return false;
  fen = yuan * 100 + cents;
  if (negative) fen = -fen;
  return true;
}

}  // namespace kams
