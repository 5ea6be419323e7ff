#pragma once
// The storage ports the core owns. store/sqlite (and later store/postgres) implement
// them; every method runs inside the unit of work (Tx) that handed out the repository.
// Methods throw only for storage faults (bugs, disk errors); expected outcomes such as
// "not found" are return values.

#include <functional>
#include <optional>
#include <span>
#include <string>
#include <utility>
#include <vector>

#include "core/access_alerts/access_alert.h"
#include "core/audit/audit_record.h"
#include "core/auth/session.h"
#include "core/contacts/contact.h"
#include "core/contracts/contract.h"
#include "core/customers/customer.h"
#include "core/engagement/cadence.h"
#include "core/engagement/interaction.h"
#include "core/engagement/handover.h"
#include "core/engagement/visit_plan.h"
#include "core/imports/import_run.h"
#include "core/imports/transaction.h"
#include "core/nominations/nomination.h"
#include "core/notifications/notification.h"
#include "core/org/org_unit.h"
#include "core/org/user.h"
#include "core/tiering/concentration.h"
#include "core/tiering/tier_records.h"

namespace kams {

class OrgRepository {
 public:
  virtual ~OrgRepository() = default;
  virtual std::vector<OrgUnit> All() = 0;
  virtual std::optional<OrgUnit> Get(Id id) = 0;
  virtual Id Insert(const OrgUnit& unit) = 0;  // also records its ancestry
  virtual void Update(const OrgUnit& unit) = 0;  // re-derives ancestry if the parent moved
  virtual void Delete(Id id) = 0;
  // True when `unit` is `ancestor` or below it.
  virtual bool InSubtree(Id ancestor, Id unit) = 0;
  virtual std::int64_t CountChildren(Id id) = 0;
  virtual std::int64_t CountUsers(Id id) = 0;
  virtual std::int64_t CountCustomers(Id id) = 0;
};

struct UserFilter {
  std::optional<Id> org_unit_id;  // subtree
  std::optional<Role> role;
  std::optional<bool> active;
  std::string q;  // part of username or display name
  std::optional<Id> sees_customer;  // only users whose scope holds this live customer
};

struct UserSettings {
  std::int64_t version = 1;
  std::string json = "{}";
};

class UserRepository {
 public:
  virtual ~UserRepository() = default;
  virtual std::optional<User> Get(Id id) = 0;
  virtual std::optional<User> FindByUsername(std::string_view username) = 0;
  virtual std::optional<std::string> PasswordHash(Id id) = 0;
  virtual Id Insert(const User& user, const std::string& password_hash) = 0;
  virtual void Update(const User& user) = 0;
  virtual void SetPasswordHash(Id id, const std::string& password_hash, Timestamp at) = 0;
  virtual void RecordLogin(Id id, Timestamp at) = 0;
  virtual Page<User> List(const UserFilter& filter, const PageRequest& page) = 0;
  // The user's own console settings (a JSON object as text) with their own version.
  virtual std::optional<UserSettings> GetSettings(Id id) = 0;
  virtual void PutSettings(Id id, const UserSettings& settings) = 0;
};

// Every customer query is scoped by the acting principal (the one place scope becomes SQL).
class CustomerRepository {
 public:
  virtual ~CustomerRepository() = default;
  virtual std::optional<Customer> Get(const Principal& who, Id id) = 0;
  // Existence regardless of scope: only to tell "not visible" from "absent" for the audit.
  virtual bool Exists(Id id) = 0;
  virtual Page<Customer> List(const Principal& who, const CustomerFilter& filter,
                              const SortSpec& sort, const PageRequest& page) = 0;
  virtual Id Insert(const Customer& c) = 0;
  virtual void Update(const Customer& c) = 0;  // writes c as given, version included
  virtual void SoftDelete(Id id, Timestamp at) = 0;
  virtual bool ExternalRefTaken(const std::string& ref, Id except_id) = 0;
  virtual bool CreditCodeTaken(const std::string& code, Id except_id) = 0;
  virtual std::vector<AccountTeamMember> Team(Id customer_id) = 0;
  virtual void AddTeamMember(const AccountTeamMember& m) = 0;
  virtual bool RemoveTeamMember(Id customer_id, Id user_id) = 0;
  // A user's default team, members in the order set, with their display names (version 1
  // and no members when never set). Put replaces the members and writes t.version.
  virtual DefaultTeam DefaultTeamOf(Id owner_id) = 0;
  virtual void PutDefaultTeam(const DefaultTeam& t) = 0;
};

class ContactRepository {
 public:
  virtual ~ContactRepository() = default;
  virtual Page<Contact> List(Id customer_id, const PageRequest& page) = 0;
  virtual std::optional<Contact> Get(Id customer_id, Id contact_id) = 0;
  virtual Id Insert(const Contact& c) = 0;
  virtual void Update(const Contact& c) = 0;
  virtual void Delete(Id customer_id, Id contact_id) = 0;  // reports to it become unset
};

class ContractRepository {
 public:
  virtual ~ContractRepository() = default;
  // The customer's contracts, newest start first (keyset on starts_on, id).
  virtual Page<Contract> List(Id customer_id, const PageRequest& page) = 0;
  virtual std::optional<Contract> Get(Id customer_id, Id contract_id) = 0;
  virtual bool NumberTaken(Id customer_id, const std::string& number, Id except_id) = 0;
  virtual Id Insert(const Contract& c) = 0;
  virtual void Update(const Contract& c) = 0;
  virtual void Delete(Id customer_id, Id contract_id) = 0;
  // Active contracts ending in [from, to] (YYYY-MM-DD) of the live customers the user owns
  // or serves on the team of, soonest first, at most `limit`; in_days is left for the caller.
  virtual std::vector<ContractReminder> Ending(Id user_id, const std::string& from,
                                               const std::string& to, std::int64_t limit) = 0;
};

struct AuditFilter {
  std::optional<std::string> entity;
  std::optional<Id> entity_id;
  std::optional<Id> actor_id;
  std::optional<std::string> action;
  std::optional<Id> customer_id;
  std::optional<Timestamp> from;
  std::optional<Timestamp> to;
  // Only records that change one of these fields (empty: any).
  std::vector<std::string> any_field;
};

class AuditRepository {
 public:
  virtual ~AuditRepository() = default;
  // The last row's id and hash ((0, "") when empty). In a write Tx it also serialises
  // appenders, so the chain never forks.
  virtual std::pair<Id, std::string> Head() = 0;
  virtual void Insert(const AuditRecord& r) = 0;  // r.id == Head().first + 1
  virtual Page<AuditRecord> List(const AuditFilter& filter, const PageRequest& page) = 0;
  // Every row in id order with its changes; stops when fn returns false.
  virtual void ForEach(const std::function<bool(const AuditRecord&)>& fn) = 0;
};

class AuthRepository {
 public:
  virtual ~AuthRepository() = default;
  virtual void InsertSession(const Session& s) = 0;
  virtual std::optional<Session> FindSession(const std::string& token_hash) = 0;
  virtual void TouchSession(const std::string& token_hash, Timestamp at) = 0;
  virtual void DeleteSession(const std::string& token_hash) = 0;
  virtual void DeleteSessionsOfUser(Id user_id) = 0;
  virtual std::int64_t DeleteSessionsBefore(Timestamp last_seen_before,
                                            Timestamp created_before) = 0;

