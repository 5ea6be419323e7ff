#include "http/api.h"
#include "http/handler_util.h"

namespace kams::http {

void AddAuditRoutes(Router& r, Services& s, const std::function<Handler(AuthedHandler)>& authed) {
  r.Add("GET", "/api/v1/audit", authed([&s](Request& req, const Call& call) -> Response {
          auto q = Query::Parse(req, {"limit", "cursor", "entity", "entity_id", "actor_id",
                                      "action", "customer_id", "from", "to"});
          if (!q.ok()) return ErrorResponse(q.error(), req);
          auto page = q->Page("-id", true);
          if (!page.ok()) return ErrorResponse(page.error(), req);
          AuditFilter f;
          f.entity = q->Get("entity");
          f.action = q->Get("action");
          for (auto [name, target] : {std::pair{"entity_id", &f.entity_id},
                                      std::pair{"actor_id", &f.actor_id},
                                      std::pair{"customer_id", &f.customer_id}}) {
            auto v = q->Int(name, 1, INT64_MAX);
            if (!v.ok()) return ErrorResponse(v.error(), req);
            *target = *v;
          }
          for (auto [name, target] : {std::pair{"from", &f.from}, std::pair{"to", &f.to}}) {
            if (auto v = q->Get(name)) {
              auto t = ParseRfc3339(*v);
              if (!t) {
                if (auto d = ParseCivilDate(*v)) {
                  t = DaysFromCivil(*d) * 86400 * kMicrosPerSecond;
                } else {
                  return ErrorResponse(ValidationFailed({{name, "invalid_timestamp"}}), req);
                }
              }
              *target = *t;
            }
          }
          auto result = s.audit.List(call.who(), call.ctx, f, *page);
          if (!result.ok()) return ErrorResponse(result.error(), req);
          return JsonResponse(200, ListJson(*result, "-id",
                                            [](const AuditRecord& a) { return codec::ToJson(a); }));
        }));
}

}  // namespace kams::http
