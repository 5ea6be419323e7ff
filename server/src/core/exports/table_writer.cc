#include "core/exports/table_writer.h"

#include <zlib.h>

#include <stdexcept>

namespace kams {

std::optional<ExportFormat> ParseExportFormat(std::string_view text) {
  if (text == "csv") return ExportFormat::kCsv;
  if (text == "xlsx") return ExportFormat::kXlsx;
  return std::nullopt;
}

std::string_view ExportFormatName(ExportFormat f) {
  return f == ExportFormat::kCsv ? "csv" : "xlsx";
}

std::string_view ExportContentType(ExportFormat f) {
  return f == ExportFormat::kCsv
             ? "text/csv; charset=utf-8"
             : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
}

std::string NeutraliseCell(std::string_view text) {
  if (!text.empty()) {
    switch (text.front()) {
      case '=': case '+': case '-': case '@': case '\t': case '\r':
        return "'" + std::string(text);
      default: break;
    }
  }
  return std::string(text);
}

std::string ColumnLetters(std::size_t index) {
  std::string letters;
  ++index;
  while (index > 0) {
    const std::size_t rem = (index - 1) % 26;
    letters.insert(letters.begin(), static_cast<char>('A' + rem));
    index = (index - 1) / 26;
  }
  return letters;
}

namespace {

// ---------------------------------------------------------------------------- CSV

class CsvWriter final : public TableWriter {
 public:
  explicit CsvWriter(ByteSink out) : out_(std::move(out)) { buf_ = "\xEF\xBB\xBF"; }

  void Header(const std::vector<std::string>& names) override {
    for (std::size_t i = 0; i < names.size(); ++i) {
      if (i) buf_ += ',';
      Field(NeutraliseCell(names[i]));
    }
    EndLine();
  }

  void Row(const std::vector<ExportCell>& cells) override {
    for (std::size_t i = 0; i < cells.size(); ++i) {
      if (i) buf_ += ',';
      const auto& c = cells[i];
      if (c.kind == ExportCell::Kind::kText) Field(NeutraliseCell(c.value));
      else if (c.kind == ExportCell::Kind::kNumber) buf_ += c.value;
    }
    EndLine();
  }

  void Finish() override {
    if (!buf_.empty()) out_(buf_);
    buf_.clear();
  }

 private:
  void Field(const std::string& v) {
    if (v.find_first_of(",\"\r\n") == std::string::npos) {
      buf_ += v;
      return;
    }
    buf_ += '"';
    for (char ch : v) {
      if (ch == '"') buf_ += '"';
      buf_ += ch;
    }
    buf_ += '"';
  }

  void EndLine() {
    buf_ += "\r\n";
    if (buf_.size() >= kChunk) {
      out_(buf_);
      buf_.clear();
    }
  }

  static constexpr std::size_t kChunk = 64 * 1024;
  ByteSink out_;
  std::string buf_;
};

// ---------------------------------------------------------------------------- ZIP

void Put16(std::string& s, std::uint32_t v) {
  s += static_cast<char>(v & 0xff);
  s += static_cast<char>((v >> 8) & 0xff);
}
void Put32(std::string& s, std::uint32_t v) {
  Put16(s, v & 0xffff);
  Put16(s, v >> 16);
}

// A ZIP archive written front to back: each entry deflated as it comes, its sizes and CRC
// in a data descriptor after it (flag bit 3), the central directory at the end.
class ZipStream {
 public:
  explicit ZipStream(ByteSink& out) : out_(out) {}
  ~ZipStream() {
    if (open_) deflateEnd(&z_);
  }
  ZipStream(const ZipStream&) = delete;
  ZipStream& operator=(const ZipStream&) = delete;

  void Begin(std::string name) {
    Entry e;
    e.name = std::move(name);
    e.offset = Checked(written_);
    std::string h;
    Put32(h, 0x04034b50);
    Put16(h, 20);                // version needed: 2.0 (deflate)
    Put16(h, 0x0008 | 0x0800);   // sizes in a data descriptor; UTF-8 names
    Put16(h, 8);                 // deflate
    Put16(h, kDosTime);
    Put16(h, kDosDate);
    Put32(h, 0);
    Put32(h, 0);
    Put32(h, 0);
    Put16(h, static_cast<std::uint32_t>(e.name.size()));
    Put16(h, 0);
    h += e.name;
    Emit(h);
    entries_.push_back(std::move(e));
    z_ = z_stream{};
    if (deflateInit2(&z_, Z_BEST_SPEED, Z_DEFLATED, -15, 8, Z_DEFAULT_STRATEGY) != Z_OK) {
      throw std::runtime_error("xlsx: cannot start deflate");
    }
    open_ = true;
    crc_ = crc32(0L, Z_NULL, 0);
  }

