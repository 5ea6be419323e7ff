#include "core/common/validation.h"

#include <algorithm>

namespace kams {

std::size_t Utf8Length(std::string_view s) {
  std::size_t n = 0;
  for (unsigned char c : s) {
    if ((c & 0xC0) != 0x80) ++n;
  }
  return n;
}

bool IsValidUtf8(std::string_view s) {
  std::size_t i = 0;
  while (i < s.size()) {
    const auto c = static_cast<unsigned char>(s[i]);
    int extra = 0;
    std::uint32_t cp = 0;
    if (c < 0x80) {
      ++i;
      continue;
    } else if ((c & 0xE0) == 0xC0) {
      extra = 1;
      cp = c & 0x1F;
    } else if ((c & 0xF0) == 0xE0) {
      extra = 2;
      cp = c & 0x0F;
    } else if ((c & 0xF8) == 0xF0) {
      extra = 3;
      cp = c & 0x07;
    } else {
      return false;
    }
    if (i + static_cast<std::size_t>(extra) >= s.size()) return false;
    for (int k = 1; k <= extra; ++k) {
      const auto cc = static_cast<unsigned char>(s[i + k]);
      if ((cc & 0xC0) != 0x80) return false;
      cp = (cp << 6) | (cc & 0x3F);
    }
    if ((extra == 1 && cp < 0x80) || (extra == 2 && cp < 0x800) ||
        (extra == 3 && (cp < 0x10000 || cp > 0x10FFFF)) || (cp >= 0xD800 && cp <= 0xDFFF)) {
      return false;
    }
    i += static_cast<std::size_t>(extra) + 1;
  }
  return true;
}

std::string TrimSpace(std::string_view s) {
  auto is_space_at = [&](std::size_t pos, std::size_t& len) {
    const char c = s[pos];
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      len = 1;
      return true;
    }
    if (s.substr(pos, 3) == "\xE3\x80\x80") {  // U+3000 ideographic space
      len = 3;
      return true;
    }
    return false;
  };
  std::size_t b = 0, len = 0;
  while (b < s.size() && is_space_at(b, len)) b += len;
  std::size_t e = s.size();
  while (e > b) {
    if (e - b >= 3 && s.substr(e - 3, 3) == "\xE3\x80\x80") {
      e -= 3;
    } else if (s[e - 1] == ' ' || s[e - 1] == '\t' || s[e - 1] == '\n' || s[e - 1] == '\r') {
      --e;
    } else {
      break;
    }
  }
  return std::string(s.substr(b, e - b));
}

bool IsValidEmail(std::string_view s) {
  if (s.size() < 3 || s.size() > 254) return false;
  const auto at = s.find('@');
  if (at == std::string_view::npos || at == 0 || s.find('@', at + 1) != std::string_view::npos) {
    return false;
  }
  const auto domain = s.substr(at + 1);
  const auto dot = domain.find('.');
  if (domain.empty() || dot == std::string_view::npos || dot == 0 || domain.back() == '.') {
    return false;
  }
  return std::none_of(s.begin(), s.end(), [](char c) {
    return c == ' ' || c == '\t' || c == '<' || c == '>' || c == ',' || c == ';' ||
           static_cast<unsigned char>(c) < 0x20;
  });
}

bool IsValidPhone(std::string_view s) {
  int digits = 0;
  for (std::size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    if (c >= '0' && c <= '9') {
      ++digits;
    } else if (c == '+' && i == 0) {
    } else if (c != '-' && c != ' ' && c != '(' && c != ')') {
      return false;
    }
  }
  return digits >= 5 && digits <= 20 && s.size() <= 32;
}

void Validator::Required(std::string_view field, const std::string& value) {
  if (value.empty()) Add(field, "required");
}

void Validator::MaxLength(std::string_view field, const std::string& value, std::size_t max) {
  if (!IsValidUtf8(value)) {
    Add(field, "invalid_utf8");
  } else if (Utf8Length(value) > max) {
    Add(field, "too_long");
  }
}

void Validator::OptionalMaxLength(std::string_view field, const std::optional<std::string>& value,
                                  std::size_t max) {
  if (value) MaxLength(field, *value, max);
}

void Validator::Check(bool ok, std::string_view field, std::string_view problem) {
  if (!ok) Add(field, problem);
}

void Validator::Add(std::string_view field, std::string_view problem) {
  if (HasField(field)) return;  // first problem per field wins
  errors_.push_back({std::string(field), std::string(problem)});
}

bool Validator::HasField(std::string_view field) const {
  return std::any_of(errors_.begin(), errors_.end(),
                     [&](const FieldError& e) { return e.field == field; });
}

Status Validator::ToStatus() const {
  if (errors_.empty()) return Ok();
  return ValidationFailed(errors_);
}

}  // namespace kams
