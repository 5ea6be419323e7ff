#include "http/api.h"
#include "http/handler_util.h"

namespace kams::http {

void AddContractRoutes(Router& r, Services& s,
                      const std::function<Handler(AuthedHandler)>& authed) {
  r.Add("GET", "/api/v1/customers/{id}/contracts",
        authed([&s](Request& req, const Call& call) -> Response {
          auto id = PathId(req, 0);
          if (!id.ok()) return ErrorResponse(id.error(), req);
          auto q = Query::Parse(req, {"limit", "cursor"});
          if (!q.ok()) return ErrorResponse(q.error(), req);
          auto page = q->Page("-starts_on", false);
          if (!page.ok()) return ErrorResponse(page.error(), req);
          auto result = s.contracts.List(call.who(), call.ctx, *id, *page);
          if (!result.ok()) return ErrorResponse(result.error(), req);
          return JsonResponse(200, ListJson(*result, "-starts_on",
                                            [](const Contract& c) { return codec::ToJson(c); }));
        }));

  r.Add("POST", "/api/v1/customers/{id}/contracts",
        authed([&s](Request& req, const Call& call) -> Response {
          auto id = PathId(req, 0);
          if (!id.ok()) return ErrorResponse(id.error(), req);
          auto body = codec::ParseObject(req.body);
          if (!body.ok()) return ErrorResponse(body.error(), req);
          Contract draft;
          draft.customer_id = *id;
          if (auto st = codec::ApplyContract(*body, draft); !st.ok()) {
            return ErrorResponse(st.error(), req);
          }
          auto created = s.contracts.Create(call.who(), call.ctx, std::move(draft));
          if (!created.ok()) return ErrorResponse(created.error(), req);
          Response res = JsonResponse(201, codec::ToJson(*created));
          SetEtag(res, created->version);
          res.SetHeader("Location", "/api/v1/customers/" + std::to_string(*id) + "/contracts/" +
                                        std::to_string(created->id));
          return res;
        }));

  r.Add("GET", "/api/v1/customers/{id}/contracts/{contract_id}",
        authed([&s](Request& req, const Call& call) -> Response {
          auto id = PathId(req, 0);
          auto kid = PathId(req, 1);
          if (!id.ok() || !kid.ok()) return ErrorResponse(NotFound("contract not found"), req);
          auto k = s.contracts.Get(call.who(), call.ctx, *id, *kid);
          if (!k.ok()) return ErrorResponse(k.error(), req);
          Response res = JsonResponse(200, codec::ToJson(*k));
          SetEtag(res, k->version);
          return res;
        }));

  r.Add("PATCH", "/api/v1/customers/{id}/contracts/{contract_id}",
        authed([&s](Request& req, const Call& call) -> Response {
          auto id = PathId(req, 0);
          auto kid = PathId(req, 1);
          if (!id.ok() || !kid.ok()) return ErrorResponse(NotFound("contract not found"), req);
          auto version = IfMatchVersion(req);
          if (!version.ok()) return ErrorResponse(version.error(), req);
          auto body = codec::ParseObject(req.body);
          if (!body.ok()) return ErrorResponse(body.error(), req);
          auto updated = s.contracts.Update(call.who(), call.ctx, *id, *kid, *version,
                                           [&](Contract& c) { return codec::ApplyContract(*body, c); });
          if (!updated.ok()) return ErrorResponse(updated.error(), req);
          Response res = JsonResponse(200, codec::ToJson(*updated));
          SetEtag(res, updated->version);
          return res;
        }));

  r.Add("DELETE", "/api/v1/customers/{id}/contracts/{contract_id}",
        authed([&s](Request& req, const Call& call) -> Response {
          auto id = PathId(req, 0);
          auto kid = PathId(req, 1);
          if (!id.ok() || !kid.ok()) return ErrorResponse(NotFound("contract not found"), req);
          auto version = IfMatchVersion(req);
          if (!version.ok()) return ErrorResponse(version.error(), req);
          auto st = s.contracts.Delete(call.who(), call.ctx, *id, *kid, *version);
          if (!st.ok()) return ErrorResponse(st.error(), req);
          return NoContent();
        }));
}

}  // namespace kams::http
