#pragma once
// PostgreSQL implementations of the core's repository ports (internal to store/postgres).

#include <cstdint>
#include <map>
#include <string>

#include "core/ports/database.h"
#include "store/engagement_repos.h"
#include "store/contract_repo.h"
#include "store/import_run_repo.h"
#include "store/visit_repos.h"
#include "store/postgres/pg_session.h"

namespace kams {

class PgOrgRepository final : public OrgRepository {
 public:
  explicit PgOrgRepository(PgSession& s) : s_(s) {}
  std::vector<OrgUnit> All() override;
  std::optional<OrgUnit> Get(Id id) override;
  Id Insert(const OrgUnit& unit) override;
  void Update(const OrgUnit& unit) override;
  void Delete(Id id) override;
  bool InSubtree(Id ancestor, Id unit) override;
  std::int64_t CountChildren(Id id) override;
  std::int64_t CountUsers(Id id) override;
  std::int64_t CountCustomers(Id id) override;

 private:
  void RebuildClosure();
  PgSession& s_;
};

class PgUserRepository final : public UserRepository {
 public:
  explicit PgUserRepository(PgSession& s) : s_(s) {}
  std::optional<User> Get(Id id) override;
  std::optional<User> FindByUsername(std::string_view username) override;
  std::optional<std::string> PasswordHash(Id id) override;
  Id Insert(const User& user, const std::string& password_hash) override;
  void Update(const User& user) override;
  void SetPasswordHash(Id id, const std::string& hash, Timestamp at) override;
  void RecordLogin(Id id, Timestamp at) override;
  Page<User> List(const UserFilter& filter, const PageRequest& page) override;
  std::optional<UserSettings> GetSettings(Id id) override;
  void PutSettings(Id id, const UserSettings& settings) override;

 private:
  PgSession& s_;
};

class PgCustomerRepository final : public CustomerRepository {
 public:
  explicit PgCustomerRepository(PgSession& s) : s_(s) {}
  std::optional<Customer> Get(const Principal& who, Id id) override;
  bool Exists(Id id) override;
  Page<Customer> List(const Principal& who, const CustomerFilter& filter, const SortSpec& sort,
                      const PageRequest& page) override;
  Id Insert(const Customer& c) override;
  void Update(const Customer& c) override;
  void SoftDelete(Id id, Timestamp at) override;
  bool ExternalRefTaken(const std::string& ref, Id except_id) override;
  bool CreditCodeTaken(const std::string& code, Id except_id) override;
  std::vector<AccountTeamMember> Team(Id customer_id) override;
  void AddTeamMember(const AccountTeamMember& m) override;
  bool RemoveTeamMember(Id customer_id, Id user_id) override;
  DefaultTeam DefaultTeamOf(Id owner_id) override;
  void PutDefaultTeam(const DefaultTeam& t) override;

  // Adds the transaction's net posting-count changes to customer_name_gram_count: one
  // statement per transaction, run just before it commits (so an import of thousands of
  // customers updates each gram's row once, not once per customer).
  void FlushGramCounts();

 private:
  void WriteGrams(Id id, const std::string& name_lc);
  PgSession& s_;
  std::map<std::string, std::int64_t> count_delta_;  // gram -> net postings added
};

class PgContactRepository final : public ContactRepository {
 public:
  explicit PgContactRepository(PgSession& s) : s_(s) {}
  Page<Contact> List(Id customer_id, const PageRequest& page) override;
  std::optional<Contact> Get(Id customer_id, Id contact_id) override;
  Id Insert(const Contact& c) override;
  void Update(const Contact& c) override;
  void Delete(Id customer_id, Id contact_id) override;

 private:
  PgSession& s_;
};

class PgAuditRepository final : public AuditRepository {
 public:
  explicit PgAuditRepository(PgSession& s) : s_(s) {}
  std::pair<Id, std::string> Head() override;
  void Insert(const AuditRecord& r) override;
  Page<AuditRecord> List(const AuditFilter& filter, const PageRequest& page) override;
  void ForEach(const std::function<bool(const AuditRecord&)>& fn) override;

