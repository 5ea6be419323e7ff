#include "store/nomination_query.h"
#include "store/sqlite/sqlite_repos.h"

namespace kams {
namespace {

Nomination ReadNomination(SQLite::Statement& st) {
  Nomination n;
  n.id = st.getColumn(0).getInt64();
  n.customer_id = st.getColumn(1).getInt64();
  n.nominator_id = st.getColumn(2).getInt64();
  n.kind = ParseNominationKind(st.getColumn(3).getString()).value_or(NominationKind::kNominate);
  n.scheme_id = OptInt(st.getColumn(4));
  n.proposed_tier = OptText(st.getColumn(5));
  n.reason = st.getColumn(6).getString();
  if (auto d = OptText(st.getColumn(7))) n.pinned_until = ParseCivilDate(*d);
  n.revenue_12m_fen = st.getColumn(8).getInt64();
  n.orders_12m = st.getColumn(9).getInt64();
  n.margin_12m_fen = st.getColumn(10).getInt64();
  n.status = ParseNominationStatus(st.getColumn(11).getString()).value_or(NominationStatus::kPending);
  n.level = st.getColumn(12).getInt();
  n.levels = st.getColumn(13).getInt();
  if (auto r = OptText(st.getColumn(14))) n.approver_role = ParseRole(*r);
  n.approver_unit_id = OptInt(st.getColumn(15));
  n.submissions = st.getColumn(16).getInt64();
  n.version = st.getColumn(17).getInt64();
  n.created_at = st.getColumn(18).getInt64();
  n.updated_at = st.getColumn(19).getInt64();
  n.decided_at = OptInt(st.getColumn(20));
  n.customer_name = st.getColumn(21).getString();
  n.nominator_name = st.getColumn(22).getString();
  n.scheme_name = OptText(st.getColumn(23));
  n.approver_unit_name = OptText(st.getColumn(24));
  return n;
}

std::optional<std::string> OptRole(const std::optional<Role>& r) {
  if (!r) return std::nullopt;
  return std::string(RoleName(*r));
}

// The columns Insert and Update write, bound from 1 in this order.
void BindNomination(SQLite::Statement& st, const Nomination& n) {
  st.bind(1, static_cast<std::int64_t>(n.customer_id));
  st.bind(2, static_cast<std::int64_t>(n.nominator_id));
  st.bind(3, std::string(NominationKindName(n.kind)));
  BindOpt(st, 4, n.scheme_id);
  BindOpt(st, 5, n.proposed_tier);
  st.bind(6, n.reason);
  BindOpt(st, 7, FormatCivilDate(n.pinned_until));
  st.bind(8, static_cast<std::int64_t>(n.revenue_12m_fen));
  st.bind(9, static_cast<std::int64_t>(n.orders_12m));
  st.bind(10, static_cast<std::int64_t>(n.margin_12m_fen));
  st.bind(11, std::string(NominationStatusName(n.status)));
  st.bind(12, n.level);
  st.bind(13, n.levels);
  BindOpt(st, 14, OptRole(n.approver_role));
  BindOpt(st, 15, n.approver_unit_id);
  st.bind(16, static_cast<std::int64_t>(n.submissions));
  st.bind(17, static_cast<std::int64_t>(n.version));
  st.bind(18, static_cast<std::int64_t>(n.updated_at));
  BindOpt(st, 19, n.decided_at);
}

}  // namespace

Id SqliteNominationRepository::Insert(const Nomination& n) {
  auto& st = c_.Prepare(
      "INSERT INTO nomination (customer_id, nominator_id, kind, scheme_id, proposed_tier, reason, "
      "pinned_until, revenue_12m_fen, orders_12m, margin_12m_fen, status, level, levels, "
      "approver_role, approver_unit_id, submissions, version, updated_at, decided_at, created_at) "
      "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
  BindNomination(st, n);
  st.bind(20, static_cast<std::int64_t>(n.created_at));
  st.exec();
  return c_.db().getLastInsertRowid();
}

void SqliteNominationRepository::Update(const Nomination& n) {
  auto& st = c_.Prepare(
      "UPDATE nomination SET customer_id = ?, nominator_id = ?, kind = ?, scheme_id = ?, "
      "proposed_tier = ?, reason = ?, pinned_until = ?, revenue_12m_fen = ?, orders_12m = ?, "
      "margin_12m_fen = ?, status = ?, level = ?, levels = ?, approver_role = ?, "
      "approver_unit_id = ?, submissions = ?, version = ?, updated_at = ?, decided_at = ? "
      "WHERE id = ?");
  BindNomination(st, n);
  st.bind(20, static_cast<std::int64_t>(n.id));
  st.exec();
}

std::optional<Nomination> SqliteNominationRepository::Get(Id id) {
  auto& st = c_.Prepare(std::string(kNominationSelect) + " WHERE n.id = ?");
  st.bind(1, static_cast<std::int64_t>(id));
  if (!st.executeStep()) return std::nullopt;
  return ReadNomination(st);
}

std::vector<NominationStep> SqliteNominationRepository::Steps(Id nomination_id) {
  auto& st = c_.Prepare(std::string(kNominationStepSelect) +
                        " WHERE t.nomination_id = ? ORDER BY t.id");
  st.bind(1, static_cast<std::int64_t>(nomination_id));
  std::vector<NominationStep> out;
  while (st.executeStep()) {
    NominationStep s;
    s.id = st.getColumn(0).getInt64();
    s.nomination_id = st.getColumn(1).getInt64();
    s.customer_id = st.getColumn(2).getInt64();
    s.submission = st.getColumn(3).getInt64();
    s.level = st.getColumn(4).getInt();
    s.action = ParseStepAction(st.getColumn(5).getString()).value_or(StepAction::kSubmit);
    s.actor_id = OptInt(st.getColumn(6));
    s.comment = st.getColumn(7).getString();
    s.at = st.getColumn(8).getInt64();
    s.actor_name = OptText(st.getColumn(9));
    out.push_back(std::move(s));
  }
  return out;
}

void SqliteNominationRepository::InsertStep(const NominationStep& s) {
  auto& st = c_.Prepare(
      "INSERT INTO nomination_step (nomination_id, customer_id, submission, level, action, "
      "actor_id, comment, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
  st.bind(1, static_cast<std::int64_t>(s.nomination_id));
  st.bind(2, static_cast<std::int64_t>(s.customer_id));
  st.bind(3, static_cast<std::int64_t>(s.submission));
  st.bind(4, s.level);
  st.bind(5, std::string(StepActionName(s.action)));
  BindOpt(st, 6, s.actor_id);
  st.bind(7, s.comment);
  st.bind(8, static_cast<std::int64_t>(s.at));
  st.exec();
}

Page<Nomination> SqliteNominationRepository::List(const Principal& who, const NominationFilter& f,
                                                  const PageRequest& page) {
  SqlBinder b(SqlDialect::kSqlite);
  const std::string sql = NominationListSql(who, f, page, b);
  auto& st = c_.Prepare(sql);
  BindAll(st, b.values());
  Page<Nomination> out;
  while (st.executeStep()) out.items.push_back(ReadNomination(st));
  if (static_cast<int>(out.items.size()) > page.limit) {
    out.items.pop_back();
    out.next = Cursor{std::to_string(out.items.back().id), out.items.back().id};
  }
  return out;
}

bool SqliteNominationRepository::HasPending(Id customer_id, NominationKind kind,
                                            std::optional<Id> scheme_id) {
  auto& st = c_.Prepare(
      "SELECT 1 FROM nomination WHERE customer_id = ? AND kind = ? AND status = 'pending' "
      "AND coalesce(scheme_id, 0) = ? LIMIT 1");
  st.bind(1, static_cast<std::int64_t>(customer_id));
  st.bind(2, std::string(NominationKindName(kind)));
  st.bind(3, static_cast<std::int64_t>(scheme_id.value_or(0)));
  return st.executeStep();
}

std::vector<Role> SqliteNominationRepository::ApprovalLevels() {
  auto& st = c_.Prepare("SELECT role FROM approval_level ORDER BY level");
  std::vector<Role> out;
  while (st.executeStep()) {
    if (auto r = ParseRole(st.getColumn(0).getString())) out.push_back(*r);
  }
  return out;
}

void SqliteNominationRepository::SetApprovalLevels(const std::vector<Role>& roles) {
  c_.Prepare("DELETE FROM approval_level").exec();
  auto& st = c_.Prepare("INSERT INTO approval_level (level, role) VALUES (?, ?)");
  for (std::size_t i = 0; i < roles.size(); ++i) {
    st.bind(1, static_cast<std::int64_t>(i + 1));
    st.bind(2, std::string(RoleName(roles[i])));
    st.exec();
    st.reset();
  }
}

std::vector<Id> SqliteNominationRepository::UsersWithRoleIn(Role role, Id unit_id) {
  auto& st = c_.Prepare(
      "SELECT id FROM app_user WHERE role = ? AND org_unit_id = ? AND active = 1 ORDER BY id");
  st.bind(1, std::string(RoleName(role)));
  st.bind(2, static_cast<std::int64_t>(unit_id));
  std::vector<Id> out;
  while (st.executeStep()) out.push_back(st.getColumn(0).getInt64());
  return out;
}

void SqliteNotificationRepository::Insert(const Notification& n) {
  auto& st = c_.Prepare(
      "INSERT INTO notification (user_id, kind, entity, entity_id, customer_id, title, body, "
      "created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
  st.bind(1, static_cast<std::int64_t>(n.user_id));
  st.bind(2, n.kind);
  st.bind(3, n.entity);
  BindOpt(st, 4, n.entity_id);
  BindOpt(st, 5, n.customer_id);
  st.bind(6, n.title);
  st.bind(7, n.body);
  st.bind(8, static_cast<std::int64_t>(n.created_at));
  st.exec();
}

Page<Notification> SqliteNotificationRepository::List(const Principal& who, bool unread_only,
                                                      const PageRequest& page) {
  SqlBinder b(SqlDialect::kSqlite);
  auto& st = c_.Prepare(NotificationListSql(who, unread_only, page, b));
  BindAll(st, b.values());
  Page<Notification> out;
  while (st.executeStep()) {
    Notification n;
    n.id = st.getColumn(0).getInt64();
    n.user_id = st.getColumn(1).getInt64();
    n.kind = st.getColumn(2).getString();
    n.entity = st.getColumn(3).getString();
    n.entity_id = OptInt(st.getColumn(4));
    n.customer_id = OptInt(st.getColumn(5));
    n.title = st.getColumn(6).getString();
    n.body = st.getColumn(7).getString();
    n.created_at = st.getColumn(8).getInt64();
    n.read_at = OptInt(st.getColumn(9));
    out.items.push_back(std::move(n));
  }
  if (static_cast<int>(out.items.size()) > page.limit) {
    out.items.pop_back();
    out.next = Cursor{std::to_string(out.items.back().id), out.items.back().id};
  }
  return out;
}

bool SqliteNotificationRepository::MarkRead(const Principal& who, Id id, Timestamp at) {
  SqlBinder b(SqlDialect::kSqlite);
  auto& st = c_.Prepare(NotificationMarkReadSql(who, id, at, b));
  BindAll(st, b.values());
  return st.exec() == 1;
}

std::int64_t SqliteNotificationRepository::MarkAllRead(const Principal& who, Timestamp at) {
  SqlBinder b(SqlDialect::kSqlite);
  auto& st = c_.Prepare(NotificationMarkReadSql(who, std::nullopt, at, b));
  BindAll(st, b.values());
  return st.exec();
}

std::int64_t SqliteNotificationRepository::UnreadCount(const Principal& who) {
  SqlBinder b(SqlDialect::kSqlite);
  auto& st = c_.Prepare(NotificationUnreadCountSql(who, b));
  BindAll(st, b.values());
  st.executeStep();
  return st.getColumn(0).getInt64();
}

}  // namespace kams
