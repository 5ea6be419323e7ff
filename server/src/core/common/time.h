#pragma once
// Time in KAMS: instants are int64 microseconds since the Unix epoch (UTC); calendar
// dates are civil dates "YYYY-MM-DD". Time always comes from an injected Clock.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace kams {

using Timestamp = std::int64_t;  // microseconds since 1970-01-01T00:00:00Z
constexpr Timestamp kMicrosPerSecond = 1'000'000;

class Clock {
 public:
  virtual ~Clock() = default;
  virtual Timestamp Now() const = 0;
};

// A clock for tests and demos: always answers the instant it holds.
class FixedClock final : public Clock {
 public:
  explicit FixedClock(Timestamp now) : now_(now) {}
  Timestamp Now() const override { return now_; }
  void Set(Timestamp now) { now_ = now; }
  void Advance(Timestamp delta) { now_ += delta; }

 private:
  Timestamp now_;
};

struct CivilDate {
  int year = 1970;
  int month = 1;
  int day = 1;
  auto operator<=>(const CivilDate&) const = default;
};

// Parses exactly "YYYY-MM-DD" (years 1000..9999) and rejects impossible days (2023-02-29).
std::optional<CivilDate> ParseCivilDate(std::string_view text);
std::string FormatCivilDate(const CivilDate& date);
// The same for a date that may be missing (a NULL column).
std::optional<std::string> FormatCivilDate(const std::optional<CivilDate>& date);
std::int64_t DaysFromCivil(const CivilDate& date);  // days since 1970-01-01
CivilDate CivilFromDays(std::int64_t days);
// The business day `t` falls on: KAMS keeps China Standard Time (UTC+8, no daylight saving),
// the day its users work by, whatever the server's zone.
inline constexpr std::int64_t kBusinessUtcOffsetSeconds = 8 * 3600;
CivilDate BusinessDay(Timestamp t);

// RFC 3339 UTC with second precision: "2026-03-01T08:00:00Z".
std::string FormatRfc3339(Timestamp t);
// Accepts "YYYY-MM-DDTHH:MM:SS[.fff]Z" or with a "+HH:MM"/"-HH:MM" offset, for instants
// from 1000-01-01T00:00:00Z to 9999-12-31T23:59:59Z: those FormatRfc3339 writes back as
// four-digit years ("9999-12-31T23:59:59-01:00" is in year 10000 and refused).
std::optional<Timestamp> ParseRfc3339(std::string_view text);

}  // namespace kams
