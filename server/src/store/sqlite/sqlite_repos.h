#pragma once
// SQLite implementations of the core's repository ports (internal to store/sqlite).

#include "core/ports/database.h"
#include "store/engagement_repos.h"
#include "store/contract_repo.h"
#include "store/import_run_repo.h"
#include "store/visit_repos.h"
#include "store/sqlite/sqlite_connection.h"

namespace kams {

class SqliteOrgRepository final : public OrgRepository {
 public:
  explicit SqliteOrgRepository(SqliteConnection& c) : c_(c) {}
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
  SqliteConnection& c_;
};

class SqliteUserRepository final : public UserRepository {
 public:
  explicit SqliteUserRepository(SqliteConnection& c) : c_(c) {}
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
  SqliteConnection& c_;
};

class SqliteCustomerRepository final : public CustomerRepository {
 public:
  explicit SqliteCustomerRepository(SqliteConnection& c) : c_(c) {}
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

 private:
  void WriteGrams(Id id, const std::string& old_name_lc, const std::string& name_lc);
  SqliteConnection& c_;
};

class SqliteContactRepository final : public ContactRepository {
 public:
  explicit SqliteContactRepository(SqliteConnection& c) : c_(c) {}
  Page<Contact> List(Id customer_id, const PageRequest& page) override;
  std::optional<Contact> Get(Id customer_id, Id contact_id) override;
  Id Insert(const Contact& c) override;
  void Update(const Contact& c) override;
  void Delete(Id customer_id, Id contact_id) override;

 private:
  SqliteConnection& c_;
};

class SqliteAuditRepository final : public AuditRepository {
 public:
  explicit SqliteAuditRepository(SqliteConnection& c) : c_(c) {}
  std::pair<Id, std::string> Head() override;
  void Insert(const AuditRecord& r) override;
  Page<AuditRecord> List(const AuditFilter& filter, const PageRequest& page) override;
  void ForEach(const std::function<bool(const AuditRecord&)>& fn) override;

 private:
  SqliteConnection& c_;
};

class SqliteAuthRepository final : public AuthRepository {
 public:
  explicit SqliteAuthRepository(SqliteConnection& c) : c_(c) {}
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
  SqliteConnection& c_;
};

class SqliteAccessLogRepository final : public AccessLogRepository {
 public:
  explicit SqliteAccessLogRepository(SqliteConnection& c) : c_(c) {}
  void InsertBatch(const std::vector<AccessEntry>& entries) override;
  std::int64_t Count() override;
  std::vector<UserReads> ReadsBetween(Timestamp from, Timestamp to) override;
  UserReads ReadsOf(Id user_id, Timestamp from, Timestamp to) override;
  std::vector<AlertCustomer> TopCustomers(Id user_id, Timestamp from, Timestamp to,
                                          int limit) override;

 private:
  SqliteConnection& c_;
};

class SqliteJobRepository final : public JobRepository {
 public:
  explicit SqliteJobRepository(SqliteConnection& c) : c_(c) {}
  bool Claim(const std::string& job, const std::string& period, const std::string& node,
             Timestamp now, Timestamp lease_until) override;
  void Finish(const std::string& job, const std::string& period, const std::string& node,
              Timestamp at, const std::string& outcome) override;
  std::vector<JobRun> Recent(const std::string& job, int limit) override;

 private:
  SqliteConnection& c_;
};

class SqliteTransactionRepository final : public TransactionRepository {
 public:
  explicit SqliteTransactionRepository(SqliteConnection& c) : c_(c) {}
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
  SqliteConnection& c_;
};

class SqliteTieringRepository final : public TieringRepository {
 public:
  explicit SqliteTieringRepository(SqliteConnection& c) : c_(c) {}
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
  SqliteConnection& c_;
};

class SqliteNominationRepository final : public NominationRepository {
 public:
  explicit SqliteNominationRepository(SqliteConnection& c) : c_(c) {}
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
  SqliteConnection& c_;
};

class SqliteNotificationRepository final : public NotificationRepository {
 public:
  explicit SqliteNotificationRepository(SqliteConnection& c) : c_(c) {}
  void Insert(const Notification& n) override;
  Page<Notification> List(const Principal& who, bool unread_only, const PageRequest& page) override;
  bool MarkRead(const Principal& who, Id id, Timestamp at) override;
  std::int64_t MarkAllRead(const Principal& who, Timestamp at) override;
  std::int64_t UnreadCount(const Principal& who) override;

