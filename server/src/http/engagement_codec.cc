#include "http/engagement_codec.h"

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

}  // namespace kams::http
