#include "store/nomination_query.h"

#include "store/customer_query.h"

namespace kams {

namespace {

// The notification `n` is the user's and names no customer, or one they still see.
std::string OwnVisibleNotification(const Principal& who, SqlBinder& b) {
  return "n.user_id = " + b.Add(who.user_id) +
         " AND (n.customer_id IS NULL OR n.customer_id IN (SELECT c.id FROM customer c "
         "WHERE c.deleted_at IS NULL AND " +
         CustomerScopePredicate(who, b) + "))";
}

}  // namespace

std::string NotificationListSql(const Principal& who, bool unread_only, const PageRequest& page,
                                SqlBinder& b) {
  std::string sql =
      "SELECT n.id, n.user_id, n.kind, n.entity, n.entity_id, n.customer_id, n.title, n.body, "
      "n.created_at, n.read_at FROM notification n WHERE " +
      OwnVisibleNotification(who, b);
  if (page.after) sql += " AND n.id < " + b.Add(page.after->id);
  if (unread_only) sql += " AND n.read_at IS NULL";
  return sql + " ORDER BY n.id DESC LIMIT " + b.Add(static_cast<std::int64_t>(page.limit) + 1);
}

std::string NotificationUnreadCountSql(const Principal& who, SqlBinder& b) {
  return "SELECT count(*) FROM notification n WHERE " + OwnVisibleNotification(who, b) +
         " AND n.read_at IS NULL";
}

std::string NotificationMarkReadSql(const Principal& who, std::optional<Id> id, Timestamp at,
                                    SqlBinder& b) {
  std::string sql = "UPDATE notification SET read_at = coalesce(read_at, " + b.Add(at) +
                    ") WHERE id IN (SELECT n.id FROM notification n WHERE " +
                    OwnVisibleNotification(who, b);
  if (id) sql += " AND n.id = " + b.Add(*id);
  else sql += " AND n.read_at IS NULL";
  return sql + ")";
}

std::string NominationListSql(const Principal& who, const NominationFilter& f,
                              const PageRequest& page, SqlBinder& b) {
  std::string sql = std::string(kNominationSelect) + " WHERE ";
  switch (f.box) {
    case NominationBox::kInbox:
      // Waiting for this user's decision: their role decides now, in their unit; never
      // their own requests. Administrators may decide any request.
      sql += "n.status = 'pending' AND n.nominator_id <> " + b.Add(who.user_id);
      if (who.role != Role::kAdmin) {
        sql += " AND n.approver_role = " + b.Add(std::string(RoleName(who.role))) +
               " AND n.approver_unit_id = " + b.Add(who.org_unit_id);
      }
      break;
    case NominationBox::kMine:
      sql += "n.nominator_id = " + b.Add(who.user_id);
      break;
    case NominationBox::kAll:
      sql += "c.deleted_at IS NULL AND " + CustomerScopePredicate(who, b);
      break;
  }
  if (f.status) sql += " AND n.status = " + b.Add(std::string(NominationStatusName(*f.status)));
  if (f.customer_id) sql += " AND n.customer_id = " + b.Add(*f.customer_id);
  if (page.after) sql += " AND n.id < " + b.Add(page.after->id);
  sql += " ORDER BY n.id DESC LIMIT " + b.Add(std::int64_t{page.limit + 1});
  return sql;
}

}  // namespace kams
