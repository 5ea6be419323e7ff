#pragma once
// Reads a ZIP archive (an XLSX file) back for tests: the central directory, each entry's
// local header, inflated data and CRC-32 checked. Throws std::runtime_error on anything
// malformed, so a broken archive fails the test that reads it.
#include <zlib.h>

#include <cstdint>
#include <map>
#include <stdexcept>
#include <string>
#include <vector>

namespace kams::test {

inline std::uint32_t ZipU16(const std::string& z, std::size_t at) {
  if (at + 2 > z.size()) throw std::runtime_error("zip: truncated");
  return static_cast<std::uint8_t>(z[at]) | static_cast<std::uint8_t>(z[at + 1]) << 8;
}
inline std::uint32_t ZipU32(const std::string& z, std::size_t at) {
  return ZipU16(z, at) | ZipU16(z, at + 2) << 16;
}

// name → uncompressed contents, in the central directory's order of names.
inline std::map<std::string, std::string> ReadZip(const std::string& z) {
  if (z.size() < 22) throw std::runtime_error("zip: too short");
  const std::size_t end = z.size() - 22;  // no archive comment
  if (ZipU32(z, end) != 0x06054b50) throw std::runtime_error("zip: no end of central directory");
  const std::uint32_t entries = ZipU16(z, end + 10);
  std::size_t at = ZipU32(z, end + 16);
  std::map<std::string, std::string> out;
  for (std::uint32_t i = 0; i < entries; ++i) {
    if (ZipU32(z, at) != 0x02014b50) throw std::runtime_error("zip: bad central header");
    const std::uint32_t method = ZipU16(z, at + 10);
    const std::uint32_t crc = ZipU32(z, at + 16);
    const std::uint32_t csize = ZipU32(z, at + 20);
    const std::uint32_t usize = ZipU32(z, at + 24);
    const std::uint32_t nlen = ZipU16(z, at + 28);
    const std::uint32_t xlen = ZipU16(z, at + 30);
    const std::uint32_t clen = ZipU16(z, at + 32);
    const std::uint32_t local = ZipU32(z, at + 42);
    const std::string name = z.substr(at + 46, nlen);
    at += 46 + nlen + xlen + clen;
    if (ZipU32(z, local) != 0x04034b50) throw std::runtime_error("zip: bad local header " + name);
    if (z.substr(local + 30, ZipU16(z, local + 26)) != name) {
      throw std::runtime_error("zip: local name differs for " + name);
    }
    const std::size_t data = local + 30 + ZipU16(z, local + 26) + ZipU16(z, local + 28);
    if (data + csize > z.size()) throw std::runtime_error("zip: data past the end: " + name);
    std::string plain;
    if (method == 0) {
      plain = z.substr(data, csize);
    } else if (method == 8) {
      plain.resize(usize);
      z_stream s{};
      if (inflateInit2(&s, -15) != Z_OK) throw std::runtime_error("zip: inflateInit2");
      s.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(z.data() + data));
      s.avail_in = csize;
      s.next_out = reinterpret_cast<Bytef*>(plain.data());
      s.avail_out = usize;
      const int rc = inflate(&s, Z_FINISH);
      inflateEnd(&s);
      if (rc != Z_STREAM_END || s.total_out != usize) {
        throw std::runtime_error("zip: cannot inflate " + name);
      }
    } else {
      throw std::runtime_error("zip: unknown method for " + name);
    }
    if (crc32_z(0, reinterpret_cast<const Bytef*>(plain.data()), plain.size()) != crc) {
      throw std::runtime_error("zip: CRC mismatch in " + name);
    }
    out.emplace(name, std::move(plain));
  }
  return out;
}

// Splits CSV text (RFC 4180: quoted fields, "" for a quote, CRLF rows) into rows of fields.
inline std::vector<std::vector<std::string>> ParseCsv(const std::string& text) {
  std::vector<std::vector<std::string>> rows;
  std::vector<std::string> row;
  std::string field;
  bool quoted = false, any = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char ch = text[i];
    if (quoted) {
      if (ch == '"' && i + 1 < text.size() && text[i + 1] == '"') {
        field += '"';
        ++i;
      } else if (ch == '"') {
        quoted = false;
      } else {
        field += ch;
      }
    } else if (ch == '"') {
      quoted = true;
      any = true;
    } else if (ch == ',') {
      row.push_back(std::move(field));
      field.clear();
      any = true;
    } else if (ch == '\r' && i + 1 < text.size() && text[i + 1] == '\n') {
      row.push_back(std::move(field));
      field.clear();
      rows.push_back(std::move(row));
      row.clear();
      any = false;
      ++i;
    } else {
      field += ch;
      any = true;
    }
  }
  if (any || !field.empty()) {
    row.push_back(std::move(field));
    rows.push_back(std::move(row));
  }
  return rows;
}

}  // namespace kams::test
