#include "core/contracts/contract.h"

#include "core/common/validation.h"

namespace kams {
namespace {

std::optional<std::string> Opt(const std::string& s) {
  if (s.empty()) return std::nullopt;
  return s;
}

// "" when empty or invalid (the date check reports it).
std::optional<CivilDate> Date(const std::string& s) {
  if (s.empty()) return std::nullopt;
  return ParseCivilDate(s);
}

}  // namespace

bool IsValidContractStatus(std::string_view s) { return s == "active" || s == "terminated"; }

Status ValidateContract(const Contract& c) {
  Validator v;
  v.Required("number", c.number);
  v.MaxLength("number", c.number, 50);
  v.Required("title", c.title);
  v.MaxLength("title", c.title, 200);
  v.Check(IsValidContractStatus(c.status), "status", "invalid");
  v.Required("starts_on", c.starts_on);
  for (const auto& [name, value] : {std::pair<const char*, const std::string*>{"signed_on", &c.signed_on},
                                    {"starts_on", &c.starts_on},
                                    {"ends_on", &c.ends_on},
                                    {"terminated_on", &c.terminated_on}}) {
    v.Check(value->empty() || ParseCivilDate(*value).has_value(), name, "invalid_date");
  }
  const auto starts = Date(c.starts_on);
  if (const auto ends = Date(c.ends_on); starts && ends) {
    v.Check(DaysFromCivil(*ends) >= DaysFromCivil(*starts), "ends_on", "before_start");
  }
  if (c.amount_fen) {
    v.Check(*c.amount_fen >= 0 && *c.amount_fen <= kMaxContractAmountFen, "amount_fen",
            "out_of_range");
  }
  if (c.status == "terminated") {
    v.Required("terminated_on", c.terminated_on);
    if (const auto ended = Date(c.terminated_on); starts && ended) {
      v.Check(DaysFromCivil(*ended) >= DaysFromCivil(*starts), "terminated_on", "before_start");
    }
  } else {
    v.Check(c.terminated_on.empty(), "terminated_on", "only_when_terminated");
    v.Check(c.termination_reason.empty(), "termination_reason", "only_when_terminated");
  }
  v.MaxLength("termination_reason", c.termination_reason, 500);
  v.MaxLength("notes", c.notes, 2000);
  return v.ToStatus();
}

std::vector<FieldValue> ContractFieldValues(const Contract& c) {
  return {
      {"number", c.number},
      {"title", c.title},
      {"status", c.status},
      {"signed_on", Opt(c.signed_on)},
      {"starts_on", c.starts_on},
      {"ends_on", Opt(c.ends_on)},
      {"amount_fen",
       c.amount_fen ? std::optional<std::string>(std::to_string(*c.amount_fen)) : std::nullopt},
      {"terminated_on", Opt(c.terminated_on)},
      {"termination_reason", Opt(c.termination_reason)},
      {"notes", Opt(c.notes)},
  };
}

}  // namespace kams
