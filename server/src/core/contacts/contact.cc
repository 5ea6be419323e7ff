#include "core/contacts/contact.h"

#include "core/common/validation.h"

namespace kams {
namespace {
std::optional<std::string> Opt(const std::string& s) {
  if (s.empty()) return std::nullopt;
  return s;
}
}  // namespace

bool IsValidBuyingRole(std::string_view r) {
  return r.empty() || r == "decision_maker" || r == "influencer" || r == "user" ||
         r == "gatekeeper";
}

Status ValidateContact(const Contact& c) {
  Validator v;
  v.Required("name", c.name);
  v.MaxLength("name", c.name, 100);
  v.MaxLength("title", c.title, 100);
  v.MaxLength("department", c.department, 100);
  if (!c.phone.empty()) v.Check(IsValidPhone(c.phone), "phone", "invalid");
  if (!c.email.empty()) v.Check(IsValidEmail(c.email), "email", "invalid");
  v.Check(IsValidBuyingRole(c.buying_role), "buying_role", "invalid");
  v.Check(!c.reports_to_id || *c.reports_to_id != c.id || c.id == 0, "reports_to_id",
          "self_reference");
  v.MaxLength("interests", c.interests, 500);
  v.Check(c.birthday.empty() || ParseCivilDate(c.birthday).has_value(), "birthday",
          "invalid_date");
  v.MaxLength("notes", c.notes, 2000);
  return v.ToStatus();
}

std::vector<FieldValue> ContactFieldValues(const Contact& c) {
  return {
      {"name", c.name},
      {"title", Opt(c.title)},
      {"department", Opt(c.department)},
      {"phone", Opt(c.phone)},
      {"email", Opt(c.email)},
      {"buying_role", Opt(c.buying_role)},
      {"reports_to_id",
       c.reports_to_id ? std::optional<std::string>(std::to_string(*c.reports_to_id))
                       : std::nullopt},
      {"interests", Opt(c.interests)},
      {"birthday", Opt(c.birthday)},
      {"notes", Opt(c.notes)},
  };
}

}  // namespace kams
