#include "http/engagement_codec.h"

#include "http/handler_util.h"

namespace kams::http {

json OptJson(const std::optional<Id>& v) { return v ? json(*v) : json(nullptr); }
json OptJson(const std::optional<std::string>& v) { return v ? json(*v) : json(nullptr); }
json TimeJson(const std::optional<Timestamp>& t) {
  return t ? json(FormatRfc3339(*t)) : json(nullptr);
}
json DateJson(const std::optional<CivilDate>& d) {
  return d ? json(FormatCivilDate(*d)) : json(nullptr);
}

json RefsJson(const std::vector<NamedRef>& refs) {
  json out = json::array();
  for (const auto& r : refs) out.push_back({{"id", r.id}, {"name", r.name}});
  return out;
}

json InteractionJson(const Interaction& i) {
  return {{"id", i.id},
          {"customer_id", i.customer_id},
          {"customer_name", i.customer_name},
          {"version", i.version},
          {"channel", i.channel},
          {"purpose", i.purpose},
          {"summary", i.summary},
          {"outcome", i.outcome},
          {"next_step", i.next_step},
          {"next_step_due", DateJson(i.next_step_due)},
          {"next_step_owner_id", OptJson(i.next_step_owner_id)},
          {"next_step_owner_name", OptJson(i.next_step_owner_name)},
          {"next_step_done_at", TimeJson(i.next_step_done_at)},
          {"is_request", i.is_request},
          {"first_contact_owner_id", OptJson(i.first_contact_owner_id)},
          {"first_contact_owner_name", OptJson(i.first_contact_owner_name)},
          {"request_closed_at", TimeJson(i.request_closed_at)},
          {"occurred_at", FormatRfc3339(i.occurred_at)},
          {"recorded_by", i.recorded_by},
          {"recorded_by_name", i.recorded_by_name},
          {"contacts", RefsJson(i.contacts)},
          {"participants", RefsJson(i.participants)},
          {"visit_plan_id", OptJson(i.visit_plan_id)},
          {"created_at", FormatRfc3339(i.created_at)},
          {"updated_at", FormatRfc3339(i.updated_at)}};
}

json CadenceRuleJson(const CadenceRule& r, bool with_tier) {
  json out = {{"min_interval_days", OptJson(r.min_interval_days)},
              {"max_contacts", OptJson(r.max_contacts)},
              {"period_days", r.period_days}};
  if (with_tier) out["tier"] = r.tier;
  return out;
}

json CadenceSettingsJson(const CadenceSettings& s) {
  json rules = json::array();
  for (const auto& r : s.rules) rules.push_back(CadenceRuleJson(r, true));
  return {{"rules", rules}, {"grace_days", s.grace_days}, {"version", s.version}};
}

json CommentJson(const Comment& c) {
  return {{"id", c.id},
          {"item_kind", std::string(ReviewKindName(c.item_kind))},
          {"item_id", c.item_id},
          {"author_id", c.author_id},
          {"author_name", c.author_name},
          {"body", c.body},
          {"created_at", FormatRfc3339(c.created_at)}};
}

json BreachJson(const CadenceBreach& b) {
  return {{"customer_id", b.customer_id},
          {"customer_name", b.customer_name},
          {"tier", OptJson(b.tier)},
          {"owner_id", OptJson(b.owner_id)},
          {"owner_name", OptJson(b.owner_name)},
          {"org_unit_id", b.org_unit_id},
          {"kind", std::string(BreachKindName(b.kind))},
          {"since", FormatCivilDate(b.since)},
          {"due_on", DateJson(b.due_on)},
          {"days_overdue", b.days_overdue},
          {"last_contact_at", TimeJson(b.last_contact_at)},
          {"contacts_in_period", b.contacts_in_period},
          {"min_interval_days", b.min_interval_days ? json(*b.min_interval_days) : json(nullptr)},
          {"max_contacts", b.max_contacts ? json(*b.max_contacts) : json(nullptr)},
          {"period_days", b.period_days},
          {"notified_owner_at", TimeJson(b.notified_owner_at)},
          {"notified_director_at", TimeJson(b.notified_director_at)}};
}

// Reads an optional integer member in [min, max]; null or absent leaves `out` unchanged.
Status ReadInt(const json& body, const char* name, std::int64_t min, std::int64_t max,
               std::optional<std::int64_t>& out, std::vector<FieldError>& problems,
               const std::string& prefix) {
  auto it = body.find(name);
  if (it == body.end() || it->is_null()) return Ok();
  if (!it->is_number_integer() || it->get<std::int64_t>() < min || it->get<std::int64_t>() > max) {
    problems.push_back(
        {prefix + name, it->is_number_integer() ? "out_of_range" : "must_be_integer"});
  } else {
    out = it->get<std::int64_t>();
  }
  return Ok();
}

Result<std::vector<Id>> ReadIds(const json& body, const char* name) {
  std::vector<Id> out;
  auto it = body.find(name);
  if (it == body.end() || it->is_null()) return out;
  if (!it->is_array()) return ValidationFailed({{name, "must_be_array"}});
  for (std::size_t k = 0; k < it->size(); ++k) {
    const json& v = (*it)[k];
    if (!v.is_number_integer() || v.get<std::int64_t>() < 1) {
      return ValidationFailed({{std::string(name) + "[" + std::to_string(k) + "]", "must_be_id"}});
    }
    out.push_back(v.get<std::int64_t>());
  }
  return out;
}

Status ReadText(const json& body, const char* name, std::optional<std::string>& out,
                std::vector<FieldError>& problems) {
  auto it = body.find(name);
  if (it == body.end()) return Ok();
  if (it->is_null()) {
    out = std::string();
  } else if (!it->is_string()) {
    problems.push_back({name, "must_be_string"});
  } else {
    out = it->get<std::string>();
  }
  return Ok();
}

Status ReadBool(const json& body, const char* name, std::optional<bool>& out,
                std::vector<FieldError>& problems) {
  auto it = body.find(name);
  if (it == body.end() || it->is_null()) return Ok();
  if (!it->is_boolean()) {
    problems.push_back({name, "must_be_boolean"});
  } else {
    out = it->get<bool>();
  }
  return Ok();
}

Status ReadId(const json& body, const char* name, std::optional<Id>& out,
              std::vector<FieldError>& problems) {
  auto it = body.find(name);
  if (it == body.end() || it->is_null()) return Ok();
  if (!it->is_number_integer() || it->get<std::int64_t>() < 1) {
    problems.push_back({name, "must_be_id"});
  } else {
    out = it->get<std::int64_t>();
  }
  return Ok();
}

Status ReadInstant(const json& body, const char* name, std::optional<Timestamp>& out,
                   std::vector<FieldError>& problems) {
  auto it = body.find(name);
  if (it == body.end() || it->is_null()) return Ok();
  auto t = it->is_string() ? ParseRfc3339(it->get<std::string>()) : std::nullopt;
  if (!t) {
    problems.push_back({name, "must_be_rfc3339"});
  } else {
    out = *t;
  }
  return Ok();
}

Result<std::optional<std::vector<Id>>> ReadIdsIfPresent(const json& body, const char* name) {
  if (!body.contains(name)) return std::optional<std::vector<Id>>{};
  KAMS_TRY(auto ids, ReadIds(body, name));
  return std::optional<std::vector<Id>>{std::move(ids)};
}

json VisitPlanJson(const VisitPlan& p, const CivilDate& today) {
  return {{"id", p.id},
          {"version", p.version},
          {"customer_id", p.customer_id},
          {"customer_name", p.customer_name},
          {"owner_id", p.owner_id},
          {"owner_name", p.owner_name},
          {"planned_on", FormatCivilDate(p.planned_on)},
          {"start_time", OptJson(p.start_time)},
          {"purpose", p.purpose},
          {"contacts", RefsJson(p.contacts)},
          {"participants", RefsJson(p.participants)},
          {"status", std::string(VisitStatusName(EffectiveStatus(p, today)))},
          {"interaction_id", OptJson(p.interaction_id)},
          {"cancel_reason", OptJson(p.cancel_reason)},
          {"completed_at", TimeJson(p.completed_at)},
          {"cancelled_at", TimeJson(p.cancelled_at)},
          {"created_by", p.created_by},
          {"created_by_name", p.created_by_name},
          {"created_at", FormatRfc3339(p.created_at)},
          {"updated_at", FormatRfc3339(p.updated_at)}};
}

namespace {

// A rule's bounds: min_interval_days, max_contacts (null: none), period_days (default 7).
CadenceRule ReadRule(const json& o, const std::string& prefix, std::vector<FieldError>& problems) {
  CadenceRule rule;
  (void)ReadInt(o, "min_interval_days", INT64_MIN, INT64_MAX, rule.min_interval_days, problems,
                prefix);
  (void)ReadInt(o, "max_contacts", INT64_MIN, INT64_MAX, rule.max_contacts, problems, prefix);
  std::optional<std::int64_t> period;
  (void)ReadInt(o, "period_days", INT64_MIN, INT64_MAX, period, problems, prefix);
  if (period) rule.period_days = *period;
  return rule;
}

Status ReadDay(const json& body, const char* name, std::optional<CivilDate>& out,
               std::vector<FieldError>& problems) {
  auto it = body.find(name);
  if (it == body.end() || it->is_null()) return Ok();
  auto d = it->is_string() ? ParseCivilDate(it->get<std::string>()) : std::nullopt;
  if (!d) {
    problems.push_back({name, "must_be_date"});
  } else {
    out = *d;
  }
  return Ok();
}

}  // namespace

Result<Interaction> DecodeInteractionDraft(const json& body) {
  KAMS_CHECK(OnlyFields(body, {"customer_id", "channel", "purpose", "summary", "outcome",
                               "next_step", "next_step_due", "next_step_owner_id", "occurred_at",
                               "contact_ids", "participant_ids", "is_request"}));
  std::vector<FieldError> problems;
  Interaction d;
  std::optional<Id> customer;
  (void)ReadId(body, "customer_id", customer, problems);
  if (customer) {
    d.customer_id = *customer;
  } else if (problems.empty()) {
    problems.push_back({"customer_id", "required"});
  }
  std::optional<std::string> channel, purpose, summary, outcome, next_step;
  (void)ReadText(body, "channel", channel, problems);
  (void)ReadText(body, "purpose", purpose, problems);
  (void)ReadText(body, "summary", summary, problems);
  (void)ReadText(body, "outcome", outcome, problems);
  (void)ReadText(body, "next_step", next_step, problems);
  d.channel = channel.value_or("");
  d.purpose = purpose.value_or("");
  d.summary = summary.value_or("");
  d.outcome = outcome.value_or("");
  d.next_step = next_step.value_or("");
  (void)ReadId(body, "next_step_owner_id", d.next_step_owner_id, problems);
  std::optional<Timestamp> at;
  (void)ReadInstant(body, "occurred_at", at, problems);
  d.occurred_at = at.value_or(0);
  std::optional<bool> request;
  (void)ReadBool(body, "is_request", request, problems);
  d.is_request = request.value_or(false);
  if (!problems.empty()) return ValidationFailed(problems);
  KAMS_TRY(auto due, NullableDate(body, "next_step_due"));
  if (due) d.next_step_due = *due;
  KAMS_TRY(d.contact_ids, ReadIds(body, "contact_ids"));
  KAMS_TRY(d.participant_ids, ReadIds(body, "participant_ids"));
  return d;
}

Result<InteractionPatch> DecodeInteractionPatch(const json& body) {
  KAMS_CHECK(OnlyFields(body, {"channel", "purpose", "summary", "outcome", "next_step",
                               "next_step_due", "next_step_owner_id", "next_step_done",
                               "occurred_at", "contact_ids", "participant_ids",
                               "first_contact_owner_id", "request_closed"}));
  std::vector<FieldError> problems;
  InteractionPatch p;
  (void)ReadText(body, "channel", p.channel, problems);
  (void)ReadText(body, "purpose", p.purpose, problems);
  (void)ReadText(body, "summary", p.summary, problems);
  (void)ReadText(body, "outcome", p.outcome, problems);
  (void)ReadText(body, "next_step", p.next_step, problems);
  (void)ReadId(body, "next_step_owner_id", p.next_step_owner_id, problems);
  (void)ReadBool(body, "next_step_done", p.next_step_done, problems);
  (void)ReadInstant(body, "occurred_at", p.occurred_at, problems);
  (void)ReadId(body, "first_contact_owner_id", p.first_contact_owner_id, problems);
  (void)ReadBool(body, "request_closed", p.request_closed, problems);
  if (!problems.empty()) return ValidationFailed(problems);
  KAMS_TRY(p.next_step_due, NullableDate(body, "next_step_due"));
  KAMS_TRY(p.contact_ids, ReadIdsIfPresent(body, "contact_ids"));
  KAMS_TRY(p.participant_ids, ReadIdsIfPresent(body, "participant_ids"));
  return p;
}

Result<CadenceSettings> DecodeCadenceSettings(const json& body) {
  KAMS_CHECK(OnlyFields(body, {"rules", "grace_days"}));
  CadenceSettings next;
  std::vector<FieldError> problems;
  std::optional<std::int64_t> grace;
  (void)ReadInt(body, "grace_days", INT64_MIN, INT64_MAX, grace, problems);
  next.grace_days = grace.value_or(7);
  auto rules = body.find("rules");
  if (rules == body.end() || !rules->is_array()) {
    problems.push_back({"rules", "required"});
  } else {
    for (std::size_t k = 0; k < rules->size(); ++k) {
      const json& o = (*rules)[k];
      const std::string prefix = "rules[" + std::to_string(k) + "].";
      if (!o.is_object()) {
        problems.push_back({"rules[" + std::to_string(k) + "]", "must_be_object"});
        continue;
      }
      if (auto st = OnlyFields(o, {"tier", "min_interval_days", "max_contacts", "period_days"});
          !st.ok()) {
        for (const auto& f : st.error().fields) problems.push_back({prefix + f.field, f.problem});
        continue;
      }
      CadenceRule rule = ReadRule(o, prefix, problems);
      auto tier = o.find("tier");
      if (tier != o.end() && tier->is_string()) {
        rule.tier = tier->get<std::string>();
      } else if (tier != o.end() && !tier->is_null()) {
        problems.push_back({prefix + "tier", "must_be_string"});
      }
      next.rules.push_back(std::move(rule));
    }
  }
  if (!problems.empty()) return ValidationFailed(problems);
  return next;
}

Result<CadenceRule> DecodeCadenceRule(const json& body) {
  KAMS_CHECK(OnlyFields(body, {"min_interval_days", "max_contacts", "period_days"}));
  std::vector<FieldError> problems;
  CadenceRule rule = ReadRule(body, "", problems);
  if (!problems.empty()) return ValidationFailed(problems);
  return rule;
}

Result<VisitPlan> DecodeVisitPlanDraft(const json& body) {
  KAMS_CHECK(OnlyFields(body, {"customer_id", "planned_on", "start_time", "purpose", "owner_id",
                               "contact_ids", "participant_ids"}));
  std::vector<FieldError> problems;
  VisitPlan d;
  std::optional<Id> customer, owner;
  (void)ReadId(body, "customer_id", customer, problems);
  if (!customer && problems.empty()) problems.push_back({"customer_id", "required"});
  d.customer_id = customer.value_or(0);
  (void)ReadId(body, "owner_id", owner, problems);
  d.owner_id = owner.value_or(0);
  std::optional<CivilDate> day;
  const std::size_t before = problems.size();
  (void)ReadDay(body, "planned_on", day, problems);
  if (!day && problems.size() == before) problems.push_back({"planned_on", "required"});
  if (day) d.planned_on = *day;
  std::optional<std::string> purpose;
  (void)ReadText(body, "purpose", purpose, problems);
  d.purpose = purpose.value_or("");
  if (!problems.empty()) return ValidationFailed(problems);
  KAMS_TRY(auto start, NullableText(body, "start_time"));
  if (start) d.start_time = *start;
  KAMS_TRY(d.contact_ids, ReadIds(body, "contact_ids"));
  KAMS_TRY(d.participant_ids, ReadIds(body, "participant_ids"));
  return d;
}

Result<VisitPlanPatch> DecodeVisitPlanPatch(const json& body) {
  KAMS_CHECK(OnlyFields(
      body, {"planned_on", "start_time", "purpose", "owner_id", "contact_ids", "participant_ids"}));
  std::vector<FieldError> problems;
  VisitPlanPatch p;
  (void)ReadDay(body, "planned_on", p.planned_on, problems);
  (void)ReadText(body, "purpose", p.purpose, problems);
  (void)ReadId(body, "owner_id", p.owner_id, problems);
  if (!problems.empty()) return ValidationFailed(problems);
  KAMS_TRY(p.start_time, NullableText(body, "start_time"));
  KAMS_TRY(p.contact_ids, ReadIdsIfPresent(body, "contact_ids"));
  KAMS_TRY(p.participant_ids, ReadIdsIfPresent(body, "participant_ids"));
  return p;
}

Result<VisitCompletion> DecodeVisitCompletion(const json& body) {
  VisitCompletion c;
  KAMS_CHECK(OnlyFields(body, {"occurred_at", "summary", "outcome", "next_step", "next_step_due",
                               "next_step_owner_id", "contact_ids", "participant_ids"}));
  std::vector<FieldError> problems;
  std::optional<std::string> summary, outcome, next_step;
  (void)ReadInstant(body, "occurred_at", c.occurred_at, problems);
  (void)ReadText(body, "summary", summary, problems);
  (void)ReadText(body, "outcome", outcome, problems);
  (void)ReadText(body, "next_step", next_step, problems);
  (void)ReadId(body, "next_step_owner_id", c.next_step_owner_id, problems);
  if (!problems.empty()) return ValidationFailed(problems);
  c.summary = summary.value_or("");
  c.outcome = outcome.value_or("");
  c.next_step = next_step.value_or("");
  KAMS_TRY(auto due, NullableDate(body, "next_step_due"));
  if (due) c.next_step_due = *due;
  KAMS_TRY(c.contact_ids, ReadIdsIfPresent(body, "contact_ids"));
  KAMS_TRY(c.participant_ids, ReadIdsIfPresent(body, "participant_ids"));
  return c;
}

namespace {

// A body with one optional text member: absent or null is "".
Result<std::string> OneText(const json& body, const char* name) {
  KAMS_CHECK(OnlyFields(body, {name}));
  std::vector<FieldError> problems;
  std::optional<std::string> text;
  (void)ReadText(body, name, text, problems);
  if (!problems.empty()) return ValidationFailed(problems);
  return text.value_or("");
}

}  // namespace

Result<std::string> DecodeCancelReason(const json& body) { return OneText(body, "reason"); }

Result<std::string> DecodeCommentBody(const json& body) { return OneText(body, "body"); }

Result<std::vector<ReviewRef>> DecodeReviewItems(const json& body) {
  KAMS_CHECK(OnlyFields(body, {"items"}));
  auto it = body.find("items");
  if (it == body.end() || !it->is_array()) return ValidationFailed({{"items", "required"}});
  std::vector<ReviewRef> out;
  std::vector<FieldError> problems;
  for (std::size_t k = 0; k < it->size(); ++k) {
    const json& o = (*it)[k];
    const std::string at = "items[" + std::to_string(k) + "]";
    if (!o.is_object()) {
      problems.push_back({at, "must_be_object"});
      continue;
    }
    if (auto st = OnlyFields(o, {"kind", "id"}); !st.ok()) {
      for (const auto& f : st.error().fields) problems.push_back({at + "." + f.field, f.problem});
      continue;
    }
    ReviewRef ref;
    auto kind = o.find("kind");
    auto parsed = kind != o.end() && kind->is_string() ? ParseReviewKind(kind->get<std::string>())
                                                       : std::nullopt;
    if (!parsed) {
      problems.push_back({at + ".kind", "invalid"});
    } else {
      ref.kind = *parsed;
    }
    auto id = o.find("id");
    if (id == o.end() || !id->is_number_integer() || id->get<std::int64_t>() < 1) {
      problems.push_back({at + ".id", "must_be_id"});
    } else {
      ref.id = id->get<std::int64_t>();
    }
    out.push_back(ref);
  }
  if (!problems.empty()) return ValidationFailed(problems);
  return out;
}

}  // namespace kams::http
