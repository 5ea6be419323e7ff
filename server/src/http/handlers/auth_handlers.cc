#include "http/api.h"
#include "http/handler_util.h"

#include "core/access/permissions.h"

namespace kams::http {
namespace {

std::string SessionCookie(const std::string& token, const ApiOptions& o, int max_age) {
  std::string c = "kams_session=" + token + "; Path=/; HttpOnly; SameSite=Strict; Max-Age=" +
                  std::to_string(max_age);
  if (o.secure_cookies) c += "; Secure";
  return c;
}

std::string CookieToken(const Request& req) {
  std::string_view h = req.Header("cookie");
  const auto pos = h.find("kams_session=");
  if (pos == std::string_view::npos) return {};
  std::string_view v = h.substr(pos + 13);
  return std::string(v.substr(0, v.find(';')));
}

}  // namespace

void AddAuthRoutes(Router& r, Services& s, const ApiOptions& o,
                   const std::function<Handler(AuthedHandler)>& authed) {
  r.Add("POST", "/api/v1/auth/login", [&s, o](Request& req) {
    auto body = codec::ParseObject(req.body);
    if (!body.ok()) return ErrorResponse(body.error(), req);
    auto login = codec::DecodeLogin(*body);
    if (!login.ok()) return ErrorResponse(login.error(), req);
    auto result = s.auth.Login(RequestContext{req.request_id, req.client_addr}, login->username,
                               login->password);
    if (!result.ok()) return ErrorResponse(result.error(), req);
    Response res = JsonResponse(200, json{{"user", codec::ToJson(result->user)},
                                          {"csrf_token", result->csrf_token}});
    res.SetHeader("Set-Cookie", SessionCookie(result->session_token, o, 12 * 3600));
    return res;
  });

  r.Add("POST", "/api/v1/auth/logout", authed([&s, o](Request& req, const Call& call) {
          auto st = s.auth.Logout(call.ctx, call.auth);
          if (!st.ok()) return ErrorResponse(st.error(), req);
          Response res = NoContent();
          res.SetHeader("Set-Cookie", SessionCookie("", o, 0));
          return res;
        }));

  r.Add("GET", "/api/v1/auth/me", authed([&s](Request& req, const Call& call) {
          auto me = s.auth.Me(call.who());
          if (!me.ok()) return ErrorResponse(me.error(), req);
          json permissions = json::array();
          for (Permission p : kAllPermissions) {
            if (Allows(me->role, p)) permissions.push_back(std::string(PermissionName(p)));
          }
          json body{{"user", codec::ToJson(*me)}, {"permissions", permissions}};
          if (call.auth.via == Authenticated::Via::kSession) {
            body["csrf_token"] = s.auth.CsrfTokenFor(CookieToken(req));
          }
          return JsonResponse(200, body);
        }));

  r.Add("GET", "/api/v1/auth/me/preferences", authed([&s](Request& req, const Call& call) {
          auto prefs = s.users.GetPreferences(call.who());
          if (!prefs.ok()) return ErrorResponse(prefs.error(), req);
          Response res = JsonResponse(200, codec::ToJson(*prefs));
          SetEtag(res, prefs->version);
          return res;
        }));

  r.Add("PUT", "/api/v1/auth/me/preferences", authed([&s](Request& req, const Call& call) {
          auto version = IfMatchVersion(req);
          if (!version.ok()) return ErrorResponse(version.error(), req);
          auto body = codec::ParseObject(req.body);
          if (!body.ok()) return ErrorResponse(body.error(), req);
          Preferences next;
          if (auto st = codec::ApplyPreferences(*body, next); !st.ok()) {
            return ErrorResponse(st.error(), req);
          }
          auto saved = s.users.PutPreferences(call.who(), call.ctx, *version, std::move(next));
          if (!saved.ok()) return ErrorResponse(saved.error(), req);
          Response res = JsonResponse(200, codec::ToJson(*saved));
          SetEtag(res, saved->version);
          return res;
        }));

  r.Add("POST", "/api/v1/auth/password", authed([&s](Request& req, const Call& call) {
          auto body = codec::ParseObject(req.body);
          if (!body.ok()) return ErrorResponse(body.error(), req);
          auto change = codec::DecodePasswordChange(*body);
          if (!change.ok()) return ErrorResponse(change.error(), req);
          auto st = s.users.ChangeOwnPassword(call.who(), call.ctx, change->current_password,
                                              change->new_password, call.auth.session_hash);
          if (!st.ok()) return ErrorResponse(st.error(), req);
          return NoContent();
        }));

  r.Add("GET", "/api/v1/tokens", authed([&s](Request& req, const Call& call) {
          auto tokens = s.auth.ListTokens(call.who());
          if (!tokens.ok()) return ErrorResponse(tokens.error(), req);
          json items = json::array();
          for (const auto& t : *tokens) items.push_back(codec::ToJson(t));
          return JsonResponse(200, json{{"items", items}, {"next_cursor", nullptr}});
        }));

  r.Add("POST", "/api/v1/tokens", authed([&s](Request& req, const Call& call) {
          // A token cannot mint further tokens: a leaked one must not outlive its revocation.
          if (call.auth.via == Authenticated::Via::kBearer) {
            return ErrorResponse(Forbidden("API tokens are created from a signed-in session"), req);
          }
          auto body = codec::ParseObject(req.body);
          if (!body.ok()) return ErrorResponse(body.error(), req);
          auto token = codec::DecodeTokenRequest(*body);
          if (!token.ok()) return ErrorResponse(token.error(), req);
          auto created = s.auth.CreateToken(call.who(), call.ctx, token->name, token->expires_at);
          if (!created.ok()) return ErrorResponse(created.error(), req);
          json out = codec::ToJson(created->token);
          out["token"] = created->secret;
          Response res = JsonResponse(201, out);
          res.SetHeader("Location", "/api/v1/tokens/" + std::to_string(created->token.id));
          return res;
        }));

  r.Add("DELETE", "/api/v1/tokens/{id}", authed([&s](Request& req, const Call& call) {
          auto id = PathId(req, 0);
          if (!id.ok()) return ErrorResponse(id.error(), req);
          auto st = s.auth.RevokeToken(call.who(), call.ctx, *id);
          if (!st.ok()) return ErrorResponse(st.error(), req);
          return NoContent();
        }));
}

}  // namespace kams::http
