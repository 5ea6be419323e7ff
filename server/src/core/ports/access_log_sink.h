#pragma once

#include "core/ports/repositories.h"

namespace kams {

// Where reads of dossiers are reported. The app's implementation batches them off the
// request path and flushes on shutdown; Record must be cheap and must not block on I/O.
class AccessLogSink {
 public:
  virtual ~AccessLogSink() = default;
  virtual void Record(AccessEntry entry) = 0;
};

class NullAccessLogSink final : public AccessLogSink {
 public:
  void Record(AccessEntry) override {}
};

}  // namespace kams
