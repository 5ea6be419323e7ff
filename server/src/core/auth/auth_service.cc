#include "core/auth/auth_service.h"

#include <algorithm>

#include "core/audit/audit_log.h"
#include "core/common/validation.h"

namespace kams {
namespace {

std::string UserKey(const std::string& username) { return "user:" + username; }
std::string AddrKey(const std::string& addr) { return "addr:" + addr; }

Error RateLimited(int seconds) {
  Error e = MakeError(ErrorCode::kRateLimited,
                      "too many failed sign-in attempts; try again in " +
                          std::to_string(seconds) + " s");
  e.retry_after_seconds = seconds;
  return e;
}

std::string Lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return s;
}

}  // namespace

Principal AuthService::PrincipalOf(const User& u) {
  return Principal{u.id, u.username, u.role, u.org_unit_id};
}

Result<LoginResult> AuthService::Login(const RequestContext& ctx, const std::string& raw_username,
                                       const std::string& password) {
  const std::string username = Lower(TrimSpace(raw_username));
  if (username.empty() || password.empty() || username.size() > 64 || password.size() > 1024) {
    Validator v;
    if (username.empty()) v.Add("username", "required");
    if (username.size() > 64) v.Add("username", "too_long");
    if (password.empty()) v.Add("password", "required");
    if (password.size() > 1024) v.Add("password", "too_long");
    return v.ToStatus().take_error();
  }
  const Timestamp now = deps_.clock.Now();
  struct Found {
    std::optional<User> user;
    std::string hash;
    int wait = 0;
  };
  auto found = Transact(deps_.db, TxMode::kRead, [&](Tx& tx) -> Result<Found> {
    Found f;
    f.wait = std::max(ThrottleWaitSeconds(tx.auth().GetThrottle(UserKey(username)), now),
                      ThrottleWaitSeconds(tx.auth().GetThrottle(AddrKey(ctx.client_addr)), now));
    if (f.wait > 0) return f;
    f.user = tx.users().FindByUsername(username);
    if (f.user) f.hash = tx.users().PasswordHash(f.user->id).value_or("");
    return f;
  });
  if (!found.ok()) return found.take_error();
  if (found->wait > 0) {
    Status s = deps_.db.Run(TxMode::kWrite, [&](Tx& tx) {
      AppendAudit(tx, deps_, ctx, nullptr, username,
                  AuditEvent{"auth.login_throttled", "session", std::nullopt, std::nullopt, {}});
      return Ok();
    });
    (void)s;
    return RateLimited(found->wait);
  }
  // Verify outside any transaction: Argon2id is deliberately slow. Unknown users pay the
  // same cost, so timing does not reveal which usernames exist.
  static const std::string kDummyHash = deps_.crypto.HashPassword("kams-dummy-password-1");
  const bool password_ok =
      deps_.crypto.VerifyPassword(found->user ? found->hash : kDummyHash, password) &&
      found->user.has_value();
  const bool allowed = password_ok && found->user->active;

  if (!allowed) {
    auto wait = Transact(deps_.db, TxMode::kWrite, [&](Tx& tx) -> Result<int> {
      int w = 0;
      for (const auto& key : {UserKey(username), AddrKey(ctx.client_addr)}) {
        ThrottleState s = ThrottleAfterFailure(tx.auth().GetThrottle(key), now, throttle_);
        tx.auth().PutThrottle(key, s);
        w = std::max(w, ThrottleWaitSeconds(s, now));
      }
      AppendAudit(tx, deps_, ctx, nullptr, username,
                  AuditEvent{"auth.login_failed", "session",
                             found->user ? std::optional<Id>(found->user->id) : std::nullopt,
                             std::nullopt,
                             {{"reason", std::nullopt,
                               password_ok ? std::string("disabled") : std::string("bad_credentials")}}});
      return w;
    });
    (void)wait;
    return Unauthenticated("wrong username or password");
  }

  LoginResult out;
  out.user = *found->user;
  out.session_token = deps_.crypto.RandomToken();
  out.csrf_token = CsrfTokenFor(out.session_token);
  Session s;
  s.token_hash = deps_.crypto.Sha256Hex(out.session_token);
  s.user_id = out.user.id;
  s.csrf_hash = deps_.crypto.Sha256Hex(out.csrf_token);
  s.created_at = s.last_seen_at = now;
  s.client_addr = ctx.client_addr;
  const Principal who = PrincipalOf(out.user);
  Status st = deps_.db.Run(TxMode::kWrite, [&](Tx& tx) -> Status {
    tx.auth().ClearThrottle(UserKey(username));
    tx.auth().InsertSession(s);
    tx.users().RecordLogin(out.user.id, now);
    AppendAudit(tx, deps_, ctx, &who, "",
                AuditEvent{"auth.login", "session", out.user.id, std::nullopt, {}});
    return Ok();
  });
  if (!st.ok()) return st.take_error();
  out.user.last_login_at = now;
  return out;
}

