#include "http/api.h"
#include "http/handler_util.h"

namespace kams::http {
namespace {

// Reasons are written in the reader's language: English when the request prefers it.
std::string LanguageOf(const Request& req) {
  const std::string_view accept = req.Header("accept-language");
  return accept.substr(0, 2) == "en" ? "en-US" : "zh-CN";
}

Response SchemeResponse(int status, const SchemeRecord& s) {
  Response r = JsonResponse(status, codec::ToJson(s));
  SetEtag(r, s.version);
  return r;
}

// An empty body is an empty object here (actions without options).
Result<json> OptionalObject(const Request& req) {
  if (req.body.empty()) return json::object();
  return codec::ParseObject(req.body);
}

// The options of preview and apply, with the reasons in the request's language.
Result<codec::RunRequest> RunRequestOf(const json& body, const Request& req,
                                       std::initializer_list<std::string_view> allowed) {
  auto run = codec::DecodeRunRequest(body, allowed);
  if (run.ok()) run->options.language = LanguageOf(req);
  return run;
}

}  // namespace

void AddTieringRoutes(Router& r, Services& s, const std::function<Handler(AuthedHandler)>& authed) {
  r.Add("GET", "/api/v1/tier-schemes", authed([&s](Request& req, const Call& call) -> Response {
          if (auto q = Query::Parse(req, {}); !q.ok()) return ErrorResponse(q.error(), req);
          auto list = s.tiering.List(call.who());
          if (!list.ok()) return ErrorResponse(list.error(), req);
          json items = json::array();
          for (const auto& x : *list) items.push_back(codec::ToJson(x));
          return JsonResponse(200, json{{"items", items}, {"next_cursor", nullptr}});
        }));

  // The body is a scheme exactly as `kams retier --scheme` reads it, plus optional
  // "active" and "primary".
  r.Add("POST", "/api/v1/tier-schemes", authed([&s](Request& req, const Call& call) -> Response {
          auto body = codec::ParseObject(req.body);
          if (!body.ok()) return ErrorResponse(body.error(), req);
          auto create = codec::DecodeSchemeCreate(*body);
          if (!create.ok()) return ErrorResponse(create.error(), req);
          auto created = s.tiering.Create(call.who(), call.ctx, create->scheme, create->settings);
          if (!created.ok()) return ErrorResponse(created.error(), req);
          Response res = SchemeResponse(201, *created);
          res.SetHeader("Location", "/api/v1/tier-schemes/" + std::to_string(created->id));
          return res;
        }));

  r.Add("POST", "/api/v1/tier-schemes/preview",
        authed([&s](Request& req, const Call& call) -> Response {
          auto body = codec::ParseObject(req.body);
          if (!body.ok()) return ErrorResponse(body.error(), req);
          auto run_request = RunRequestOf(*body, req, {"as_of", "movers_limit", "definition"});
          if (!run_request.ok()) return ErrorResponse(run_request.error(), req);
          if (!run_request->definition) {
            return ErrorResponse(ValidationFailed({{"definition", "required"}}), req);
          }
          auto run = s.tiering.Preview(call.who(), call.ctx, std::nullopt, run_request->definition,
                                       run_request->options);
          if (!run.ok()) return ErrorResponse(run.error(), req);
          return JsonResponse(200, codec::ToJson(*run));
        }));

  r.Add("GET", "/api/v1/tier-schemes/{id}", authed([&s](Request& req, const Call& call) -> Response {
          auto id = PathId(req, 0);
          if (!id.ok()) return ErrorResponse(id.error(), req);
          auto scheme = s.tiering.Get(call.who(), *id);
          if (!scheme.ok()) return ErrorResponse(scheme.error(), req);
          return SchemeResponse(200, *scheme);
        }));

  // {"definition": {...}, "active": bool, "primary": bool}, each optional.
  r.Add("PATCH", "/api/v1/tier-schemes/{id}", authed([&s](Request& req, const Call& call) -> Response {
          auto id = PathId(req, 0);
          if (!id.ok()) return ErrorResponse(id.error(), req);
          auto version = IfMatchVersion(req);
          if (!version.ok()) return ErrorResponse(version.error(), req);
          auto body = codec::ParseObject(req.body);
          if (!body.ok()) return ErrorResponse(body.error(), req);
          auto patch = codec::DecodeSchemePatch(*body);
          if (!patch.ok()) return ErrorResponse(patch.error(), req);
          auto updated = s.tiering.Update(call.who(), call.ctx, *id, *version, patch->definition,
                                          patch->settings);
          if (!updated.ok()) return ErrorResponse(updated.error(), req);
          return SchemeResponse(200, *updated);
        }));

  r.Add("DELETE", "/api/v1/tier-schemes/{id}", authed([&s](Request& req, const Call& call) -> Response {
          auto id = PathId(req, 0);
          if (!id.ok()) return ErrorResponse(id.error(), req);
          auto version = IfMatchVersion(req);
          if (!version.ok()) return ErrorResponse(version.error(), req);
          auto st = s.tiering.Delete(call.who(), call.ctx, *id, *version);
          if (!st.ok()) return ErrorResponse(st.error(), req);
          return NoContent();
        }));

  r.Add("GET", "/api/v1/tier-schemes/{id}/versions",
        authed([&s](Request& req, const Call& call) -> Response {
          auto id = PathId(req, 0);
          if (!id.ok()) return ErrorResponse(id.error(), req);
          if (auto q = Query::Parse(req, {}); !q.ok()) return ErrorResponse(q.error(), req);
          auto versions = s.tiering.Versions(call.who(), *id);
          if (!versions.ok()) return ErrorResponse(versions.error(), req);
          json items = json::array();
          for (const auto& v : *versions) items.push_back(codec::ToJson(v));
          return JsonResponse(200, json{{"items", items}, {"next_cursor", nullptr}});
        }));

  r.Add("POST", "/api/v1/tier-schemes/{id}/preview",
        authed([&s](Request& req, const Call& call) -> Response {
          auto id = PathId(req, 0);
          if (!id.ok()) return ErrorResponse(id.error(), req);
          auto body = OptionalObject(req);
          if (!body.ok()) return ErrorResponse(body.error(), req);
          auto run_request = RunRequestOf(*body, req, {"as_of", "movers_limit", "definition"});
          if (!run_request.ok()) return ErrorResponse(run_request.error(), req);
          auto run = s.tiering.Preview(call.who(), call.ctx, *id, run_request->definition,
                                       run_request->options);
          if (!run.ok()) return ErrorResponse(run.error(), req);
          return JsonResponse(200, codec::ToJson(*run));
        }));

  r.Add("POST", "/api/v1/tier-schemes/{id}/apply",
        authed([&s](Request& req, const Call& call) -> Response {
          auto id = PathId(req, 0);
          if (!id.ok()) return ErrorResponse(id.error(), req);
          auto body = OptionalObject(req);
          if (!body.ok()) return ErrorResponse(body.error(), req);
          auto run_request = RunRequestOf(*body, req, {"as_of", "movers_limit"});
          if (!run_request.ok()) return ErrorResponse(run_request.error(), req);
          auto run = s.tiering.Apply(call.who(), call.ctx, *id, run_request->options);
          if (!run.ok()) return ErrorResponse(run.error(), req);
          return JsonResponse(200, codec::ToJson(*run));
        }));

  r.Add("GET", "/api/v1/analytics/concentration",
        authed([&s](Request& req, const Call& call) -> Response {
          auto q = Query::Parse(req, {"metric", "window_months", "as_of", "top"});
          if (!q.ok()) return ErrorResponse(q.error(), req);
          const auto metric = ParseMetric(q->Get("metric").value_or("revenue"));
          if (!metric) return ErrorResponse(ValidationFailed({{"metric", "invalid"}}), req);
          auto window = q->Int("window_months", 1, kMaxWindowMonths);
          if (!window.ok()) return ErrorResponse(window.error(), req);
          std::optional<CivilDate> as_of;
          if (auto text = q->Get("as_of")) {
            as_of = ParseCivilDate(*text);
            if (!as_of) return ErrorResponse(ValidationFailed({{"as_of", "must_be_date"}}), req);
          }
          auto top = q->Int("top", 0, kMaxTopCustomers);
          if (!top.ok()) return ErrorResponse(top.error(), req);
          auto c = s.tiering.ConcentrationFor(call.who(), *metric,
                                              static_cast<int>(window->value_or(12)), as_of,
                                              static_cast<int>(top->value_or(10)));
          if (!c.ok()) return ErrorResponse(c.error(), req);
          json top_list = json::array();
          for (const auto& t : c->top) {
            top_list.push_back({{"customer_id", t.customer_id},
                                {"name", t.name},
                                {"amount", t.amount},
                                {"share_bp", t.share_bp}});
          }
          return JsonResponse(200, json{{"metric", std::string(MetricName(*metric))},
                                        {"customers", c->customers},
                                        {"total", c->total},
                                        {"share_bp", c->share_bp},
                                        {"customers_for_80_percent", c->customers_for_80_percent},
                                        {"top", top_list}});
        }));

  r.Add("GET", "/api/v1/customers/{id}/tiers", authed([&s](Request& req, const Call& call) -> Response {
          auto id = PathId(req, 0);
          if (!id.ok()) return ErrorResponse(id.error(), req);
          if (auto q = Query::Parse(req, {}); !q.ok()) return ErrorResponse(q.error(), req);
          auto tiers = s.tiering.TiersOf(call.who(), call.ctx, *id);
          if (!tiers.ok()) return ErrorResponse(tiers.error(), req);
          json items = json::array();
          for (const auto& t : *tiers) items.push_back(codec::ToJson(t));
          return JsonResponse(200, json{{"items", items}, {"next_cursor", nullptr}});
        }));

  r.Add("GET", "/api/v1/customers/{id}/tier-history",
        authed([&s](Request& req, const Call& call) -> Response {
          auto id = PathId(req, 0);
          if (!id.ok()) return ErrorResponse(id.error(), req);
          auto q = Query::Parse(req, {"limit", "cursor"});
          if (!q.ok()) return ErrorResponse(q.error(), req);
          auto page = q->Page("-id", true);
          if (!page.ok()) return ErrorResponse(page.error(), req);
          auto history = s.tiering.History(call.who(), call.ctx, *id, *page, LanguageOf(req));
          if (!history.ok()) return ErrorResponse(history.error(), req);
          json items = json::array();
          for (std::size_t i = 0; i < history->page.items.size(); ++i) {
            items.push_back(codec::ToJson(history->page.items[i], history->reasons[i]));
          }
          return JsonResponse(
              200, json{{"items", items},
                        {"next_cursor", history->page.next
                                            ? json(codec::EncodeCursor("-id", *history->page.next))
                                            : json(nullptr)}});
        }));
}

}  // namespace kams::http