  void Write(std::string_view data) {
    auto& e = entries_.back();
    e.size += data.size();
    Checked(e.size);
    crc_ = crc32_z(crc_, reinterpret_cast<const Bytef*>(data.data()), data.size());
    Deflate(data, Z_NO_FLUSH);
  }

  void End() {
    Deflate({}, Z_FINISH);
    deflateEnd(&z_);
    open_ = false;
    auto& e = entries_.back();
    e.crc = static_cast<std::uint32_t>(crc_);
    std::string d;
    Put32(d, 0x08074b50);
    Put32(d, e.crc);
    Put32(d, Checked(e.compressed));
    Put32(d, Checked(e.size));
    Emit(d);
  }

  void Close() {
    const std::uint64_t cd_start = written_;
    std::string cd;
    for (const auto& e : entries_) {
      Put32(cd, 0x02014b50);
      Put16(cd, 20);  // made by: 2.0, MS-DOS attributes
      Put16(cd, 20);
      Put16(cd, 0x0008 | 0x0800);
      Put16(cd, 8);
      Put16(cd, kDosTime);
      Put16(cd, kDosDate);
      Put32(cd, e.crc);
      Put32(cd, Checked(e.compressed));
      Put32(cd, Checked(e.size));
      Put16(cd, static_cast<std::uint32_t>(e.name.size()));
      Put16(cd, 0);  // extra
      Put16(cd, 0);  // comment
      Put16(cd, 0);  // disk
      Put16(cd, 0);  // internal attributes
      Put32(cd, 0);  // external attributes
      Put32(cd, e.offset);
      cd += e.name;
    }
    Emit(cd);
    std::string end;
    Put32(end, 0x06054b50);
    Put16(end, 0);
    Put16(end, 0);
    Put16(end, static_cast<std::uint32_t>(entries_.size()));
    Put16(end, static_cast<std::uint32_t>(entries_.size()));
    Put32(end, Checked(cd.size()));
    Put32(end, Checked(cd_start));
    Put16(end, 0);
    Emit(end);
  }

 private:
  // 2026-01-01 00:00: every part carries one fixed time, so equal tables give equal files.
  static constexpr std::uint32_t kDosTime = 0;
  static constexpr std::uint32_t kDosDate = ((2026 - 1980) << 9) | (1 << 5) | 1;

  struct Entry {
    std::string name;
    std::uint32_t offset = 0;
    std::uint32_t crc = 0;
    std::uint64_t size = 0;
    std::uint64_t compressed = 0;
  };

  static std::uint32_t Checked(std::uint64_t v) {
    if (v > 0xffffffffULL) {
      throw std::length_error("the spreadsheet is larger than 4 GiB: export as CSV instead");
    }
    return static_cast<std::uint32_t>(v);
  }

  void Deflate(std::string_view data, int flush) {
    z_.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
    z_.avail_in = static_cast<uInt>(data.size());
    char chunk[64 * 1024];
    do {
      z_.next_out = reinterpret_cast<Bytef*>(chunk);
      z_.avail_out = sizeof chunk;
      const int rc = deflate(&z_, flush);
      if (rc == Z_STREAM_ERROR) throw std::runtime_error("xlsx: deflate failed");
      const std::size_t have = sizeof chunk - z_.avail_out;
      if (have) {
        entries_.back().compressed += have;
        Emit(std::string_view(chunk, have));
      }
    } while (z_.avail_out == 0 || (flush == Z_FINISH && z_.avail_in != 0));
  }

  void Emit(std::string_view bytes) {
    out_(bytes);
    written_ += bytes.size();
  }

  ByteSink& out_;
  std::vector<Entry> entries_;
  z_stream z_{};
  bool open_ = false;
  uLong crc_ = 0;
  std::uint64_t written_ = 0;
};

// ---------------------------------------------------------------------------- XLSX

// Text as XML character data: markup escaped, characters XML 1.0 forbids (C0 controls but
// tab, newline and carriage return) dropped.
void AppendXmlText(std::string& out, std::string_view text) {
  for (char ch : text) {
    const auto u = static_cast<unsigned char>(ch);
    switch (ch) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      default:
        if (u < 0x20 && ch != '\t' && ch != '\n' && ch != '\r') break;
        out += ch;
    }
  }
}

constexpr std::string_view kContentTypes =
    R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>)"
    "\n"
    R"(<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">)"
    R"(<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>)"
    R"(<Default Extension="xml" ContentType="application/xml"/>)"
    R"(<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>)"
    R"(<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>)"
    R"(<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>)"
    R"(</Types>)";