Status AuthService::Logout(const RequestContext& ctx, const Authenticated& who) {
  return deps_.db.Run(TxMode::kWrite, [&](Tx& tx) -> Status {
    if (who.via == Authenticated::Via::kSession) tx.auth().DeleteSession(who.session_hash);
    AppendAudit(tx, deps_, ctx, &who.principal, "",
                AuditEvent{"auth.logout", "session", who.principal.user_id, std::nullopt, {}});
    return Ok();
  });
}

Result<std::optional<Authenticated>> AuthService::ResolveSession(const std::string& token) {
  if (token.empty() || token.size() > 256) return std::optional<Authenticated>();
  const std::string hash = deps_.crypto.Sha256Hex(token);
  const Timestamp now = deps_.clock.Now();
  struct Hit {
    Session session;
    User user;
  };
  auto hit = Transact(deps_.db, TxMode::kRead, [&](Tx& tx) -> Result<std::optional<Hit>> {
    auto s = tx.auth().FindSession(hash);
    if (!s) return std::optional<Hit>();
    auto u = tx.users().Get(s->user_id);
    if (!u) return std::optional<Hit>();
    return std::optional<Hit>(Hit{*s, *u});
  });
  if (!hit.ok()) return hit.take_error();
  if (!hit->has_value()) return std::optional<Authenticated>();
  const Hit& h = **hit;
  if (!h.user.active || EvaluateSession(h.session, now, sessions_) != SessionState::kAlive) {
    return std::optional<Authenticated>();
  }
  if (SessionNeedsTouch(h.session, now, sessions_)) {
    Status s = deps_.db.Run(TxMode::kWrite, [&](Tx& tx) {
      tx.auth().TouchSession(hash, now);
      return Ok();
    });
    (void)s;  // a missed touch only shortens the idle window
  }
  Authenticated a;
  a.principal = PrincipalOf(h.user);
  a.via = Authenticated::Via::kSession;
  a.session_hash = hash;
  a.csrf_hash = h.session.csrf_hash;
  return std::optional<Authenticated>(std::move(a));
}

Result<std::optional<Authenticated>> AuthService::ResolveBearer(const std::string& token) {
  if (token.empty() || token.size() > 256) return std::optional<Authenticated>();
  const std::string hash = deps_.crypto.Sha256Hex(token);
  const Timestamp now = deps_.clock.Now();
  struct Hit {
    ApiToken token;
    User user;
  };
  auto hit = Transact(deps_.db, TxMode::kRead, [&](Tx& tx) -> Result<std::optional<Hit>> {
    auto t = tx.auth().FindToken(hash);
    if (!t) return std::optional<Hit>();
    auto u = tx.users().Get(t->user_id);
    if (!u) return std::optional<Hit>();
    return std::optional<Hit>(Hit{*t, *u});
  });
  if (!hit.ok()) return hit.take_error();
  if (!hit->has_value()) return std::optional<Authenticated>();
  const Hit& h = **hit;
  if (!h.user.active || h.token.revoked_at || (h.token.expires_at && *h.token.expires_at <= now)) {
    return std::optional<Authenticated>();
  }
  if (!h.token.last_used_at || now - *h.token.last_used_at >= sessions_.touch_interval) {
    Status s = deps_.db.Run(TxMode::kWrite, [&](Tx& tx) {
      tx.auth().TouchToken(h.token.id, now);
      return Ok();
    });
    (void)s;
  }
  Authenticated a;
  a.principal = PrincipalOf(h.user);
  a.via = Authenticated::Via::kBearer;
  return std::optional<Authenticated>(std::move(a));
}

