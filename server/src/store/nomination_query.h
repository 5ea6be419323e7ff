#pragma once
// Nomination queries both adapters run, built once (scope and inboxes become SQL here).

#include <string>

#include "core/ports/repositories.h"
#include "store/sql_binder.h"

namespace kams {

// Every nomination column the adapters read, in order, then the customer's, nominator's,
// scheme's and approver unit's names. Reads FROM nomination n (joined to c and u).
inline constexpr const char* kNominationSelect =
    "SELECT n.id, n.customer_id, n.nominator_id, n.kind, n.scheme_id, n.proposed_tier, n.reason, "
    "n.pinned_until, n.revenue_12m_fen, n.orders_12m, n.margin_12m_fen, n.status, n.level, "
    "n.levels, n.approver_role, n.approver_unit_id, n.submissions, n.version, n.created_at, "
    "n.updated_at, n.decided_at, c.name, u.display_name, "
    "(SELECT s.name FROM tier_scheme s WHERE s.id = n.scheme_id), "
    "(SELECT o.name FROM org_unit o WHERE o.id = n.approver_unit_id) "
    "FROM nomination n JOIN customer c ON c.id = n.customer_id "
    "JOIN app_user u ON u.id = n.nominator_id";

inline constexpr const char* kNominationStepSelect =
    "SELECT t.id, t.nomination_id, t.customer_id, t.submission, t.level, t.action, t.actor_id, "
    "t.comment, t.at, (SELECT u.display_name FROM app_user u WHERE u.id = t.actor_id) "
    "FROM nomination_step t";

// A user's notifications (columns id, user_id, kind, entity, entity_id, customer_id, title,
// body, created_at, read_at), one page plus one row, newest first; only those naming no
// customer or one the user sees.
std::string NotificationListSql(const Principal& who, bool unread_only, const PageRequest& page,
                                SqlBinder& b);
// How many of those are unread (one row, one column).
std::string NotificationUnreadCountSql(const Principal& who, SqlBinder& b);
// Marks the user's notification `id` read, or (no id) every unread one they see: only those
// the list shows (none about a customer that has left their scope).
std::string NotificationMarkReadSql(const Principal& who, std::optional<Id> id, Timestamp at,
                                    SqlBinder& b);

// One page plus one row, newest first.
std::string NominationListSql(const Principal& who, const NominationFilter& f,
                              const PageRequest& page, SqlBinder& b);

}  // namespace kams
