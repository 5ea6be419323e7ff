#include "core/engagement/cadence.h"

#include "core/common/validation.h"

namespace kams {

Status ValidateCadenceRule(const CadenceRule& rule, const std::string& p, bool needs_tier) {
  Validator v;
  if (needs_tier) {
    v.Required(p + "tier", rule.tier);
    v.MaxLength(p + "tier", rule.tier, 40);
  }
  if (rule.min_interval_days) {
    v.Check(*rule.min_interval_days >= 1 && *rule.min_interval_days <= kMaxCadenceDays,
            p + "min_interval_days", "out_of_range");
  }
  if (rule.max_contacts) {
    v.Check(*rule.max_contacts >= 1 && *rule.max_contacts <= kMaxContactsPerPeriod,
            p + "max_contacts", "out_of_range");
  }
  v.Check(rule.period_days >= 1 && rule.period_days <= kMaxCadenceDays, p + "period_days",
          "out_of_range");
  v.Check(rule.min_interval_days || rule.max_contacts, p + "min_interval_days",
          "a_rule_needs_a_minimum_or_a_maximum");
  return v.ToStatus();
}

std::string_view BreachKindName(BreachKind k) {
  return k == BreachKind::kOverdue ? "overdue" : "over_contacted";
}

std::optional<BreachKind> ParseBreachKind(std::string_view s) {
  if (s == "overdue") return BreachKind::kOverdue;
  if (s == "over_contacted") return BreachKind::kOverContacted;
  return std::nullopt;
}

std::int64_t DaysOverdue(const CadenceBreach& b, CivilDate today) {
  if (b.kind != BreachKind::kOverdue || !b.due_on) return 0;
  const std::int64_t days = DaysFromCivil(today) - DaysFromCivil(*b.due_on);
  return days > 0 ? days : 0;
}

CivilDate CadenceWindowStart(CivilDate today, std::int64_t period_days) {
  return CivilFromDays(DaysFromCivil(today) - (period_days > 0 ? period_days - 1 : 0));
}

std::vector<CadenceBreach> EvaluateCadence(Id customer_id, const CadenceRule& rule,
                                           const CadenceFacts& f) {
  std::vector<CadenceBreach> out;
  auto breach = [&](BreachKind kind) {
    CadenceBreach b;
    b.customer_id = customer_id;
    b.kind = kind;
    b.last_contact_at = f.last_contact_at;
    b.contacts_in_period = f.contacts_in_period;
    b.min_interval_days = rule.min_interval_days;
    b.max_contacts = rule.max_contacts;
    b.period_days = rule.period_days;
    return b;
  };
  if (rule.min_interval_days) {
    const CivilDate from = BusinessDay(f.last_contact_at.value_or(f.baseline));
    const CivilDate due = CivilFromDays(DaysFromCivil(from) + *rule.min_interval_days);
    if (f.today > due) {
      CadenceBreach b = breach(BreachKind::kOverdue);
      b.due_on = due;
      b.since = CivilFromDays(DaysFromCivil(due) + 1);
      out.push_back(std::move(b));
    }
  }
  if (rule.max_contacts && f.contacts_in_period > *rule.max_contacts) {
    CadenceBreach b = breach(BreachKind::kOverContacted);
    b.since = f.today;
    out.push_back(std::move(b));
  }
  return out;
}

}  // namespace kams