std::string AuthService::CsrfTokenFor(const std::string& session_token) const {
  return deps_.crypto.Sha256Hex("kams-csrf|" + session_token);
}

bool AuthService::CsrfMatches(const Authenticated& who, const std::string& csrf_token) const {
  if (who.via == Authenticated::Via::kBearer) return true;
  if (csrf_token.empty() || csrf_token.size() > 256) return false;
  return deps_.crypto.ConstantTimeEquals(deps_.crypto.Sha256Hex(csrf_token), who.csrf_hash);
}

Result<NewToken> AuthService::CreateToken(const Principal& who, const RequestContext& ctx,
                                          const std::string& raw_name,
                                          std::optional<Timestamp> expires_at) {
  const std::string name = TrimSpace(raw_name);
  Validator v;
  v.Required("name", name);
  v.MaxLength("name", name, 100);
  v.Check(!expires_at || *expires_at > deps_.clock.Now(), "expires_at", "in_the_past");
  KAMS_CHECK(v.ToStatus());
  NewToken out;
  out.secret = "kams_" + deps_.crypto.RandomToken();
  out.token.user_id = who.user_id;
  out.token.name = name;
  out.token.token_hash = deps_.crypto.Sha256Hex(out.secret);
  out.token.created_at = deps_.clock.Now();
  out.token.expires_at = expires_at;
  return Transact(deps_.db, TxMode::kWrite, [&](Tx& tx) -> Result<NewToken> {
    out.token.id = tx.auth().InsertToken(out.token);
    AppendAudit(tx, deps_, ctx, &who, "",
                AuditEvent{"token.create", "api_token", out.token.id, std::nullopt,
                           {{"name", std::nullopt, name}}});
    return out;
  });
}

Result<std::vector<ApiToken>> AuthService::ListTokens(const Principal& who) {
  return Transact(deps_.db, TxMode::kRead, [&](Tx& tx) -> Result<std::vector<ApiToken>> {
    return tx.auth().TokensOf(who.user_id);
  });
}

Status AuthService::RevokeToken(const Principal& who, const RequestContext& ctx, Id token_id) {
  return deps_.db.Run(TxMode::kWrite, [&](Tx& tx) -> Status {
    if (!tx.auth().RevokeToken(who.user_id, token_id, deps_.clock.Now())) {
      return NotFound("token not found");
    }
    AppendAudit(tx, deps_, ctx, &who, "",
                AuditEvent{"token.revoke", "api_token", token_id, std::nullopt, {}});
    return Ok();
  });
}

Result<User> AuthService::Me(const Principal& who) {
  return Transact(deps_.db, TxMode::kRead, [&](Tx& tx) -> Result<User> {
    auto u = tx.users().Get(who.user_id);
    if (!u) return Unauthenticated("user no longer exists");
    return std::move(*u);
  });
}

}  // namespace kams

namespace kams {

Result<std::string> AuthService::PurgeExpired() {
  const Timestamp now = deps_.clock.Now();
  std::int64_t sessions = 0;
  std::int64_t throttles = 0;
  KAMS_CHECK(deps_.db.Run(TxMode::kWrite, [&](Tx& tx) -> Status {
    sessions = tx.auth().DeleteSessionsBefore(now - sessions_.idle_timeout,
                                              now - sessions_.absolute_timeout);
    throttles = tx.auth().DeleteStaleThrottles(now - throttle_.window, now);
    return Ok();
  }));
  return std::to_string(sessions) + " expired sessions, " + std::to_string(throttles) +
         " stale login counters removed";
}

}  // namespace kams