  virtual Id InsertToken(const ApiToken& t) = 0;
  virtual std::optional<ApiToken> FindToken(const std::string& token_hash) = 0;
  virtual std::vector<ApiToken> TokensOf(Id user_id) = 0;
  virtual bool RevokeToken(Id user_id, Id token_id, Timestamp at) = 0;
  virtual void TouchToken(Id token_id, Timestamp at) = 0;

  virtual ThrottleState GetThrottle(const std::string& key) = 0;
  virtual void PutThrottle(const std::string& key, const ThrottleState& s) = 0;
  virtual void ClearThrottle(const std::string& key) = 0;
  // Drops counters whose window began before `window_before` and that lock nobody now.
  virtual std::int64_t DeleteStaleThrottles(Timestamp window_before, Timestamp now) = 0;
};

class TransactionRepository {
 public:
  virtual ~TransactionRepository() = default;
  // False (and nothing written) when a transaction with the same txn_ref exists.
  virtual bool Insert(const Transaction& t) = 0;
  // Inserts rows[order[0]], rows[order[1]], … in that order, skipping each whose txn_ref
  // exists. Returns the positions in `rows` of the skipped ones, in the order written.
  virtual std::vector<std::size_t> InsertMany(std::span<const Transaction> rows,
                                              std::span<const std::size_t> order) = 0;
  // Adds to the customer-month roll-ups, creating months as needed.
  virtual void AddToMonths(const std::vector<MonthDelta>& deltas) = 0;
  // external_ref → id of every live customer that has one (for imports).
  virtual std::vector<std::pair<std::string, Id>> CustomerRefs() = 0;
  // Every live customer (with or without activity) and their months from `first_month`
  // on, ascending: the columns tier evaluation scans.
  virtual void LoadRollups(MonthIndex first_month, MonthlyRollups& out) = 0;
  // One customer's roll-ups, oldest month first.
  virtual std::vector<MonthDelta> Months(Id customer_id) = 0;
  // Each visible customer's positive total of `column` ("revenue_fen", "orders" or
  // "margin_fen") over months [first, last], in no order.
  virtual std::vector<CustomerAmount> Totals(const Principal& who, const std::string& column,
                                           MonthIndex first, MonthIndex last) = 0;
};

// A customer's tier as the dossier shows it: set by the primary scheme.
struct CustomerTierUpdate {
  Id customer_id = 0;
  std::optional<std::string> tier;
  bool is_key_account = false;
};

class TieringRepository {
 public:
  virtual ~TieringRepository() = default;
  // Live schemes (not deleted), by id, each with its current version's definition.
  virtual std::vector<SchemeRecord> Schemes() = 0;
  virtual std::optional<SchemeRecord> Scheme(Id id) = 0;
  virtual std::optional<SchemeRecord> SchemeByName(const std::string& name) = 0;
  // Inserts the scheme and its current version (s.definition).
  virtual Id InsertScheme(const SchemeRecord& s) = 0;
  // Writes the record's columns as given (not the definition: see InsertVersion).
  virtual void UpdateScheme(const SchemeRecord& s) = 0;
  virtual void SoftDeleteScheme(Id id, Timestamp at) = 0;
  virtual void InsertVersion(const SchemeVersionRecord& v) = 0;
  virtual std::vector<SchemeVersionRecord> Versions(Id scheme_id) = 0;  // newest first
  virtual std::optional<SchemeVersionRecord> Version(Id scheme_id, std::int64_t version) = 0;

