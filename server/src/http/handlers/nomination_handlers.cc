#include "http/api.h"
#include "http/handler_util.h"

namespace kams::http {
namespace {

Result<NominationDraft> ReadDraft(const json& body) {
  KAMS_CHECK(OnlyFields(body, {"customer_id", "kind", "scheme_id", "proposed_tier", "reason",
                               "pinned_until"}));
  NominationDraft d;
  std::vector<FieldError> problems;
  if (auto it = body.find("customer_id"); it == body.end() || it->is_null()) {
    problems.push_back({"customer_id", "required"});
  } else if (!it->is_number_integer() || it->get<std::int64_t>() < 1) {
    problems.push_back({"customer_id", "must_be_id"});
  } else {
    d.customer_id = it->get<std::int64_t>();
  }
  if (auto it = body.find("kind"); it != body.end() && !it->is_null()) {
    auto kind = it->is_string() ? ParseNominationKind(it->get<std::string>()) : std::nullopt;
    if (!kind) {
      problems.push_back({"kind", "invalid"});
    } else {
      d.kind = *kind;
    }
  }
  if (auto it = body.find("scheme_id"); it != body.end() && !it->is_null()) {
    if (!it->is_number_integer() || it->get<std::int64_t>() < 1) {
      problems.push_back({"scheme_id", "must_be_id"});
    } else {
      d.scheme_id = it->get<std::int64_t>();
    }
  }
  if (auto it = body.find("reason"); it == body.end() || it->is_null()) {
    problems.push_back({"reason", "required"});
  } else if (!it->is_string()) {
    problems.push_back({"reason", "must_be_string"});
  } else {
    d.reason = it->get<std::string>();
  }
  if (!problems.empty()) return ValidationFailed(problems);
  KAMS_TRY(auto tier, NullableText(body, "proposed_tier"));
  if (tier) d.proposed_tier = *tier;
  KAMS_TRY(auto pin, NullableDate(body, "pinned_until"));
  if (pin) d.pinned_until = *pin;
  return d;
}

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
          auto draft = ReadDraft(*body);
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
          if (auto st = OnlyFields(*body, {"reason", "proposed_tier", "pinned_until"}); !st.ok()) {
            return ErrorResponse(st.error(), req);
          }
          NominationChanges changes;
          auto reason = NullableText(*body, "reason");
          if (!reason.ok()) return ErrorResponse(reason.error(), req);
          if (*reason) {
            if (!**reason) return ErrorResponse(ValidationFailed({{"reason", "required"}}), req);
            changes.reason = ***reason;
          }
          auto tier = NullableText(*body, "proposed_tier");
          if (!tier.ok()) return ErrorResponse(tier.error(), req);
          changes.proposed_tier = *tier;
          auto pin = NullableDate(*body, "pinned_until");
          if (!pin.ok()) return ErrorResponse(pin.error(), req);
          changes.pinned_until = *pin;
          auto n = s.nominations.Resubmit(call.who(), call.ctx, *id, changes);
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
          if (auto st = OnlyFields(*body, {"roles"}); !st.ok()) return ErrorResponse(st.error(), req);
          auto it = body->find("roles");
          if (it == body->end() || !it->is_array()) {
            return ErrorResponse(ValidationFailed({{"roles", "required"}}), req);
          }
          std::vector<Role> roles;
          for (std::size_t i = 0; i < it->size(); ++i) {
            const json& v = (*it)[i];
            auto role = v.is_string() ? ParseRole(v.get<std::string>()) : std::nullopt;
            if (!role) {
              return ErrorResponse(
                  ValidationFailed({{"roles[" + std::to_string(i) + "]", "invalid"}}), req);
            }
            roles.push_back(*role);
          }
          auto chain = s.nominations.SetApprovalChain(call.who(), call.ctx, roles);
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
