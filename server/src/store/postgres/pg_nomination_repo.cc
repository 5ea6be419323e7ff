#include "store/nomination_query.h"
#include "store/postgres/pg_repos.h"

namespace kams {
namespace {

Nomination ReadNomination(const pqxx::row& r) {
  Nomination n;
  n.id = r[0].as<std::int64_t>();
  n.customer_id = r[1].as<std::int64_t>();
  n.nominator_id = r[2].as<std::int64_t>();
  n.kind = ParseNominationKind(r[3].as<std::string>()).value_or(NominationKind::kNominate);
  n.scheme_id = OptInt(r[4]);
  n.proposed_tier = OptText(r[5]);
  n.reason = r[6].as<std::string>();
  if (auto d = OptText(r[7])) n.pinned_until = ParseCivilDate(*d);
  n.revenue_12m_fen = r[8].as<std::int64_t>();
  n.orders_12m = r[9].as<std::int64_t>();
  n.margin_12m_fen = r[10].as<std::int64_t>();
  n.status = ParseNominationStatus(r[11].as<std::string>()).value_or(NominationStatus::kPending);
  n.level = r[12].as<int>();
  n.levels = r[13].as<int>();
  if (auto role = OptText(r[14])) n.approver_role = ParseRole(*role);
  n.approver_unit_id = OptInt(r[15]);
  n.submissions = r[16].as<std::int64_t>();
  n.version = r[17].as<std::int64_t>();
  n.created_at = r[18].as<std::int64_t>();
  n.updated_at = r[19].as<std::int64_t>();
  n.decided_at = OptInt(r[20]);
  n.customer_name = r[21].as<std::string>();
  n.nominator_name = r[22].as<std::string>();
  n.scheme_name = OptText(r[23]);
  n.approver_unit_name = OptText(r[24]);
  return n;
}

std::optional<std::string> OptRole(const std::optional<Role>& r) {
  if (!r) return std::nullopt;
  return std::string(RoleName(*r));
}

}  // namespace

Id PgNominationRepository::Insert(const Nomination& n) {
  return s_.Exec(
              "INSERT INTO nomination (customer_id, nominator_id, kind, scheme_id, proposed_tier, "
              "reason, pinned_until, revenue_12m_fen, orders_12m, margin_12m_fen, status, level, "
              "levels, approver_role, approver_unit_id, submissions, version, updated_at, "
              "decided_at, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, "
              "$13, $14, $15, $16, $17, $18, $19, $20) RETURNING id",
              n.customer_id, n.nominator_id, std::string(NominationKindName(n.kind)), n.scheme_id,
              n.proposed_tier, n.reason, FormatCivilDate(n.pinned_until), n.revenue_12m_fen, n.orders_12m,
              n.margin_12m_fen, std::string(NominationStatusName(n.status)), n.level, n.levels,
              OptRole(n.approver_role), n.approver_unit_id, n.submissions, n.version,
              n.updated_at, n.decided_at, n.created_at)[0][0]
      .as<std::int64_t>();
}

void PgNominationRepository::Update(const Nomination& n) {
  s_.Exec(
      "UPDATE nomination SET customer_id = $1, nominator_id = $2, kind = $3, scheme_id = $4, "
      "proposed_tier = $5, reason = $6, pinned_until = $7, revenue_12m_fen = $8, "
      "orders_12m = $9, margin_12m_fen = $10, status = $11, level = $12, levels = $13, "
      "approver_role = $14, approver_unit_id = $15, submissions = $16, version = $17, "
      "updated_at = $18, decided_at = $19 WHERE id = $20",
      n.customer_id, n.nominator_id, std::string(NominationKindName(n.kind)), n.scheme_id,
      n.proposed_tier, n.reason, FormatCivilDate(n.pinned_until), n.revenue_12m_fen, n.orders_12m,
      n.margin_12m_fen, std::string(NominationStatusName(n.status)), n.level, n.levels,
      OptRole(n.approver_role), n.approver_unit_id, n.submissions, n.version, n.updated_at,
      n.decided_at, n.id);
}

std::optional<Nomination> PgNominationRepository::Get(Id id) {
  auto res = s_.Exec(std::string(kNominationSelect) + " WHERE n.id = $1", id);
  if (res.empty()) return std::nullopt;
  return ReadNomination(res[0]);
}

std::vector<NominationStep> PgNominationRepository::Steps(Id nomination_id) {
  std::vector<NominationStep> out;
  for (const auto& r : s_.Exec(std::string(kNominationStepSelect) +
                                   " WHERE t.nomination_id = $1 ORDER BY t.id",
                               nomination_id)) {
    NominationStep s;
    s.id = r[0].as<std::int64_t>();
    s.nomination_id = r[1].as<std::int64_t>();
    s.customer_id = r[2].as<std::int64_t>();
    s.submission = r[3].as<std::int64_t>();
    s.level = r[4].as<int>();
    s.action = ParseStepAction(r[5].as<std::string>()).value_or(StepAction::kSubmit);
    s.actor_id = OptInt(r[6]);
    s.comment = r[7].as<std::string>();
    s.at = r[8].as<std::int64_t>();
    s.actor_name = OptText(r[9]);
    out.push_back(std::move(s));
  }
  return out;
}

void PgNominationRepository::InsertStep(const NominationStep& s) {
  s_.Exec(
      "INSERT INTO nomination_step (nomination_id, customer_id, submission, level, action, "
      "actor_id, comment, at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
      s.nomination_id, s.customer_id, s.submission, s.level, std::string(StepActionName(s.action)),
      s.actor_id, s.comment, s.at);
}

Page<Nomination> PgNominationRepository::List(const Principal& who, const NominationFilter& f,
                                              const PageRequest& page) {
  SqlBinder b(SqlDialect::kPostgres);
  const std::string sql = NominationListSql(who, f, page, b);
  Page<Nomination> out;
  for (const auto& r : s_.ExecDynamic(sql, ToPg(b.values()))) out.items.push_back(ReadNomination(r));
  if (static_cast<int>(out.items.size()) > page.limit) {
    out.items.pop_back();
    out.next = Cursor{std::to_string(out.items.back().id), out.items.back().id};
  }
  return out;
}

bool PgNominationRepository::HasPending(Id customer_id, NominationKind kind,
                                        std::optional<Id> scheme_id) {
  return !s_.Exec(
                "SELECT 1 FROM nomination WHERE customer_id = $1 AND kind = $2 "
                "AND status = 'pending' AND coalesce(scheme_id, 0) = $3 LIMIT 1",
                customer_id, std::string(NominationKindName(kind)), scheme_id.value_or(0))
              .empty();
}

std::vector<Role> PgNominationRepository::ApprovalLevels() {
  std::vector<Role> out;
  for (const auto& r : s_.Exec("SELECT role FROM approval_level ORDER BY level")) {
    if (auto role = ParseRole(r[0].as<std::string>())) out.push_back(*role);
  }
  return out;
}

void PgNominationRepository::SetApprovalLevels(const std::vector<Role>& roles) {
  s_.Exec("DELETE FROM approval_level");
  for (std::size_t i = 0; i < roles.size(); ++i) {
    s_.Exec("INSERT INTO approval_level (level, role) VALUES ($1, $2)", static_cast<int>(i + 1),
            std::string(RoleName(roles[i])));
  }
}

std::vector<Id> PgNominationRepository::UsersWithRoleIn(Role role, Id unit_id) {
  std::vector<Id> out;
  for (const auto& r : s_.Exec("SELECT id FROM app_user WHERE role = $1 AND org_unit_id = $2 "
                               "AND active ORDER BY id",
                               std::string(RoleName(role)), unit_id)) {
    out.push_back(r[0].as<std::int64_t>());
  }
  return out;
}

void PgNotificationRepository::Insert(const Notification& n) {
  s_.Exec(
      "INSERT INTO notification (user_id, kind, entity, entity_id, customer_id, title, body, "
      "created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
      n.user_id, n.kind, n.entity, n.entity_id, n.customer_id, n.title, n.body, n.created_at);
}

Page<Notification> PgNotificationRepository::List(const Principal& who, bool unread_only,
                                                  const PageRequest& page) {
  Page<Notification> out;
  SqlBinder b(SqlDialect::kPostgres);
  const std::string sql = NotificationListSql(who, unread_only, page, b);
  for (const auto& r : s_.ExecDynamic(sql, ToPg(b.values()))) {
    Notification n;
    n.id = r[0].as<std::int64_t>();
    n.user_id = r[1].as<std::int64_t>();
    n.kind = r[2].as<std::string>();
    n.entity = r[3].as<std::string>();
    n.entity_id = OptInt(r[4]);
    n.customer_id = OptInt(r[5]);
    n.title = r[6].as<std::string>();
    n.body = r[7].as<std::string>();
    n.created_at = r[8].as<std::int64_t>();
    n.read_at = OptInt(r[9]);
    out.items.push_back(std::move(n));
  }
  if (static_cast<int>(out.items.size()) > page.limit) {
    out.items.pop_back();
    out.next = Cursor{std::to_string(out.items.back().id), out.items.back().id};
  }
  return out;
}

bool PgNotificationRepository::MarkRead(const Principal& who, Id id, Timestamp at) {
  SqlBinder b(SqlDialect::kPostgres);
  const std::string sql = NotificationMarkReadSql(who, id, at, b) + " RETURNING id";
  return !s_.ExecDynamic(sql, ToPg(b.values())).empty();
}

std::int64_t PgNotificationRepository::MarkAllRead(const Principal& who, Timestamp at) {
  SqlBinder b(SqlDialect::kPostgres);
  const std::string sql = NotificationMarkReadSql(who, std::nullopt, at, b) + " RETURNING id";
  return static_cast<std::int64_t>(s_.ExecDynamic(sql, ToPg(b.values())).size());
}

std::int64_t PgNotificationRepository::UnreadCount(const Principal& who) {
  SqlBinder b(SqlDialect::kPostgres);
  const std::string sql = NotificationUnreadCountSql(who, b);
  return s_.ExecDynamic(sql, ToPg(b.values()))[0][0].as<std::int64_t>();
}

}  // namespace kams
