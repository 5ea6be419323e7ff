#include "http/api.h"
#include "http/handler_util.h"

namespace kams::http {
namespace {

Response NominationResponse(int status, const Nomination& n) {
  Response r = JsonResponse(status, codec::ToJson(n));
  SetEtag(r, n.version);
  return r;
}

using Action = Result<Nomination> (NominationService::*)(const Principal&, const RequestContext&,
                                                         Id, const std::string&);

Handler ActionRoute(Services& s, const std::function<Handler(AuthedHandler)>& authed, Action act) {
  return authed([&s, act](Request& req, const Call& call) -> Response {
    auto id = PathId(req, 0);
    if (!id.ok()) return ErrorResponse(id.error(), req);
    auto comment = ReadComment(req);
    if (!comment.ok()) return ErrorResponse(comment.error(), req);
    auto n = (s.nominations.*act)(call.who(), call.ctx, *id, *comment);
    if (!n.ok()) return ErrorResponse(n.error(), req);
    return NominationResponse(200, *n);
  });
}

}  // namespace

void AddNominationRoutes(Router& r, Services& s,
                         const std::function<Handler(AuthedHandler)>& authed) {
  r.Add("POST", "/api/v1/nominations", authed([&s](Request& req, const Call& call) -> Response {
          auto body = codec::ParseObject(req.body);
          if (!body.ok()) return ErrorResponse(body.error(), req);
          auto draft = codec::DecodeNominationDraft(*body);
          if (!draft.ok()) return ErrorResponse(draft.error(), req);
          auto n = s.nominations.Create(call.who(), call.ctx, std::move(*draft));
          if (!n.ok()) return ErrorResponse(n.error(), req);
          Response res = NominationResponse(201, *n);
          res.SetHeader("Location", "/api/v1/nominations/" + std::to_string(n->id));
          return res;
        }));

  r.Add("GET", "/api/v1/nominations", authed([&s](Request& req, const Call& call) -> Response {
          auto q = Query::Parse(req, {"limit", "cursor", "box", "status", "customer_id"});
          if (!q.ok()) return ErrorResponse(q.error(), req);
          auto page = q->Page("-id", true);
          if (!page.ok()) return ErrorResponse(page.error(), req);
          NominationFilter f;
          const std::string box = q->Get("box").value_or("all");
          if (box == "inbox") {
            f.box = NominationBox::kInbox;
          } else if (box == "mine") {
            f.box = NominationBox::kMine;
          } else if (box != "all") {
            return ErrorResponse(ValidationFailed({{"box", "invalid"}}), req);
          }
          if (auto status = q->Get("status")) {
            f.status = ParseNominationStatus(*status);
            if (!f.status) return ErrorResponse(ValidationFailed({{"status", "invalid"}}), req);
          }
          auto customer = q->Int("customer_id", 1, INT64_MAX);
          if (!customer.ok()) return ErrorResponse(customer.error(), req);
          f.customer_id = *customer;
          auto list = s.nominations.List(call.who(), f, *page);
          if (!list.ok()) return ErrorResponse(list.error(), req);
          return JsonResponse(200, ListJson(*list, "-id",
                                            [](const Nomination& n) { return codec::ToJson(n); }));
        }));

  r.Add("GET", "/api/v1/nominations/{id}", authed([&s](Request& req, const Call& call) -> Response {
          auto id = PathId(req, 0);
          if (!id.ok()) return ErrorResponse(id.error(), req);
          auto n = s.nominations.Get(call.who(), call.ctx, *id);
          if (!n.ok()) return ErrorResponse(n.error(), req);
          return NominationResponse(200, *n);
        }));

  r.Add("POST", "/api/v1/nominations/{id}/approve",
        ActionRoute(s, authed, &NominationService::Approve));
  r.Add("POST", "/api/v1/nominations/{id}/reject", ActionRoute(s, authed, &NominationService::Reject));
  r.Add("POST", "/api/v1/nominations/{id}/withdraw",
        ActionRoute(s, authed, &NominationService::Withdraw));

  r.Add("POST", "/api/v1/nominations/{id}/resubmit",
        authed([&s](Request& req, const Call& call) -> Response {
          auto id = PathId(req, 0);
          if (!id.ok()) return ErrorResponse(id.error(), req);
          auto body = codec::ParseObject(req.body);
          if (!body.ok()) return ErrorResponse(body.error(), req);
          auto changes = codec::DecodeNominationChanges(*body);
          if (!changes.ok()) return ErrorResponse(changes.error(), req);
          auto n = s.nominations.Resubmit(call.who(), call.ctx, *id, *changes);
          if (!n.ok()) return ErrorResponse(n.error(), req);
          return NominationResponse(200, *n);
        }));

  r.Add("GET", "/api/v1/approval-chain", authed([&s](Request& req, const Call& call) -> Response {
          if (auto q = Query::Parse(req, {}); !q.ok()) return ErrorResponse(q.error(), req);
          auto chain = s.nominations.ApprovalChain(call.who());
          if (!chain.ok()) return ErrorResponse(chain.error(), req);
          json roles = json::array();
          for (Role role : *chain) roles.push_back(std::string(RoleName(role)));
          return JsonResponse(200, json{{"roles", roles}});
        }));

  r.Add("PUT", "/api/v1/approval-chain", authed([&s](Request& req, const Call& call) -> Response {
          auto body = codec::ParseObject(req.body);
          if (!body.ok()) return ErrorResponse(body.error(), req);
          auto roles = codec::DecodeApprovalChain(*body);
          if (!roles.ok()) return ErrorResponse(roles.error(), req);
          auto chain = s.nominations.SetApprovalChain(call.who(), call.ctx, *roles);
          if (!chain.ok()) return ErrorResponse(chain.error(), req);
          json out = json::array();
          for (Role role : *chain) out.push_back(std::string(RoleName(role)));
          return JsonResponse(200, json{{"roles", out}});
        }));

  r.Add("GET", "/api/v1/notifications", authed([&s](Request& req, const Call& call) -> Response {
          auto q = Query::Parse(req, {"limit", "cursor", "unread"});
          if (!q.ok()) return ErrorResponse(q.error(), req);
          auto page = q->Page("-id", true);
          if (!page.ok()) return ErrorResponse(page.error(), req);
          auto unread = q->Bool("unread");
          if (!unread.ok()) return ErrorResponse(unread.error(), req);
          auto list = s.notifications.List(call.who(), unread->value_or(false), *page);
          if (!list.ok()) return ErrorResponse(list.error(), req);
          auto count = s.notifications.UnreadCount(call.who());
          if (!count.ok()) return ErrorResponse(count.error(), req);
          json out = ListJson(*list, "-id", [](const Notification& n) { return codec::ToJson(n); });
          out["unread_count"] = *count;
          return JsonResponse(200, out);
        }));

  r.Add("POST", "/api/v1/notifications/{id}/read",
        authed([&s](Request& req, const Call& call) -> Response {
          auto id = PathId(req, 0);
          if (!id.ok()) return ErrorResponse(id.error(), req);
          if (!req.body.empty()) {
            auto body = codec::ParseObject(req.body);
            if (!body.ok()) return ErrorResponse(body.error(), req);
            if (auto st = OnlyFields(*body, {}); !st.ok()) return ErrorResponse(st.error(), req);
          }
          auto st = s.notifications.MarkRead(call.who(), *id);
          if (!st.ok()) return ErrorResponse(st.error(), req);
          return NoContent();
        }));

  r.Add("POST", "/api/v1/notifications/read-all",
        authed([&s](Request& req, const Call& call) -> Response {
          if (!req.body.empty()) {
            auto body = codec::ParseObject(req.body);
            if (!body.ok()) return ErrorResponse(body.error(), req);
            if (auto st = OnlyFields(*body, {}); !st.ok()) return ErrorResponse(st.error(), req);
          }
          auto marked = s.notifications.MarkAllRead(call.who());
          if (!marked.ok()) return ErrorResponse(marked.error(), req);
          return JsonResponse(200, json{{"marked", *marked}});
        }));
}

}  // namespace kams::http
