#include "http/api.h"
#include "http/handler_util.h"

namespace kams::http {

void AddContactRoutes(Router& r, Services& s,
                      const std::function<Handler(AuthedHandler)>& authed) {
  r.Add("GET", "/api/v1/customers/{id}/contacts",
        authed([&s](Request& req, const Call& call) -> Response {
          auto id = PathId(req, 0);
          if (!id.ok()) return ErrorResponse(id.error(), req);
          auto q = Query::Parse(req, {"limit", "cursor"});
          if (!q.ok()) return ErrorResponse(q.error(), req);
          auto page = q->Page("id", true);
          if (!page.ok()) return ErrorResponse(page.error(), req);
          auto result = s.contacts.List(call.who(), call.ctx, *id, *page);
          if (!result.ok()) return ErrorResponse(result.error(), req);
          return JsonResponse(200, ListJson(*result, "id",
                                            [](const Contact& c) { return codec::ToJson(c); }));
        }));

  r.Add("POST", "/api/v1/customers/{id}/contacts",
        authed([&s](Request& req, const Call& call) -> Response {
          auto id = PathId(req, 0);
          if (!id.ok()) return ErrorResponse(id.error(), req);
          auto body = codec::ParseObject(req.body);
          if (!body.ok()) return ErrorResponse(body.error(), req);
          Contact draft;
          draft.customer_id = *id;
          if (auto st = codec::ApplyContact(*body, draft); !st.ok()) {
            return ErrorResponse(st.error(), req);
          }
          auto created = s.contacts.Create(call.who(), call.ctx, std::move(draft));
          if (!created.ok()) return ErrorResponse(created.error(), req);
          Response res = JsonResponse(201, codec::ToJson(*created));
          SetEtag(res, created->version);
          res.SetHeader("Location", "/api/v1/customers/" + std::to_string(*id) + "/contacts/" +
                                        std::to_string(created->id));
          return res;
        }));

  r.Add("GET", "/api/v1/customers/{id}/contacts/{contact_id}",
        authed([&s](Request& req, const Call& call) -> Response {
          auto id = PathId(req, 0);
          auto cid = PathId(req, 1);
          if (!id.ok() || !cid.ok()) return ErrorResponse(NotFound("contact not found"), req);
          auto c = s.contacts.Get(call.who(), call.ctx, *id, *cid);
          if (!c.ok()) return ErrorResponse(c.error(), req);
          Response res = JsonResponse(200, codec::ToJson(*c));
          SetEtag(res, c->version);
          return res;
        }));

  r.Add("PATCH", "/api/v1/customers/{id}/contacts/{contact_id}",
        authed([&s](Request& req, const Call& call) -> Response {
          auto id = PathId(req, 0);
          auto cid = PathId(req, 1);
          if (!id.ok() || !cid.ok()) return ErrorResponse(NotFound("contact not found"), req);
          auto version = IfMatchVersion(req);
          if (!version.ok()) return ErrorResponse(version.error(), req);
          auto body = codec::ParseObject(req.body);
          if (!body.ok()) return ErrorResponse(body.error(), req);
          auto updated = s.contacts.Update(call.who(), call.ctx, *id, *cid, *version,
                                           [&](Contact& c) { return codec::ApplyContact(*body, c); });
          if (!updated.ok()) return ErrorResponse(updated.error(), req);
          Response res = JsonResponse(200, codec::ToJson(*updated));
          SetEtag(res, updated->version);
          return res;
        }));

  r.Add("DELETE", "/api/v1/customers/{id}/contacts/{contact_id}",
        authed([&s](Request& req, const Call& call) -> Response {
          auto id = PathId(req, 0);
          auto cid = PathId(req, 1);
          if (!id.ok() || !cid.ok()) return ErrorResponse(NotFound("contact not found"), req);
          auto version = IfMatchVersion(req);
          if (!version.ok()) return ErrorResponse(version.error(), req);
          auto st = s.contacts.Delete(call.who(), call.ctx, *id, *cid, *version);
          if (!st.ok()) return ErrorResponse(st.error(), req);
          return NoContent();
        }));
}

}  // namespace kams::http
