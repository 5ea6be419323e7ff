#include "core/auth/session.h"

#include <algorithm>

namespace kams {

SessionState EvaluateSession(const Session& s, Timestamp now, const SessionPolicy& p) {
  if (now - s.created_at >= p.absolute_timeout) return SessionState::kAbsoluteExpired;
  if (now - s.last_seen_at >= p.idle_timeout) return SessionState::kIdleExpired;
  return SessionState::kAlive;
}

bool SessionNeedsTouch(const Session& s, Timestamp now, const SessionPolicy& p) {
  return now - s.last_seen_at >= p.touch_interval;
}

int ThrottleWaitSeconds(const ThrottleState& s, Timestamp now) {
  if (s.locked_until <= now) return 0;
  return static_cast<int>((s.locked_until - now + kMicrosPerSecond - 1) / kMicrosPerSecond);
}

ThrottleState ThrottleAfterFailure(ThrottleState s, Timestamp now, const ThrottlePolicy& p) {
  if (s.failures == 0 || now - s.window_start >= p.window) {
    s.failures = 0;
    s.window_start = now;
    s.locked_until = 0;
  }
  ++s.failures;
  if (s.failures >= p.free_failures) {
    const int doublings = std::min(s.failures - p.free_failures, 20);
    const Timestamp lock = std::min(p.base_lock << doublings, p.max_lock);
    s.locked_until = now + lock;
  }
  return s;
}

}  // namespace kams
