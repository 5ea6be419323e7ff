// Contact records (/interactions), contact cadence (/cadence-rules, /cadence-breaches,
// /customers/{id}/cadence) and the user's day (/my-day).

#include "http/api.h"
#include "http/engagement_codec.h"
#include "http/handler_util.h"

namespace kams::http {
namespace {

json RuleJson(const CadenceRule& r, bool with_tier) {
  json out = {{"min_interval_days", r.min_interval_days ? json(*r.min_interval_days) : json(nullptr)},
              {"max_contacts", r.max_contacts ? json(*r.max_contacts) : json(nullptr)},
              {"period_days", r.period_days}};
  if (with_tier) out["tier"] = r.tier;
  return out;
}

json SettingsJson(const CadenceSettings& s) {
  json rules = json::array();
  for (const auto& r : s.rules) rules.push_back(RuleJson(r, true));
  return {{"rules", rules}, {"grace_days", s.grace_days}, {"version", s.version}};
}

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

Result<Interaction> ReadDraft(const json& body) {
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

Result<InteractionPatch> ReadPatch(const json& body) {
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

Response InteractionResponse(int status, const Interaction& i) {
  Response r = JsonResponse(status, InteractionJson(i));
  SetEtag(r, i.version);
  return r;
}

Response SettingsResponse(const CadenceSettings& s) {
  Response r = JsonResponse(200, SettingsJson(s));
  SetEtag(r, s.version);
  return r;
}

}  // namespace

void AddEngagementRoutes(Router& r, Services& s,
                         const std::function<Handler(AuthedHandler)>& authed) {
  r.Add("POST", "/api/v1/interactions", authed([&s](Request& req, const Call& call) -> Response {
          auto body = codec::ParseObject(req.body);
          if (!body.ok()) return ErrorResponse(body.error(), req);
          auto draft = ReadDraft(*body);
          if (!draft.ok()) return ErrorResponse(draft.error(), req);
          auto saved = s.interactions.Create(call.who(), call.ctx, std::move(*draft));
          if (!saved.ok()) return ErrorResponse(saved.error(), req);
          Response res = InteractionResponse(201, *saved);
          res.SetHeader("Location", "/api/v1/interactions/" + std::to_string(saved->id));
          return res;
        }));

  r.Add("GET", "/api/v1/interactions", authed([&s](Request& req, const Call& call) -> Response {
          auto q = Query::Parse(req, {"limit", "cursor", "customer_id", "recorded_by",
                                      "participant_id", "channel", "from", "to",
                                      "next_step_owner_id", "request_owner_id"});
          if (!q.ok()) return ErrorResponse(q.error(), req);
          auto page = q->Page("-occurred_at", true);
          if (!page.ok()) return ErrorResponse(page.error(), req);
          InteractionFilter f;
          for (auto [name, field] : {std::pair{"customer_id", &f.customer_id},
                                     std::pair{"recorded_by", &f.recorded_by},
                                     std::pair{"participant_id", &f.participant_id},
                                     std::pair{"next_step_owner_id", &f.next_step_owner_id},
                                     std::pair{"request_owner_id", &f.request_owner_id}}) {
            auto v = q->Int(name, 1, INT64_MAX);
            if (!v.ok()) return ErrorResponse(v.error(), req);
            *field = *v;
          }
          f.channel = q->Get("channel");
          for (auto [name, field] : {std::pair{"from", &f.from}, std::pair{"to", &f.to}}) {
            if (auto text = q->Get(name)) {
              auto t = ParseRfc3339(*text);
              if (!t) {
                if (auto d = ParseCivilDate(*text)) {
                  t = (DaysFromCivil(*d) * 86400 - kBusinessUtcOffsetSeconds) * kMicrosPerSecond;
                }
              }
              if (!t) return ErrorResponse(ValidationFailed({{name, "must_be_date_or_rfc3339"}}), req);
              *field = *t;
            }
          }
          auto list = s.interactions.List(call.who(), f, *page);
          if (!list.ok()) return ErrorResponse(list.error(), req);
          return JsonResponse(200, ListJson(*list, "-occurred_at", InteractionJson));
        }));

  r.Add("GET", "/api/v1/interactions/{id}", authed([&s](Request& req, const Call& call) -> Response {
          auto id = PathId(req, 0);
          if (!id.ok()) return ErrorResponse(id.error(), req);
          auto i = s.interactions.Get(call.who(), call.ctx, *id);
          if (!i.ok()) return ErrorResponse(i.error(), req);
          return InteractionResponse(200, *i);
        }));

  r.Add("PATCH", "/api/v1/interactions/{id}",
        authed([&s](Request& req, const Call& call) -> Response {
          auto id = PathId(req, 0);
          if (!id.ok()) return ErrorResponse(id.error(), req);
          auto version = IfMatchVersion(req);
          if (!version.ok()) return ErrorResponse(version.error(), req);
          auto body = codec::ParseObject(req.body);
          if (!body.ok()) return ErrorResponse(body.error(), req);
          auto patch = ReadPatch(*body);
          if (!patch.ok()) return ErrorResponse(patch.error(), req);
          auto i = s.interactions.Update(call.who(), call.ctx, *id, *version, *patch);
          if (!i.ok()) return ErrorResponse(i.error(), req);
          return InteractionResponse(200, *i);
        }));

  r.Add("DELETE", "/api/v1/interactions/{id}",
        authed([&s](Request& req, const Call& call) -> Response {
          auto id = PathId(req, 0);
          if (!id.ok()) return ErrorResponse(id.error(), req);
          auto version = IfMatchVersion(req);
          if (!version.ok()) return ErrorResponse(version.error(), req);
          auto st = s.interactions.Delete(call.who(), call.ctx, *id, *version);
          if (!st.ok()) return ErrorResponse(st.error(), req);
          return NoContent();
        }));

  r.Add("GET", "/api/v1/cadence-rules", authed([&s](Request& req, const Call& call) -> Response {
          if (auto q = Query::Parse(req, {}); !q.ok()) return ErrorResponse(q.error(), req);
          auto settings = s.cadence.Settings(call.who());
          if (!settings.ok()) return ErrorResponse(settings.error(), req);
          return SettingsResponse(*settings);
        }));

  r.Add("PUT", "/api/v1/cadence-rules", authed([&s](Request& req, const Call& call) -> Response {
          auto version = IfMatchVersion(req);
          if (!version.ok()) return ErrorResponse(version.error(), req);
          auto body = codec::ParseObject(req.body);
          if (!body.ok()) return ErrorResponse(body.error(), req);
          if (auto st = OnlyFields(*body, {"rules", "grace_days"}); !st.ok()) {
            return ErrorResponse(st.error(), req);
          }
          CadenceSettings next;
          std::vector<FieldError> problems;
          std::optional<std::int64_t> grace;
          (void)ReadInt(*body, "grace_days", INT64_MIN, INT64_MAX, grace, problems);
          next.grace_days = grace.value_or(7);
          auto rules = body->find("rules");
          if (rules == body->end() || !rules->is_array()) {
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
          if (!problems.empty()) return ErrorResponse(ValidationFailed(problems), req);
          auto saved = s.cadence.PutSettings(call.who(), call.ctx, std::move(next), *version);
          if (!saved.ok()) return ErrorResponse(saved.error(), req);
          return SettingsResponse(*saved);
        }));

  r.Add("GET", "/api/v1/customers/{id}/cadence",
        authed([&s](Request& req, const Call& call) -> Response {
          auto id = PathId(req, 0);
          if (!id.ok()) return ErrorResponse(id.error(), req);
          auto view = s.cadence.View(call.who(), call.ctx, *id);
          if (!view.ok()) return ErrorResponse(view.error(), req);
          json list = json::array();
          for (const auto& b : view->breaches) list.push_back(BreachJson(b));
          return JsonResponse(
              200, json{{"own", view->own ? RuleJson(view->own->rule, false) : json(nullptr)},
                        {"effective", view->effective ? RuleJson(*view->effective, false) : json(nullptr)},
                        {"source", view->source},
                        {"tier", OptJson(view->tier)},
                        {"last_contact_at", TimeJson(view->last_contact_at)},
                        {"next_due", DateJson(view->next_due)},
                        {"contacts_in_period", view->contacts_in_period
                                                   ? json(*view->contacts_in_period)
                                                   : json(nullptr)},
                        {"breaches", list}});
        }));

  r.Add("PUT", "/api/v1/customers/{id}/cadence",
        authed([&s](Request& req, const Call& call) -> Response {
          auto id = PathId(req, 0);
          if (!id.ok()) return ErrorResponse(id.error(), req);
          auto body = codec::ParseObject(req.body);
          if (!body.ok()) return ErrorResponse(body.error(), req);
          if (auto st = OnlyFields(*body, {"min_interval_days", "max_contacts", "period_days"});
              !st.ok()) {
            return ErrorResponse(st.error(), req);
          }
          std::vector<FieldError> problems;
          CadenceRule rule = ReadRule(*body, "", problems);
          if (!problems.empty()) return ErrorResponse(ValidationFailed(problems), req);
          auto saved = s.cadence.PutOwn(call.who(), call.ctx, *id, rule);
          if (!saved.ok()) return ErrorResponse(saved.error(), req);
          return JsonResponse(200, json{{"own", RuleJson(saved->rule, false)}});
        }));

  r.Add("DELETE", "/api/v1/customers/{id}/cadence",
        authed([&s](Request& req, const Call& call) -> Response {
          auto id = PathId(req, 0);
          if (!id.ok()) return ErrorResponse(id.error(), req);
          auto st = s.cadence.DeleteOwn(call.who(), call.ctx, *id);
          if (!st.ok()) return ErrorResponse(st.error(), req);
          return NoContent();
        }));

  r.Add("GET", "/api/v1/cadence-breaches", authed([&s](Request& req, const Call& call) -> Response {
          auto q = Query::Parse(req, {"limit", "cursor", "kind", "owner_id", "org_unit_id"});
          if (!q.ok()) return ErrorResponse(q.error(), req);
          auto page = q->Page("since", false);
          if (!page.ok()) return ErrorResponse(page.error(), req);
          BreachFilter f;
          if (auto kind = q->Get("kind")) {
            f.kind = ParseBreachKind(*kind);
            if (!f.kind) return ErrorResponse(ValidationFailed({{"kind", "invalid"}}), req);
          }
          for (auto [name, field] : {std::pair{"owner_id", &f.owner_id},
                                     std::pair{"org_unit_id", &f.org_unit_id}}) {
            auto v = q->Int(name, 1, INT64_MAX);
            if (!v.ok()) return ErrorResponse(v.error(), req);
            *field = *v;
          }
          auto list = s.cadence.Breaches(call.who(), f, *page);
          if (!list.ok()) return ErrorResponse(list.error(), req);
          return JsonResponse(200, ListJson(*list, "since", BreachJson));
        }));

  r.Add("GET", "/api/v1/my-day", authed([&s](Request& req, const Call& call) -> Response {
          if (auto q = Query::Parse(req, {}); !q.ok()) return ErrorResponse(q.error(), req);
          auto day = s.cadence.Today(call.who());
          if (!day.ok()) return ErrorResponse(day.error(), req);
          auto breaches = [&](const std::vector<CadenceBreach>& v) {
            json out = json::array();
            for (const auto& b : v) out.push_back(BreachJson(b));
            return out;
          };
          auto records = [](const std::vector<Interaction>& v) {
            json out = json::array();
            for (const auto& i : v) out.push_back(InteractionJson(i));
            return out;
          };
          auto plans = [&](const std::vector<VisitPlan>& v) {
            json out = json::array();
            for (const auto& p : v) out.push_back(VisitPlanJson(p, day->today));
            return out;
          };
          json birthdays = json::array();
          for (const auto& b : day->birthdays) {
            birthdays.push_back({{"contact_id", b.contact_id},
                                 {"contact_name", b.contact_name},
                                 {"customer_id", b.customer_id},
                                 {"customer_name", b.customer_name},
                                 {"birthday", b.birthday},
                                 {"next", FormatCivilDate(b.next)},
                                 {"in_days", b.in_days}});
          }
          return JsonResponse(200, json{{"today", FormatCivilDate(day->today)},
                                        {"overdue", breaches(day->overdue)},
                                        {"over_contacted", breaches(day->over_contacted)},
                                        {"next_steps", records(day->next_steps)},
                                        {"open_requests", records(day->open_requests)},
                                        {"birthdays", birthdays},
                                        {"visits_today", plans(day->visits_today)},
                                        {"missed_visits", plans(day->missed_visits)}});
        }));
}

}  // namespace kams::http
