// Visit plans (/visit-plans), comments under records and plans, and the weekly review
// (/weekly-review).

#include "http/api.h"
#include "http/engagement_codec.h"
#include "http/handler_util.h"

namespace kams::http {
namespace {

// POST /visit-plans/{id}/complete: an empty body completes the visit with defaults.
Result<VisitCompletion> ReadCompletion(const Request& req) {
  if (req.body.empty()) return VisitCompletion{};
  KAMS_TRY(json body, codec::ParseObject(req.body));
  return DecodeVisitCompletion(body);
}

Result<std::optional<CivilDate>> WeekParam(const Query& q) {
  auto text = q.Get("week");
  if (!text) return std::optional<CivilDate>{};
  auto monday = ParseWeek(*text);
  if (!monday) return ValidationFailed({{"week", "must_be_iso_week_or_date"}});
  return std::optional<CivilDate>{*monday};
}

}  // namespace

void AddVisitRoutes(Router& r, Services& s, const std::function<Handler(AuthedHandler)>& authed) {
  auto today = [&s] { return s.visit_plans.Today(); };
  auto plan_response = [today](int status, const VisitPlan& p) {
    Response res = JsonResponse(status, VisitPlanJson(p, today()));
    SetEtag(res, p.version);
    return res;
  };

  r.Add("POST", "/api/v1/visit-plans",
        authed([&s, plan_response](Request& req, const Call& call) -> Response {
          auto body = codec::ParseObject(req.body);
          if (!body.ok()) return ErrorResponse(body.error(), req);
          auto draft = DecodeVisitPlanDraft(*body);
          if (!draft.ok()) return ErrorResponse(draft.error(), req);
          auto saved = s.visit_plans.Create(call.who(), call.ctx, std::move(*draft));
          if (!saved.ok()) return ErrorResponse(saved.error(), req);
          Response res = plan_response(201, *saved);
          res.SetHeader("Location", "/api/v1/visit-plans/" + std::to_string(saved->id));
          return res;
        }));

  r.Add("GET", "/api/v1/visit-plans",
        authed([&s, today](Request& req, const Call& call) -> Response {
          auto q = Query::Parse(
              req, {"limit", "cursor", "owner_id", "customer_id", "from", "to", "status"});
          if (!q.ok()) return ErrorResponse(q.error(), req);
          auto page = q->Page("starts_at", true);
          if (!page.ok()) return ErrorResponse(page.error(), req);
          VisitPlanFilter f;
          for (auto [name, field] :
               {std::pair{"owner_id", &f.owner_id}, std::pair{"customer_id", &f.customer_id}}) {
            auto v = q->Int(name, 1, INT64_MAX);
            if (!v.ok()) return ErrorResponse(v.error(), req);
            *field = *v;
          }
          for (auto [name, field] : {std::pair{"from", &f.from}, std::pair{"to", &f.to}}) {
            if (auto text = q->Get(name)) {
              *field = ParseCivilDate(*text);
              if (!*field) return ErrorResponse(ValidationFailed({{name, "must_be_date"}}), req);
            }
          }
          if (auto status = q->Get("status")) {
            f.status = ParseVisitStatus(*status);
            if (!f.status) return ErrorResponse(ValidationFailed({{"status", "invalid"}}), req);
          }
          auto list = s.visit_plans.List(call.who(), f, *page);
          if (!list.ok()) return ErrorResponse(list.error(), req);
          const CivilDate day = today();
          return JsonResponse(200, ListJson(*list, "starts_at", [&](const VisitPlan& p) {
                                return VisitPlanJson(p, day);
                              }));
        }));

  r.Add("GET", "/api/v1/visit-plans/{id}",
        authed([&s, plan_response](Request& req, const Call& call) -> Response {
          auto id = PathId(req, 0);
          if (!id.ok()) return ErrorResponse(id.error(), req);
          auto p = s.visit_plans.Get(call.who(), call.ctx, *id);
          if (!p.ok()) return ErrorResponse(p.error(), req);
          return plan_response(200, *p);
        }));

  r.Add("PATCH", "/api/v1/visit-plans/{id}",
        authed([&s, plan_response](Request& req, const Call& call) -> Response {
          auto id = PathId(req, 0);
          if (!id.ok()) return ErrorResponse(id.error(), req);
          auto version = IfMatchVersion(req);
          if (!version.ok()) return ErrorResponse(version.error(), req);
          auto body = codec::ParseObject(req.body);
          if (!body.ok()) return ErrorResponse(body.error(), req);
          auto patch = DecodeVisitPlanPatch(*body);
          if (!patch.ok()) return ErrorResponse(patch.error(), req);
          auto p = s.visit_plans.Update(call.who(), call.ctx, *id, *version, *patch);
          if (!p.ok()) return ErrorResponse(p.error(), req);
          return plan_response(200, *p);
        }));

  r.Add("POST", "/api/v1/visit-plans/{id}/cancel",
        authed([&s, plan_response](Request& req, const Call& call) -> Response {
          auto id = PathId(req, 0);
          if (!id.ok()) return ErrorResponse(id.error(), req);
          auto body = codec::ParseObject(req.body);
          if (!body.ok()) return ErrorResponse(body.error(), req);
          auto reason = DecodeCancelReason(*body);
          if (!reason.ok()) return ErrorResponse(reason.error(), req);
          auto version = IfMatchVersion(req);
          if (!version.ok()) return ErrorResponse(version.error(), req);
          auto p = s.visit_plans.Cancel(call.who(), call.ctx, *id, *version, std::move(*reason));
          if (!p.ok()) return ErrorResponse(p.error(), req);
          return plan_response(200, *p);
        }));

  r.Add("POST", "/api/v1/visit-plans/{id}/complete",
        authed([&s, today](Request& req, const Call& call) -> Response {
          auto id = PathId(req, 0);
          if (!id.ok()) return ErrorResponse(id.error(), req);
          auto done = ReadCompletion(req);
          if (!done.ok()) return ErrorResponse(done.error(), req);
          auto version = IfMatchVersion(req);
          if (!version.ok()) return ErrorResponse(version.error(), req);
          auto visit =
              s.visit_plans.Complete(call.who(), call.ctx, *id, *version, std::move(*done));
          if (!visit.ok()) return ErrorResponse(visit.error(), req);
          return JsonResponse(200, json{{"visit_plan", VisitPlanJson(visit->plan, today())},
                                        {"interaction", InteractionJson(visit->record)}});
        }));

  for (const auto& [item_kind, base] :
       {std::pair{ReviewKind::kVisitPlan, "/api/v1/visit-plans/{id}/comments"},
        std::pair{ReviewKind::kInteraction, "/api/v1/interactions/{id}/comments"}}) {
    const ReviewKind kind = item_kind;  // a copy: lambdas cannot capture a structured binding
    r.Add("GET", base, authed([&s, kind](Request& req, const Call& call) -> Response {
            auto id = PathId(req, 0);
            if (!id.ok()) return ErrorResponse(id.error(), req);
            auto q = Query::Parse(req, {"limit", "cursor"});
            if (!q.ok()) return ErrorResponse(q.error(), req);
            auto page = q->Page("id", true);
            if (!page.ok()) return ErrorResponse(page.error(), req);
            auto list = s.reviews.Comments(call.who(), call.ctx, ReviewRef{kind, *id}, *page);
            if (!list.ok()) return ErrorResponse(list.error(), req);
            return JsonResponse(200, ListJson(*list, "id", CommentJson));
          }));
    r.Add("POST", base, authed([&s, kind](Request& req, const Call& call) -> Response {
            auto id = PathId(req, 0);
            if (!id.ok()) return ErrorResponse(id.error(), req);
            auto body = codec::ParseObject(req.body);
            if (!body.ok()) return ErrorResponse(body.error(), req);
            auto text = DecodeCommentBody(*body);
            if (!text.ok()) return ErrorResponse(text.error(), req);
            auto c = s.reviews.AddComment(call.who(), call.ctx, ReviewRef{kind, *id},
                                          std::move(*text));
            if (!c.ok()) return ErrorResponse(c.error(), req);
            return JsonResponse(201, CommentJson(*c));
          }));
  }

  r.Add("GET", "/api/v1/weekly-review",
        authed([&s, today](Request& req, const Call& call) -> Response {
          auto q = Query::Parse(req, {"limit", "cursor", "week", "user_id", "state"});
          if (!q.ok()) return ErrorResponse(q.error(), req);
          auto page = q->Page("at", false);
          if (!page.ok()) return ErrorResponse(page.error(), req);
          auto week = WeekParam(*q);
          if (!week.ok()) return ErrorResponse(week.error(), req);
          auto user = q->Int("user_id", 1, INT64_MAX);
          if (!user.ok()) return ErrorResponse(user.error(), req);
          ReviewState state = ReviewState::kUnreviewed;
          if (auto text = q->Get("state")) {
            if (*text == "reviewed") {
              state = ReviewState::kReviewed;
            } else if (*text == "all") {
              state = ReviewState::kAll;
            } else if (*text != "unreviewed") {
              return ErrorResponse(ValidationFailed({{"state", "invalid"}}), req);
            }
          }
          auto list = s.reviews.Queue(call.who(), call.ctx, *week, state, *user, *page);
          if (!list.ok()) return ErrorResponse(list.error(), req);
          const CivilDate day = today();
          return JsonResponse(
              200, ListJson(*list, "at", [&](const ReviewItem& item) {
                return json{{"kind", std::string(ReviewKindName(item.kind))},
                            {"id", item.id},
                            {"week", FormatIsoWeek(BusinessDay(item.at))},
                            {"at", FormatRfc3339(item.at)},
                            {"user_id", item.user_id},
                            {"user_name", item.user_name},
                            {"customer_id", item.customer_id},
                            {"customer_name", item.customer_name},
                            {"reviewed_at", TimeJson(item.reviewed_at)},
                            {"reviewed_by", OptJson(item.reviewed_by)},
                            {"reviewed_by_name", OptJson(item.reviewed_by_name)},
                            {"comment_count", item.comment_count},
                            {"interaction",
                             item.interaction ? InteractionJson(*item.interaction) : json(nullptr)},
                            {"visit_plan", item.visit_plan ? VisitPlanJson(*item.visit_plan, day)
                                                           : json(nullptr)}};
              }));
        }));

  r.Add("GET", "/api/v1/weekly-review/summary",
        authed([&s](Request& req, const Call& call) -> Response {
          auto q = Query::Parse(req, {"week"});
          if (!q.ok()) return ErrorResponse(q.error(), req);
          auto week = WeekParam(*q);
          if (!week.ok()) return ErrorResponse(week.error(), req);
          const CivilDate monday = week->value_or(s.reviews.ThisWeek());
          auto users = s.reviews.Summary(call.who(), call.ctx, monday);
          if (!users.ok()) return ErrorResponse(users.error(), req);
          json list = json::array();
          for (const auto& u : *users) {
            list.push_back({{"user_id", u.user_id},
                            {"user_name", u.user_name},
                            {"role", u.role},
                            {"records", u.records},
                            {"visits_planned", u.visits_planned},
                            {"visits_completed", u.visits_completed},
                            {"visits_missed", u.visits_missed},
                            {"visits_cancelled", u.visits_cancelled},
                            {"unreviewed", u.unreviewed},
                            {"unreviewed_earlier", u.unreviewed_earlier}});
          }
          return JsonResponse(
              200, json{{"week", FormatIsoWeek(monday)},
                        {"from", FormatCivilDate(monday)},
                        {"to", FormatCivilDate(CivilFromDays(DaysFromCivil(monday) + 6))},
                        {"users", list}});
        }));

  for (const auto& [path, marks] : {std::pair{"/api/v1/weekly-review/mark", true},
                                    std::pair{"/api/v1/weekly-review/unmark", false}}) {
    const bool reviewed = marks;  // a copy: lambdas cannot capture a structured binding
    r.Add("POST", path, authed([&s, reviewed](Request& req, const Call& call) -> Response {
            auto body = codec::ParseObject(req.body);
            if (!body.ok()) return ErrorResponse(body.error(), req);
            auto items = DecodeReviewItems(*body);
            if (!items.ok()) return ErrorResponse(items.error(), req);
            auto changed = s.reviews.Mark(call.who(), call.ctx, *items, reviewed);
            if (!changed.ok()) return ErrorResponse(changed.error(), req);
            return JsonResponse(200, json{{"changed", *changed}});
          }));
  }
}

}  // namespace kams::http
