#include "http/api.h"
#include "http/handler_util.h"
#include "http/spool_file.h"

namespace kams::http {
namespace {

Response WithEtag(Response r, std::int64_t version) {
  SetEtag(r, version);
  return r;
}

Result<CustomerFilter> FilterFrom(const Query& q) {
  CustomerFilter f;
  f.stage = q.Get("stage");
  KAMS_TRY(f.is_key_account, q.Bool("is_key_account"));
  f.tier = q.Get("tier");
  KAMS_TRY(f.owner_id, q.Int("owner_id", 1, INT64_MAX));
  KAMS_TRY(f.org_unit_id, q.Int("org_unit_id", 1, INT64_MAX));
  f.region = q.Get("region");
  f.industry = q.Get("industry");
  f.q = TrimSpace(q.Get("q").value_or(""));
  if (Utf8Length(f.q) > 100) return ValidationFailed({{"q", "too_long"}});
  return f;
}

// RFC 5987 value characters: everything else is percent-encoded.
std::string Rfc5987(std::string_view text) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (char ch : text) {
    const auto u = static_cast<unsigned char>(ch);
    if ((u >= 'a' && u <= 'z') || (u >= 'A' && u <= 'Z') || (u >= '0' && u <= '9') ||
        ch == '-' || ch == '.' || ch == '_' || ch == '~') {
      out += ch;
    } else {
      out += '%';
      out += kHex[u >> 4];
      out += kHex[u & 15];
    }
  }
  return out;
}

}  // namespace

