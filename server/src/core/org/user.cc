#include "core/org/user.h"

#include "core/common/validation.h"

namespace kams {

bool IsValidUsername(std::string_view u) {
  if (u.size() < 3 || u.size() > 64) return false;
  for (std::size_t i = 0; i < u.size(); ++i) {
    const char c = u[i];
    const bool alnum = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
    if (!alnum && (i == 0 || (c != '.' && c != '_' && c != '-'))) return false;
  }
  return true;
}

bool IsAcceptablePassword(std::string_view p) {
  const std::size_t n = Utf8Length(p);
  if (n < 8 || n > 128 || !IsValidUtf8(p)) return false;
  bool letter = false, other = false;
  for (unsigned char c : p) {
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
      letter = true;
    } else {
      other = true;
    }
  }
  return letter && other;
}

Status ValidateUser(const User& u) {
  Validator v;
  v.Required("username", u.username);
  v.Check(IsValidUsername(u.username), "username", "invalid");
  v.Required("display_name", u.display_name);
  v.MaxLength("display_name", u.display_name, 64);
  v.Check(u.org_unit_id > 0, "org_unit_id", "required");
  if (!u.email.empty()) v.Check(IsValidEmail(u.email), "email", "invalid");
  if (!u.phone.empty()) v.Check(IsValidPhone(u.phone), "phone", "invalid");
  v.Check(u.locale.empty() || u.locale == "zh-CN" || u.locale == "en-US", "locale", "invalid");
  return v.ToStatus();
}

}  // namespace kams
