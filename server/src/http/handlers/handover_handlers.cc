#include "http/api.h"
#include "http/handler_util.h"
#include "http/handover_codec.h"

namespace kams::http {
namespace {

// The decay list's cursor value is "<handover id>:<kind>" (HandoverRepository::Decay).
bool IsDecayCursor(const PageRequest& page) {
  if (!page.after) return true;
  const std::string& v = page.after->sort_value;
  const auto colon = v.find(':');
  if (colon == std::string::npos || colon == 0 || colon > 18 || colon + 1 >= v.size()) return false;
  for (std::size_t i = 0; i < colon; ++i) {
    if (v[i] < '0' || v[i] > '9') return false;
  }
  return true;
}

Result<HandoverOrder> ReadOrder(const Request& req) {
  KAMS_TRY(json body, codec::ParseObject(req.body));
  return codec::DecodeHandoverOrder(body);
}

}  // namespace

void AddHandoverRoutes(Router& r, Services& s,
                       const std::function<Handler(AuthedHandler)>& authed) {
  r.Add("POST", "/api/v1/users/{id}/handover",
        authed([&s](Request& req, const Call& call) -> Response {
          auto id = PathId(req, 0);
          if (!id.ok()) return ErrorResponse(id.error(), req);
          auto order = ReadOrder(req);
          if (!order.ok()) return ErrorResponse(order.error(), req);
          auto h = s.handovers.Execute(call.who(), call.ctx, *id, *order);
          if (!h.ok()) return ErrorResponse(h.error(), req);
          Response res = JsonResponse(201, codec::ToJson(*h, true));
          res.SetHeader("Location", "/api/v1/handovers/" + std::to_string(h->id));
          return res;
        }));

  r.Add("POST", "/api/v1/users/{id}/handover/preview",
        authed([&s](Request& req, const Call& call) -> Response {
          auto id = PathId(req, 0);
          if (!id.ok()) return ErrorResponse(id.error(), req);
          auto order = ReadOrder(req);
          if (!order.ok()) return ErrorResponse(order.error(), req);
          auto plan = s.handovers.Preview(call.who(), call.ctx, *id, *order);
          if (!plan.ok()) return ErrorResponse(plan.error(), req);
          return JsonResponse(200, codec::ToJson(*plan));
        }));

  r.Add("GET", "/api/v1/handovers", authed([&s](Request& req, const Call& call) -> Response {
          auto q = Query::Parse(req, {"limit", "cursor", "user_id"});
          if (!q.ok()) return ErrorResponse(q.error(), req);
          auto page = q->Page("-id", true);
          if (!page.ok()) return ErrorResponse(page.error(), req);
          HandoverFilter f;
          auto user = q->Int("user_id", 1, INT64_MAX);
          if (!user.ok()) return ErrorResponse(user.error(), req);
          f.user_id = *user;
          auto list = s.handovers.List(call.who(), f, *page);
          if (!list.ok()) return ErrorResponse(list.error(), req);
          return JsonResponse(200, ListJson(*list, "-id", [](const Handover& h) {
                                return codec::ToJson(h, false);
                              }));
        }));

  // Before /handovers/{id}: the router takes the first pattern that matches.
  r.Add("GET", "/api/v1/handovers/decay", authed([&s](Request& req, const Call& call) -> Response {
          auto q = Query::Parse(req, {"limit", "cursor", "handover_id"});
          if (!q.ok()) return ErrorResponse(q.error(), req);
          auto page = q->Page("-handover", false);
          if (!page.ok()) return ErrorResponse(page.error(), req);
          if (!IsDecayCursor(*page)) {
            return ErrorResponse(ValidationFailed({{"cursor", "invalid"}}), req);
          }
          HandoverDecayFilter f;
          auto handover = q->Int("handover_id", 1, INT64_MAX);
          if (!handover.ok()) return ErrorResponse(handover.error(), req);
          f.handover_id = *handover;
          auto list = s.handovers.Decay(call.who(), f, *page);
          if (!list.ok()) return ErrorResponse(list.error(), req);
          return JsonResponse(200, ListJson(*list, "-handover", [](const HandoverDecay& d) {
                                return codec::ToJson(d);
                              }));
        }));

  r.Add("GET", "/api/v1/handovers/{id}", authed([&s](Request& req, const Call& call) -> Response {
          auto id = PathId(req, 0);
          if (!id.ok()) return ErrorResponse(id.error(), req);
          auto h = s.handovers.Get(call.who(), call.ctx, *id);
          if (!h.ok()) return ErrorResponse(h.error(), req);
          return JsonResponse(200, codec::ToJson(*h, true));
        }));

  r.Add("GET", "/api/v1/customers/{id}/owner-history",
        authed([&s](Request& req, const Call& call) -> Response {
          auto id = PathId(req, 0);
          if (!id.ok()) return ErrorResponse(id.error(), req);
          auto q = Query::Parse(req, {"limit", "cursor"});
          if (!q.ok()) return ErrorResponse(q.error(), req);
          auto page = q->Page("-id", true);
          if (!page.ok()) return ErrorResponse(page.error(), req);
          auto list = s.handovers.OwnerHistory(call.who(), call.ctx, *id, *page);
          if (!list.ok()) return ErrorResponse(list.error(), req);
          return JsonResponse(200, ListJson(*list, "-id", [](const OwnerHistoryEntry& e) {
                                return codec::ToJson(e);
                              }));
        }));
}

}  // namespace kams::http
