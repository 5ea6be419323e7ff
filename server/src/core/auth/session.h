#pragma once
// Sessions, API tokens and login throttling: the rules, without storage.

#include <optional>
#include <string>

#include "core/common/time.h"
#include "core/org/org_unit.h"

namespace kams {

// A browser session. The token itself is never stored: only its SHA-256.
struct Session {
  std::string token_hash;
  Id user_id = 0;
  std::string csrf_hash;
  Timestamp created_at = 0;
  Timestamp last_seen_at = 0;
  std::string client_addr;
};

struct SessionPolicy {
  Timestamp idle_timeout = 30 * 60 * kMicrosPerSecond;
  Timestamp absolute_timeout = 12 * 3600 * kMicrosPerSecond;
  // last_seen_at is written at most this often, so reads do not become writes.
  Timestamp touch_interval = 60 * kMicrosPerSecond;
};

enum class SessionState { kAlive, kIdleExpired, kAbsoluteExpired };
SessionState EvaluateSession(const Session& s, Timestamp now, const SessionPolicy& policy);
bool SessionNeedsTouch(const Session& s, Timestamp now, const SessionPolicy& policy);

// A bearer token for integrations; shown once at creation, stored hashed.
struct ApiToken {
  Id id = 0;
  Id user_id = 0;
  std::string name;
  std::string token_hash;
  Timestamp created_at = 0;
  std::optional<Timestamp> last_used_at;
  std::optional<Timestamp> revoked_at;
  std::optional<Timestamp> expires_at;
};

// Failed-login counters per key ("user:<name>" and "addr:<ip>"). The first
// `free_failures - 1` failures inside `window` cost nothing; from the `free_failures`-th
// on, each failure locks the key for a doubling time (base_lock, 2×, 4×, …) capped at
// `max_lock`: slowed, then locked for a while, never locked for good.
struct ThrottleState {
  int failures = 0;
  Timestamp window_start = 0;
  Timestamp locked_until = 0;
};

struct ThrottlePolicy {
  int free_failures = 5;
  Timestamp window = 3600 * kMicrosPerSecond;
  Timestamp base_lock = 30 * kMicrosPerSecond;
  Timestamp max_lock = 15 * 60 * kMicrosPerSecond;
};

// Seconds until the key may try again; 0 when it may try now.
int ThrottleWaitSeconds(const ThrottleState& s, Timestamp now);
ThrottleState ThrottleAfterFailure(ThrottleState s, Timestamp now, const ThrottlePolicy& p);

}  // namespace kams
