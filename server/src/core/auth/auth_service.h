#pragma once
// Signing in and out, resolving sessions and bearer tokens to a Principal.

#include <optional>
#include <string>
#include <vector>

#include "core/auth/session.h"
#include "core/common/context.h"
#include "core/org/user.h"

namespace kams {

struct LoginResult {
  User user;
  std::string session_token;  // goes to the cookie; never stored
  std::string csrf_token;     // goes to the client; stored hashed
};

// Who a request acts for, and how it proved it.
struct Authenticated {
  Principal principal;
  enum class Via { kSession, kBearer } via = Via::kSession;
  std::string session_hash;   // for kSession
  std::string csrf_hash;      // for kSession
};

struct NewToken {
  ApiToken token;
  std::string secret;  // shown once
};

class AuthService {
 public:
  AuthService(CoreDeps deps, SessionPolicy sessions = {}, ThrottlePolicy throttle = {})
      : deps_(deps), sessions_(sessions), throttle_(throttle) {}

  Result<LoginResult> Login(const RequestContext& ctx, const std::string& username,
                            const std::string& password);
  Status Logout(const RequestContext& ctx, const Authenticated& who);
  // nullopt when the token is unknown, expired, or its user is disabled; an error when the
  // database cannot answer (the client is not signed out for a storage fault).
  Result<std::optional<Authenticated>> ResolveSession(const std::string& token);
  Result<std::optional<Authenticated>> ResolveBearer(const std::string& token);
  // The CSRF token of a session is derived from its (secret) session token, so a
  // reloaded console can ask for it again through /auth/me.
  std::string CsrfTokenFor(const std::string& session_token) const;
  // CSRF check for cookie-authenticated writes (constant time).
  bool CsrfMatches(const Authenticated& who, const std::string& csrf_token) const;

  Result<NewToken> CreateToken(const Principal& who, const RequestContext& ctx,
                               const std::string& name, std::optional<Timestamp> expires_at);
  Result<std::vector<ApiToken>> ListTokens(const Principal& who);
  Status RevokeToken(const Principal& who, const RequestContext& ctx, Id token_id);

  Result<User> Me(const Principal& who);

  // The periodic clean-up (job `auth.purge`): expired sessions and stale login counters.
  // Returns what it did, in words.
  Result<std::string> PurgeExpired();

 private:
  static Principal PrincipalOf(const User& u);
  CoreDeps deps_;
  SessionPolicy sessions_;
  ThrottlePolicy throttle_;
};

}  // namespace kams