constexpr std::string_view kRootRels =
    R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>)"
    "\n"
    R"(<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">)"
    R"(<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>)"
    R"(</Relationships>)";

constexpr std::string_view kWorkbookRels =
    R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>)"
    "\n"
    R"(<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">)"
    R"(<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>)"
    R"(<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>)"
    R"(</Relationships>)";

// Two cell formats: 0 plain, 1 bold (the header).
constexpr std::string_view kStyles =
    R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>)"
    "\n"
    R"(<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">)"
    R"(<fonts count="2"><font><sz val="11"/><name val="Calibri"/></font>)"
    R"(<font><b/><sz val="11"/><name val="Calibri"/></font></fonts>)"
    R"(<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>)"
    R"(<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>)"
    R"(<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>)"
    R"(<cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>)"
    R"(<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/></cellXfs>)"
    R"(<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>)"
    R"(</styleSheet>)";

class XlsxWriter final : public TableWriter {
 public:
  XlsxWriter(ByteSink out, std::string sheet_name)
      : out_(std::move(out)), zip_(out_), sheet_name_(std::move(sheet_name)) {
    const std::pair<const char*, std::string_view> fixed[] = {
        {"[Content_Types].xml", kContentTypes},
        {"_rels/.rels", kRootRels},
        {"xl/_rels/workbook.xml.rels", kWorkbookRels},
        {"xl/styles.xml", kStyles}};
    for (const auto& [name, part] : fixed) {
      zip_.Begin(name);
      zip_.Write(part);
      zip_.End();
    }
    zip_.Begin("xl/worksheets/sheet1.xml");
    buf_ =
        R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>)"
        "\n"
        R"(<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">)"
        R"(<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>)"
        R"(<sheetData>)";
  }

  void Header(const std::vector<std::string>& names) override {
    std::vector<ExportCell> cells;
    cells.reserve(names.size());
    for (const auto& n : names) cells.push_back(ExportCell::Text(n));
    WriteRow(cells, /*style=*/1);
  }

  void Row(const std::vector<ExportCell>& cells) override { WriteRow(cells, 0); }

  void Finish() override {
    buf_ += "</sheetData></worksheet>";
    zip_.Write(buf_);
    buf_.clear();
    zip_.End();
    std::string workbook =
        R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>)"
        "\n"
        R"(<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" )"
        R"(xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">)"
        R"(<sheets><sheet name=")";
    AppendXmlText(workbook, sheet_name_);
    workbook += R"(" sheetId="1" r:id="rId1"/></sheets></workbook>)";
    zip_.Begin("xl/workbook.xml");
    zip_.Write(workbook);
    zip_.End();
    zip_.Close();
  }

 private:
  void WriteRow(const std::vector<ExportCell>& cells, int style) {
    ++row_;
    const std::string r = std::to_string(row_);
    buf_ += "<row r=\"" + r + "\">";
    for (std::size_t i = 0; i < cells.size(); ++i) {
      const auto& c = cells[i];
      if (c.kind == ExportCell::Kind::kEmpty) continue;
      buf_ += "<c r=\"";
      buf_ += ColumnLetters(i);
      buf_ += r;
      buf_ += '"';
      if (style) buf_ += " s=\"" + std::to_string(style) + "\"";
      if (c.kind == ExportCell::Kind::kNumber) {
        buf_ += "><v>";
        buf_ += c.value;
        buf_ += "</v></c>";
      } else {
        buf_ += R"( t="inlineStr"><is><t xml:space="preserve">)";
        AppendXmlText(buf_, NeutraliseCell(c.value));
        buf_ += "</t></is></c>";
      }
    }
    buf_ += "</row>";
    if (buf_.size() >= kChunk) {
      zip_.Write(buf_);
      buf_.clear();
    }
  }

  static constexpr std::size_t kChunk = 256 * 1024;
  ByteSink out_;
  ZipStream zip_;
  std::string sheet_name_;
  std::string buf_;
  std::int64_t row_ = 0;
};

}  // namespace

std::unique_ptr<TableWriter> MakeCsvWriter(ByteSink out) {
  return std::make_unique<CsvWriter>(std::move(out));
}

std::unique_ptr<TableWriter> MakeXlsxWriter(ByteSink out, std::string sheet_name) {
  return std::make_unique<XlsxWriter>(std::move(out), std::move(sheet_name));
}

std::unique_ptr<TableWriter> MakeTableWriter(ExportFormat format, ByteSink out,
                                             std::string sheet_name) {
  if (format == ExportFormat::kCsv) return MakeCsvWriter(std::move(out));
  return MakeXlsxWriter(std::move(out), std::move(sheet_name));
}

}  // namespace kams
