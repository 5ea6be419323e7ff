#pragma once
// Use cases of engagement: recording contacts (and their next steps and requests), the
// cadence rules and the breaches they find, and a user's day at a glance.

#include <optional>
#include <string>
#include <vector>

#include "core/common/context.h"
#include "core/engagement/cadence.h"
#include "core/engagement/interaction.h"
#include "core/engagement/visit_plan.h"
#include "core/ports/repositories.h"

namespace kams {

// What a PATCH of a contact record changes (absent: unchanged).
struct InteractionPatch {
  std::optional<std::string> channel;
  std::optional<std::string> purpose;
  std::optional<std::string> summary;
  std::optional<std::string> outcome;
  std::optional<std::string> next_step;
  std::optional<std::optional<CivilDate>> next_step_due;
  std::optional<Id> next_step_owner_id;
  std::optional<bool> next_step_done;
  std::optional<Timestamp> occurred_at;
  std::optional<std::vector<Id>> contact_ids;
  std::optional<std::vector<Id>> participant_ids;
  std::optional<Id> first_contact_owner_id;  // hands the request on
  std::optional<bool> request_closed;
};

inline constexpr std::int64_t kBirthdayDays = 14;  // birthdays this many days ahead
inline constexpr std::int64_t kContractDays = 30;  // contracts ending this many days ahead

struct MyDay {
  CivilDate today;
  std::vector<CadenceBreach> overdue;
  std::vector<CadenceBreach> over_contacted;
  std::vector<Interaction> next_steps;  // open, due first (undated last)
  std::vector<Interaction> open_requests;
  std::vector<BirthdayReminder> birthdays;
  std::vector<ContractReminder> contracts_ending;  // active ones, soonest first
  std::vector<VisitPlan> visits_today;   // by start, completed ones included
  std::vector<VisitPlan> missed_visits;  // latest day first
  // The sections cut at kMyDayItems entries (by their JSON names): the rest is in the
  // full lists (breaches, contact records, visit plans).
  std::vector<std::string> more;
};

// An account's cadence as it stands: the rule in force and where it comes from, the last
// contact, when the next one is due, the contacts in the current window, its breaches.
struct CadenceView {
  std::optional<CustomerCadence> own;
  std::optional<CadenceRule> effective;
  std::string source;  // own | tier | none
  std::optional<std::string> tier;
  std::optional<Timestamp> last_contact_at;
  std::optional<CivilDate> next_due;            // with a minimum interval
  std::optional<std::int64_t> contacts_in_period;  // with a maximum
  std::vector<CadenceBreach> breaches;
};

class CadenceService {
 public:
  explicit CadenceService(CoreDeps deps) : deps_(deps) {}
  Result<CadenceSettings> Settings(const Principal& who);
  Result<CadenceSettings> PutSettings(const Principal& who, const RequestContext& ctx,
                                      CadenceSettings next, std::int64_t expected_version);
  // The account's own rule (nullopt: its tier's applies).
  Result<CadenceView> View(const Principal& who, const RequestContext& ctx, Id customer_id);
  Result<CustomerCadence> PutOwn(const Principal& who, const RequestContext& ctx, Id customer_id,
                                 CadenceRule rule);
  Status DeleteOwn(const Principal& who, const RequestContext& ctx, Id customer_id);
  Result<Page<CadenceBreach>> Breaches(const Principal& who, const BreachFilter& f,
                                       const PageRequest& page);
  Result<MyDay> Today(const Principal& who);
  // The daily check: evaluates every account a rule applies to, notifies owners of new
  // breaches and directors of those older than the grace days, flags decay after handovers.
  Result<std::string> RunDaily();

 private:
  CoreDeps deps_;
};

// Records a contact inside `tx` as `who` (the permission already checked): checks the
// record and its references, writes it with its audit row, re-evaluates the account's
// cadence and notifies the KAM (of a service agent's record) and the next step's owner.
Result<Interaction> RecordContact(Tx& tx, const CoreDeps& deps, const RequestContext& ctx,
                                  const Principal& who, Interaction draft, Timestamp now);

// Re-evaluates one account's breaches inside `tx` (after a contact record changed).
void EvaluateAccountCadence(Tx& tx, Timestamp now, Id customer_id);

class InteractionService {
 public:
  explicit InteractionService(CoreDeps deps) : deps_(deps) {}
  Result<Interaction> Create(const Principal& who, const RequestContext& ctx, Interaction draft);
  Result<Interaction> Get(const Principal& who, const RequestContext& ctx, Id id);
  Result<Page<Interaction>> List(const Principal& who, const InteractionFilter& f,
                                 const PageRequest& page);
  Result<Interaction> Update(const Principal& who, const RequestContext& ctx, Id id,
                             std::int64_t expected_version, const InteractionPatch& patch);
  Status Delete(const Principal& who, const RequestContext& ctx, Id id,
                std::int64_t expected_version);

 private:
  CoreDeps deps_;
};

}  // namespace kams