 private:
  PgSession& s_;
};

class PgAuthRepository final : public AuthRepository {
 public:
  explicit PgAuthRepository(PgSession& s) : s_(s) {}
  void InsertSession(const Session& s) override;
  std::optional<Session> FindSession(const std::string& token_hash) override;
  void TouchSession(const std::string& token_hash, Timestamp at) override;
  void DeleteSession(const std::string& token_hash) override;
  void DeleteSessionsOfUser(Id user_id) override;
  std::int64_t DeleteSessionsBefore(Timestamp last_seen_before, Timestamp created_before) override;
  Id InsertToken(const ApiToken& t) override;
  std::optional<ApiToken> FindToken(const std::string& token_hash) override;
  std::vector<ApiToken> TokensOf(Id user_id) override;
  bool RevokeToken(Id user_id, Id token_id, Timestamp at) override;
  void TouchToken(Id token_id, Timestamp at) override;
  ThrottleState GetThrottle(const std::string& key) override;
  void PutThrottle(const std::string& key, const ThrottleState& s) override;
  void ClearThrottle(const std::string& key) override;
  std::int64_t DeleteStaleThrottles(Timestamp window_before, Timestamp now) override;

 private:
  PgSession& s_;
};

class PgAccessLogRepository final : public AccessLogRepository {
 public:
  explicit PgAccessLogRepository(PgSession& s) : s_(s) {}
  void InsertBatch(const std::vector<AccessEntry>& entries) override;
  std::int64_t Count() override;
  std::vector<UserReads> ReadsBetween(Timestamp from, Timestamp to) override;
  UserReads ReadsOf(Id user_id, Timestamp from, Timestamp to) override;
  std::vector<AlertCustomer> TopCustomers(Id user_id, Timestamp from, Timestamp to,
                                          int limit) override;

 private:
  PgSession& s_;
};

class PgJobRepository final : public JobRepository {
 public:
  explicit PgJobRepository(PgSession& s) : s_(s) {}
  bool Claim(const std::string& job, const std::string& period, const std::string& node,
             Timestamp now, Timestamp lease_until) override;
  void Finish(const std::string& job, const std::string& period, const std::string& node,
              Timestamp at, const std::string& outcome) override;
  std::vector<JobRun> Recent(const std::string& job, int limit) override;

 private:
  PgSession& s_;
};

class PgTransactionRepository final : public TransactionRepository {
 public:
  explicit PgTransactionRepository(PgSession& s) : s_(s) {}
  bool Insert(const Transaction& t) override;
  std::vector<std::size_t> InsertMany(std::span<const Transaction> rows,
                                      std::span<const std::size_t> order) override;
  void AddToMonths(const std::vector<MonthDelta>& deltas) override;
  std::vector<std::pair<std::string, Id>> CustomerRefs() override;
  void LoadRollups(MonthIndex first_month, MonthlyRollups& out) override;
  std::vector<MonthDelta> Months(Id customer_id) override;
  std::vector<CustomerAmount> Totals(const Principal& who, const std::string& column,
                                   MonthIndex first, MonthIndex last) override;

