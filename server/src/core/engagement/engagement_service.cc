#include "core/engagement/engagement_service.h"

#include <algorithm>
#include <set>

#include "core/access/permissions.h"
#include "core/audit/audit_log.h"
#include "core/common/validation.h"
#include "core/customers/customer_service.h"
#include "core/notifications/notify.h"

namespace kams {
namespace {

constexpr Timestamp kMicrosPerDay = 86400 * kMicrosPerSecond;
constexpr std::int64_t kDecayDays = 90;
constexpr int kCadenceBatch = 200;
constexpr int kMyDayItems = 100;
constexpr std::int64_t kMissedVisitDays = 30;  // My day shows missed visits this far back

// The instant a business day (China time) begins.
Timestamp BusinessDayStart(CivilDate d) {
  return (DaysFromCivil(d) * 86400 - kBusinessUtcOffsetSeconds) * kMicrosPerSecond;
}

std::optional<std::string> OptId(const std::optional<Id>& id) {
  if (!id) return std::nullopt;
  return std::to_string(*id);
}

std::optional<std::string> OptTime(const std::optional<Timestamp>& t) {
  if (!t) return std::nullopt;
  return FormatRfc3339(*t);
}

std::string IdsText(const std::vector<Id>& ids) {
  std::string out;
  for (Id id : ids) out += (out.empty() ? "" : ",") + std::to_string(id);
  return out;
}

std::vector<FieldValue> Fields(const Interaction& i) {
  return {{"channel", i.channel},
          {"purpose", i.purpose},
          {"summary", i.summary},
          {"outcome", i.outcome},
          {"next_step", i.next_step},
          {"next_step_due", FormatCivilDate(i.next_step_due)},
          {"next_step_owner_id", OptId(i.next_step_owner_id)},
          {"next_step_done_at", OptTime(i.next_step_done_at)},
          {"is_request", i.is_request ? "true" : "false"},
          {"first_contact_owner_id", OptId(i.first_contact_owner_id)},
          {"request_closed_at", OptTime(i.request_closed_at)},
          {"occurred_at", FormatRfc3339(i.occurred_at)},
          {"contact_ids", IdsText(i.contact_ids)},
          {"participant_ids", IdsText(i.participant_ids)}};
}

// One notification about a customer (or a contact record of it) to `user`.
void Notify(Tx& tx, Timestamp now, Id user, const std::string& kind, const std::string& entity,
            std::optional<Id> entity_id, Id customer_id, const std::string& zh_title,
            const std::string& en_title, const std::string& body) {
  Notification n;
  n.kind = kind;
  n.entity = entity;
  n.entity_id = entity_id;
  n.customer_id = customer_id;
  NotifyUser(tx, now, user, n, {zh_title, en_title}, {body, body});
}

// The directors responsible for a unit: those of the lowest unit, from it up, that has any.
std::vector<Id> DirectorsOver(Tx& tx, Id unit) {
  std::optional<Id> at = unit;
  for (int depth = 0; at && depth < 64; ++depth) {
    auto users = tx.nominations().UsersWithRoleIn(Role::kDirector, *at);
    if (!users.empty()) return users;
    auto u = tx.org().Get(*at);
    if (!u) break;
    at = u->parent_id;
  }
  return {};
}

std::optional<CadenceRule> RuleFor(const CadenceSubject& s, const CadenceSettings& settings) {
  if (s.own_rule) return s.own_rule;
  if (!s.tier) return std::nullopt;
  for (const auto& r : settings.rules) {
    if (r.tier == *s.tier) return r;
  }
  return std::nullopt;
}

// Writes the account's breaches as they are now; an ongoing breach keeps when it began and
// whom it was already reported to.
void Reevaluate(Tx& tx, Timestamp now, const CadenceSubject& s, const CadenceSettings& settings) {
  const CivilDate today = BusinessDay(now);
  std::vector<CadenceBreach> found;
  if (auto rule = RuleFor(s, settings)) {
    CadenceFacts facts;
    facts.today = today;
    facts.baseline = s.created_at;
    facts.last_contact_at = tx.interactions().LastContact(s.customer_id);
    if (rule->max_contacts) {
      facts.contacts_in_period = tx.interactions().CountSince(
          s.customer_id, BusinessDayStart(CadenceWindowStart(today, rule->period_days)));
    }
    found = EvaluateCadence(s.customer_id, *rule, facts);
  }
  const auto existing = tx.cadence().Breaches(s.customer_id);
  for (auto& b : found) {
    for (const auto& e : existing) {
      if (e.kind != b.kind) continue;
      const bool ongoing = b.kind == BreachKind::kOverContacted || e.since == b.since;
      if (ongoing) {
        b.since = std::min(e.since, b.since);
        b.notified_owner_at = e.notified_owner_at;
        b.notified_director_at = e.notified_director_at;
      }
    }
    tx.cadence().PutBreach(b);
  }
  for (const auto& e : existing) {
    const bool still = std::any_of(found.begin(), found.end(),
                                   [&](const CadenceBreach& b) { return b.kind == e.kind; });
    if (!still) tx.cadence().DeleteBreach(s.customer_id, e.kind);
  }
}

std::string BreachText(const CadenceBreach& b, CivilDate today, bool zh) {
  if (b.kind == BreachKind::kOverdue) {
    const std::string days = std::to_string(DaysOverdue(b, today));
    return zh ? "已逾期 " + days + " 天未联系（应于 " + FormatCivilDate(*b.due_on) + " 前联系）"
              : days + " days overdue for contact (due by " + FormatCivilDate(*b.due_on) + ")";
  }
  const std::string n = std::to_string(b.contacts_in_period);
  const std::string period = std::to_string(b.period_days);
  const std::string max = std::to_string(b.max_contacts.value_or(0));
  return zh ? period + " 天内联系 " + n + " 次，超过上限 " + max + " 次"
            : n + " contacts within " + period + " days, above the maximum of " + max;
}

// Reports the account's breaches: to its owner when new, to the directors once older than
// the grace days; flags them as decay when the account was handed over in the last 90 days.
int Report(Tx& tx, Timestamp now, Id customer_id, const CadenceSettings& settings) {
  const CivilDate today = BusinessDay(now);
  int sent = 0;
  for (auto b : tx.cadence().Breaches(customer_id)) {
    bool changed = false;
    const std::string kind = "cadence." + std::string(BreachKindName(b.kind));
    if (!b.notified_owner_at && b.owner_id) {
      Notify(tx, now, *b.owner_id, kind, "customer", b.customer_id, b.customer_id,
             "跟进提醒 · " + b.customer_name + "：" + BreachText(b, today, true),
             "Contact cadence: " + b.customer_name + ": " + BreachText(b, today, false), "");
      b.notified_owner_at = now;
      changed = true;
      ++sent;
    }
    const std::int64_t age = DaysFromCivil(today) - DaysFromCivil(b.since);
    if (!b.notified_director_at && age >= settings.grace_days) {
      for (Id director : DirectorsOver(tx, b.org_unit_id)) {
        Notify(tx, now, director, kind + ".escalated", "customer", b.customer_id, b.customer_id,
               "跟进频率异常已超过 " + std::to_string(settings.grace_days) + " 天 · " +
                   b.customer_name + "：" + BreachText(b, today, true),
               "Cadence breach past " + std::to_string(settings.grace_days) + " days: " +
                   b.customer_name + ": " + BreachText(b, today, false),
               b.owner_name.value_or(""));
        ++sent;
      }
      b.notified_director_at = now;
      changed = true;
    }
    if (changed) tx.cadence().PutBreach(b);
    if (auto handover = tx.cadence().RecentHandover(customer_id, now - kDecayDays * kMicrosPerDay)) {
      tx.cadence().FlagDecay(*handover, customer_id, b.kind, b.since, now);
    }
  }
  return sent;
}

// Every user id of `ids` names an active user (field errors otherwise).
void CheckUsers(Tx& tx, const std::vector<Id>& ids, const std::string& field, Validator& v) {
  for (std::size_t k = 0; k < ids.size(); ++k) {
    auto u = tx.users().Get(ids[k]);
    if (!u || !u->active) v.Add(field + "[" + std::to_string(k) + "]", "unknown_user");
  }
}

void CheckContacts(Tx& tx, Id customer_id, const std::vector<Id>& ids, Validator& v) {
  for (std::size_t k = 0; k < ids.size(); ++k) {
    if (!tx.contacts().Get(customer_id, ids[k])) {
      v.Add("contact_ids[" + std::to_string(k) + "]", "not_a_contact_of_the_customer");
    }
  }
}

std::vector<Id> Unique(std::vector<Id> ids) {
  std::vector<Id> out;
  std::set<Id> seen;
  for (Id id : ids) {
    if (seen.insert(id).second) out.push_back(id);
  }
  return out;
}

void Trim(Interaction& i) {
  i.purpose = TrimSpace(i.purpose);
  i.summary = TrimSpace(i.summary);
  i.outcome = TrimSpace(i.outcome);
  i.next_step = TrimSpace(i.next_step);
}

}  // namespace

void EvaluateAccountCadence(Tx& tx, Timestamp now, Id customer_id) {
  auto subject = tx.cadence().Subject(customer_id);
  if (!subject) return;
  Reevaluate(tx, now, *subject, tx.cadence().Settings());
}

// ---- cadence ----

Result<CadenceSettings> CadenceService::Settings(const Principal&) {
  return Transact(deps_.db, TxMode::kRead,
                  [&](Tx& tx) -> Result<CadenceSettings> { return tx.cadence().Settings(); });
}

Result<CadenceSettings> CadenceService::PutSettings(const Principal& who, const RequestContext& ctx,
                                                    CadenceSettings next,
                                                    std::int64_t expected_version) {
  return Recorded(deps_, ctx, who, [&]() -> Result<CadenceSettings> {
    if (!Allows(who.role, Permission::kCadenceManage)) {
      return DenyError("set the contact cadence", "cadence", std::nullopt);
    }
    Validator v;
    v.Check(next.grace_days >= 0 && next.grace_days <= kMaxGraceDays, "grace_days", "out_of_range");
    v.Check(next.rules.size() <= kMaxCadenceRules, "rules", "too_many");
    std::set<std::string> tiers;
    std::vector<FieldError> problems = v.errors();
    for (std::size_t k = 0; k < next.rules.size(); ++k) {
      auto& rule = next.rules[k];
      rule.tier = TrimSpace(rule.tier);
      const std::string prefix = "rules[" + std::to_string(k) + "].";
      if (auto st = ValidateCadenceRule(rule, prefix, true); !st.ok()) {
        for (const auto& f : st.error().fields) problems.push_back(f);
      } else if (!tiers.insert(rule.tier).second) {
        problems.push_back({prefix + "tier", "duplicate"});
      }
    }
    if (!problems.empty()) return ValidationFailed(problems);
    std::sort(next.rules.begin(), next.rules.end(),
              [](const CadenceRule& a, const CadenceRule& b) { return a.tier < b.tier; });
    return Transact(deps_.db, TxMode::kWrite, [&](Tx& tx) -> Result<CadenceSettings> {
      const CadenceSettings current = tx.cadence().Settings();
      if (current.version != expected_version) {
        return PreconditionFailed("the cadence rules changed since version " +
                                  std::to_string(expected_version));
      }
      auto render = [](const CadenceSettings& s) {
        std::vector<FieldValue> out{{"grace_days", std::to_string(s.grace_days)}};
        std::string rules;
        for (const auto& r : s.rules) {
          rules += r.tier + ":" + (r.min_interval_days ? std::to_string(*r.min_interval_days) : "-") +
                   "/" + (r.max_contacts ? std::to_string(*r.max_contacts) : "-") + "/" +
                   std::to_string(r.period_days) + " ";
        }
        out.push_back({"rules", rules});
        return out;
      };
      next.version = current.version + 1;
      tx.cadence().PutSettings(next);
      AppendAudit(tx, deps_, ctx, &who, "",
                  AuditEvent{"cadence.rules", "cadence", std::nullopt, std::nullopt,
                             DiffFields(render(current), render(next))});
      // Every account is judged by the new rules at once.
      const Timestamp now = deps_.clock.Now();
      for (Id after = 0;;) {
        const auto batch = tx.cadence().Subjects(after, kCadenceBatch);
        for (const auto& s : batch) Reevaluate(tx, now, s, next);
        if (static_cast<int>(batch.size()) < kCadenceBatch) break;
        after = batch.back().customer_id;
      }
      return tx.cadence().Settings();
    });
  }());
}

Result<CadenceView> CadenceService::View(const Principal& who, const RequestContext& ctx,
                                         Id customer_id) {
  const Timestamp now = deps_.clock.Now();
  const CivilDate today = BusinessDay(now);
  return Recorded(deps_, ctx, who, Transact(deps_.db, TxMode::kRead, [&](Tx& tx) -> Result<CadenceView> {
    KAMS_TRY(Customer c, VisibleCustomer(tx, who, customer_id));
    CadenceView v;
    v.own = tx.cadence().Own(c.id);
    v.tier = c.tier;
    v.source = "none";
    if (v.own) {
      v.effective = v.own->rule;
      v.source = "own";
    } else if (c.tier) {
      for (const auto& r : tx.cadence().Settings().rules) {
        if (r.tier == *c.tier) {
          v.effective = r;
          v.source = "tier";
        }
      }
    }
    v.last_contact_at = tx.interactions().LastContact(c.id);
    if (v.effective && v.effective->min_interval_days) {
      const CivilDate from = BusinessDay(v.last_contact_at.value_or(c.created_at));
      v.next_due = CivilFromDays(DaysFromCivil(from) + *v.effective->min_interval_days);
    }
    if (v.effective && v.effective->max_contacts) {
      v.contacts_in_period = tx.interactions().CountSince(
          c.id, BusinessDayStart(CadenceWindowStart(today, v.effective->period_days)));
    }
    BreachFilter f;
    f.customer_id = c.id;
    v.breaches = tx.cadence().List(who, f, PageRequest{10, std::nullopt}).items;
    for (auto& b : v.breaches) b.days_overdue = DaysOverdue(b, today);
    return v;
  }));
}

Result<CustomerCadence> CadenceService::PutOwn(const Principal& who, const RequestContext& ctx,
                                               Id customer_id, CadenceRule rule) {
  return Recorded(deps_, ctx, who, [&]() -> Result<CustomerCadence> {
    if (!Allows(who.role, Permission::kCustomerAssign)) {
      return DenyError("set an account's cadence", "customer", customer_id);
    }
    rule.tier.clear();
    KAMS_CHECK(ValidateCadenceRule(rule, "", false));
    return Transact(deps_.db, TxMode::kWrite, [&](Tx& tx) -> Result<CustomerCadence> {
      KAMS_TRY(Customer c, VisibleCustomer(tx, who, customer_id));
      CustomerCadence own{c.id, rule, who.user_id, deps_.clock.Now()};
      auto before = tx.cadence().Own(c.id);
      auto text = [](const std::optional<CustomerCadence>& o) -> std::optional<std::string> {
        if (!o) return std::nullopt;
        const auto& r = o->rule;
        return (r.min_interval_days ? std::to_string(*r.min_interval_days) : "-") + "/" +
               (r.max_contacts ? std::to_string(*r.max_contacts) : "-") + "/" +
               std::to_string(r.period_days);
      };
      tx.cadence().PutOwn(own);
      AppendAudit(tx, deps_, ctx, &who, "",
                  AuditEvent{"customer.cadence", "customer", c.id, c.id,
                             {{"cadence", text(before), text(own)}}});
      EvaluateAccountCadence(tx, own.set_at, c.id);
      return own;
    });
  }());
}

Status CadenceService::DeleteOwn(const Principal& who, const RequestContext& ctx, Id customer_id) {
  return Recorded(deps_, ctx, who, [&]() -> Status {
    if (!Allows(who.role, Permission::kCustomerAssign)) {
      return DenyError("set an account's cadence", "customer", customer_id);
    }
    return Transact(deps_.db, TxMode::kWrite, [&](Tx& tx) -> Status {
      KAMS_TRY(Customer c, VisibleCustomer(tx, who, customer_id));
      if (!tx.cadence().DeleteOwn(c.id)) return NotFound("the account has no cadence of its own");
      AppendAudit(tx, deps_, ctx, &who, "",
                  AuditEvent{"customer.cadence", "customer", c.id, c.id,
                             {{"cadence", "own", std::nullopt}}});
      EvaluateAccountCadence(tx, deps_.clock.Now(), c.id);
      return Ok();
    });
  }());
}

Result<Page<CadenceBreach>> CadenceService::Breaches(const Principal& who, const BreachFilter& f,
                                                     const PageRequest& page) {
  const CivilDate today = BusinessDay(deps_.clock.Now());
  return Transact(deps_.db, TxMode::kRead, [&](Tx& tx) -> Result<Page<CadenceBreach>> {
    auto list = tx.cadence().List(who, f, page);
    for (auto& b : list.items) b.days_overdue = DaysOverdue(b, today);
    return list;
  });
}

Result<MyDay> CadenceService::Today(const Principal& who) {
  return Transact(deps_.db, TxMode::kRead, [&](Tx& tx) -> Result<MyDay> {
    MyDay day;
    const Timestamp now = deps_.clock.Now();
    day.today = BusinessDay(now);
    const PageRequest first{kMyDayItems, std::nullopt};
    const auto note_more = [&](const auto& page, const char* section) {
      if (page.next) day.more.emplace_back(section);
    };
    // Each kind on its own, oldest breach (most days overdue) first, so that a long list of
    // one kind cannot push the other out.
    for (BreachKind kind : {BreachKind::kOverdue, BreachKind::kOverContacted}) {
      BreachFilter mine;
      mine.owner_id = who.user_id;
      mine.kind = kind;
      auto page = tx.cadence().List(who, mine, first);
      note_more(page, kind == BreachKind::kOverdue ? "overdue" : "over_contacted");
      for (auto& b : page.items) {
        b.days_overdue = DaysOverdue(b, day.today);
        (kind == BreachKind::kOverdue ? day.overdue : day.over_contacted).push_back(std::move(b));
      }
    }
    std::stable_sort(day.overdue.begin(), day.overdue.end(),
                     [](const CadenceBreach& a, const CadenceBreach& b) {
                       return a.days_overdue > b.days_overdue;
                     });
    InteractionFilter steps;
    steps.next_step_owner_id = who.user_id;
    auto step_page = tx.interactions().List(who, steps, first);
    note_more(step_page, "next_steps");
    for (auto& i : step_page.items) {
      if (!i.next_step.empty()) day.next_steps.push_back(std::move(i));
    }
    std::stable_sort(day.next_steps.begin(), day.next_steps.end(),
                     [](const Interaction& a, const Interaction& b) {
                       if (a.next_step_due.has_value() != b.next_step_due.has_value()) {
                         return a.next_step_due.has_value();
                       }
                       return a.next_step_due < b.next_step_due;
                     });
    InteractionFilter requests;
    requests.request_owner_id = who.user_id;
    auto request_page = tx.interactions().List(who, requests, first);
    note_more(request_page, "open_requests");
    day.open_requests = std::move(request_page.items);
    VisitPlanFilter visits;
    visits.owner_id = who.user_id;
    visits.today = day.today;
    visits.from = visits.to = day.today;
    auto visit_page = tx.visit_plans().List(who, visits, first);
    note_more(visit_page, "visits_today");
    for (auto& p : visit_page.items) {
      if (p.status != VisitStatus::kCancelled) day.visits_today.push_back(std::move(p));
    }
    VisitPlanFilter missed;
    missed.owner_id = who.user_id;
    missed.today = day.today;
    missed.status = VisitStatus::kMissed;
    missed.from = CivilFromDays(DaysFromCivil(day.today) - kMissedVisitDays);
    auto missed_page = tx.visit_plans().List(who, missed, first);
    note_more(missed_page, "missed_visits");
    day.missed_visits = std::move(missed_page.items);
    std::reverse(day.missed_visits.begin(), day.missed_visits.end());
    const std::int64_t today = DaysFromCivil(day.today);
    // Only contacts whose birthday falls in the window are read (29 February counts on the
    // 28th in other years).
    std::vector<std::string> month_days;
    for (std::int64_t k = 0; k <= kBirthdayDays; ++k) {
      const CivilDate d = CivilFromDays(today + k);
      const std::string md = FormatCivilDate(d).substr(5);
      month_days.push_back(md);
      if (md == "02-28" && !ParseCivilDate(std::to_string(d.year) + "-02-29")) {
        month_days.push_back("02-29");
      }
    }
    for (auto& b : tx.interactions().Birthdays(who.user_id, month_days)) {
      auto born = ParseCivilDate(b.birthday);
      if (!born) continue;
      for (int year : {day.today.year, day.today.year + 1}) {
        CivilDate next{year, born->month, born->day};
        if (next.month == 2 && next.day == 29 && !ParseCivilDate(FormatCivilDate(next))) {
          next.day = 28;  // a 29 February birthday is kept on the 28th in other years
        }
        const std::int64_t in = DaysFromCivil(next) - today;
        if (in >= 0) {
          if (in <= kBirthdayDays) {
            b.next = next;
            b.in_days = in;
            day.birthdays.push_back(b);
          }
          break;
        }
      }
    }
    std::sort(day.birthdays.begin(), day.birthdays.end(),
              [](const BirthdayReminder& a, const BirthdayReminder& b) {
                return a.in_days < b.in_days;
              });
    auto ending = tx.contracts().Ending(who.user_id, FormatCivilDate(day.today),
                                        FormatCivilDate(CivilFromDays(today + kContractDays)),
                                        kMyDayItems + 1);
    if (ending.size() > static_cast<std::size_t>(kMyDayItems)) {
      ending.pop_back();
      day.more.emplace_back("contracts_ending");
    }
    for (auto& c : ending) {
      c.in_days = DaysFromCivil(c.ends_on) - today;
      day.contracts_ending.push_back(std::move(c));
    }
    return day;
  });
}

Result<std::string> CadenceService::RunDaily() {
  const Timestamp now = deps_.clock.Now();
  const CivilDate today = BusinessDay(now);
  std::int64_t evaluated = 0, notified = 0;
  // Once a business day every account is judged again (time alone makes one overdue);
  // contact records re-evaluate their account as they are written.
  KAMS_TRY(CadenceSettings settings, Settings(Principal{}));
  if (settings.evaluated_on != today) {
    for (Id after = 0;;) {
      int got = 0;
      KAMS_CHECK(Transact(deps_.db, TxMode::kWrite, [&](Tx& tx) -> Status {
        const auto batch = tx.cadence().Subjects(after, kCadenceBatch);
        for (const auto& s : batch) Reevaluate(tx, now, s, settings);
        got = static_cast<int>(batch.size());
        if (!batch.empty()) after = batch.back().customer_id;
        if (got < kCadenceBatch) tx.cadence().SetEvaluatedOn(today);
        return Ok();
      }));
      evaluated += got;
      if (got < kCadenceBatch) break;
    }
  }
  // Breaches not yet reported reach the owner, and the director once past the grace days.
  KAMS_CHECK(Transact(deps_.db, TxMode::kWrite, [&](Tx& tx) -> Status {
    for (Id customer : tx.cadence().Unreported()) notified += Report(tx, now, customer, settings);
    return Ok();
  }));
  return "evaluated " + std::to_string(evaluated) + " accounts, sent " + std::to_string(notified) +
         " notifications";
}

// ---- contact records ----

namespace {

// A next step's owner is told the account's name and finds the step on their day: it goes
// only to an active user who sees the account.
void CheckNextStepOwner(Tx& tx, Id owner_id, Id customer_id, Validator& v) {
  auto owner = tx.users().Get(owner_id);
  if (!owner || !owner->active) {
    v.Add("next_step_owner_id", "unknown_user");
    return;
  }
  const Principal them{owner->id, owner->username, owner->role, owner->org_unit_id};
  if (!tx.customers().Get(them, customer_id)) {
    v.Add("next_step_owner_id", "cannot_see_the_customer");
  }
}

}  // namespace

Result<Interaction> RecordContact(Tx& tx, const CoreDeps& deps, const RequestContext& ctx,
                                  const Principal& who, Interaction d, Timestamp now) {
  Trim(d);
  if (d.occurred_at == 0) d.occurred_at = now;
  d.contact_ids = Unique(d.contact_ids);
  d.participant_ids = Unique(d.participant_ids);
  KAMS_CHECK(ValidateInteraction(d, now));
  KAMS_TRY(Customer c, VisibleCustomer(tx, who, d.customer_id));
  Validator v;
  CheckContacts(tx, c.id, d.contact_ids, v);
  CheckUsers(tx, d.participant_ids, "participant_ids", v);
  if (d.next_step_owner_id) {
    CheckNextStepOwner(tx, *d.next_step_owner_id, c.id, v);
    if (d.next_step.empty()) v.Add("next_step", "required_with_owner");
  }
  KAMS_CHECK(v.ToStatus());
  if (std::find(d.participant_ids.begin(), d.participant_ids.end(), who.user_id) ==
      d.participant_ids.end()) {
    d.participant_ids.insert(d.participant_ids.begin(), who.user_id);
  }
  if (!d.next_step.empty() && !d.next_step_owner_id) d.next_step_owner_id = who.user_id;
  d.first_contact_owner_id = d.is_request ? std::optional<Id>(who.user_id) : std::nullopt;
  d.recorded_by = who.user_id;
  d.version = 1;
  d.created_at = d.updated_at = now;
  d.next_step_done_at.reset();
  d.request_closed_at.reset();
  d.id = tx.interactions().Insert(d);
  AppendAudit(tx, deps, ctx, &who, "",
              AuditEvent{"interaction.create", "interaction", d.id, c.id, DiffFields({}, Fields(d))});
  EvaluateAccountCadence(tx, now, c.id);
  auto saved = tx.interactions().Get(d.id);
  if (!saved) return MakeError(ErrorCode::kInternal, "the contact record vanished");
  // A service agent's record reaches the account's KAM; a next step its owner.
  if (who.role == Role::kService && c.owner_id && *c.owner_id != who.user_id) {
    Notify(tx, now, *c.owner_id, "interaction.service", "interaction", d.id, c.id,
           "客服接触记录 · " + c.name + "：" + d.purpose,
           "Service contact with " + c.name + ": " + d.purpose, saved->recorded_by_name);
  }
  if (d.next_step_owner_id && *d.next_step_owner_id != who.user_id) {
    Notify(tx, now, *d.next_step_owner_id, "interaction.next_step", "interaction", d.id, c.id,
           "新的下一步 · " + c.name + "：" + d.next_step,
           "Next step for you at " + c.name + ": " + d.next_step, saved->recorded_by_name);
  }
  return std::move(*saved);
}

Result<Interaction> InteractionService::Create(const Principal& who, const RequestContext& ctx,
                                               Interaction d) {
  return Recorded(deps_, ctx, who, [&]() -> Result<Interaction> {
    if (!Allows(who.role, Permission::kInteractionWrite)) {
      return DenyError("record contacts", "customer", d.customer_id);
    }
    return Transact(deps_.db, TxMode::kWrite, [&](Tx& tx) -> Result<Interaction> {
      return RecordContact(tx, deps_, ctx, who, d, deps_.clock.Now());
    });
  }());
}

Result<Interaction> InteractionService::Get(const Principal& who, const RequestContext& ctx, Id id) {
  return Recorded(deps_, ctx, who, Transact(deps_.db, TxMode::kRead, [&](Tx& tx) -> Result<Interaction> {
    auto i = tx.interactions().Get(id);
    if (!i) return NotFound("contact record not found");
    if (!tx.customers().Get(who, i->customer_id)) {
      return OutOfScope("interaction", id, "contact record not found");
    }
    return std::move(*i);
  }));
}

Result<Page<Interaction>> InteractionService::List(const Principal& who, const InteractionFilter& f,
                                                   const PageRequest& page) {
  if (f.channel && !IsChannel(*f.channel)) return ValidationFailed({{"channel", "invalid"}});
  return Transact(deps_.db, TxMode::kRead, [&](Tx& tx) -> Result<Page<Interaction>> {
    return tx.interactions().List(who, f, page);
  });
}

Result<Interaction> InteractionService::Update(const Principal& who, const RequestContext& ctx,
                                               Id id, std::int64_t expected_version,
                                               const InteractionPatch& p) {
  return Recorded(deps_, ctx, who, [&]() -> Result<Interaction> {
    if (!Allows(who.role, Permission::kInteractionWrite)) {
      return DenyError("change contact records", "interaction", id);
    }
    return Transact(deps_.db, TxMode::kWrite, [&](Tx& tx) -> Result<Interaction> {
      auto found = tx.interactions().Get(id);
      if (!found) return NotFound("contact record not found");
      if (!tx.customers().Get(who, found->customer_id)) {
        return OutOfScope("interaction", id, "contact record not found");
      }
      const Interaction before = *found;
      Interaction next = before;
      const bool admin = who.role == Role::kAdmin;
      const bool recorder = admin || who.user_id == before.recorded_by;
      const bool content = p.channel || p.purpose || p.summary || p.outcome || p.next_step ||
                           p.next_step_due || p.next_step_owner_id || p.occurred_at ||
                           p.contact_ids || p.participant_ids;
      if (content && !recorder) {
        return DenyError("change another user's contact record", "interaction", id);
      }
      if (p.next_step_done && !recorder && before.next_step_owner_id != who.user_id) {
        return DenyError("complete another user's next step", "interaction", id);
      }
      if ((p.first_contact_owner_id || p.request_closed) && !admin &&
          before.first_contact_owner_id != who.user_id) {
        return DenyError("hand on a request another user owns", "interaction", id);
      }
      if (before.version != expected_version) {
        return PreconditionFailed("the contact record changed since version " +
                                  std::to_string(expected_version));
      }
      const Timestamp now = deps_.clock.Now();
      if (p.channel) next.channel = *p.channel;
      if (p.purpose) next.purpose = *p.purpose;
      if (p.summary) next.summary = *p.summary;
      if (p.outcome) next.outcome = *p.outcome;
      if (p.next_step) next.next_step = *p.next_step;
      if (p.next_step_due) next.next_step_due = *p.next_step_due;
      if (p.occurred_at) next.occurred_at = *p.occurred_at;
      if (p.contact_ids) next.contact_ids = Unique(*p.contact_ids);
      if (p.participant_ids) next.participant_ids = Unique(*p.participant_ids);
      Trim(next);
      Validator v;
      if ((p.first_contact_owner_id || p.request_closed) && !before.is_request) {
        v.Add(p.first_contact_owner_id ? "first_contact_owner_id" : "request_closed",
              "not_a_request");
      }
      if (p.next_step_owner_id) {
        CheckNextStepOwner(tx, *p.next_step_owner_id, before.customer_id, v);
        next.next_step_owner_id = *p.next_step_owner_id;
      }
      if (next.next_step.empty()) {
        next.next_step_owner_id.reset();
        next.next_step_done_at.reset();
      } else if (!next.next_step_owner_id) {
        next.next_step_owner_id = who.user_id;
      }
      if (p.next_step_done) {
        if (next.next_step.empty()) v.Add("next_step_done", "no_next_step");
        next.next_step_done_at = *p.next_step_done ? std::optional<Timestamp>(
                                                         before.next_step_done_at.value_or(now))
                                                   : std::nullopt;
      }
      std::optional<Id> handed_to;
      if (p.first_contact_owner_id && before.is_request &&
          *p.first_contact_owner_id != before.first_contact_owner_id) {
        auto to = tx.users().Get(*p.first_contact_owner_id);
        if (!to || !to->active) {
          v.Add("first_contact_owner_id", "unknown_user");
        } else {
          Principal them{to->id, to->username, to->role, to->org_unit_id};
          if (!tx.customers().Get(them, before.customer_id)) {
            v.Add("first_contact_owner_id", "cannot_see_the_customer");
          }
          next.first_contact_owner_id = to->id;
          handed_to = to->id;
        }
      }
      if (p.request_closed && before.is_request) {
        next.request_closed_at =
            *p.request_closed ? std::optional<Timestamp>(before.request_closed_at.value_or(now))
                              : std::nullopt;
      }
      if (p.contact_ids) CheckContacts(tx, next.customer_id, next.contact_ids, v);
      if (p.participant_ids) CheckUsers(tx, next.participant_ids, "participant_ids", v);
      KAMS_CHECK(v.ToStatus());
      KAMS_CHECK(ValidateInteraction(next, now));
      auto changes = DiffFields(Fields(before), Fields(next));
      if (changes.empty()) return before;
      next.version = before.version + 1;
      next.updated_at = now;
      tx.interactions().Update(next);
      AppendAudit(tx, deps_, ctx, &who, "",
                  AuditEvent{"interaction.update", "interaction", id, next.customer_id,
                             std::move(changes)});
      if (p.occurred_at) EvaluateAccountCadence(tx, now, next.customer_id);
      if (handed_to && *handed_to != who.user_id) {
        Notify(tx, now, *handed_to, "interaction.request", "interaction", id, next.customer_id,
               "首问转交 · " + before.customer_name + "：" + next.purpose,
               "Request handed on to you: " + before.customer_name + ": " + next.purpose, "");
      }
      auto saved = tx.interactions().Get(id);
      if (!saved) return MakeError(ErrorCode::kInternal, "the contact record vanished");
      return std::move(*saved);
    });
  }());
}

Status InteractionService::Delete(const Principal& who, const RequestContext& ctx, Id id,
                                  std::int64_t expected_version) {
  return Recorded(deps_, ctx, who, [&]() -> Status {
    if (!Allows(who.role, Permission::kInteractionWrite)) {
      return DenyError("delete contact records", "interaction", id);
    }
    return Transact(deps_.db, TxMode::kWrite, [&](Tx& tx) -> Status {
      auto found = tx.interactions().Get(id);
      if (!found) return NotFound("contact record not found");
      if (!tx.customers().Get(who, found->customer_id)) {
        return OutOfScope("interaction", id, "contact record not found");
      }
      if (who.role != Role::kAdmin && who.user_id != found->recorded_by) {
        return DenyError("delete another user's contact record", "interaction", id);
      }
      if (found->version != expected_version) {
        return PreconditionFailed("the contact record changed since version " +
                                  std::to_string(expected_version));
      }
      const Timestamp now = deps_.clock.Now();
      tx.interactions().SoftDelete(id, now);
      AppendAudit(tx, deps_, ctx, &who, "",
                  AuditEvent{"interaction.delete", "interaction", id, found->customer_id,
                             DiffFields(Fields(*found), {})});
      // The visit it completed is open again.
      if (auto plan_id = tx.visit_plans().ForInteraction(id)) {
        if (auto plan = tx.visit_plans().Get(*plan_id)) {
          VisitPlan open = *plan;
          open.status = VisitStatus::kPlanned;
          open.interaction_id.reset();
          open.completed_at.reset();
          open.version = plan->version + 1;
          open.updated_at = now;
          tx.visit_plans().Update(open);
          AppendAudit(tx, deps_, ctx, &who, "",
                      AuditEvent{"visit_plan.reopen", "visit_plan", open.id, open.customer_id,
                                 {{"status", "completed", "planned"},
                                  {"interaction_id", std::to_string(id), std::nullopt}}});
        }
      }
      EvaluateAccountCadence(tx, now, found->customer_id);
      return Ok();
    });
  }());
}

}  // namespace kams
