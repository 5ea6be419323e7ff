#include "core/common/time.h"

#include <cstdio>

namespace kams {
namespace {

bool IsLeap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

int DaysInMonth(int y, int m) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return m == 2 && IsLeap(y) ? 29 : kDays[m - 1];
}

bool ParseDigits(std::string_view s, int& out) {
  int v = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
    v = v * 10 + (c - '0');
  }
  out = v;
  return !s.empty();
}

}  // namespace

std::optional<CivilDate> ParseCivilDate(std::string_view t) {
  if (t.size() != 10 || t[4] != '-' || t[7] != '-') return std::nullopt;
  CivilDate d;
  if (!ParseDigits(t.substr(0, 4), d.year) || !ParseDigits(t.substr(5, 2), d.month) ||
      !ParseDigits(t.substr(8, 2), d.day)) {
    return std::nullopt;
  }
  if (d.year < 1000 || d.month < 1 || d.month > 12 || d.day < 1 ||
      d.day > DaysInMonth(d.year, d.month)) {
    return std::nullopt;
  }
  return d;
}

std::string FormatCivilDate(const CivilDate& d) {
  // Every valid date (years 0000-9999) without snprintf: imports format one per row.
  if (d.year >= 0 && d.year <= 9999 && d.month >= 0 && d.month <= 99 && d.day >= 0 && d.day <= 99) {
    std::string out(10, '-');
    out[0] = static_cast<char>('0' + d.year / 1000);
    out[1] = static_cast<char>('0' + d.year / 100 % 10);
    out[2] = static_cast<char>('0' + d.year / 10 % 10);
    out[3] = static_cast<char>('0' + d.year % 10);
    out[5] = static_cast<char>('0' + d.month / 10);
    out[6] = static_cast<char>('0' + d.month % 10);
    out[8] = static_cast<char>('0' + d.day / 10);
    out[9] = static_cast<char>('0' + d.day % 10);
    return out;
  }
  char buf[48];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", d.year, d.month, d.day);
  return buf;
}

// Howard Hinnant's days_from_civil / civil_from_days.
std::int64_t DaysFromCivil(const CivilDate& d) {
  int y = d.year - (d.month <= 2 ? 1 : 0);
  const int era = (y >= 0 ? y : y - 399) / 400;
  const unsigned yoe = static_cast<unsigned>(y - era * 400);
  const unsigned mp = static_cast<unsigned>(d.month + (d.month > 2 ? -3 : 9));
  const unsigned doy = (153 * mp + 2) / 5 + static_cast<unsigned>(d.day) - 1;
  const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
  return static_cast<std::int64_t>(era) * 146097 + static_cast<std::int64_t>(doe) - 719468;
}

CivilDate CivilFromDays(std::int64_t z) {
  z += 719468;
  const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const unsigned doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const std::int64_t y = static_cast<std::int64_t>(yoe) + era * 400;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  const unsigned d = doy - (153 * mp + 2) / 5 + 1;
  const unsigned m = mp < 10 ? mp + 3 : mp - 9;
  return CivilDate{static_cast<int>(y + (m <= 2 ? 1 : 0)), static_cast<int>(m),
                   static_cast<int>(d)};
}

std::string FormatRfc3339(Timestamp t) {
  std::int64_t secs = t / kMicrosPerSecond;
  if (t < 0 && t % kMicrosPerSecond != 0) --secs;
  std::int64_t days = secs / 86400;
  std::int64_t rem = secs % 86400;
  if (rem < 0) {
    rem += 86400;
    --days;
  }
  // Without snprintf (about 3,000 instructions a call): a list page writes two per row.
  std::string out = FormatCivilDate(CivilFromDays(days));
  const int hms[3] = {static_cast<int>(rem / 3600), static_cast<int>(rem / 60 % 60),
                      static_cast<int>(rem % 60)};
  char tail[10] = {'T', 0, 0, ':', 0, 0, ':', 0, 0, 'Z'};
  for (int k = 0; k < 3; ++k) {
    tail[1 + 3 * k] = static_cast<char>('0' + hms[k] / 10);
    tail[2 + 3 * k] = static_cast<char>('0' + hms[k] % 10);
  }
  out.append(tail, sizeof tail);
  return out;
}

std::optional<Timestamp> ParseRfc3339(std::string_view t) {
  if (t.size() < 20 || (t[10] != 'T' && t[10] != 't') || t[13] != ':' || t[16] != ':') {
    return std::nullopt;
  }
  auto date = ParseCivilDate(t.substr(0, 10));
  int hh = 0, mm = 0, ss = 0;
  if (!date || !ParseDigits(t.substr(11, 2), hh) || !ParseDigits(t.substr(14, 2), mm) ||
      !ParseDigits(t.substr(17, 2), ss) || hh > 23 || mm > 59 || ss > 60) {
    return std::nullopt;
  }
  std::size_t pos = 19;
  std::int64_t micros = 0;
  if (pos < t.size() && t[pos] == '.') {
    ++pos;
    int digits = 0;
    while (pos < t.size() && t[pos] >= '0' && t[pos] <= '9') {
      if (digits < 6) micros = micros * 10 + (t[pos] - '0');
      ++digits;
      ++pos;
    }
    if (digits == 0) return std::nullopt;
    for (int i = digits; i < 6; ++i) micros *= 10;
  }
  std::int64_t offset = 0;
  if (pos < t.size() && (t[pos] == 'Z' || t[pos] == 'z') && pos + 1 == t.size()) {
    offset = 0;
  } else if (pos + 6 == t.size() && (t[pos] == '+' || t[pos] == '-') && t[pos + 3] == ':') {
    int oh = 0, om = 0;
    if (!ParseDigits(t.substr(pos + 1, 2), oh) || !ParseDigits(t.substr(pos + 4, 2), om) ||
        oh > 23 || om > 59) {
      return std::nullopt;
    }
    offset = (oh * 3600 + om * 60) * (t[pos] == '+' ? 1 : -1);
  } else {
    return std::nullopt;
  }
  const std::int64_t secs = DaysFromCivil(*date) * 86400 + hh * 3600 + mm * 60 + ss - offset;
  static const std::int64_t kFirst = DaysFromCivil({1000, 1, 1}) * 86400;
  static const std::int64_t kEnd = DaysFromCivil({10000, 1, 1}) * 86400;
  if (secs < kFirst || secs >= kEnd) return std::nullopt;
  return secs * kMicrosPerSecond + micros;
}

CivilDate BusinessDay(Timestamp t) {
  constexpr Timestamp kDay = 86400 * kMicrosPerSecond;
  const Timestamp local = t + kBusinessUtcOffsetSeconds * kMicrosPerSecond;
  return CivilFromDays(local / kDay - (local % kDay < 0 ? 1 : 0));
}

std::optional<std::string> FormatCivilDate(const std::optional<CivilDate>& date) {
  if (!date) return std::nullopt;
  return FormatCivilDate(*date);
}

}  // namespace kams
