#include "store/handover_query.h"

#include <algorithm>
#include <map>

#include "store/customer_query.h"

namespace kams {
namespace {

std::string OptId(const std::optional<Id>& v, SqlBinder& b) { return v ? b.Add(*v) : "NULL"; }

constexpr const char* kHandoverColumns =
    "SELECT h.id, h.from_user_id, h.actor_id, h.mode, h.at, fu.display_name, au.display_name "
    "FROM handover h JOIN app_user fu ON fu.id = h.from_user_id "
    "JOIN app_user au ON au.id = h.actor_id";

}  // namespace

std::string HandoverHoldingsSql(Id user_id, SqlBinder& b) {
  // One SELECT per kind of holding; {u} is the user.
  static constexpr const char* kParts[] = {
      "SELECT 'customer', c.id, c.id FROM customer c "
      "WHERE c.owner_id = {u} AND c.deleted_at IS NULL",
      "SELECT 'team_seat', t.customer_id, t.customer_id FROM account_team t "
      "JOIN customer c ON c.id = t.customer_id WHERE t.user_id = {u} AND c.deleted_at IS NULL",
      "SELECT 'next_step', i.id, i.customer_id FROM interaction i "
      "WHERE i.next_step_owner_id = {u} AND i.next_step_done_at IS NULL AND i.deleted_at IS NULL",
      "SELECT 'request', i.id, i.customer_id FROM interaction i "
      "WHERE i.first_contact_owner_id = {u} AND i.is_request = 1 "
      "AND i.request_closed_at IS NULL AND i.deleted_at IS NULL",
      "SELECT 'nomination', n.id, n.customer_id FROM nomination n "
      "WHERE n.nominator_id = {u} AND n.status = 'pending'",
      "SELECT 'visit_plan', v.id, v.customer_id FROM visit_plan v "
      "WHERE v.owner_id = {u} AND v.status = 'planned'",
      "SELECT 'notification', n.id, n.customer_id FROM notification n "
      "WHERE n.user_id = {u} AND n.read_at IS NULL",
  };
  const std::string u = b.Add(user_id);
  std::string sql;
  for (const char* part : kParts) {
    std::string select = part;
    select.replace(select.find("{u}"), 3, u);
    sql += (sql.empty() ? "" : " UNION ALL ") + select;
  }
  return sql;
}

std::string HandoverMoveSql(Id from_user, const HandoverItem& item, Timestamp at, SqlBinder& b) {
  const std::string to = b.Add(item.to_user_id);
  switch (item.kind) {
    case HandoverKind::kCustomer:
      return "UPDATE customer SET owner_id = " + to +
             ", version = version + 1, updated_at = " + b.Add(at) +
             " WHERE id = " + b.Add(item.entity_id) + " AND owner_id = " + b.Add(from_user) +
             " AND deleted_at IS NULL";
    case HandoverKind::kTeamSeat:
      return "UPDATE account_team SET user_id = " + to + ", added_at = " + b.Add(at) +
             " WHERE customer_id = " + b.Add(item.entity_id) + " AND user_id = " + b.Add(from_user);
    case HandoverKind::kNextStep:
      return "UPDATE interaction SET next_step_owner_id = " + to +
             ", version = version + 1, updated_at = " + b.Add(at) +
             " WHERE id = " + b.Add(item.entity_id) +
             " AND next_step_owner_id = " + b.Add(from_user) +
             " AND next_step_done_at IS NULL AND deleted_at IS NULL";
    case HandoverKind::kRequest:
      return "UPDATE interaction SET first_contact_owner_id = " + to +
             ", version = version + 1, updated_at = " + b.Add(at) +
             " WHERE id = " + b.Add(item.entity_id) +
             " AND first_contact_owner_id = " + b.Add(from_user) +
             " AND is_request = 1 AND request_closed_at IS NULL AND deleted_at IS NULL";
    case HandoverKind::kNomination:
      return "UPDATE nomination SET nominator_id = " + to +
             ", version = version + 1, updated_at = " + b.Add(at) +
             " WHERE id = " + b.Add(item.entity_id) + " AND nominator_id = " + b.Add(from_user) +
             " AND status = 'pending'";
    case HandoverKind::kVisitPlan:
      return "UPDATE visit_plan SET owner_id = " + to +
             ", version = version + 1, updated_at = " + b.Add(at) +
             " WHERE id = " + b.Add(item.entity_id) + " AND owner_id = " + b.Add(from_user) +
             " AND status = 'planned'";
    case HandoverKind::kNotification:
      return "UPDATE notification SET user_id = " + to + " WHERE id = " + b.Add(item.entity_id) +
             " AND user_id = " + b.Add(from_user) + " AND read_at IS NULL";
  }
  return "SELECT 1 WHERE 1 = 0";
}

std::string HandoverItemInsertSql(const HandoverItem& item, SqlBinder& b) {
  return "INSERT INTO handover_item (handover_id, kind, entity_id, customer_id, to_user_id, "
         "dropped) VALUES (" +
         b.Add(item.handover_id) + ", " + b.Add(std::string(HandoverKindName(item.kind))) + ", " +
         b.Add(item.entity_id) + ", " + OptId(item.customer_id, b) + ", " + b.Add(item.to_user_id) +
         ", " + b.Add(std::int64_t{item.dropped ? 1 : 0}) + ")";
}

std::string OwnerHistoryInsertSql(const OwnerHistoryEntry& e, SqlBinder& b) {
  return "INSERT INTO customer_owner_history (customer_id, owner_id, until_at, changed_by, "
         "handover_id) VALUES (" +
         b.Add(e.customer_id) + ", " + OptId(e.owner_id, b) + ", " + b.Add(e.until_at) + ", " +
         OptId(e.changed_by, b) + ", " + OptId(e.handover_id, b) + ")";
}

std::string HandoverGetSql(Id id, SqlBinder& b) {
  return std::string(kHandoverColumns) + " WHERE h.id = " + b.Add(id);
}

std::string HandoverListSql(const Principal& who, const HandoverFilter& f, const PageRequest& page,
                            SqlBinder& b) {
  std::string sql = std::string(kHandoverColumns) + " WHERE ";
  switch (who.scope()) {
    case ScopeKind::kAll:
      sql += "1=1";
      break;
    case ScopeKind::kUnitSubtree:
      sql += "fu.org_unit_id IN (SELECT descendant_id FROM org_unit_closure WHERE ancestor_id = " +
             b.Add(who.org_unit_id) + ")";
      break;
    case ScopeKind::kOwnAccounts:
      sql += "1=0";
      break;
  }
  if (f.user_id) sql += " AND h.from_user_id = " + b.Add(*f.user_id);
  if (page.after) sql += " AND h.id < " + b.Add(page.after->id);
  sql += " ORDER BY h.id DESC LIMIT " + b.Add(std::int64_t{page.limit + 1});
  return sql;
}

std::string HandoverTalliesSql(const std::vector<Id>& handover_ids, SqlBinder& b) {
  // The list is padded (with its first id) to one of a few lengths, so that pages of any
  // size share a handful of statement shapes (PostgreSQL prepares each shape once).
  static constexpr std::size_t kLengths[] = {1, 10, 50, 100, 500};
  std::size_t slots = handover_ids.size();
  for (std::size_t length : kLengths) {
    if (length >= handover_ids.size()) {
      slots = length;
      break;
    }
  }
  const Id pad = handover_ids.empty() ? 0 : handover_ids.front();
  std::string in;
  for (std::size_t i = 0; i < slots; ++i) {
    in += (in.empty() ? "" : ", ") + b.Add(i < handover_ids.size() ? handover_ids[i] : pad);
  }
  return "SELECT i.handover_id, i.to_user_id, u.display_name, i.kind, count(*), i.dropped "
         "FROM handover_item i JOIN app_user u ON u.id = i.to_user_id "
         "WHERE i.handover_id IN (" +
         in +
         ") "
         "GROUP BY i.handover_id, i.to_user_id, u.display_name, i.kind, i.dropped";
}

std::string HandoverItemsSql(Id handover_id, const Principal& who, SqlBinder& b) {
  const std::string id = b.Add(handover_id);
  return "SELECT i.kind, i.entity_id, i.customer_id, i.to_user_id, c.name, u.display_name, "
         "i.dropped "
         "FROM handover_item i JOIN app_user u ON u.id = i.to_user_id "
         "LEFT JOIN customer c ON c.id = i.customer_id "
         "WHERE i.handover_id = " +
         id + " AND (i.customer_id IS NULL OR (" + CustomerScopePredicate(who, b) + "))";
}

std::string OwnerHistorySql(Id customer_id, const PageRequest& page, SqlBinder& b) {
  std::string sql =
      "SELECT h.id, h.customer_id, h.owner_id, h.until_at, h.changed_by, h.handover_id, "
      "(SELECT u.display_name FROM app_user u WHERE u.id = h.owner_id), "
      "(SELECT u.display_name FROM app_user u WHERE u.id = h.changed_by) "
      "FROM customer_owner_history h WHERE h.customer_id = " +
      b.Add(customer_id);
  if (page.after) sql += " AND h.id < " + b.Add(page.after->id);
  sql += " ORDER BY h.id DESC LIMIT " + b.Add(std::int64_t{page.limit + 1});
  return sql;
}

std::string HandoverDecaySql(const Principal& who, const HandoverDecayFilter& f,
                             const PageRequest& page, SqlBinder& b) {
  std::string sql =
      "SELECT d.handover_id, d.customer_id, d.kind, d.since, d.flagged_at, c.name, h.at, "
      "h.from_user_id, fu.display_name, i.to_user_id, tu.display_name "
      "FROM handover_decay d JOIN handover h ON h.id = d.handover_id "
      "JOIN customer c ON c.id = d.customer_id "
      "JOIN app_user fu ON fu.id = h.from_user_id "
      "LEFT JOIN handover_item i ON i.handover_id = d.handover_id AND i.kind = 'customer' "
      "AND i.entity_id = d.customer_id "
      "LEFT JOIN app_user tu ON tu.id = i.to_user_id "
      "WHERE c.deleted_at IS NULL AND " +
      CustomerScopePredicate(who, b);
  if (f.handover_id) sql += " AND d.handover_id = " + b.Add(*f.handover_id);
  if (page.after) {
    const std::string& v = page.after->sort_value;
    const auto colon = v.find(':');
    Id handover = 0;
    try {
      std::size_t used = 0;
      if (colon != std::string::npos) handover = std::stoll(v.substr(0, colon), &used);
      if (used != colon) handover = 0;
    } catch (...) {
      handover = 0;
    }
    if (handover > 0) {
      const std::string h = b.Add(handover);
      const std::string c = b.Add(page.after->id);
      const std::string k = b.Add(v.substr(colon + 1));
      sql += " AND (d.handover_id < " + h + " OR (d.handover_id = " + h + " AND (d.customer_id < " +
             c + " OR (d.customer_id = " + c + " AND d.kind < " + k + "))))";
    }
  }
  sql += " ORDER BY d.handover_id DESC, d.customer_id DESC, d.kind DESC LIMIT " +
         b.Add(std::int64_t{page.limit + 1});
  return sql;
}

Cursor HandoverDecayCursor(const HandoverDecay& d) {
  return Cursor{std::to_string(d.handover_id) + ":" + d.kind, d.customer_id};
}

void AttachTallies(std::vector<Handover>& handovers, const std::vector<TallyRow>& rows) {
  std::map<Id, Handover*> by_id;
  for (auto& h : handovers) {
    h.tallies.clear();
    by_id[h.id] = &h;
  }
  for (const auto& r : rows) {
    if (auto it = by_id.find(r.handover_id); it != by_id.end()) {
      it->second->tallies.push_back(r.tally);
    }
  }
  for (auto& h : handovers) {
    std::sort(h.tallies.begin(), h.tallies.end(),
              [](const HandoverTally& a, const HandoverTally& b) {
                if (a.to_user_id != b.to_user_id) return a.to_user_id < b.to_user_id;
                if (a.kind != b.kind) return a.kind < b.kind;
                return a.dropped < b.dropped;
              });
  }
}

void SortItems(std::vector<HandoverItem>& items) {
  std::sort(items.begin(), items.end(), [](const HandoverItem& a, const HandoverItem& b) {
    if (a.kind != b.kind) return a.kind < b.kind;
    return a.entity_id < b.entity_id;
  });
}

}  // namespace kams
