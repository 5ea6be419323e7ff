#pragma once
// The unit of work: every use case runs its storage calls inside one Tx, which either
// commits everything (data, history, audit rows) or nothing.

#include <functional>
#include <optional>
#include <type_traits>

#include "core/common/result.h"
#include "core/ports/repositories.h"

namespace kams {

class Tx {
 public:
  virtual ~Tx() = default;
  virtual OrgRepository& org() = 0;
  virtual UserRepository& users() = 0;
  virtual CustomerRepository& customers() = 0;
  virtual ContactRepository& contacts() = 0;
  virtual ContractRepository& contracts() = 0;
  virtual AuditRepository& audit() = 0;
  virtual AuthRepository& auth() = 0;
  virtual AccessLogRepository& access_log() = 0;
  virtual JobRepository& jobs() = 0;
  virtual TransactionRepository& transactions() = 0;
  virtual TieringRepository& tiering() = 0;
  virtual NominationRepository& nominations() = 0;
  virtual NotificationRepository& notifications() = 0;
  virtual InteractionRepository& interactions() = 0;
  virtual CadenceRepository& cadence() = 0;
  virtual AccessAlertRepository& access_alerts() = 0;
  virtual HandoverRepository& handovers() = 0;
  virtual VisitPlanRepository& visit_plans() = 0;
  virtual ReviewRepository& reviews() = 0;
  virtual ImportRunRepository& import_runs() = 0;
};

enum class TxMode { kRead, kWrite };

class Database {
 public:
  virtual ~Database() = default;
  // Runs `work` in one transaction: commits when it returns Ok, rolls back otherwise.
  // Transient contention (busy, serialization failures) is retried here and never
  // reaches the caller. A storage fault becomes an kInternal error (and is logged).
  virtual Status Run(TxMode mode, const std::function<Status(Tx&)>& work) = 0;
  virtual std::string_view Backend() const = 0;  // "sqlite" | "postgres"
};

// Runs `f(Tx&) -> Result<T>` in a transaction and returns its value.
template <class F>
auto Transact(Database& db, TxMode mode, F&& f)
    -> std::invoke_result_t<F, Tx&> {
  using R = std::invoke_result_t<F, Tx&>;
  if constexpr (std::is_same_v<R, Status>) {
    return db.Run(mode, std::forward<F>(f));
  } else {
    std::optional<R> out;
    Status s = db.Run(mode, [&](Tx& tx) -> Status {
      R r = f(tx);
      if (!r.ok()) return r.take_error();
      out.emplace(std::move(r));
      return Ok();
    });
    if (!s.ok()) return s.take_error();
    return std::move(*out);
  }
}

}  // namespace kams
