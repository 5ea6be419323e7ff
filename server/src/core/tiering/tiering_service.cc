#include "core/tiering/tiering_service.h"

#include <algorithm>
#include <chrono>
#include <climits>
#include <map>

#include "core/access/permissions.h"
#include "core/audit/audit_log.h"
#include "core/common/validation.h"
#include "core/customers/customer_service.h"

namespace kams {
namespace {

using Steady = std::chrono::steady_clock;

double Since(Steady::time_point start) {
  return std::chrono::duration<double>(Steady::now() - start).count();
}

Status CheckManage(const Principal& who, std::string_view what, std::optional<Id> id) {
  if (!Allows(who.role, Permission::kTieringManage)) {
    return DenyError(what, "tier_scheme", id);
  }
  return Ok();
}

std::optional<Id> ActorId(const Principal& who) {
  if (who.user_id <= 0) return std::nullopt;
  return who.user_id;
}

std::vector<FieldValue> SchemeFields(const SchemeRecord& s) {
  return {{"name", s.name},
          {"kind", std::string(SchemeKindName(s.kind))},
          {"current_version", std::to_string(s.current_version)},
          {"active", s.active ? "true" : "false"},
          {"primary", s.primary ? "true" : "false"},
          {"definition", s.definition}};
}

constexpr std::int64_t kMaxMovers = 1000;

}  // namespace

Result<std::vector<SchemeRecord>> TieringService::List(const Principal&) {
  return Transact(deps_.db, TxMode::kRead, [&](Tx& tx) -> Result<std::vector<SchemeRecord>> {
    return tx.tiering().Schemes();
  });
}

Result<SchemeRecord> TieringService::Get(const Principal&, Id id) {
  return Transact(deps_.db, TxMode::kRead, [&](Tx& tx) -> Result<SchemeRecord> {
    auto s = tx.tiering().Scheme(id);
    if (!s) return NotFound("tier scheme not found");
    return std::move(*s);
  });
}

Result<std::vector<SchemeVersionRecord>> TieringService::Versions(const Principal&, Id id) {
  return Transact(deps_.db, TxMode::kRead, [&](Tx& tx) -> Result<std::vector<SchemeVersionRecord>> {
    if (!tx.tiering().Scheme(id)) return NotFound("tier scheme not found");
    return tx.tiering().Versions(id);
  });
}

Status TieringService::SyncPrimary(Tx& tx, const SchemeRecord& scheme, const TierScheme& parsed) {
  tx.tiering().ClearCustomerTiers();
  std::vector<CustomerTierUpdate> updates;
  for (const auto& a : tx.tiering().Assignments(scheme.id)) {
    if (!a.tier) continue;
    updates.push_back({a.customer_id, a.tier, parsed.IsKeyAccountTier(*a.tier)});
  }
  tx.tiering().SetCustomerTiers(updates);
  return Ok();
}

Result<SchemeRecord> TieringService::Create(const Principal& who, const RequestContext& ctx,
                                            const TierScheme& scheme,
                                            const SchemeSettings& settings) {
  return Recorded(deps_, ctx, who, Transact(deps_.db, TxMode::kWrite, [&](Tx& tx) -> Result<SchemeRecord> {
    KAMS_CHECK(CheckManage(who, "write tier schemes", std::nullopt));
    KAMS_CHECK(ValidateScheme(scheme));
    if (tx.tiering().SchemeByName(scheme.name)) {
      return Conflict("a tier scheme named '" + scheme.name + "' exists");
    }
    const Timestamp now = deps_.clock.Now();
    SchemeRecord s;
    s.name = scheme.name;
    s.kind = scheme.kind;
    s.current_version = 1;
    s.active = settings.active.value_or(false);
    s.primary = settings.primary.value_or(false);
    s.created_at = s.updated_at = now;
    s.created_by = ActorId(who);
    s.definition = format_.Format(scheme);
    if (s.primary) {
      for (auto other : tx.tiering().Schemes()) {
        if (!other.primary) continue;
        other.primary = false;
        other.version += 1;
        other.updated_at = now;
        tx.tiering().UpdateScheme(other);
      }
    }
    s.id = tx.tiering().InsertScheme(s);
    if (s.primary) KAMS_CHECK(SyncPrimary(tx, s, scheme));
    AppendAudit(tx, deps_, ctx, &who, "",
                AuditEvent{"tier_scheme.create", "tier_scheme", s.id, std::nullopt,
                           DiffFields({}, SchemeFields(s))});
    return s;
  }));
}

Result<SchemeRecord> TieringService::Update(const Principal& who, const RequestContext& ctx, Id id,
                                            std::int64_t expected_version,
                                            const std::optional<TierScheme>& scheme,
                                            const SchemeSettings& settings) {
  return Recorded(deps_, ctx, who, Transact(deps_.db, TxMode::kWrite, [&](Tx& tx) -> Result<SchemeRecord> {
    KAMS_CHECK(CheckManage(who, "write tier schemes", id));
    auto current = tx.tiering().Scheme(id);
    if (!current) return NotFound("tier scheme not found");
    if (current->version != expected_version) {
      return PreconditionFailed("the tier scheme was changed by someone else (version " +
                                std::to_string(current->version) + ")");
    }
    const Timestamp now = deps_.clock.Now();
    SchemeRecord next = *current;
    if (scheme) {
      KAMS_CHECK(ValidateScheme(*scheme));
      if (scheme->kind != current->kind) {
        return ValidationFailed({{"kind", "cannot_change"}});
      }
      if (scheme->name != current->name) {
        if (auto other = tx.tiering().SchemeByName(scheme->name); other && other->id != id) {
          return Conflict("a tier scheme named '" + scheme->name + "' exists");
        }
      }
      const std::string definition = format_.Format(*scheme);
      if (definition != current->definition) {
        next.current_version += 1;
        next.definition = definition;
        next.name = scheme->name;
        tx.tiering().InsertVersion(
            SchemeVersionRecord{id, next.current_version, definition, now, ActorId(who)});
      }
    }
    if (settings.active) next.active = *settings.active;
    if (settings.primary) next.primary = *settings.primary;
    const auto before = SchemeFields(*current);
    const auto after = SchemeFields(next);
    auto changes = DiffFields(before, after);
    if (changes.empty()) return *current;  // nothing to change: no new version, no audit row
    next.version += 1;
    next.updated_at = now;
    if (next.primary && !current->primary) {
      for (auto other : tx.tiering().Schemes()) {
        if (!other.primary || other.id == id) continue;
        other.primary = false;
        other.version += 1;
        other.updated_at = now;
        tx.tiering().UpdateScheme(other);
      }
    }
    tx.tiering().UpdateScheme(next);
    if (next.primary != current->primary ||
        (next.primary && next.current_version != current->current_version)) {
      if (next.primary) {
        auto parsed = format_.Parse(next.definition);
        if (!parsed.ok()) return parsed.take_error();
        KAMS_CHECK(SyncPrimary(tx, next, *parsed));
      } else {
        tx.tiering().ClearCustomerTiers();
      }
    }
    AppendAudit(tx, deps_, ctx, &who, "",
                AuditEvent{"tier_scheme.update", "tier_scheme", id, std::nullopt, std::move(changes)});
    return next;
  }));
}

Status TieringService::Delete(const Principal& who, const RequestContext& ctx, Id id,
                              std::int64_t expected_version) {
  return Recorded(deps_, ctx, who, deps_.db.Run(TxMode::kWrite, [&](Tx& tx) -> Status {
    KAMS_CHECK(CheckManage(who, "delete tier schemes", id));
    auto current = tx.tiering().Scheme(id);
    if (!current) return NotFound("tier scheme not found");
    if (current->version != expected_version) {
      return PreconditionFailed("the tier scheme was changed by someone else (version " +
                                std::to_string(current->version) + ")");
    }
    // The history stays (it names the scheme); current tiers under it go.
    tx.tiering().ClearAssignments(id);
    if (current->primary) tx.tiering().ClearCustomerTiers();
    tx.tiering().SoftDeleteScheme(id, deps_.clock.Now());
    AppendAudit(tx, deps_, ctx, &who, "",
                AuditEvent{"tier_scheme.delete", "tier_scheme", id, std::nullopt,
                           DiffFields(SchemeFields(*current), {})});
    return Ok();
  }));
}

Result<TieringRun> TieringService::Run(Tx& tx, const Principal& who, const RequestContext& ctx,
                                       const SchemeRecord* stored, const TierScheme& scheme,
                                       bool apply, const RunOptions& o) {
  if (o.movers_limit < 0 || o.movers_limit > kMaxMovers) {
    return ValidationFailed({{"movers_limit", "out_of_range"}});
  }
  const CivilDate today = BusinessDay(deps_.clock.Now());
  TieringRun run;
  run.scheme_name = scheme.name;
  if (stored) {
    run.scheme_id = stored->id;
    run.scheme_version = stored->current_version;
  }
  run.as_of = o.as_of.value_or(today);
  run.last_month = LastWholeMonth(run.as_of);

  auto start = Steady::now();
  MonthlyRollups r;
  tx.transactions().LoadRollups(run.last_month - scheme.LongestWindow() + 1, r);
  std::vector<TierAssignment> current;
  if (stored) current = tx.tiering().Assignments(stored->id);
  run.load_seconds = Since(start);

  start = Steady::now();
  const Evaluation e = Evaluate(scheme, r, run.as_of);
  run.customers = static_cast<std::int64_t>(r.size());
  run.tier_names = e.tier_names;
  run.before.assign(e.tier_names.size(), 0);
  run.after.assign(e.tier_names.size(), 0);
  const auto index_of = [&](const std::optional<std::string>& tier) -> int {
    if (!tier) return -1;
    const auto at = std::find(e.tier_names.begin(), e.tier_names.end(), *tier);
    return at == e.tier_names.end() ? -1 : static_cast<int>(at - e.tier_names.begin());
  };
  struct Planned {
    std::uint32_t i;
    const TierAssignment* from;
    std::optional<std::string> to;
    TierChangeKind kind;
    int rank;  // of the new tier for listing movers: best first, none (or unknown) last
  };
  std::vector<Planned> planned;
  // Tiers as indexes into e.tier_names while scanning: -1 none, kUnknownTier a tier name the
  // scheme no longer has (it differs from every tier the evaluation gives).
  constexpr int kUnknownTier = -2;
  const auto position_of = [&](const std::optional<std::string>& tier) -> int {
    if (!tier) return -1;
    const int at = index_of(tier);
    return at >= 0 ? at : kUnknownTier;
  };
  std::size_t k = 0;
  for (std::size_t i = 0; i < r.size(); ++i) {
    const Id id = r.customer_ids[i];
    while (k < current.size() && current[k].customer_id < id) ++k;  // deleted customers
    const TierAssignment* cur =
        k < current.size() && current[k].customer_id == id ? &current[k] : nullptr;
    const int from = cur ? position_of(cur->tier) : -1;
    int to = e.tier[i];
    from >= 0 ? ++run.before[static_cast<std::size_t>(from)] : ++run.none_before;
    const bool pinned = cur && cur->pinned_until && *cur->pinned_until >= run.as_of;
    if (pinned) {
      if (from != to) ++run.pinned_kept;
      to = from;  // a pinned decision stands until its date
    }
    to >= 0 ? ++run.after[static_cast<std::size_t>(to)] : ++run.none_after;
    if (from == to) continue;
    const std::optional<std::string> from_name = cur ? cur->tier : std::nullopt;
    const std::optional<std::string> to_name =
        pinned ? from_name
               : to >= 0 ? std::optional<std::string>(e.tier_names[static_cast<std::size_t>(to)])
                         : std::nullopt;
    const TierChangeKind kind = KindOfChange(from_name, to_name, e.tier_names);
    switch (kind) {
      case TierChangeKind::kAssign: ++run.assigned; break;
      case TierChangeKind::kUpgrade: ++run.upgrades; break;
      case TierChangeKind::kDowngrade: ++run.downgrades; break;
      case TierChangeKind::kRevoke: ++run.revoked; break;
    }
    planned.push_back({static_cast<std::uint32_t>(i), cur, to_name, kind, to >= 0 ? to : INT32_MAX});
  }
  run.changes = static_cast<std::int64_t>(planned.size());

  const auto facts_of = [&](const Planned& p) {
    TierFacts f = FactsOf(scheme, r, e, p.i);
    if (p.from && p.from->tier) {
      f.previous_value = p.from->value;
      f.previous_since = p.from->since;
      f.previous_tier = p.from->tier;
    }
    return f;
  };

  // The movers a person reads first (none asked for: no pass over a million changes).
  std::vector<const Planned*> shown;
  const std::size_t n_shown = std::min<std::size_t>(planned.size(), static_cast<std::size_t>(o.movers_limit));
  if (n_shown > 0) {
    shown.reserve(planned.size());
    for (const auto& p : planned) shown.push_back(&p);
    std::partial_sort(shown.begin(), shown.begin() + static_cast<std::ptrdiff_t>(n_shown), shown.end(),
                      [&](const Planned* a, const Planned* b) {
                        // Best new tier first (none last), then the largest customers.
                        if (a->rank != b->rank) return a->rank < b->rank;
                        if (e.value[a->i] != e.value[b->i]) return e.value[a->i] > e.value[b->i];
                        return r.customer_ids[a->i] < r.customer_ids[b->i];
                      });
    shown.resize(n_shown);
  }
  run.evaluate_seconds = Since(start);

  std::vector<Id> shown_ids;
  for (const Planned* p : shown) shown_ids.push_back(r.customer_ids[p->i]);
  std::map<Id, std::string> names;
  for (auto& [id, name] : tx.tiering().CustomerNames(shown_ids)) names[id] = std::move(name);
  for (const Planned* p : shown) {
    Mover m;
    m.customer_id = r.customer_ids[p->i];
    m.customer_name = names[m.customer_id];
    m.external_ref = r.external_refs[p->i];
    m.from = p->from ? p->from->tier : std::nullopt;
    m.to = p->to;
    m.kind = p->kind;
    m.value = e.value[p->i];
    m.reason = ExplainFacts(scheme, facts_of(*p), o.language);
    run.movers.push_back(std::move(m));
  }
  if (!apply || (planned.empty() && !o.record_unchanged)) return run;

  start = Steady::now();
  const Timestamp now = deps_.clock.Now();
  // Written a slice at a time through buffers that are reused: a first apply changes nearly
  // every customer, and a million changes held at once cost more in fresh memory (page
  // faults, an allocation per fact string) than in the database.
  constexpr std::size_t kSlice = 8192;
  std::vector<TierAssignment> puts;
  std::vector<Id> removes;
  std::vector<TierChange> changes(std::min(planned.size(), kSlice));
  std::vector<CustomerTierUpdate> updates;
  for (auto& c : changes) {
    c.scheme_id = stored->id;
    c.scheme_version = stored->current_version;
    c.source = TierChangeSource::kRule;
    c.effective_on = today;
    c.created_at = now;
  }
  for (std::size_t from = 0; from < planned.size(); from += kSlice) {
    const std::size_t n = std::min(kSlice, planned.size() - from);
    puts.clear();
    removes.clear();
    updates.clear();
    changes.resize(n);
    for (std::size_t k = 0; k < n; ++k) {
      const Planned& p = planned[from + k];
      const Id id = r.customer_ids[p.i];
      TierChange& c = changes[k];
      c.customer_id = id;
      c.old_tier = p.from ? p.from->tier : std::nullopt;
      c.new_tier = p.to;
      c.kind = p.kind;
      c.facts = EncodeFacts(facts_of(p));
      if (p.to) {
        puts.push_back(TierAssignment{id, p.to, e.value[p.i], today, std::nullopt});
      } else {
        removes.push_back(id);
      }
      if (stored->primary) updates.push_back({id, p.to, p.to && scheme.IsKeyAccountTier(*p.to)});
    }
    tx.tiering().PutAssignments(stored->id, puts);
    tx.tiering().RemoveAssignments(stored->id, removes);
    tx.tiering().InsertChanges(changes);
    tx.tiering().SetCustomerTiers(updates);
  }
  SchemeRecord applied = *stored;
  applied.last_applied_at = now;
  applied.last_applied_version = stored->current_version;
  applied.last_applied_as_of = run.as_of;
  tx.tiering().UpdateScheme(applied);
  AppendAudit(tx, deps_, ctx, &who, who.user_id > 0 ? "" : who.username,
              AuditEvent{"tier_scheme.apply", "tier_scheme", stored->id, std::nullopt,
                         {{"version", std::nullopt, std::to_string(stored->current_version)},
                          {"as_of", std::nullopt, FormatCivilDate(run.as_of)},
                          {"changes", std::nullopt, std::to_string(run.changes)},
                          {"assigned", std::nullopt, std::to_string(run.assigned)},
                          {"upgrades", std::nullopt, std::to_string(run.upgrades)},
                          {"downgrades", std::nullopt, std::to_string(run.downgrades)},
                          {"revoked", std::nullopt, std::to_string(run.revoked)}}});
  run.applied = true;
  run.apply_seconds = Since(start);
  return run;
}

Result<TieringRun> TieringService::Preview(const Principal& who, const RequestContext& ctx,
                                           std::optional<Id> id,
                                           const std::optional<TierScheme>& draft,
                                           const RunOptions& options) {
  return Recorded(deps_, ctx, who, Transact(deps_.db, TxMode::kRead, [&](Tx& tx) -> Result<TieringRun> {
    KAMS_CHECK(CheckManage(who, "preview tier schemes", id));
    std::optional<SchemeRecord> stored;
    if (id) {
      stored = tx.tiering().Scheme(*id);
      if (!stored) return NotFound("tier scheme not found");
    }
    if (draft) {
      KAMS_CHECK(ValidateScheme(*draft));
      auto run = Run(tx, who, ctx, stored ? &*stored : nullptr, *draft, false, options);
      if (run.ok()) {
        run->scheme_version = 0;  // not a stored version
        run->scheme_name = draft->name;
      }
      return run;
    }
    if (!stored) return ValidationFailed({{"scheme", "required"}});
    auto parsed = format_.Parse(stored->definition);
    if (!parsed.ok()) return parsed.take_error();
    return Run(tx, who, ctx, &*stored, *parsed, false, options);
  }));
}

Result<TieringRun> TieringService::Apply(const Principal& who, const RequestContext& ctx, Id id,
                                         const RunOptions& options) {
  Steady::time_point written;
  auto run = Transact(deps_.db, TxMode::kWrite, [&](Tx& tx) -> Result<TieringRun> {
    KAMS_CHECK(CheckManage(who, "apply tier schemes", id));
    auto stored = tx.tiering().Scheme(id);
    if (!stored) return NotFound("tier scheme not found");
    auto parsed = format_.Parse(stored->definition);
    if (!parsed.ok()) return parsed.take_error();
    auto result = Run(tx, who, ctx, &*stored, *parsed, true, options);
    written = Steady::now();
    return result;
  });
  if (run.ok()) {
    run->commit_seconds = Since(written);
    run->apply_seconds += run->commit_seconds;
  }
  return Recorded(deps_, ctx, who, std::move(run));
}

Result<std::string> TieringService::ApplyActive(const RequestContext& ctx) {
  Principal system;
  system.user_id = 0;
  system.username = "tiering.nightly";
  system.role = Role::kAdmin;
  auto schemes = List(system);
  if (!schemes.ok()) return schemes.take_error();
  std::string outcome;
  RunOptions options;
  options.movers_limit = 0;
  options.record_unchanged = false;
  for (const auto& s : *schemes) {
    if (!s.active) continue;
    auto run = Apply(system, ctx, s.id, options);
    if (!run.ok()) return run.take_error();
    if (!outcome.empty()) outcome += "; ";
    outcome += s.name + " v" + std::to_string(s.current_version) + ": " +
               std::to_string(run->changes) + " changes";
  }
  return outcome.empty() ? std::string("no active schemes") : outcome;
}

Result<TieringRun> TieringService::Retier(const Principal& who, const RequestContext& ctx,
                                          const TierScheme& scheme, bool dry_run,
                                          const RunOptions& options) {
  KAMS_CHECK(ValidateScheme(scheme));
  auto existing = Transact(deps_.db, TxMode::kRead, [&](Tx& tx) -> Result<std::optional<SchemeRecord>> {
    return tx.tiering().SchemeByName(scheme.name);
  });
  if (!existing.ok()) return existing.take_error();
  if (dry_run) {
    return Preview(who, ctx, *existing ? std::optional<Id>((*existing)->id) : std::nullopt, scheme,
                   options);
  }
  Id id = 0;
  if (*existing) {
    auto updated = Update(who, ctx, (*existing)->id, (*existing)->version, scheme, {});
    if (!updated.ok()) return updated.take_error();
    id = updated->id;
  } else {
    auto created = Create(who, ctx, scheme, SchemeSettings{});
    if (!created.ok()) return created.take_error();
    id = created->id;
  }
  return Apply(who, ctx, id, options);
}

Result<Concentration> TieringService::ConcentrationFor(const Principal& who, Metric metric,
                                                      int window_months,
                                                      std::optional<CivilDate> as_of, int top) {
  if (window_months < 1 || window_months > kMaxWindowMonths) {
    return ValidationFailed({{"window_months", "out_of_range"}});
  }
  const MonthIndex last = LastWholeMonth(as_of.value_or(BusinessDay(deps_.clock.Now())));
  const std::string column = metric == Metric::kRevenue  ? "revenue_fen"
                             : metric == Metric::kOrders ? "orders"
                                                         : "margin_fen";
  if (top < 0 || top > kMaxTopCustomers) return ValidationFailed({{"top", "out_of_range"}});
  return Transact(deps_.db, TxMode::kRead, [&](Tx& tx) -> Result<Concentration> {
    Concentration c =
        ConcentrationOf(tx.transactions().Totals(who, column, last - window_months + 1, last), top);
    for (auto& t : c.top) {
      if (auto customer = tx.customers().Get(who, t.customer_id)) t.name = customer->name;
    }
    return c;
  });
}

Result<std::vector<CustomerTier>> TieringService::TiersOf(const Principal& who,
                                                          const RequestContext& ctx,
                                                          Id customer_id) {
  return Recorded(deps_, ctx, who, Transact(deps_.db, TxMode::kRead, [&](Tx& tx) -> Result<std::vector<CustomerTier>> {
    if (auto visible = VisibleCustomer(tx, who, customer_id); !visible.ok()) {
      return visible.take_error();
    }
    std::vector<CustomerTier> out;
    for (auto& s : tx.tiering().Schemes()) {
      auto a = tx.tiering().Assignment(s.id, customer_id);
      out.push_back(CustomerTier{std::move(s), std::move(a)});
    }
    return out;
  }));
}

Result<TierHistory> TieringService::History(const Principal& who, const RequestContext& ctx,
                                            Id customer_id, const PageRequest& page,
                                            std::string_view language) {
  if (page.limit < 1 || page.limit > 500) return ValidationFailed({{"limit", "out_of_range"}});
  return Recorded(deps_, ctx, who, Transact(deps_.db, TxMode::kRead, [&](Tx& tx) -> Result<TierHistory> {
    if (auto visible = VisibleCustomer(tx, who, customer_id); !visible.ok()) {
      return visible.take_error();
    }
    TierHistory out;
    out.page = tx.tiering().History(customer_id, page);
    // Each scheme version the page names is read and parsed once.
    std::map<std::pair<Id, std::int64_t>, std::optional<TierScheme>> schemes;
    for (const auto& c : out.page.items) {
      std::string reason = c.note;
      if (reason.empty() && !c.facts.empty()) {
        auto key = std::make_pair(c.scheme_id, c.scheme_version);
        auto it = schemes.find(key);
        if (it == schemes.end()) {
          std::optional<TierScheme> parsed;
          if (auto v = tx.tiering().Version(c.scheme_id, c.scheme_version)) {
            if (auto p = format_.Parse(v->definition); p.ok()) parsed = std::move(*p);
          }
          it = schemes.emplace(key, std::move(parsed)).first;
        }
        auto facts = DecodeFacts(c.facts);
        if (it->second && facts) {
          facts->previous_tier = c.old_tier;
          reason = ExplainFacts(*it->second, *facts, language);
        }
      }
      out.reasons.push_back(std::move(reason));
    }
    return out;
  }));
}

}  // namespace kams
