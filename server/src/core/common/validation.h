#pragma once
// Field-level validation helpers shared by every entity. A Validator collects every
// problem of an input, so the client learns all of them in one answer.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/common/result.h"

namespace kams {

// Number of Unicode code points in valid UTF-8 (invalid bytes count one each).
std::size_t Utf8Length(std::string_view s);
bool IsValidUtf8(std::string_view s);
// Trims ASCII and ideographic (U+3000) white space at both ends.
std::string TrimSpace(std::string_view s);

bool IsValidEmail(std::string_view s);
// Phone numbers as Chinese companies write them: "13812345678", "0512-68881234",
// "+86 21 6888 1234", "(010) 8888-1234 ext 12" is refused (no letters).
bool IsValidPhone(std::string_view s);

class Validator {
 public:
  void Required(std::string_view field, const std::string& value);
  void MaxLength(std::string_view field, const std::string& value, std::size_t max_chars);
  void OptionalMaxLength(std::string_view field, const std::optional<std::string>& value,
                         std::size_t max_chars);
  void Check(bool ok, std::string_view field, std::string_view problem);
  void Add(std::string_view field, std::string_view problem);
  bool ok() const { return errors_.empty(); }
  Status ToStatus() const;
  const std::vector<FieldError>& errors() const { return errors_; }

 private:
  bool HasField(std::string_view field) const;
  std::vector<FieldError> errors_;
};

}  // namespace kams