 private:
  PgSession& s_;
};

class PgTieringRepository final : public TieringRepository {
 public:
  explicit PgTieringRepository(PgSession& s) : s_(s) {}
  std::vector<SchemeRecord> Schemes() override;
  std::optional<SchemeRecord> Scheme(Id id) override;
  std::optional<SchemeRecord> SchemeByName(const std::string& name) override;
  Id InsertScheme(const SchemeRecord& s) override;
  void UpdateScheme(const SchemeRecord& s) override;
  void SoftDeleteScheme(Id id, Timestamp at) override;
  void InsertVersion(const SchemeVersionRecord& v) override;
  std::vector<SchemeVersionRecord> Versions(Id scheme_id) override;
  std::optional<SchemeVersionRecord> Version(Id scheme_id, std::int64_t version) override;
  std::vector<TierAssignment> Assignments(Id scheme_id) override;
  std::optional<TierAssignment> Assignment(Id scheme_id, Id customer_id) override;
  void PutAssignments(Id scheme_id, const std::vector<TierAssignment>& rows) override;
  void RemoveAssignments(Id scheme_id, const std::vector<Id>& customer_ids) override;
  void ClearAssignments(Id scheme_id) override;
  void InsertChanges(const std::vector<TierChange>& changes) override;
  Page<TierChange> History(Id customer_id, const PageRequest& page) override;
  void SetCustomerTiers(const std::vector<CustomerTierUpdate>& updates) override;
  void ClearCustomerTiers() override;
  std::vector<std::pair<Id, std::string>> CustomerNames(const std::vector<Id>& ids) override;

 private:
  PgSession& s_;
};

class PgNominationRepository final : public NominationRepository {
 public:
  explicit PgNominationRepository(PgSession& s) : s_(s) {}
  Id Insert(const Nomination& n) override;
  void Update(const Nomination& n) override;
  std::optional<Nomination> Get(Id id) override;
  std::vector<NominationStep> Steps(Id nomination_id) override;
  void InsertStep(const NominationStep& s) override;
  Page<Nomination> List(const Principal& who, const NominationFilter& f,
                        const PageRequest& page) override;
  bool HasPending(Id customer_id, NominationKind kind, std::optional<Id> scheme_id) override;
  std::vector<Role> ApprovalLevels() override;
  void SetApprovalLevels(const std::vector<Role>& roles) override;
  std::vector<Id> UsersWithRoleIn(Role role, Id unit_id) override;

 private:
  PgSession& s_;
};

class PgNotificationRepository final : public NotificationRepository {
 public:
  explicit PgNotificationRepository(PgSession& s) : s_(s) {}
  void Insert(const Notification& n) override;
  Page<Notification> List(const Principal& who, bool unread_only, const PageRequest& page) override;
  bool MarkRead(const Principal& who, Id id, Timestamp at) override;
  std::int64_t MarkAllRead(const Principal& who, Timestamp at) override;
  std::int64_t UnreadCount(const Principal& who) override;

 private:
  PgSession& s_;
};

class PgAccessAlertRepository final : public AccessAlertRepository {
 public:
  explicit PgAccessAlertRepository(PgSession& s) : s_(s) {}
  AccessAlertSettings Settings() override;
  void PutSettings(const AccessAlertSettings& s) override;
  Id Insert(const AccessAlert& a) override;
  void Update(const AccessAlert& a) override;
  std::optional<AccessAlert> Get(Id id) override;
  std::optional<AccessAlert> LatestOf(Id user_id) override;
  Page<AccessAlert> List(std::optional<AccessAlertStatus> status, const PageRequest& page) override;

 private:
  std::vector<AlertCustomer> TopOf(Id alert_id);
  PgSession& s_;
};

class PgRow final : public SqlRow {
 public:
  explicit PgRow(const pqxx::row& r) : r_(r) {}
  bool IsNull(int i) const override { return r_[i].is_null(); }
  std::int64_t Int(int i) const override { return r_[i].as<std::int64_t>(); }
  std::string Text(int i) const override { return r_[i].as<std::string>(); }

 private:
  const pqxx::row& r_;
};

class PgRunner final : public SqlRunner {
 public:
  explicit PgRunner(PgSession& s) : s_(s) {}
  SqlDialect dialect() const override { return SqlDialect::kPostgres; }
  std::int64_t Run(const std::string& sql, const std::vector<SqlValue>& values,
                   const std::function<void(const SqlRow&)>& on_row) override {
    const pqxx::result res = s_.ExecDynamic(sql, ToPg(values));
    if (on_row) {
      for (const auto& r : res) on_row(PgRow(r));
    }
    return res.affected_rows();
  }

