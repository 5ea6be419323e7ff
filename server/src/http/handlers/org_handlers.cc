#include "http/api.h"
#include "http/handler_util.h"

namespace kams::http {
namespace {

Response Tagged(int status, const json& body, std::int64_t version) {
  Response r = JsonResponse(status, body);
  SetEtag(r, version);
  return r;
}

}  // namespace

void AddOrgRoutes(Router& r, Services& s, const std::function<Handler(AuthedHandler)>& authed) {
  r.Add("GET", "/api/v1/org-units", authed([&s](Request& req, const Call& call) -> Response {
          auto units = s.org.List(call.who());
          if (!units.ok()) return ErrorResponse(units.error(), req);
          json items = json::array();
          for (const auto& u : *units) items.push_back(codec::ToJson(u));
          return JsonResponse(200, json{{"items", items}, {"next_cursor", nullptr}});
        }));

  r.Add("POST", "/api/v1/org-units", authed([&s](Request& req, const Call& call) -> Response {
          auto body = codec::ParseObject(req.body);
          if (!body.ok()) return ErrorResponse(body.error(), req);
          OrgUnit draft;
          if (auto st = codec::ApplyOrgUnit(*body, draft); !st.ok()) return ErrorResponse(st.error(), req);
          auto created = s.org.Create(call.who(), call.ctx, std::move(draft));
          if (!created.ok()) return ErrorResponse(created.error(), req);
          Response res = Tagged(201, codec::ToJson(*created), created->version);
          res.SetHeader("Location", "/api/v1/org-units/" + std::to_string(created->id));
          return res;
        }));

  r.Add("GET", "/api/v1/org-units/{id}", authed([&s](Request& req, const Call& call) -> Response {
          auto id = PathId(req, 0);
          if (!id.ok()) return ErrorResponse(id.error(), req);
          auto u = s.org.Get(call.who(), *id);
          if (!u.ok()) return ErrorResponse(u.error(), req);
          return Tagged(200, codec::ToJson(*u), u->version);
        }));

  r.Add("PATCH", "/api/v1/org-units/{id}", authed([&s](Request& req, const Call& call) -> Response {
          auto id = PathId(req, 0);
          if (!id.ok()) return ErrorResponse(id.error(), req);
          auto version = IfMatchVersion(req);
          if (!version.ok()) return ErrorResponse(version.error(), req);
          auto body = codec::ParseObject(req.body);
          if (!body.ok()) return ErrorResponse(body.error(), req);
          auto u = s.org.Update(call.who(), call.ctx, *id, *version,
                                [&](OrgUnit& unit) { return codec::ApplyOrgUnit(*body, unit); });
          if (!u.ok()) return ErrorResponse(u.error(), req);
          return Tagged(200, codec::ToJson(*u), u->version);
        }));

  r.Add("DELETE", "/api/v1/org-units/{id}", authed([&s](Request& req, const Call& call) -> Response {
          auto id = PathId(req, 0);
          if (!id.ok()) return ErrorResponse(id.error(), req);
          auto version = IfMatchVersion(req);
          if (!version.ok()) return ErrorResponse(version.error(), req);
          auto st = s.org.Delete(call.who(), call.ctx, *id, *version);
          if (!st.ok()) return ErrorResponse(st.error(), req);
          return NoContent();
        }));

  r.Add("GET", "/api/v1/users", authed([&s](Request& req, const Call& call) -> Response {
          auto q = Query::Parse(req, {"limit", "cursor", "q", "role", "org_unit_id", "active"});
          if (!q.ok()) return ErrorResponse(q.error(), req);
          auto page = q->Page("id", true);
          if (!page.ok()) return ErrorResponse(page.error(), req);
          UserFilter f;
          f.q = TrimSpace(q->Get("q").value_or(""));
          if (auto role = q->Get("role")) {
            f.role = ParseRole(*role);
            if (!f.role) return ErrorResponse(ValidationFailed({{"role", "invalid"}}), req);
          }
          auto unit = q->Int("org_unit_id", 1, INT64_MAX);
          if (!unit.ok()) return ErrorResponse(unit.error(), req);
          f.org_unit_id = *unit;
          auto active = q->Bool("active");
          if (!active.ok()) return ErrorResponse(active.error(), req);
          f.active = *active;
          auto result = s.users.List(call.who(), f, *page);
          if (!result.ok()) return ErrorResponse(result.error(), req);
          return JsonResponse(200, ListJson(*result, "id", [](const User& u) { return codec::ToJson(u); }));
        }));

  r.Add("POST", "/api/v1/users", authed([&s](Request& req, const Call& call) -> Response {
          auto body = codec::ParseObject(req.body);
          if (!body.ok()) return ErrorResponse(body.error(), req);
          NewUser draft;
          if (auto st = codec::ApplyUser(*body, draft.user, &draft.password); !st.ok()) {
            return ErrorResponse(st.error(), req);
          }
          if (!body->contains("role")) {
            return ErrorResponse(ValidationFailed({{"role", "required"}}), req);
          }
          auto created = s.users.Create(call.who(), call.ctx, std::move(draft));
          if (!created.ok()) return ErrorResponse(created.error(), req);
          Response res = Tagged(201, codec::ToJson(*created), created->version);
          res.SetHeader("Location", "/api/v1/users/" + std::to_string(created->id));
          return res;
        }));

  r.Add("GET", "/api/v1/users/{id}", authed([&s](Request& req, const Call& call) -> Response {
          auto id = PathId(req, 0);
          if (!id.ok()) return ErrorResponse(id.error(), req);
          auto u = s.users.Get(call.who(), call.ctx, *id);
          if (!u.ok()) return ErrorResponse(u.error(), req);
          return Tagged(200, codec::ToJson(*u), u->version);
        }));

  r.Add("PATCH", "/api/v1/users/{id}", authed([&s](Request& req, const Call& call) -> Response {
          auto id = PathId(req, 0);
          if (!id.ok()) return ErrorResponse(id.error(), req);
          auto version = IfMatchVersion(req);
          if (!version.ok()) return ErrorResponse(version.error(), req);
          auto body = codec::ParseObject(req.body);
          if (!body.ok()) return ErrorResponse(body.error(), req);
          auto u = s.users.Update(call.who(), call.ctx, *id, *version,
                                  [&](User& user) { return codec::ApplyUser(*body, user, nullptr); });
          if (!u.ok()) return ErrorResponse(u.error(), req);
          return Tagged(200, codec::ToJson(*u), u->version);
        }));

  r.Add("POST", "/api/v1/users/{id}/reset-password",
        authed([&s](Request& req, const Call& call) -> Response {
          auto id = PathId(req, 0);
          if (!id.ok()) return ErrorResponse(id.error(), req);
          auto body = codec::ParseObject(req.body);
          if (!body.ok()) return ErrorResponse(body.error(), req);
          auto password = codec::DecodePasswordReset(*body);
          if (!password.ok()) return ErrorResponse(password.error(), req);
          auto st = s.users.ResetPassword(call.who(), call.ctx, *id, *password);
          if (!st.ok()) return ErrorResponse(st.error(), req);
          return NoContent();
        }));
}

}  // namespace kams::http