void AddCustomerRoutes(Router& r, Services& s, const ApiOptions& o,
                       const std::function<Handler(AuthedHandler)>& authed) {
  r.Add("GET", "/api/v1/customers", authed([&s](Request& req, const Call& call) -> Response {
          auto q = Query::Parse(req, {"limit", "cursor", "sort", "q", "stage", "is_key_account",
                                      "tier", "owner_id", "org_unit_id", "region", "industry"});
          if (!q.ok()) return ErrorResponse(q.error(), req);
          auto sort = ParseCustomerSort(q->Get("sort").value_or("id"));
          if (!sort) return ErrorResponse(ValidationFailed({{"sort", "invalid"}}), req);
          const std::string sort_name = std::string(sort->descending ? "-" : "") +
                                        std::string(CustomerSortName(sort->field));
          auto page = q->Page(sort_name, sort->field != CustomerSort::kName);
          if (!page.ok()) return ErrorResponse(page.error(), req);
          auto filter = FilterFrom(*q);
          if (!filter.ok()) return ErrorResponse(filter.error(), req);
          auto result = s.customers.List(call.who(), call.ctx, *filter, *sort, *page);
          if (!result.ok()) return ErrorResponse(result.error(), req);
          return JsonResponse(200, ListJsonText(*result, sort_name, codec::WriteCustomer));
        }));

  // Before /customers/{id}: routes match in the order they were added.
  // The export is written to a temporary file, audited, and only then sent from that file.
  // HEAD makes no file: it checks the request as GET would and answers the content type
  // only (no Content-Length, Content-Disposition or X-Export-Rows), with no audit row and
  // no access-log reads.
  r.Add("GET", "/api/v1/customers/export",
        authed([&s, temp_dir = o.temp_dir](Request& req, const Call& call) -> Response {
          auto q = Query::Parse(req, {"format", "lang", "sort", "q", "stage", "is_key_account",
                                      "tier", "owner_id", "org_unit_id", "region", "industry"});
          if (!q.ok()) return ErrorResponse(q.error(), req);
          CustomerExportRequest er;
          auto format = ParseExportFormat(q->Get("format").value_or("csv"));
          if (!format) return ErrorResponse(ValidationFailed({{"format", "invalid"}}), req);
          er.format = *format;
          auto lang = ParseExportLang(q->Get("lang").value_or("zh-CN"));
          if (!lang) return ErrorResponse(ValidationFailed({{"lang", "invalid"}}), req);
          er.lang = *lang;
          auto sort = ParseCustomerSort(q->Get("sort").value_or("id"));
          if (!sort) return ErrorResponse(ValidationFailed({{"sort", "invalid"}}), req);
          er.sort = *sort;
          auto filter = FilterFrom(*q);
          if (!filter.ok()) return ErrorResponse(filter.error(), req);
          er.filter = std::move(*filter);
          // The filter as sent, for the audit row: the query without format and lang.
          for (const char* name : {"sort", "q", "stage", "is_key_account", "tier", "owner_id",
                                   "org_unit_id", "region", "industry"}) {
            if (auto v = q->Get(name)) {
              if (!er.filter_text.empty()) er.filter_text += '&';
              er.filter_text += std::string(name) + "=" + *v;
            }
          }
          Response res;
          res.status = 200;
          res.content_type = std::string(ExportContentType(er.format));
          res.SetHeader("Cache-Control", "no-store");
          if (req.method == "HEAD") {
            if (auto st = s.exports.Check(call.who(), call.ctx, er); !st.ok()) {
              return ErrorResponse(st.error(), req);
            }
            res.unknown_length = true;
            return res;
          }
          auto spool = SpoolFile::Create(temp_dir);
          if (!spool.ok()) return ErrorResponse(spool.error(), req);
          auto file = s.exports.Customers(call.who(), call.ctx, er, [&spool]() -> ByteSink {
            spool->Truncate();
            return [&spool](std::string_view bytes) { spool->Append(bytes); };
          });
          if (!file.ok()) return ErrorResponse(file.error(), req);
          res.SetHeader("Content-Disposition", "attachment; filename=\"" + file->ascii_file_name +
                                                   "\"; filename*=UTF-8''" +
                                                   Rfc5987(file->file_name));
          res.SetHeader("X-Export-Rows", std::to_string(file->rows));
          res.file = spool->TakeBody();
          return res;
        }));

  r.Add("POST", "/api/v1/customers", authed([&s](Request& req, const Call& call) -> Response {
          auto body = codec::ParseObject(req.body);
          if (!body.ok()) return ErrorResponse(body.error(), req);
          Customer draft;
          if (auto st = codec::ApplyCustomer(*body, draft); !st.ok()) {
            return ErrorResponse(st.error(), req);
          }
          auto created = s.customers.Create(call.who(), call.ctx, std::move(draft));
          if (!created.ok()) return ErrorResponse(created.error(), req);
          Response res = WithEtag(JsonResponse(201, codec::CustomerJson(*created)), created->version);
          res.SetHeader("Location", "/api/v1/customers/" + std::to_string(created->id));
          return res;
        }));

  r.Add("GET", "/api/v1/customers/{id}", authed([&s](Request& req, const Call& call) -> Response {
          auto id = PathId(req, 0);
          if (!id.ok()) return ErrorResponse(id.error(), req);
          auto c = s.customers.Get(call.who(), call.ctx, *id);
          if (!c.ok()) return ErrorResponse(c.error(), req);
          return WithEtag(JsonResponse(200, codec::CustomerJson(*c)), c->version);
        }));

  r.Add("GET", "/api/v1/customers/{id}/months",
        authed([&s](Request& req, const Call& call) -> Response {
          auto id = PathId(req, 0);
          if (!id.ok()) return ErrorResponse(id.error(), req);
          if (auto q = Query::Parse(req, {}); !q.ok()) return ErrorResponse(q.error(), req);
          auto months = s.customers.Months(call.who(), call.ctx, *id);
          if (!months.ok()) return ErrorResponse(months.error(), req);
          json items = json::array();
          for (const auto& m : *months) {
            items.push_back({{"month", FormatCivilDate(FirstDayOf(m.month)).substr(0, 7)},
                             {"revenue_fen", m.revenue_fen},
                             {"orders", m.orders},
                             {"margin_fen", m.margin_fen}});
          }
          return JsonResponse(200, json{{"items", items}, {"next_cursor", nullptr}});
        }));

  r.Add("GET", "/api/v1/customers/{id}/history",
        authed([&s](Request& req, const Call& call) -> Response {
          auto id = PathId(req, 0);
          if (!id.ok()) return ErrorResponse(id.error(), req);
          auto q = Query::Parse(req, {"limit", "cursor"});
          if (!q.ok()) return ErrorResponse(q.error(), req);
          auto page = q->Page("-id", true);
          if (!page.ok()) return ErrorResponse(page.error(), req);
          auto result = s.customers.History(call.who(), call.ctx, *id, *page);
          if (!result.ok()) return ErrorResponse(result.error(), req);
          return JsonResponse(200, ListJson(*result, "-id",
                                            [](const AuditRecord& a) { return codec::ToJson(a); }));
        }));

  r.Add("GET", "/api/v1/customers/{id}/relationship-history",
        authed([&s](Request& req, const Call& call) -> Response {
          auto id = PathId(req, 0);
          if (!id.ok()) return ErrorResponse(id.error(), req);
          auto q = Query::Parse(req, {"limit", "cursor"});
          if (!q.ok()) return ErrorResponse(q.error(), req);
          auto page = q->Page("-id", true);
          if (!page.ok()) return ErrorResponse(page.error(), req);
          auto result = s.customers.RelationshipHistory(call.who(), call.ctx, *id, *page);
          if (!result.ok()) return ErrorResponse(result.error(), req);
          return JsonResponse(200, ListJson(*result, "-id",
                                            [](const AuditRecord& a) { return codec::ToJson(a); }));
        }));

  r.Add("PATCH", "/api/v1/customers/{id}", authed([&s](Request& req, const Call& call) -> Response {
          auto id = PathId(req, 0);
          if (!id.ok()) return ErrorResponse(id.error(), req);
          auto version = IfMatchVersion(req);
          if (!version.ok()) return ErrorResponse(version.error(), req);
          auto body = codec::ParseObject(req.body);
          if (!body.ok()) return ErrorResponse(body.error(), req);
          auto updated = s.customers.Update(call.who(), call.ctx, *id, *version,
                                            [&](Customer& c) { return codec::ApplyCustomer(*body, c); });
          if (!updated.ok()) return ErrorResponse(updated.error(), req);
          return WithEtag(JsonResponse(200, codec::CustomerJson(*updated)), updated->version);
        }));

  r.Add("DELETE", "/api/v1/customers/{id}", authed([&s](Request& req, const Call& call) -> Response {
          auto id = PathId(req, 0);
          if (!id.ok()) return ErrorResponse(id.error(), req);
          auto version = IfMatchVersion(req);
          if (!version.ok()) return ErrorResponse(version.error(), req);
          auto st = s.customers.Delete(call.who(), call.ctx, *id, *version);
          if (!st.ok()) return ErrorResponse(st.error(), req);
          return NoContent();
        }));

  r.Add("GET", "/api/v1/customers/{id}/users", authed([&s](Request& req, const Call& call) -> Response {
          auto id = PathId(req, 0);
          if (!id.ok()) return ErrorResponse(id.error(), req);
          auto q = Query::Parse(req, {"limit", "cursor", "q", "role"});
          if (!q.ok()) return ErrorResponse(q.error(), req);
          auto page = q->Page("id", true);
          if (!page.ok()) return ErrorResponse(page.error(), req);
          std::optional<Role> role;
          if (auto text = q->Get("role")) {
            role = ParseRole(*text);
            if (!role) return ErrorResponse(ValidationFailed({{"role", "invalid"}}), req);
          }
          const std::string text = TrimSpace(q->Get("q").value_or(""));
          if (Utf8Length(text) > 100) return ErrorResponse(ValidationFailed({{"q", "too_long"}}), req);
          auto users = s.customers.UsersWhoSee(call.who(), call.ctx, *id, text, role, *page);
          if (!users.ok()) return ErrorResponse(users.error(), req);
          // Names and roles only: what a colleague picking someone needs, nothing private.
          return JsonResponse(200, ListJson(*users, "id", [](const User& u) {
                                return json{{"id", u.id},
                                            {"username", u.username},
                                            {"display_name", u.display_name},
                                            {"role", std::string(RoleName(u.role))},
                                            {"org_unit_id", u.org_unit_id}};
                              }));
        }));

  r.Add("GET", "/api/v1/customers/{id}/team", authed([&s](Request& req, const Call& call) -> Response {
          auto id = PathId(req, 0);
          if (!id.ok()) return ErrorResponse(id.error(), req);
          auto team = s.customers.Team(call.who(), call.ctx, *id);
          if (!team.ok()) return ErrorResponse(team.error(), req);
          json items = json::array();
          for (const auto& m : *team) items.push_back(codec::ToJson(m));
          return JsonResponse(200, json{{"items", items}, {"next_cursor", nullptr}});
        }));

  r.Add("POST", "/api/v1/customers/{id}/team", authed([&s](Request& req, const Call& call) -> Response {
          auto id = PathId(req, 0);
          if (!id.ok()) return ErrorResponse(id.error(), req);
          auto body = codec::ParseObject(req.body);
          if (!body.ok()) return ErrorResponse(body.error(), req);
          AccountTeamMember m;
          m.customer_id = *id;
          if (auto st = codec::ApplyTeamMember(*body, m); !st.ok()) {
            return ErrorResponse(st.error(), req);
          }
          auto added = s.customers.AddTeamMember(call.who(), call.ctx, m);
          if (!added.ok()) return ErrorResponse(added.error(), req);
          Response res = JsonResponse(201, codec::ToJson(*added));
          res.SetHeader("Location", "/api/v1/customers/" + std::to_string(*id) + "/team/" +
                                        std::to_string(added->user_id));
          return res;
        }));

  r.Add("DELETE", "/api/v1/customers/{id}/team/{user_id}",
        authed([&s](Request& req, const Call& call) -> Response {
          auto id = PathId(req, 0);
          auto user = PathId(req, 1);
          if (!id.ok()) return ErrorResponse(id.error(), req);
          if (!user.ok()) return ErrorResponse(user.error(), req);
          auto st = s.customers.RemoveTeamMember(call.who(), call.ctx, *id, *user);
          if (!st.ok()) return ErrorResponse(st.error(), req);
          return NoContent();
        }));

  r.Add("POST", "/api/v1/customers/{id}/team/apply-default",
        authed([&s](Request& req, const Call& call) -> Response {
          auto id = PathId(req, 0);
          if (!id.ok()) return ErrorResponse(id.error(), req);
          if (!req.body.empty()) {
            auto body = codec::ParseObject(req.body);
            if (!body.ok()) return ErrorResponse(body.error(), req);
            std::vector<FieldError> unknown;
            for (auto it = body->begin(); it != body->end(); ++it) {
              unknown.push_back({it.key(), "unknown_field"});
            }
            if (!unknown.empty()) return ErrorResponse(ValidationFailed(unknown), req);
          }
          auto team = s.customers.ApplyDefaultTeam(call.who(), call.ctx, *id);
          if (!team.ok()) return ErrorResponse(team.error(), req);
          json items = json::array();
          for (const auto& m : *team) items.push_back(codec::ToJson(m));
          return JsonResponse(200, json{{"items", items}, {"next_cursor", nullptr}});
        }));

  r.Add("GET", "/api/v1/users/{id}/default-team",
        authed([&s](Request& req, const Call& call) -> Response {
          auto id = PathId(req, 0);
          if (!id.ok()) return ErrorResponse(id.error(), req);
          if (auto q = Query::Parse(req, {}); !q.ok()) return ErrorResponse(q.error(), req);
          auto team = s.customers.DefaultTeamOf(call.who(), call.ctx, *id);
          if (!team.ok()) return ErrorResponse(team.error(), req);
          return WithEtag(JsonResponse(200, codec::ToJson(*team)), team->version);
        }));

  r.Add("PUT", "/api/v1/users/{id}/default-team",
        authed([&s](Request& req, const Call& call) -> Response {
          auto id = PathId(req, 0);
          if (!id.ok()) return ErrorResponse(id.error(), req);
          auto version = IfMatchVersion(req);
          if (!version.ok()) return ErrorResponse(version.error(), req);
          auto body = codec::ParseObject(req.body);
          if (!body.ok()) return ErrorResponse(body.error(), req);
          auto members = codec::DecodeDefaultTeam(*body);
          if (!members.ok()) return ErrorResponse(members.error(), req);
          auto team = s.customers.PutDefaultTeam(call.who(), call.ctx, *id, *version,
                                                 std::move(*members));
          if (!team.ok()) return ErrorResponse(team.error(), req);
          return WithEtag(JsonResponse(200, codec::ToJson(*team)), team->version);
        }));
}

}  // namespace kams::http