 private:
  PgSession& s_;
};

class PgHandoverRepository final : public HandoverRepository {
 public:
  explicit PgHandoverRepository(PgSession& s) : s_(s) {}
  std::vector<Holding> Holdings(Id user_id) override;
  Id Insert(const Handover& h) override;
  void Move(Id from_user, const std::vector<HandoverItem>& items, Timestamp at) override;
  void InsertItems(const std::vector<HandoverItem>& items) override;
  void InsertOwnerHistory(const OwnerHistoryEntry& e) override;
  std::optional<Handover> Get(Id id) override;
  std::vector<HandoverItem> Items(Id handover_id, const Principal& who) override;
  Page<Handover> List(const Principal& who, const HandoverFilter& f,
                      const PageRequest& page) override;
  Page<OwnerHistoryEntry> OwnerHistory(Id customer_id, const PageRequest& page) override;
  Page<HandoverDecay> Decay(const Principal& who, const HandoverDecayFilter& f,
                            const PageRequest& page) override;

 private:
  void Tally(std::vector<Handover>& handovers);
  PgSession& s_;
};

class PgTx final : public Tx {
 public:
  explicit PgTx(PgSession& s)
      : org_(s), users_(s), customers_(s), contacts_(s), audit_(s), auth_(s), access_log_(s),
        jobs_(s), transactions_(s), tiering_(s), nominations_(s),
        notifications_(s), runner_(s), interactions_(runner_), cadence_(runner_), visit_plans_(runner_), reviews_(runner_), import_runs_(runner_), contracts_(runner_),
        access_alerts_(s),
        handovers_(s) {}
  OrgRepository& org() override { return org_; }
  UserRepository& users() override { return users_; }
  CustomerRepository& customers() override { return customers_; }
  ContactRepository& contacts() override { return contacts_; }
  AuditRepository& audit() override { return audit_; }
  AuthRepository& auth() override { return auth_; }
  AccessLogRepository& access_log() override { return access_log_; }
  JobRepository& jobs() override { return jobs_; }
  TransactionRepository& transactions() override { return transactions_; }
  TieringRepository& tiering() override { return tiering_; }
  NominationRepository& nominations() override { return nominations_; }
  NotificationRepository& notifications() override { return notifications_; }
  InteractionRepository& interactions() override { return interactions_; }
  CadenceRepository& cadence() override { return cadence_; }
  VisitPlanRepository& visit_plans() override { return visit_plans_; }
  ReviewRepository& reviews() override { return reviews_; }
  ImportRunRepository& import_runs() override { return import_runs_; }
  ContractRepository& contracts() override { return contracts_; }
  AccessAlertRepository& access_alerts() override { return access_alerts_; }
  HandoverRepository& handovers() override { return handovers_; }

  // Writes what the repositories defer to the end of the transaction; call before COMMIT.
  void BeforeCommit() { customers_.FlushGramCounts(); }

 private:
  PgOrgRepository org_;
  PgUserRepository users_;
  PgCustomerRepository customers_;
  PgContactRepository contacts_;
  PgAuditRepository audit_;
  PgAuthRepository auth_;
  PgAccessLogRepository access_log_;
  PgJobRepository jobs_;
  PgTransactionRepository transactions_;
  PgTieringRepository tiering_;
  PgNominationRepository nominations_;
  PgNotificationRepository notifications_;
  PgRunner runner_;
  SqlInteractionRepository interactions_;
  SqlCadenceRepository cadence_;
  SqlVisitPlanRepository visit_plans_;
  SqlReviewRepository reviews_;
  SqlImportRunRepository import_runs_;
  SqlContractRepository contracts_;
  PgAccessAlertRepository access_alerts_;
  PgHandoverRepository handovers_;
};

}  // namespace kams
