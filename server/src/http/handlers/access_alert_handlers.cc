#include "http/api.h"
#include "http/handler_util.h"

namespace kams::http {
namespace {

Response AlertResponse(const AccessAlert& a) {
  Response r = JsonResponse(200, codec::ToJson(a));
  SetEtag(r, a.version);
  return r;
}

Response SettingsResponse(const AccessAlertSettings& s) {
  Response r = JsonResponse(200, codec::ToJson(s));
  SetEtag(r, s.version);
  return r;
}

}  // namespace

void AddAccessAlertRoutes(Router& r, Services& s,
                          const std::function<Handler(AuthedHandler)>& authed) {
  r.Add("GET", "/api/v1/access-alert-settings",
        authed([&s](Request& req, const Call& call) -> Response {
          if (auto q = Query::Parse(req, {}); !q.ok()) return ErrorResponse(q.error(), req);
          auto settings = s.access_alerts.Settings(call.who(), call.ctx);
          if (!settings.ok()) return ErrorResponse(settings.error(), req);
          return SettingsResponse(*settings);
        }));

  r.Add("PUT", "/api/v1/access-alert-settings",
        authed([&s](Request& req, const Call& call) -> Response {
          auto version = IfMatchVersion(req);
          if (!version.ok()) return ErrorResponse(version.error(), req);
          auto body = codec::ParseObject(req.body);
          if (!body.ok()) return ErrorResponse(body.error(), req);
          auto next = codec::DecodeAccessAlertSettings(*body);
          if (!next.ok()) return ErrorResponse(next.error(), req);
          auto saved = s.access_alerts.PutSettings(call.who(), call.ctx, *version, std::move(*next));
          if (!saved.ok()) return ErrorResponse(saved.error(), req);
          return SettingsResponse(*saved);
        }));

  r.Add("GET", "/api/v1/access-alerts", authed([&s](Request& req, const Call& call) -> Response {
          auto q = Query::Parse(req, {"limit", "cursor", "status"});
          if (!q.ok()) return ErrorResponse(q.error(), req);
          auto page = q->Page("-id", true);
          if (!page.ok()) return ErrorResponse(page.error(), req);
          std::optional<AccessAlertStatus> status;
          if (auto text = q->Get("status")) {
            status = ParseAccessAlertStatus(*text);
            if (!status) return ErrorResponse(ValidationFailed({{"status", "invalid"}}), req);
          }
          auto list = s.access_alerts.List(call.who(), call.ctx, status, *page);
          if (!list.ok()) return ErrorResponse(list.error(), req);
          return JsonResponse(200, ListJson(*list, "-id",
                                            [](const AccessAlert& a) { return codec::ToJson(a); }));
        }));

  r.Add("GET", "/api/v1/access-alerts/{id}",
        authed([&s](Request& req, const Call& call) -> Response {
          auto id = PathId(req, 0);
          if (!id.ok()) return ErrorResponse(id.error(), req);
          if (auto q = Query::Parse(req, {}); !q.ok()) return ErrorResponse(q.error(), req);
          auto a = s.access_alerts.Get(call.who(), call.ctx, *id);
          if (!a.ok()) return ErrorResponse(a.error(), req);
          return AlertResponse(*a);
        }));

  r.Add("POST", "/api/v1/access-alerts/{id}/acknowledge",
        authed([&s](Request& req, const Call& call) -> Response {
          auto id = PathId(req, 0);
          if (!id.ok()) return ErrorResponse(id.error(), req);
          auto comment = ReadComment(req);
          if (!comment.ok()) return ErrorResponse(comment.error(), req);
          auto a = s.access_alerts.Acknowledge(call.who(), call.ctx, *id, *comment);
          if (!a.ok()) return ErrorResponse(a.error(), req);
          return AlertResponse(*a);
        }));
}

}  // namespace kams::http
