// Contact records (/interactions), contact cadence (/cadence-rules, /cadence-breaches,
// /customers/{id}/cadence) and the user's day (/my-day).

#include "http/api.h"
#include "http/engagement_codec.h"
#include "http/handler_util.h"

namespace kams::http {
namespace {

Response InteractionResponse(int status, const Interaction& i) {
  Response r = JsonResponse(status, InteractionJson(i));
  SetEtag(r, i.version);
  return r;
}

Response SettingsResponse(const CadenceSettings& s) {
  Response r = JsonResponse(200, CadenceSettingsJson(s));
  SetEtag(r, s.version);
  return r;
}

}  // namespace

void AddEngagementRoutes(Router& r, Services& s,
                         const std::function<Handler(AuthedHandler)>& authed) {
  r.Add("POST", "/api/v1/interactions", authed([&s](Request& req, const Call& call) -> Response {
          auto body = codec::ParseObject(req.body);
          if (!body.ok()) return ErrorResponse(body.error(), req);
          auto draft = DecodeInteractionDraft(*body);
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
          auto patch = DecodeInteractionPatch(*body);
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
          auto next = DecodeCadenceSettings(*body);
          if (!next.ok()) return ErrorResponse(next.error(), req);
          auto saved = s.cadence.PutSettings(call.who(), call.ctx, std::move(*next), *version);
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
              200, json{{"own",
                         view->own ? CadenceRuleJson(view->own->rule, false) : json(nullptr)},
                        {"effective", view->effective ? CadenceRuleJson(*view->effective, false)
                                                      : json(nullptr)},
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
          auto rule = DecodeCadenceRule(*body);
          if (!rule.ok()) return ErrorResponse(rule.error(), req);
          auto saved = s.cadence.PutOwn(call.who(), call.ctx, *id, *rule);
          if (!saved.ok()) return ErrorResponse(saved.error(), req);
          return JsonResponse(200, json{{"own", CadenceRuleJson(saved->rule, false)}});
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
          json contracts = json::array();
          for (const auto& c : day->contracts_ending) {
            contracts.push_back({{"contract_id", c.contract_id},
                                 {"number", c.number},
                                 {"title", c.title},
                                 {"customer_id", c.customer_id},
                                 {"customer_name", c.customer_name},
                                 {"ends_on", FormatCivilDate(c.ends_on)},
                                 {"in_days", c.in_days}});
          }
          return JsonResponse(200, json{{"today", FormatCivilDate(day->today)},
                                        {"overdue", breaches(day->overdue)},
                                        {"over_contacted", breaches(day->over_contacted)},
                                        {"next_steps", records(day->next_steps)},
                                        {"open_requests", records(day->open_requests)},
                                        {"birthdays", birthdays},
                                        {"contracts_ending", contracts},
                                        {"visits_today", plans(day->visits_today)},
                                        {"missed_visits", plans(day->missed_visits)},
                                        {"more", day->more}});
        }));
}

}  // namespace kams::http
