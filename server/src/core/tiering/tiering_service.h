#pragma once
// Use cases on tier schemes: store them (every edit of the definition is a new version),
// preview who would move and why, apply (tiers, history, the dossier's tier), and read a
// customer's tiers and history. Evaluation reads the monthly roll-ups once and runs over
// arrays (core/tiering/evaluate.h).

#include <optional>
#include <string>
#include <vector>

#include "core/common/context.h"
#include "core/customers/customer.h"
#include "core/org/user.h"
#include "core/tiering/concentration.h"
#include "core/tiering/evaluate.h"
#include "core/tiering/tier_records.h"

namespace kams {

// Schemes are kept as JSON text; the core reads and writes them through this port
// (http/tier_scheme_codec implements it).
class SchemeFormat {
 public:
  virtual ~SchemeFormat() = default;
  virtual Result<TierScheme> Parse(std::string_view json_text) const = 0;
  virtual std::string Format(const TierScheme& scheme) const = 0;
};

struct SchemeSettings {
  std::optional<bool> active;
  std::optional<bool> primary;
};

struct RunOptions {
  std::optional<CivilDate> as_of;  // default: today (windows end at the last whole month)
  std::string language = "zh-CN";  // of the movers' reasons
  int movers_limit = 100;          // movers listed (all are counted)
  // Apply only: false makes a run that moves nobody write nothing (no audit row, "last
  // applied" kept): the nightly job, which would otherwise record every quiet night.
  bool record_unchanged = true;
};

// One customer who moves, and why.
struct Mover {
  Id customer_id = 0;
  std::string customer_name;
  std::string external_ref;
  std::optional<std::string> from;
  std::optional<std::string> to;
  TierChangeKind kind = TierChangeKind::kAssign;
  std::int64_t value = 0;
  std::string reason;
};

// What an evaluation found (preview) or did (apply).
struct TieringRun {
  Id scheme_id = 0;  // 0: a draft that is not stored
  std::int64_t scheme_version = 0;
  std::string scheme_name;
  CivilDate as_of;
  MonthIndex last_month = 0;
  std::int64_t customers = 0;
  std::vector<std::string> tier_names;  // best first
  std::vector<std::int64_t> before;     // customers per tier now
  std::vector<std::int64_t> after;      // … once applied (pins kept)
  std::int64_t none_before = 0, none_after = 0;
  std::int64_t changes = 0, assigned = 0, upgrades = 0, downgrades = 0, revoked = 0;
  std::int64_t pinned_kept = 0;  // pinned customers evaluation would have moved
  std::vector<Mover> movers;     // the largest first, up to movers_limit
  bool applied = false;
  // Wall time of each part; apply includes the commit (commit_seconds is that part of it).
  double load_seconds = 0, evaluate_seconds = 0, apply_seconds = 0, commit_seconds = 0;
};

// A customer's tier under one scheme (the dossier's "tiers" panel).
struct CustomerTier {
  SchemeRecord scheme;
  std::optional<TierAssignment> assignment;
};

struct TierHistory {
  Page<TierChange> page;
  std::vector<std::string> reasons;  // per item: the requester's note, or the facts in words
};

class TieringService {
 public:
  TieringService(CoreDeps deps, const SchemeFormat& format) : deps_(deps), format_(format) {}

  Result<std::vector<SchemeRecord>> List(const Principal& who);
  Result<SchemeRecord> Get(const Principal& who, Id id);
  Result<std::vector<SchemeVersionRecord>> Versions(const Principal& who, Id id);
  Result<SchemeRecord> Create(const Principal& who, const RequestContext& ctx,
                              const TierScheme& scheme, const SchemeSettings& settings);
  // A changed definition becomes the next version; settings change the record only.
  Result<SchemeRecord> Update(const Principal& who, const RequestContext& ctx, Id id,
                              std::int64_t expected_version, const std::optional<TierScheme>& scheme,
                              const SchemeSettings& settings);
  Status Delete(const Principal& who, const RequestContext& ctx, Id id,
                std::int64_t expected_version);

  // Who would move under stored scheme `id` (or under `draft`, compared with `id`'s current
  // tiers when `id` is set, else with none), changing nothing.
  Result<TieringRun> Preview(const Principal& who, const RequestContext& ctx, std::optional<Id> id,
                             const std::optional<TierScheme>& draft, const RunOptions& options);
  Result<TieringRun> Apply(const Principal& who, const RequestContext& ctx, Id id,
                           const RunOptions& options);
  // The nightly job: applies every active scheme as of today; a scheme that moves nobody
  // writes nothing.
  Result<std::string> ApplyActive(const RequestContext& ctx);
  // `kams retier --scheme FILE.json`: stores the scheme under its name (a new version when the
  // definition changed) and applies it, or only evaluates it with `dry_run`.
  Result<TieringRun> Retier(const Principal& who, const RequestContext& ctx,
                            const TierScheme& scheme, bool dry_run, const RunOptions& options);

  // How concentrated `metric` is over the visible customers in the `window_months` whole months
  // ending at the last whole month before `as_of` (default today), with the `top` largest
  // customers named (0..kMaxTopCustomers).
  Result<Concentration> ConcentrationFor(const Principal& who, Metric metric, int window_months,
                                         std::optional<CivilDate> as_of, int top = 10);

  Result<std::vector<CustomerTier>> TiersOf(const Principal& who, const RequestContext& ctx,
                                            Id customer_id);
  // A visible customer's tier changes, newest first, each with its reason in `language`.
  Result<TierHistory> History(const Principal& who, const RequestContext& ctx, Id customer_id,
                              const PageRequest& page, std::string_view language);

 private:
  Result<TieringRun> Run(Tx& tx, const Principal& who, const RequestContext& ctx,
                         const SchemeRecord* stored, const TierScheme& scheme, bool apply,
                         const RunOptions& options);
  Status SyncPrimary(Tx& tx, const SchemeRecord& scheme, const TierScheme& parsed);
  CoreDeps deps_;
  const SchemeFormat& format_;
};

}  // namespace kams