 private:
  SqliteConnection& c_;
};

class SqliteAccessAlertRepository final : public AccessAlertRepository {
 public:
  explicit SqliteAccessAlertRepository(SqliteConnection& c) : c_(c) {}
  AccessAlertSettings Settings() override;
  void PutSettings(const AccessAlertSettings& s) override;
  Id Insert(const AccessAlert& a) override;
  void Update(const AccessAlert& a) override;
  std::optional<AccessAlert> Get(Id id) override;
  std::optional<AccessAlert> LatestOf(Id user_id) override;
  Page<AccessAlert> List(std::optional<AccessAlertStatus> status, const PageRequest& page) override;

 private:
  std::vector<AlertCustomer> TopOf(Id alert_id);
  SqliteConnection& c_;
};

class SqliteRow final : public SqlRow {
 public:
  explicit SqliteRow(SQLite::Statement& st) : st_(st) {}
  bool IsNull(int i) const override { return st_.getColumn(i).isNull(); }
  std::int64_t Int(int i) const override { return st_.getColumn(i).getInt64(); }
  std::string Text(int i) const override { return st_.getColumn(i).getString(); }

 private:
  SQLite::Statement& st_;
};

class SqliteRunner final : public SqlRunner {
 public:
  explicit SqliteRunner(SqliteConnection& c) : c_(c) {}
  SqlDialect dialect() const override { return SqlDialect::kSqlite; }
  std::int64_t Run(const std::string& sql, const std::vector<SqlValue>& values,
                   const std::function<void(const SqlRow&)>& on_row) override {
    auto& st = c_.Prepare(sql);
    BindAll(st, values);
    const SqliteRow row(st);
    while (st.executeStep()) {
      if (on_row) on_row(row);
    }
    return c_.db().getChanges();
  }

 private:
  SqliteConnection& c_;
};

class SqliteHandoverRepository final : public HandoverRepository {
 public:
  explicit SqliteHandoverRepository(SqliteConnection& c) : c_(c) {}
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
  SqliteConnection& c_;
};

class SqliteTx final : public Tx {
 public:
  explicit SqliteTx(SqliteConnection& c)
      : org_(c), users_(c), customers_(c), contacts_(c), audit_(c), auth_(c), access_log_(c),
        jobs_(c), transactions_(c), tiering_(c), nominations_(c),
        notifications_(c), runner_(c), interactions_(runner_), cadence_(runner_), visit_plans_(runner_), reviews_(runner_), import_runs_(runner_), contracts_(runner_),
        access_alerts_(c),
        handovers_(c) {}
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

 private:
  SqliteOrgRepository org_;
  SqliteUserRepository users_;
  SqliteCustomerRepository customers_;
  SqliteContactRepository contacts_;
  SqliteAuditRepository audit_;
  SqliteAuthRepository auth_;
  SqliteAccessLogRepository access_log_;
  SqliteJobRepository jobs_;
  SqliteTransactionRepository transactions_;
  SqliteTieringRepository tiering_;
  SqliteNominationRepository nominations_;
  SqliteNotificationRepository notifications_;
  SqliteRunner runner_;
  SqlInteractionRepository interactions_;
  SqlCadenceRepository cadence_;
  SqlVisitPlanRepository visit_plans_;
  SqlReviewRepository reviews_;
  SqlImportRunRepository import_runs_;
  SqlContractRepository contracts_;
  SqliteAccessAlertRepository access_alerts_;
  SqliteHandoverRepository handovers_;
};

}  // namespace kams