  // Every assignment of a scheme, by customer id.
  virtual std::vector<TierAssignment> Assignments(Id scheme_id) = 0;
  virtual std::optional<TierAssignment> Assignment(Id scheme_id, Id customer_id) = 0;
  // Inserts or replaces assignments; removes those of `removed` customers.
  virtual void PutAssignments(Id scheme_id, const std::vector<TierAssignment>& rows) = 0;
  virtual void RemoveAssignments(Id scheme_id, const std::vector<Id>& customer_ids) = 0;
  // Drops every assignment of a scheme (when it is deleted).
  virtual void ClearAssignments(Id scheme_id) = 0;
  virtual void InsertChanges(const std::vector<TierChange>& changes) = 0;
  // A customer's changes, newest first (keyset on id), with scheme and actor names.
  virtual Page<TierChange> History(Id customer_id, const PageRequest& page) = 0;
  virtual void SetCustomerTiers(const std::vector<CustomerTierUpdate>& updates) = 0;
  // Every customer back to no tier and not a key account (the primary scheme changed).
  virtual void ClearCustomerTiers() = 0;
  // Names of the given customers (display only; no scope: callers list what they may see).
  virtual std::vector<std::pair<Id, std::string>> CustomerNames(const std::vector<Id>& ids) = 0;
};

// Which nominations a list shows.
enum class NominationBox {
  kInbox,  // waiting for the principal's decision (their role and unit decide now)
  kMine,   // put forward by the principal
  kAll,    // concerning customers in the principal's scope
};

struct NominationFilter {
  NominationBox box = NominationBox::kAll;
  std::optional<NominationStatus> status;
  std::optional<Id> customer_id;
};

class NominationRepository {
 public:
  virtual ~NominationRepository() = default;
  virtual Id Insert(const Nomination& n) = 0;
  virtual void Update(const Nomination& n) = 0;  // every column but id and created_at
  // With the customer's, nominator's, scheme's and approver unit's names; without steps.
  virtual std::optional<Nomination> Get(Id id) = 0;
  virtual std::vector<NominationStep> Steps(Id nomination_id) = 0;  // oldest first
  virtual void InsertStep(const NominationStep& s) = 0;
  // Newest first (keyset on id).
  virtual Page<Nomination> List(const Principal& who, const NominationFilter& f,
                                const PageRequest& page) = 0;
  virtual bool HasPending(Id customer_id, NominationKind kind, std::optional<Id> scheme_id) = 0;
  // The approval chain: the deciding role per level, level 1 first.
  virtual std::vector<Role> ApprovalLevels() = 0;
  virtual void SetApprovalLevels(const std::vector<Role>& roles) = 0;
  // Active users of `role` in exactly `unit_id`.
  virtual std::vector<Id> UsersWithRoleIn(Role role, Id unit_id) = 0;
};

class NotificationRepository {
 public:
  virtual ~NotificationRepository() = default;
  virtual void Insert(const Notification& n) = 0;
  // The caller's own, newest first (keyset on id), but those about a customer the caller
  // no longer sees (moved, handed over, deleted): scope holds for notifications too.
  virtual Page<Notification> List(const Principal& who, bool unread_only,
                                  const PageRequest& page) = 0;
  // Only what List shows: false when the notification is not theirs, absent, or about a
  // customer they no longer see.
  virtual bool MarkRead(const Principal& who, Id id, Timestamp at) = 0;
  virtual std::int64_t MarkAllRead(const Principal& who, Timestamp at) = 0;  // those List shows
  // The unread ones List would show.
  virtual std::int64_t UnreadCount(const Principal& who) = 0;
};

struct InteractionFilter {
  std::optional<Id> customer_id;
  std::optional<Id> recorded_by;
  std::optional<Id> participant_id;     // recorded by or taking part
  std::optional<std::string> channel;
  std::optional<Timestamp> from;        // occurred_at >= from
  std::optional<Timestamp> to;          // occurred_at < to
  std::optional<Id> next_step_owner_id; // open next steps of this user
  std::optional<Id> request_owner_id;   // open requests this user owns first-contact
};

class InteractionRepository {
 public:
  virtual ~InteractionRepository() = default;
  // Writes the record with its contacts and participants.
  virtual Id Insert(const Interaction& i) = 0;
  virtual void Update(const Interaction& i) = 0;  // replaces contacts and participants
  virtual void SoftDelete(Id id, Timestamp at) = 0;
  // With names, contacts and participants; nullopt when absent or deleted.
  virtual std::optional<Interaction> Get(Id id) = 0;
  // In the principal's customer scope, newest occurred_at first (keyset on occurred_at, id),
  // with names, contacts and participants.
  virtual Page<Interaction> List(const Principal& who, const InteractionFilter& f,
                                 const PageRequest& page) = 0;
  virtual std::optional<Timestamp> LastContact(Id customer_id) = 0;
  virtual std::int64_t CountSince(Id customer_id, Timestamp from) = 0;
  // Contacts with a birthday of the live customers the user owns or serves on the team of.
  // `month_days`: "MM-DD" of the days wanted (a birthday recorded as YYYY-MM-DD or MM-DD).
  virtual std::vector<BirthdayReminder> Birthdays(Id user_id,
                                                  const std::vector<std::string>& month_days) = 0;
  // Records by id, with names, contacts and participants; deleted ones left out; no order.
  virtual std::vector<Interaction> GetMany(const std::vector<Id>& ids) = 0;
};

struct VisitPlanFilter {
  std::optional<Id> owner_id;
  std::optional<Id> customer_id;
  std::optional<CivilDate> from;  // planned_on >= from
  std::optional<CivilDate> to;    // planned_on <= to
  std::optional<VisitStatus> status;  // missed: stored planned, before `today`
  CivilDate today;
};

class VisitPlanRepository {
 public:
  virtual ~VisitPlanRepository() = default;
  virtual Id Insert(const VisitPlan& p) = 0;     // with contacts and participants
  virtual void Update(const VisitPlan& p) = 0;   // replaces contacts and participants
  // With names, contacts and participants.
  virtual std::optional<VisitPlan> Get(Id id) = 0;
  virtual std::vector<VisitPlan> GetMany(const std::vector<Id>& ids) = 0;  // in no order
  // In the principal's customer scope, by start then id (keyset: sort_value = start).
  virtual Page<VisitPlan> List(const Principal& who, const VisitPlanFilter& f,
                               const PageRequest& page) = 0;
  // The completed plan whose record this is.
  virtual std::optional<Id> ForInteraction(Id interaction_id) = 0;
  // Plans still open whose day is before `today` and whose owner has not been told.
  virtual std::vector<VisitPlan> MissedUnreported(const CivilDate& today, int limit) = 0;
  virtual void SetMissedNotified(Id id, Timestamp at) = 0;
};

// What the review queue lists: items before `to` (and from `from` when given) of the users
// `who` reviews, for customers `who` sees.
struct ReviewQuery {
  std::optional<Timestamp> from;
  Timestamp to = 0;
  ReviewState state = ReviewState::kUnreviewed;
  std::optional<Id> user_id;
};

class ReviewRepository {
 public:
  virtual ~ReviewRepository() = default;
  // Items in time order (keyset: sort_value = "<at>:<kind>", id), with names, marks and
  // comment counts, without the records themselves.
  virtual Page<ReviewItem> Queue(const Principal& who, const ReviewQuery& q,
                                 const PageRequest& page) = 0;
  // Per reviewed user with anything in the week or unreviewed before it, and every active
  // reviewed user in a front-line role; by name.
  virtual std::vector<ReviewUserWeek> Summary(const Principal& who, Timestamp from, Timestamp to,
                                              const CivilDate& today) = 0;
  // The item as `who` may review it (nullopt: absent, deleted, not of a user `who` reviews,
  // or of a customer `who` does not see).
  virtual std::optional<ReviewItem> Reviewable(const Principal& who, const ReviewRef& ref) = 0;
  virtual bool Mark(const ReviewRef& ref, Id reviewer, Timestamp at) = 0;  // false: marked before
  virtual bool Unmark(const ReviewRef& ref) = 0;                          // false: not marked
  virtual Id InsertComment(const Comment& c) = 0;
  // Oldest first (keyset on id), with author names.
  virtual Page<Comment> Comments(const ReviewRef& ref, const PageRequest& page) = 0;
  // Everyone who commented on the item.
  virtual std::vector<Id> Commenters(const ReviewRef& ref) = 0;
};

// What evaluating one account's cadence needs, read in one pass.
struct CadenceSubject {
  Id customer_id = 0;
  std::optional<std::string> tier;
  Timestamp created_at = 0;
  std::optional<CadenceRule> own_rule;
};

struct BreachFilter {
  std::optional<BreachKind> kind;
  std::optional<Id> customer_id;
  std::optional<Id> owner_id;
  std::optional<Id> org_unit_id;  // subtree
};

class CadenceRepository {
 public:
  virtual ~CadenceRepository() = default;
  virtual CadenceSettings Settings() = 0;
  virtual void PutSettings(const CadenceSettings& s) = 0;  // rules replaced, version as given
  virtual void SetEvaluatedOn(CivilDate day) = 0;
  // Customers holding a breach not yet reported to its owner or director.
  virtual std::vector<Id> Unreported() = 0;
  virtual std::optional<CustomerCadence> Own(Id customer_id) = 0;
  virtual void PutOwn(const CustomerCadence& c) = 0;
  virtual bool DeleteOwn(Id customer_id) = 0;
  // Live customers with id > after_id, by id, at most `limit`: those a rule may apply to
  // (a tier with a rule, or an own rule) and those holding a breach (to clear it).
  virtual std::vector<CadenceSubject> Subjects(Id after_id, int limit) = 0;
  virtual std::optional<CadenceSubject> Subject(Id customer_id) = 0;
  virtual std::vector<CadenceBreach> Breaches(Id customer_id) = 0;
  virtual void PutBreach(const CadenceBreach& b) = 0;  // insert or replace
  virtual void DeleteBreach(Id customer_id, BreachKind kind) = 0;
  // In the principal's scope, with customer and owner names; the oldest breach first (keyset
  // on since, customer id, kind).
  virtual Page<CadenceBreach> List(const Principal& who, const BreachFilter& f,
                                   const PageRequest& page) = 0;
  // The latest handover of the customer since `since`, to flag a decaying relationship.
  virtual std::optional<Id> RecentHandover(Id customer_id, Timestamp since) = 0;
  virtual void FlagDecay(Id handover_id, Id customer_id, BreachKind kind, CivilDate since,
                         Timestamp at) = 0;
};

struct HandoverFilter {
  std::optional<Id> user_id;  // handovers of this leaving user
};

struct HandoverDecayFilter {
  std::optional<Id> handover_id;
};

// Handovers (core/engagement/handover.h): what a user holds, moving it, and the records
// kept of it (items, owner history, decay flags).
class HandoverRepository {
 public:
  virtual ~HandoverRepository() = default;
  // Everything `user_id` holds now, in no order: live customers they own, their seats on
  // live customers' teams, open next steps and open requests (first contact) of contact
  // records not deleted, pending nominations they put forward, unread notifications.
  virtual std::vector<Holding> Holdings(Id user_id) = 0;
  virtual Id Insert(const Handover& h) = 0;  // the record only (id, tallies, items ignored)
  // Gives each item's holding from `from_user` to item.to_user_id; customers, contact
  // records and nominations take a new version and `at` as updated_at, a team seat `at` as
  // added_at. A holding `from_user` no longer has is left alone. (Team seats the successor
  // already covers are dropped by the caller instead: CustomerRepository::RemoveTeamMember.)
  virtual void Move(Id from_user, const std::vector<HandoverItem>& items, Timestamp at) = 0;
  virtual void InsertItems(const std::vector<HandoverItem>& items) = 0;
  virtual void InsertOwnerHistory(const OwnerHistoryEntry& e) = 0;
  // With names and tallies, without items.
  virtual std::optional<Handover> Get(Id id) = 0;
  // The items with customer and user names, by kind then entity id; only those concerning
  // no customer or a customer in `who`'s scope.
  virtual std::vector<HandoverItem> Items(Id handover_id, const Principal& who) = 0;
  // Newest first (keyset on id), with names and tallies: all of them for scope kAll, those
  // of users in the principal's org subtree for kUnitSubtree, none otherwise.
  virtual Page<Handover> List(const Principal& who, const HandoverFilter& f,
                              const PageRequest& page) = 0;
  // Newest first (keyset on id), with names.
  virtual Page<OwnerHistoryEntry> OwnerHistory(Id customer_id, const PageRequest& page) = 0;
  // Flags on live customers in `who`'s scope, newest handover first, then customer id and
  // kind descending. The cursor: id = customer id, sort_value = "<handover id>:<kind>".
  virtual Page<HandoverDecay> Decay(const Principal& who, const HandoverDecayFilter& f,
                                    const PageRequest& page) = 0;
};

// One run of a periodic job: the row that makes it run on exactly one node per period.
struct JobRun {
  std::string job;
  std::string period;
  std::string node;
  Timestamp started_at = 0;
  Timestamp lease_until = 0;
  std::optional<Timestamp> finished_at;
  std::int64_t attempts = 1;
  std::string outcome;
};

class JobRepository {
 public:
  virtual ~JobRepository() = default;
  // Claims (job, period) for `node`: true when this call inserted the run, or took over a
  // run that never finished and whose lease has expired; false when another node holds it
  // or it is done.
  virtual bool Claim(const std::string& job, const std::string& period, const std::string& node,
                     Timestamp now, Timestamp lease_until) = 0;
  virtual void Finish(const std::string& job, const std::string& period, const std::string& node,
                      Timestamp at, const std::string& outcome) = 0;
  // The latest runs, newest period first; `job` empty means every job.
  virtual std::vector<JobRun> Recent(const std::string& job, int limit) = 0;
};

// A read of a dossier, for the access log that watches for bulk access.
struct AccessEntry {
  Timestamp at = 0;
  Id user_id = 0;
  std::string entity;
  Id entity_id = 0;
  std::optional<Id> customer_id;
  std::string request_id;
  std::string client_addr;
};

// One user's reads over a span of the access log (entries without a customer aside).
struct UserReads {
  Id user_id = 0;
  std::int64_t customers = 0;  // distinct customers
  std::int64_t reads = 0;      // entries
};

class AccessLogRepository {
 public:
  virtual ~AccessLogRepository() = default;
  virtual void InsertBatch(const std::vector<AccessEntry>& entries) = 0;
  virtual std::int64_t Count() = 0;
  // Every user with entries in [from, to], by user id.
  virtual std::vector<UserReads> ReadsBetween(Timestamp from, Timestamp to) = 0;
  virtual UserReads ReadsOf(Id user_id, Timestamp from, Timestamp to) = 0;
  // The customers `user_id` read most in [from, to] with their names: most entries first,
  // then by customer id; at most `limit`.
  virtual std::vector<AlertCustomer> TopCustomers(Id user_id, Timestamp from, Timestamp to,
                                                  int limit) = 0;
};

class AccessAlertRepository {
 public:
  virtual ~AccessAlertRepository() = default;
  virtual AccessAlertSettings Settings() = 0;
  virtual void PutSettings(const AccessAlertSettings& s) = 0;  // writes s.version as given
  // Inserts the alert and its top customers; returns its id.
  virtual Id Insert(const AccessAlert& a) = 0;
  // Writes status, version, acknowledged_at, acknowledged_by and comment.
  virtual void Update(const AccessAlert& a) = 0;
  // With the names and top customers.
  virtual std::optional<AccessAlert> Get(Id id) = 0;
  // The user's newest alert (without top customers).
  virtual std::optional<AccessAlert> LatestOf(Id user_id) = 0;
  // Newest first (keyset on id), with names and top customers.
  virtual Page<AccessAlert> List(std::optional<AccessAlertStatus> status,
                                 const PageRequest& page) = 0;
};

// Import runs and the rows they refused (the first kMaxRejectsKept of each run).
class ImportRunRepository {
 public:
  virtual ~ImportRunRepository() = default;
  virtual Id Insert(const ImportRun& run) = 0;
  // Writes status, progress, error, started_at, finished_at and heartbeat_at (never
  // cancel_requested, which only RequestCancel sets).
  virtual void Update(const ImportRun& run) = 0;
  virtual void AddRejects(Id run_id, const std::vector<ImportReject>& rejects) = 0;
  // With the creator's name; with the kept rejects (in line order) when asked.
  virtual std::optional<ImportRun> Get(Id id, bool with_rejects) = 0;
  // Newest first (keyset on id), without rejects.
  virtual Page<ImportRun> List(const ImportRunFilter& f, const PageRequest& page) = 0;
  // queued → running on `node`; false when the run is no longer queued (cancelled).
  virtual bool Start(Id id, const std::string& node, Timestamp at) = 0;
  // queued → cancelled; false when the run is no longer queued.
  virtual bool CancelQueued(Id id, Timestamp at) = 0;
  virtual void RequestCancel(Id id) = 0;
  // Keeps the node's queued runs from looking silent while the run ahead of them works.
  virtual void TouchQueued(const std::string& node, Timestamp at) = 0;
};

}  // namespace kams
