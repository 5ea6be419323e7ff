#include "store/visit_repos.h"

#include <algorithm>
#include <map>

#include "store/customer_query.h"

namespace kams {
namespace {

constexpr const char* kPlanColumnsSql =
    "SELECT v.id, v.customer_id, v.owner_id, v.version, v.planned_on, v.start_time, v.purpose, "
    "v.status, v.interaction_id, v.cancel_reason, v.completed_at, v.cancelled_at, v.created_by, "
    "v.created_at, v.updated_at, c.name, o.display_name, cb.display_name ";

// Plans with their customer, owner and planner. `by_time` reads the plans first, in time
// order (CROSS JOIN keeps SQLite on visit_plan_time): the WHERE must join the customer.
std::string PlanSelect(bool by_time) {
  return std::string(kPlanColumnsSql) +
         (by_time ? "FROM visit_plan v CROSS JOIN customer c "
                  : "FROM visit_plan v JOIN customer c ON c.id = v.customer_id ") +
         "JOIN app_user o ON o.id = v.owner_id JOIN app_user cb ON cb.id = v.created_by";
}

VisitPlan ReadPlan(const SqlRow& r) {
  VisitPlan p;
  p.id = r.Int(0);
  p.customer_id = r.Int(1);
  p.owner_id = r.Int(2);
  p.version = r.Int(3);
  p.planned_on = ParseCivilDate(r.Text(4)).value_or(CivilDate{});
  p.start_time = r.OptText(5);
  p.purpose = r.Text(6);
  p.status = ParseVisitStatus(r.Text(7)).value_or(VisitStatus::kPlanned);
  p.interaction_id = r.OptInt(8);
  p.cancel_reason = r.OptText(9);
  p.completed_at = r.OptInt(10);
  p.cancelled_at = r.OptInt(11);
  p.created_by = r.Int(12);
  p.created_at = r.Int(13);
  p.updated_at = r.Int(14);
  p.customer_name = r.Text(15);
  p.owner_name = r.Text(16);
  p.created_by_name = r.Text(17);
  return p;
}

// The columns Insert and Update write, in this order.
constexpr const char* kPlanColumns[] = {
    "customer_id",  "owner_id",     "version",   "planned_on",     "start_time",
    "starts_at",    "purpose",      "status",    "interaction_id", "cancel_reason",
    "completed_at", "cancelled_at", "updated_at"};

std::vector<std::string> PlanValues(const VisitPlan& p, SqlBinder& b) {
  return {b.Add(p.customer_id),
          b.Add(p.owner_id),
          b.Add(p.version),
          b.Add(FormatCivilDate(p.planned_on)),
          AddOpt(b, p.start_time),
          b.Add(PlanStart(p.planned_on, p.start_time)),
          b.Add(p.purpose),
          b.Add(std::string(VisitStatusName(p.status))),
          AddOpt(b, p.interaction_id),
          AddOpt(b, p.cancel_reason),
          AddOpt(b, p.completed_at),
          AddOpt(b, p.cancelled_at),
          b.Add(p.updated_at)};
}

// The users `who` reviews (a subquery of app_user ids): administrators everyone else,
// directors the users of their org subtree but themselves, other roles no one.
std::string ReviewedUsers(const Principal& who, SqlBinder& b) {
  const std::string me = b.Add(who.user_id);
  if (who.role == Role::kAdmin) return "SELECT ru.id FROM app_user ru WHERE ru.id <> " + me;
  if (who.role == Role::kDirector) {
    return "SELECT ru.id FROM app_user ru WHERE ru.id <> " + me +
           " AND ru.org_unit_id IN (SELECT descendant_id FROM org_unit_closure WHERE ancestor_id "
           "= " +
           b.Add(who.org_unit_id) + ")";
  }
  return "SELECT ru.id FROM app_user ru WHERE 1 = 0";
}

// The table that holds items of a kind.
const char* TableOf(ReviewKind kind) {
  return kind == ReviewKind::kInteraction ? "interaction" : "visit_plan";
}

std::optional<std::int64_t> ParseInt(const std::string& s) {
  try {
    std::size_t used = 0;
    const std::int64_t v = std::stoll(s, &used);
    if (used == s.size()) return v;
  } catch (...) {
  }
  return std::nullopt;
}

}  // namespace

// ---- visit plans ----

Id SqlVisitPlanRepository::Insert(const VisitPlan& p) {
  SqlBinder b(run_.dialect());
  const auto values = PlanValues(p, b);
  std::string columns, placeholders;
  for (std::size_t k = 0; k < values.size(); ++k) {
    columns += std::string(k ? ", " : "") + kPlanColumns[k];
    placeholders += (k ? ", " : "") + values[k];
  }
  const std::string sql = "INSERT INTO visit_plan (" + columns +
                          ", created_by, created_at) VALUES (" + placeholders + ", " +
                          b.Add(p.created_by) + ", " + b.Add(p.created_at) + ") RETURNING id";
  Id id = 0;
  run_.Run(b, sql, [&](const SqlRow& r) { id = r.Int(0); });
  VisitPlan with_id = p;
  with_id.id = id;
  WriteRefs(with_id);
  return id;
}

void SqlVisitPlanRepository::Update(const VisitPlan& p) {
  SqlBinder b(run_.dialect());
  const auto values = PlanValues(p, b);
  std::string sets;
  for (std::size_t k = 0; k < values.size(); ++k) {
    sets += std::string(k ? ", " : "") + kPlanColumns[k] + " = " + values[k];
  }
  run_.Run(b, "UPDATE visit_plan SET " + sets + " WHERE id = " + b.Add(p.id));
  for (const char* table : {"visit_plan_contact", "visit_plan_participant"}) {
    SqlBinder d(run_.dialect());
    run_.Run(d, std::string("DELETE FROM ") + table + " WHERE visit_plan_id = " + d.Add(p.id));
  }
  WriteRefs(p);
}

void SqlVisitPlanRepository::WriteRefs(const VisitPlan& p) {
  auto write = [&](const char* table, const char* column, const std::vector<Id>& ids) {
    if (ids.empty()) return;
    SqlBinder b(run_.dialect());
    std::string rows;
    for (Id ref : ids) rows += (rows.empty() ? "(" : ", (") + b.Add(p.id) + ", " + b.Add(ref) + ")";
    run_.Run(
        b, std::string("INSERT INTO ") + table + " (visit_plan_id, " + column + ") VALUES " + rows);
  };
  write("visit_plan_contact", "contact_id", p.contact_ids);
  write("visit_plan_participant", "user_id", p.participant_ids);
}

void SqlVisitPlanRepository::ReadRefs(std::vector<VisitPlan>& plans) {
  if (plans.empty()) return;
  std::map<Id, VisitPlan*> by_id;
  std::vector<Id> ids;
  for (auto& p : plans) {
    by_id[p.id] = &p;
    ids.push_back(p.id);
  }
  {
    SqlBinder b(run_.dialect());
    run_.Run(b,
             "SELECT pc.visit_plan_id, ct.id, ct.name FROM visit_plan_contact pc "
             "JOIN contact ct ON ct.id = pc.contact_id WHERE pc.visit_plan_id IN (" +
                 SqlIdList(ids, b) + ") ORDER BY pc.visit_plan_id, ct.id",
             [&](const SqlRow& r) {
               VisitPlan* p = by_id[r.Int(0)];
               p->contact_ids.push_back(r.Int(1));
               p->contacts.push_back({r.Int(1), r.Text(2)});
             });
  }
  SqlBinder b(run_.dialect());
  run_.Run(b,
           "SELECT pp.visit_plan_id, u.id, u.display_name FROM visit_plan_participant pp "
           "JOIN app_user u ON u.id = pp.user_id WHERE pp.visit_plan_id IN (" +
               SqlIdList(ids, b) + ") ORDER BY pp.visit_plan_id, u.id",
           [&](const SqlRow& r) {
             VisitPlan* p = by_id[r.Int(0)];
             p->participant_ids.push_back(r.Int(1));
             p->participants.push_back({r.Int(1), r.Text(2)});
           });
}

std::vector<VisitPlan> SqlVisitPlanRepository::Select(const std::string& where_and_order,
                                                      SqlBinder& b, bool by_time) {
  std::vector<VisitPlan> out;
  run_.Run(b, PlanSelect(by_time) + " " + where_and_order,
           [&](const SqlRow& r) { out.push_back(ReadPlan(r)); });
  return out;
}

std::optional<VisitPlan> SqlVisitPlanRepository::Get(Id id) {
  SqlBinder b(run_.dialect());
  auto found = Select("WHERE v.id = " + b.Add(id), b);
  if (found.empty()) return std::nullopt;
  ReadRefs(found);
  return std::move(found.front());
}

std::vector<VisitPlan> SqlVisitPlanRepository::GetMany(const std::vector<Id>& ids) {
  if (ids.empty()) return {};
  SqlBinder b(run_.dialect());
  auto found = Select("WHERE v.id IN (" + SqlIdList(ids, b) + ")", b);
  ReadRefs(found);
  return found;
}

Page<VisitPlan> SqlVisitPlanRepository::List(const Principal& who, const VisitPlanFilter& f,
                                             const PageRequest& page) {
  SqlBinder b(run_.dialect());
  const bool by_time = who.scope() != ScopeKind::kOwnAccounts && !f.owner_id && !f.customer_id;
  std::string where = std::string(by_time ? "WHERE c.id = v.customer_id AND " : "WHERE ") +
                      "c.deleted_at IS NULL AND " + CustomerScopePredicate(who, b);
  if (f.owner_id) where += " AND v.owner_id = " + b.Add(*f.owner_id);
  if (f.customer_id) where += " AND v.customer_id = " + b.Add(*f.customer_id);
  // Days as the span of instants they cover, so the time index serves the range.
  if (f.from) where += " AND v.starts_at >= " + b.Add(PlanStart(*f.from, std::nullopt));
  if (f.to) {
    where += " AND v.starts_at < " +
             b.Add(PlanStart(CivilFromDays(DaysFromCivil(*f.to) + 1), std::nullopt));
  }
  if (f.status) {
    const std::string today = b.Add(FormatCivilDate(f.today));
    switch (*f.status) {
      case VisitStatus::kPlanned:
        where += " AND v.status = 'planned' AND v.planned_on >= " + today;
        break;
      case VisitStatus::kMissed:
        where += " AND v.status = 'planned' AND v.planned_on < " + today;
        break;
      case VisitStatus::kCompleted:
        where += " AND v.status = 'completed'";
        break;
      case VisitStatus::kCancelled:
        where += " AND v.status = 'cancelled'";
        break;
    }
  }
  if (page.after) {
    const std::string at = b.Add(ParseInt(page.after->sort_value).value_or(0));
    where += " AND (v.starts_at > " + at + " OR (v.starts_at = " + at + " AND v.id > " +
             b.Add(page.after->id) + "))";
  }
  where += " ORDER BY v.starts_at, v.id LIMIT " + b.Add(std::int64_t{page.limit + 1});
  Page<VisitPlan> out;
  out.items = Select(where, b, by_time);
  if (static_cast<int>(out.items.size()) > page.limit) {
    out.items.pop_back();
    const auto& last = out.items.back();
    out.next = Cursor{std::to_string(PlanStart(last.planned_on, last.start_time)), last.id};
  }
  ReadRefs(out.items);
  return out;
}

std::optional<Id> SqlVisitPlanRepository::ForInteraction(Id interaction_id) {
  SqlBinder b(run_.dialect());
  std::optional<Id> id;
  run_.Run(b, "SELECT id FROM visit_plan WHERE interaction_id = " + b.Add(interaction_id),
           [&](const SqlRow& r) { id = r.Int(0); });
  return id;
}

std::vector<VisitPlan> SqlVisitPlanRepository::MissedUnreported(const CivilDate& today, int limit) {
  SqlBinder b(run_.dialect());
  auto found = Select(
      "WHERE v.status = 'planned' AND v.missed_notified_at IS NULL AND "
      "v.planned_on < " +
          b.Add(FormatCivilDate(today)) + " AND c.deleted_at IS NULL ORDER BY v.id LIMIT " +
          b.Add(std::int64_t{limit}),
      b);
  return found;
}

void SqlVisitPlanRepository::SetMissedNotified(Id id, Timestamp at) {
  SqlBinder b(run_.dialect());
  run_.Run(b,
           "UPDATE visit_plan SET missed_notified_at = " + b.Add(at) + " WHERE id = " + b.Add(id));
}

// ---- weekly review ----

Page<ReviewItem> SqlReviewRepository::Queue(const Principal& who, const ReviewQuery& q,
                                            const PageRequest& page) {
  SqlBinder b(run_.dialect());
  // Each branch narrows by user and time itself, so neither walks the whole table.
  // Unreviewed items come from partial indexes of just those.
  auto branch = [&](const char* kind, const char* table, const char* alias, const char* at,
                    const char* user, const char* live) {
    const std::string a = alias;
    std::string sql = std::string("SELECT '") + kind + "' AS kind, " + a + ".id AS id, " + at +
                      " AS at, " + user + " AS user_id, " + a + ".customer_id AS customer_id, " +
                      a + ".reviewed_at AS reviewed_at, " + a +
                      ".reviewed_by AS reviewed_by FROM " + table + " " + a + " WHERE " + live +
                      " AND " + user + " IN (" + ReviewedUsers(who, b) + ")";
    if (q.user_id) sql += std::string(" AND ") + user + " = " + b.Add(*q.user_id);
    if (q.from) sql += std::string(" AND ") + at + " >= " + b.Add(*q.from);
    sql += std::string(" AND ") + at + " < " + b.Add(q.to);
    if (q.state == ReviewState::kUnreviewed) sql += " AND " + a + ".reviewed_at IS NULL";
    if (q.state == ReviewState::kReviewed) sql += " AND " + a + ".reviewed_at IS NOT NULL";
    return sql;
  };
  std::string sql =
      "SELECT q.kind, q.id, q.at, q.user_id, u.display_name, q.customer_id, c.name, "
      "q.reviewed_at, q.reviewed_by, rb.display_name, "
      "(SELECT count(*) FROM record_comment rc WHERE rc.item_kind = q.kind AND rc.item_id = q.id) "
      "FROM (" +
      branch("interaction", "interaction", "i", "i.occurred_at", "i.recorded_by",
             "i.deleted_at IS NULL") +
      " UNION ALL " +
      branch("visit_plan", "visit_plan", "v", "v.starts_at", "v.owner_id",
             "v.status <> 'completed'") +
      ") q JOIN customer c ON c.id = q.customer_id JOIN app_user u ON u.id = q.user_id "
      "LEFT JOIN app_user rb ON rb.id = q.reviewed_by "
      "WHERE c.deleted_at IS NULL AND " +
      CustomerScopePredicate(who, b);
  if (page.after) {
    const std::string& v = page.after->sort_value;
    const auto colon = v.find(':');
    const std::string at = b.Add(ParseInt(v.substr(0, colon)).value_or(0));
    const std::string kind =
        b.Add(colon == std::string::npos ? std::string() : v.substr(colon + 1));
    const std::string id = b.Add(page.after->id);
    sql += " AND (q.at > " + at + " OR (q.at = " + at + " AND (q.kind > " + kind +
           " OR (q.kind = " + kind + " AND q.id > " + id + "))))";
  }
  sql += " ORDER BY q.at, q.kind, q.id LIMIT " + b.Add(std::int64_t{page.limit + 1});
  Page<ReviewItem> out;
  run_.Run(b, sql, [&](const SqlRow& r) {
    ReviewItem item;
    item.kind = ParseReviewKind(r.Text(0)).value_or(ReviewKind::kInteraction);
    item.id = r.Int(1);
    item.at = r.Int(2);
    item.user_id = r.Int(3);
    item.user_name = r.Text(4);
    item.customer_id = r.Int(5);
    item.customer_name = r.Text(6);
    item.reviewed_at = r.OptInt(7);
    item.reviewed_by = r.OptInt(8);
    item.reviewed_by_name = r.OptText(9);
    item.comment_count = r.Int(10);
    out.items.push_back(std::move(item));
  });
  if (static_cast<int>(out.items.size()) > page.limit) {
    out.items.pop_back();
    const auto& last = out.items.back();
    out.next =
        Cursor{std::to_string(last.at) + ":" + std::string(ReviewKindName(last.kind)), last.id};
  }
  return out;
}

std::vector<ReviewUserWeek> SqlReviewRepository::Summary(const Principal& who, Timestamp from,
                                                         Timestamp to, const CivilDate& today) {
  std::map<Id, ReviewUserWeek> users;
  std::map<Id, bool> shown;  // active and front-line, or with something to count
  {
    SqlBinder b(run_.dialect());
    run_.Run(
        b,
        "SELECT u.id, u.display_name, u.role, CASE WHEN u.active THEN 1 ELSE 0 END FROM app_user u "
        "WHERE u.id IN (" +
            ReviewedUsers(who, b) + ")",
        [&](const SqlRow& r) {
          ReviewUserWeek w;
          w.user_id = r.Int(0);
          w.user_name = r.Text(1);
          w.role = r.Text(2);
          users[w.user_id] = w;
          shown[w.user_id] = r.Int(3) != 0 && w.role != "admin" && w.role != "executive";
        });
  }
  auto count = [&](const std::string& select,
                   const std::function<void(ReviewUserWeek&, const SqlRow&)>& add,
                   const std::function<std::string(SqlBinder&)>& where) {
    SqlBinder b(run_.dialect());
    const std::string sql = select + " AND " + CustomerScopePredicate(who, b) + where(b);
    run_.Run(b, sql, [&](const SqlRow& r) {
      auto it = users.find(r.Int(0));
      if (it == users.end()) return;
      add(it->second, r);
      shown[it->first] = true;
    });
  };
  const std::string records =
      "SELECT i.recorded_by, count(*), sum(CASE WHEN i.reviewed_at IS NULL THEN 1 ELSE 0 END) "
      "FROM interaction i JOIN customer c ON c.id = i.customer_id "
      "WHERE i.deleted_at IS NULL AND c.deleted_at IS NULL";
  count(
      records,
      [](ReviewUserWeek& w, const SqlRow& r) {
        w.records = r.Int(1);
        w.unreviewed += r.Int(2);
      },
      [&](SqlBinder& b) {
        return " AND i.recorded_by IN (" + ReviewedUsers(who, b) +
               ") AND i.occurred_at >= " + b.Add(from) + " AND i.occurred_at < " + b.Add(to) +
               " GROUP BY i.recorded_by";
      });
  count(
      records, [](ReviewUserWeek& w, const SqlRow& r) { w.unreviewed_earlier += r.Int(2); },
      [&](SqlBinder& b) {
        return " AND i.recorded_by IN (" + ReviewedUsers(who, b) + ") AND i.occurred_at < " +
               b.Add(from) + " AND i.reviewed_at IS NULL GROUP BY i.recorded_by";
      });
  const std::string open_unmarked = "v.status <> 'completed' AND v.reviewed_at IS NULL";
  count(
      "SELECT v.owner_id, count(*), "
      "sum(CASE WHEN v.status = 'completed' THEN 1 ELSE 0 END), "
      "sum(CASE WHEN v.status = 'cancelled' THEN 1 ELSE 0 END), "
      "sum(CASE WHEN v.status = 'planned' AND v.planned_on < '" +
          FormatCivilDate(today) +
          "' THEN 1 ELSE 0 END), "
          "sum(CASE WHEN " +
          open_unmarked +
          " THEN 1 ELSE 0 END) "
          "FROM visit_plan v JOIN customer c ON c.id = v.customer_id WHERE c.deleted_at IS NULL",
      [](ReviewUserWeek& w, const SqlRow& r) {
        w.visits_planned = r.Int(1);
        w.visits_completed = r.Int(2);
        w.visits_cancelled = r.Int(3);
        w.visits_missed = r.Int(4);
        w.unreviewed += r.Int(5);
      },
      [&](SqlBinder& b) {
        return " AND v.owner_id IN (" + ReviewedUsers(who, b) +
               ") AND v.starts_at >= " + b.Add(from) + " AND v.starts_at < " + b.Add(to) +
               " GROUP BY v.owner_id";
      });
  count(
      "SELECT v.owner_id, count(*) FROM visit_plan v JOIN customer c ON c.id = v.customer_id "
      "WHERE c.deleted_at IS NULL AND " +
          open_unmarked,
      [](ReviewUserWeek& w, const SqlRow& r) { w.unreviewed_earlier += r.Int(1); },
      [&](SqlBinder& b) {
        return " AND v.owner_id IN (" + ReviewedUsers(who, b) + ") AND v.starts_at < " +
               b.Add(from) + " GROUP BY v.owner_id";
      });
  std::vector<ReviewUserWeek> out;
  for (auto& [id, w] : users) {
    if (shown[id]) out.push_back(std::move(w));
  }
  std::sort(out.begin(), out.end(), [](const ReviewUserWeek& a, const ReviewUserWeek& b) {
    return a.user_name != b.user_name ? a.user_name < b.user_name : a.user_id < b.user_id;
  });
  return out;
}

std::optional<ReviewItem> SqlReviewRepository::Reviewable(const Principal& who,
                                                          const ReviewRef& ref) {
  SqlBinder b(run_.dialect());
  const bool record = ref.kind == ReviewKind::kInteraction;
  std::string sql =
      record ? "SELECT i.id, i.occurred_at, i.recorded_by, i.customer_id FROM interaction i "
               "JOIN customer c ON c.id = i.customer_id WHERE i.deleted_at IS NULL AND i.id = " +
                   b.Add(ref.id) + " AND i.recorded_by IN (" + ReviewedUsers(who, b) + ")"
             : "SELECT v.id, v.starts_at, v.owner_id, v.customer_id FROM visit_plan v "
               "JOIN customer c ON c.id = v.customer_id WHERE v.status <> 'completed' AND v.id = " +
                   b.Add(ref.id) + " AND v.owner_id IN (" + ReviewedUsers(who, b) + ")";
  sql += " AND c.deleted_at IS NULL AND " + CustomerScopePredicate(who, b);
  std::optional<ReviewItem> out;
  run_.Run(b, sql, [&](const SqlRow& r) {
    ReviewItem item;
    item.kind = ref.kind;
    item.id = r.Int(0);
    item.at = r.Int(1);
    item.user_id = r.Int(2);
    item.customer_id = r.Int(3);
    out = item;
  });
  return out;
}

bool SqlReviewRepository::Mark(const ReviewRef& ref, Id reviewer, Timestamp at) {
  SqlBinder b(run_.dialect());
  return run_.Run(b, std::string("UPDATE ") + TableOf(ref.kind) +
                         " SET reviewed_at = " + b.Add(at) + ", reviewed_by = " + b.Add(reviewer) +
                         " WHERE id = " + b.Add(ref.id) + " AND reviewed_at IS NULL") > 0;
}

bool SqlReviewRepository::Unmark(const ReviewRef& ref) {
  SqlBinder b(run_.dialect());
  return run_.Run(b, std::string("UPDATE ") + TableOf(ref.kind) +
                         " SET reviewed_at = NULL, reviewed_by = NULL WHERE id = " + b.Add(ref.id) +
                         " AND reviewed_at IS NOT NULL") > 0;
}

Id SqlReviewRepository::InsertComment(const Comment& c) {
  SqlBinder b(run_.dialect());
  Id id = 0;
  run_.Run(b,
           "INSERT INTO record_comment (item_kind, item_id, author_id, body, created_at) VALUES (" +
               b.Add(std::string(ReviewKindName(c.item_kind))) + ", " + b.Add(c.item_id) + ", " +
               b.Add(c.author_id) + ", " + b.Add(c.body) + ", " + b.Add(c.created_at) +
               ") RETURNING id",
           [&](const SqlRow& r) { id = r.Int(0); });
  return id;
}

Page<Comment> SqlReviewRepository::Comments(const ReviewRef& ref, const PageRequest& page) {
  SqlBinder b(run_.dialect());
  std::string sql =
      "SELECT rc.id, rc.item_id, rc.author_id, rc.body, rc.created_at, u.display_name "
      "FROM record_comment rc JOIN app_user u ON u.id = rc.author_id WHERE rc.item_kind = " +
      b.Add(std::string(ReviewKindName(ref.kind))) + " AND rc.item_id = " + b.Add(ref.id);
  if (page.after) sql += " AND rc.id > " + b.Add(page.after->id);
  sql += " ORDER BY rc.id LIMIT " + b.Add(std::int64_t{page.limit + 1});
  Page<Comment> out;
  run_.Run(b, sql, [&](const SqlRow& r) {
    Comment c;
    c.id = r.Int(0);
    c.item_kind = ref.kind;
    c.item_id = r.Int(1);
    c.author_id = r.Int(2);
    c.body = r.Text(3);
    c.created_at = r.Int(4);
    c.author_name = r.Text(5);
    out.items.push_back(std::move(c));
  });
  if (static_cast<int>(out.items.size()) > page.limit) {
    out.items.pop_back();
    out.next = Cursor{std::to_string(out.items.back().id), out.items.back().id};
  }
  return out;
}

std::vector<Id> SqlReviewRepository::Commenters(const ReviewRef& ref) {
  SqlBinder b(run_.dialect());
  std::vector<Id> out;
  run_.Run(b,
           "SELECT DISTINCT author_id FROM record_comment WHERE item_kind = " +
               b.Add(std::string(ReviewKindName(ref.kind))) + " AND item_id = " + b.Add(ref.id) +
               " ORDER BY author_id",
           [&](const SqlRow& r) { out.push_back(r.Int(0)); });
  return out;
}

}  // namespace kams
