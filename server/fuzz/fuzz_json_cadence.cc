// Contact-cadence bodies (PUT /cadence-rules, PUT /customers/{id}/cadence): bytes →
// ParseObject → DecodeCadenceSettings, DecodeCadenceRule; then the checks the service makes
// before it writes (grace days, the number of rules, ValidateCadenceRule with tiers trimmed,
// duplicate tiers), and the daily evaluation (EvaluateCadence) of every rule they pass over a
// few accounts' histories.
// Properties: a refused body names its fields (fuzz_json.h); decoded settings render as
// JSON and decode again from their own rendering to the same rules; what the rules pass
// holds the numbers that were sent; an evaluation finds a breach exactly when the rule says
// so, with its dates in order.
#include <set>

#include "core/common/validation.h"
#include "fuzz_json.h"
#include "http/engagement_codec.h"

namespace kams::http {
namespace {

using codec::json;

// 2026-11-24T02:00:00Z: Tuesday 24 November in Beijing.
constexpr Timestamp kNow = 1'795'485'600LL * kMicrosPerSecond;
constexpr Timestamp kDay = 86'400LL * kMicrosPerSecond;

bool SameRule(const CadenceRule& a, const CadenceRule& b) {
  return a.tier == b.tier && a.min_interval_days == b.min_interval_days &&
         a.max_contacts == b.max_contacts && a.period_days == b.period_days;
}

// The daily check of one account under a rule the service accepted.
void Evaluate(const CadenceRule& rule) {
  const CivilDate today = BusinessDay(kNow);
  // The earliest instant a record may hold, a year ago, yesterday, none (since the account
  // came to be, long ago).
  const std::optional<Timestamp> lasts[] = {*ParseRfc3339("1000-01-01T00:00:00Z"),
                                            kNow - 365 * kDay, kNow - kDay, std::nullopt};
  const std::int64_t counts[] = {0, 1, rule.max_contacts.value_or(0) + 1,
                                 kMaxContactsPerPeriod + 1};
  for (const auto& last : lasts) {
    for (std::int64_t count : counts) {
      CadenceFacts f;
      f.today = today;
      f.last_contact_at = last;
      f.baseline = kNow - 400 * kDay;
      f.contacts_in_period = count;
      const auto breaches = EvaluateCadence(42, rule, f);
      FUZZ_CHECK(breaches.size() <= 2);
      bool overdue = false, over = false;
      for (const auto& b : breaches) {
        FUZZ_CHECK(b.customer_id == 42 && b.period_days == rule.period_days);
        if (b.kind == BreachKind::kOverdue) {
          overdue = true;
          FUZZ_CHECK(rule.min_interval_days && b.due_on && *b.due_on < today);
          FUZZ_CHECK(DaysFromCivil(b.since) == DaysFromCivil(*b.due_on) + 1);
          FUZZ_CHECK(DaysOverdue(b, today) >= 1);
        } else {
          over = true;
          FUZZ_CHECK(rule.max_contacts && count > *rule.max_contacts && b.since == today);
          FUZZ_CHECK(DaysOverdue(b, today) == 0);
        }
        const json out = BreachJson(b);
        FUZZ_CHECK(json::parse(out.dump()) == out);
      }
      FUZZ_CHECK(over == (rule.max_contacts && count > *rule.max_contacts));
      if (!overdue && rule.min_interval_days) {
        const CivilDate from = BusinessDay(last.value_or(f.baseline));
        FUZZ_CHECK(DaysFromCivil(today) - DaysFromCivil(from) <= *rule.min_interval_days);
      }
      (void)CadenceWindowStart(today, rule.period_days);
    }
  }
}

void Settings(const json& body) {
  auto decoded = DecodeCadenceSettings(body);
  if (!decoded.ok()) {
    fuzz::CheckRefusal(decoded.error(), body, {"rules", "grace_days"});
    return;
  }
  const CadenceSettings& s = *decoded;
  FUZZ_CHECK(s.rules.size() == body.at("rules").size());
  const json out = CadenceSettingsJson(s);
  FUZZ_CHECK(json::parse(out.dump()) == out);

  // Decoded again from what it renders to (less the read-only version): the same settings.
  auto again = DecodeCadenceSettings(json{{"rules", out["rules"]}, {"grace_days", s.grace_days}});
  FUZZ_CHECK(again.ok() && again->grace_days == s.grace_days);
  FUZZ_CHECK(again->rules.size() == s.rules.size());
  for (std::size_t k = 0; k < s.rules.size(); ++k)
    FUZZ_CHECK(SameRule(again->rules[k], s.rules[k]));

  // PUT /cadence-rules in the service, before the database.
  std::vector<FieldError> problems;
  if (s.grace_days < 0 || s.grace_days > kMaxGraceDays)
    problems.push_back({"grace_days", "out_of_range"});
  if (s.rules.size() > kMaxCadenceRules) problems.push_back({"rules", "too_many"});
  std::set<std::string> tiers;
  std::vector<CadenceRule> passed;
  for (std::size_t k = 0; k < s.rules.size(); ++k) {
    CadenceRule rule = s.rules[k];
    rule.tier = TrimSpace(rule.tier);
    const std::string prefix = "rules[" + std::to_string(k) + "].";
    const Status st = ValidateCadenceRule(rule, prefix, true);
    if (!st.ok()) {
      fuzz::CheckRules(st, {"rules"});
      for (const auto& f : st.error().fields) FUZZ_CHECK(f.field.rfind(prefix, 0) == 0);
      problems.push_back(st.error().fields.front());
    } else if (!tiers.insert(rule.tier).second) {
      problems.push_back({prefix + "tier", "duplicate"});
    } else {
      const json& sent = body.at("rules")[k];
      FUZZ_CHECK(fuzz::HoldsInteger(sent, "min_interval_days", rule.min_interval_days));
      FUZZ_CHECK(fuzz::HoldsInteger(sent, "max_contacts", rule.max_contacts));
      FUZZ_CHECK(fuzz::HoldsInteger(sent, "period_days", rule.period_days) ||
                 (fuzz::HoldsInteger(sent, "period_days", std::nullopt) && rule.period_days == 7));
      FUZZ_CHECK(!rule.tier.empty() && Utf8Length(rule.tier) <= 40);
      passed.push_back(rule);
    }
  }
  if (!problems.empty()) return;
  FUZZ_CHECK(fuzz::HoldsInteger(body, "grace_days", s.grace_days) ||
             (fuzz::HoldsInteger(body, "grace_days", std::nullopt) && s.grace_days == 7));
  for (const auto& rule : passed) Evaluate(rule);
}

void Own(const json& body) {
  auto decoded = DecodeCadenceRule(body);
  if (!decoded.ok()) {
    fuzz::CheckRefusal(decoded.error(), body, {"min_interval_days", "max_contacts", "period_days"});
    return;
  }
  const CadenceRule& rule = *decoded;
  FUZZ_CHECK(rule.tier.empty());
  const json out = CadenceRuleJson(rule, false);
  FUZZ_CHECK(!out.contains("tier"));
  auto again = DecodeCadenceRule(out);
  FUZZ_CHECK(again.ok() && SameRule(*again, rule));

  const Status st = ValidateCadenceRule(rule, "", false);
  fuzz::CheckRules(st, {"min_interval_days", "max_contacts", "period_days"});
  if (!st.ok()) return;
  FUZZ_CHECK(fuzz::HoldsInteger(body, "min_interval_days", rule.min_interval_days));
  FUZZ_CHECK(fuzz::HoldsInteger(body, "max_contacts", rule.max_contacts));
  FUZZ_CHECK(fuzz::HoldsInteger(body, "period_days", rule.period_days) ||
             (fuzz::HoldsInteger(body, "period_days", std::nullopt) && rule.period_days == 7));
  FUZZ_CHECK(rule.period_days >= 1 && rule.period_days <= kMaxCadenceDays);
  Evaluate(rule);
}

}  // namespace
}  // namespace kams::http

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace kams;
  using namespace kams::http;
  auto body = codec::ParseObject(fuzz::Text(data, size));
  if (!body.ok()) return 0;
  Settings(*body);
  Own(*body);
  return 0;
}
