#include "store/engagement_repos.h"

#include <map>

#include "store/customer_query.h"

namespace kams {
namespace {

constexpr const char* kInteractionColumnsSql =
    "SELECT i.id, i.customer_id, i.version, i.channel, i.purpose, i.summary, i.outcome, "
    "i.next_step, i.next_step_due, i.next_step_owner_id, i.next_step_done_at, i.is_request, "
    "i.first_contact_owner_id, i.request_closed_at, i.occurred_at, i.recorded_by, i.created_at, "
    "i.updated_at, c.name, u.display_name, "
    "(SELECT x.display_name FROM app_user x WHERE x.id = i.next_step_owner_id), "
    "(SELECT x.display_name FROM app_user x WHERE x.id = i.first_contact_owner_id), "
    "(SELECT v.id FROM visit_plan v WHERE v.interaction_id = i.id) ";

// Records with their customer and recorder; `by_time` reads the records first (the WHERE
// must then join the customer: c.id = i.customer_id; see List).
std::string InteractionSelect(bool by_time = false) {
  return std::string(kInteractionColumnsSql) +
         (by_time ? "FROM interaction i CROSS JOIN customer c JOIN app_user u ON u.id = i.recorded_by"
                  : "FROM interaction i JOIN customer c ON c.id = i.customer_id "
                    "JOIN app_user u ON u.id = i.recorded_by");
}

Interaction ReadInteraction(const SqlRow& r) {
  Interaction i;
  i.id = r.Int(0);
  i.customer_id = r.Int(1);
  i.version = r.Int(2);
  i.channel = r.Text(3);
  i.purpose = r.Text(4);
  i.summary = r.Text(5);
  i.outcome = r.Text(6);
  i.next_step = r.Text(7);
  if (auto d = r.OptText(8)) i.next_step_due = ParseCivilDate(*d);
  i.next_step_owner_id = r.OptInt(9);
  i.next_step_done_at = r.OptInt(10);
  i.is_request = r.Int(11) != 0;
  i.first_contact_owner_id = r.OptInt(12);
  i.request_closed_at = r.OptInt(13);
  i.occurred_at = r.Int(14);
  i.recorded_by = r.Int(15);
  i.created_at = r.Int(16);
  i.updated_at = r.Int(17);
  i.customer_name = r.Text(18);
  i.recorded_by_name = r.Text(19);
  i.next_step_owner_name = r.OptText(20);
  i.first_contact_owner_name = r.OptText(21);
  i.visit_plan_id = r.OptInt(22);
  return i;
}

// The columns Insert and Update write, in this order.
std::vector<std::string> InteractionValues(const Interaction& i, SqlBinder& b) {
  return {b.Add(i.customer_id),
          b.Add(i.version),
          b.Add(i.channel),
          b.Add(i.purpose),
          b.Add(i.summary),
          b.Add(i.outcome),
          b.Add(i.next_step),
          AddOpt(b, FormatCivilDate(i.next_step_due)),
          AddOpt(b, i.next_step_owner_id),
          AddOpt(b, i.next_step_done_at),
          b.Add(std::int64_t{i.is_request ? 1 : 0}),
          AddOpt(b, i.first_contact_owner_id),
          AddOpt(b, i.request_closed_at),
          b.Add(i.occurred_at),
          b.Add(i.recorded_by),
          b.Add(i.updated_at)};
}

constexpr const char* kInteractionColumns[] = {
    "customer_id", "version",  "channel",            "purpose",           "summary",
    "outcome",     "next_step", "next_step_due",     "next_step_owner_id", "next_step_done_at",
    "is_request",  "first_contact_owner_id", "request_closed_at", "occurred_at", "recorded_by",
    "updated_at"};

CadenceRule ReadRule(const SqlRow& r, int at) {
  CadenceRule rule;
  rule.min_interval_days = r.OptInt(at);
  rule.max_contacts = r.OptInt(at + 1);
  rule.period_days = r.Int(at + 2);
  return rule;
}

// Breaches are few beside customers: CROSS JOIN keeps SQLite walking the breaches and
// looking each customer up, instead of walking a wide scope's customers (PostgreSQL plans
// it as any inner join).
constexpr const char* kBreachSelect =
    "SELECT b.customer_id, b.kind, b.since, b.due_on, b.last_contact_at, b.contacts_in_period, "
    "b.min_interval_days, b.max_contacts, b.period_days, b.notified_owner_at, "
    "b.notified_director_at, c.name, c.tier, c.owner_id, u.display_name, c.org_unit_id "
    "FROM cadence_breach b CROSS JOIN customer c "
    "LEFT JOIN app_user u ON u.id = c.owner_id WHERE c.id = b.customer_id";

CadenceBreach ReadBreach(const SqlRow& r) {
  CadenceBreach b;
  b.customer_id = r.Int(0);
  b.kind = ParseBreachKind(r.Text(1)).value_or(BreachKind::kOverdue);
  b.since = ParseCivilDate(r.Text(2)).value_or(CivilDate{});
  if (auto d = r.OptText(3)) b.due_on = ParseCivilDate(*d);
  b.last_contact_at = r.OptInt(4);
  b.contacts_in_period = r.Int(5);
  b.min_interval_days = r.OptInt(6);
  b.max_contacts = r.OptInt(7);
  b.period_days = r.Int(8);
  b.notified_owner_at = r.OptInt(9);
  b.notified_director_at = r.OptInt(10);
  b.customer_name = r.Text(11);
  b.tier = r.OptText(12);
  b.owner_id = r.OptInt(13);
  b.owner_name = r.OptText(14);
  b.org_unit_id = r.Int(15);
  return b;
}

}  // namespace

// ---- contact records ----

Id SqlInteractionRepository::Insert(const Interaction& i) {
  SqlBinder b(run_.dialect());
  const auto values = InteractionValues(i, b);
  std::string columns, placeholders;
  for (std::size_t k = 0; k < values.size(); ++k) {
    columns += std::string(k ? ", " : "") + kInteractionColumns[k];
    placeholders += (k ? ", " : "") + values[k];
  }
  const std::string sql = "INSERT INTO interaction (" + columns + ", created_at) VALUES (" +
                          placeholders + ", " + b.Add(i.created_at) + ") RETURNING id";
  Id id = 0;
  run_.Run(b, sql, [&](const SqlRow& r) { id = r.Int(0); });
  Interaction with_id = i;
  with_id.id = id;
  WriteRefs(with_id);
  return id;
}

void SqlInteractionRepository::Update(const Interaction& i) {
  SqlBinder b(run_.dialect());
  const auto values = InteractionValues(i, b);
  std::string sets;
  for (std::size_t k = 0; k < values.size(); ++k) {
    sets += std::string(k ? ", " : "") + kInteractionColumns[k] + " = " + values[k];
  }
  run_.Run(b, "UPDATE interaction SET " + sets + " WHERE id = " + b.Add(i.id));
  for (const char* table : {"interaction_contact", "interaction_participant"}) {
    SqlBinder d(run_.dialect());
    run_.Run(d, std::string("DELETE FROM ") + table + " WHERE interaction_id = " + d.Add(i.id));
  }
  WriteRefs(i);
}

void SqlInteractionRepository::WriteRefs(const Interaction& i) {
  auto write = [&](const char* table, const char* column, const std::vector<Id>& ids) {
    if (ids.empty()) return;
    SqlBinder b(run_.dialect());
    std::string rows;
    for (Id ref : ids) rows += (rows.empty() ? "(" : ", (") + b.Add(i.id) + ", " + b.Add(ref) + ")";
    run_.Run(b, std::string("INSERT INTO ") + table + " (interaction_id, " + column +
                    ") VALUES " + rows);
  };
  write("interaction_contact", "contact_id", i.contact_ids);
  write("interaction_participant", "user_id", i.participant_ids);
}

void SqlInteractionRepository::SoftDelete(Id id, Timestamp at) {
  SqlBinder b(run_.dialect());
  run_.Run(b, "UPDATE interaction SET deleted_at = " + b.Add(at) + ", updated_at = " + b.Add(at) +
                  " WHERE id = " + b.Add(id));
}

std::optional<Interaction> SqlInteractionRepository::Get(Id id) {
  SqlBinder b(run_.dialect());
  std::vector<Interaction> found;
  run_.Run(b,
           InteractionSelect() + " WHERE i.id = " + b.Add(id) +
               " AND i.deleted_at IS NULL",
           [&](const SqlRow& r) { found.push_back(ReadInteraction(r)); });
  if (found.empty()) return std::nullopt;
  ReadRefs(found);
  return std::move(found.front());
}

void SqlInteractionRepository::ReadRefs(std::vector<Interaction>& items) {
  if (items.empty()) return;
  std::map<Id, Interaction*> by_id;
  std::vector<Id> ids;
  for (auto& i : items) {
    by_id[i.id] = &i;
    ids.push_back(i.id);
  }
  {
    SqlBinder b(run_.dialect());
    run_.Run(b,
             "SELECT ic.interaction_id, ct.id, ct.name FROM interaction_contact ic "
             "JOIN contact ct ON ct.id = ic.contact_id WHERE ic.interaction_id IN (" +
                 SqlIdList(ids, b) + ") ORDER BY ic.interaction_id, ct.id",
             [&](const SqlRow& r) {
               Interaction* i = by_id[r.Int(0)];
               i->contact_ids.push_back(r.Int(1));
               i->contacts.push_back({r.Int(1), r.Text(2)});
             });
  }
  SqlBinder b(run_.dialect());
  run_.Run(b,
           "SELECT p.interaction_id, u.id, u.display_name FROM interaction_participant p "
           "JOIN app_user u ON u.id = p.user_id WHERE p.interaction_id IN (" +
               SqlIdList(ids, b) + ") ORDER BY p.interaction_id, u.id",
           [&](const SqlRow& r) {
             Interaction* i = by_id[r.Int(0)];
             i->participant_ids.push_back(r.Int(1));
             i->participants.push_back({r.Int(1), r.Text(2)});
           });
}

Page<Interaction> SqlInteractionRepository::List(const Principal& who, const InteractionFilter& f,
                                                 const PageRequest& page) {
  SqlBinder b(run_.dialect());
  // A wide scope without a narrowing filter walks the records newest first (CROSS JOIN keeps
  // SQLite on the interaction_time index) and stops at the page's end, instead of sorting
  // every record of every customer in scope.
  const bool narrow = who.scope() == ScopeKind::kOwnAccounts || f.customer_id || f.recorded_by ||
                      f.participant_id || f.next_step_owner_id || f.request_owner_id;
  std::string sql = narrow ? InteractionSelect() + " WHERE "
                           : InteractionSelect(true) + " WHERE c.id = i.customer_id AND ";
  sql += "i.deleted_at IS NULL AND c.deleted_at IS NULL AND " + CustomerScopePredicate(who, b);
  if (f.customer_id) sql += " AND i.customer_id = " + b.Add(*f.customer_id);
  if (f.recorded_by) sql += " AND i.recorded_by = " + b.Add(*f.recorded_by);
  if (f.participant_id) {
    const std::string user = b.Add(*f.participant_id);
    sql += " AND (i.recorded_by = " + user +
           " OR i.id IN (SELECT interaction_id FROM interaction_participant WHERE user_id = " +
           user + "))";
  }
  if (f.channel) sql += " AND i.channel = " + b.Add(*f.channel);
  if (f.from) sql += " AND i.occurred_at >= " + b.Add(*f.from);
  if (f.to) sql += " AND i.occurred_at < " + b.Add(*f.to);
  if (f.next_step_owner_id) {
    sql += " AND i.next_step_owner_id = " + b.Add(*f.next_step_owner_id) +
           " AND i.next_step_done_at IS NULL";
  }
  if (f.request_owner_id) {
    sql += " AND i.is_request = 1 AND i.request_closed_at IS NULL AND i.first_contact_owner_id = " +
           b.Add(*f.request_owner_id);
  }
  if (page.after) {
    std::int64_t at = 0;
    try {
      at = std::stoll(page.after->sort_value);
    } catch (...) {
    }
    const std::string a = b.Add(at);
    sql += " AND (i.occurred_at < " + a + " OR (i.occurred_at = " + a + " AND i.id < " +
           b.Add(page.after->id) + "))";
  }
  sql += " ORDER BY i.occurred_at DESC, i.id DESC LIMIT " + b.Add(std::int64_t{page.limit + 1});
  Page<Interaction> out;
  run_.Run(b, sql, [&](const SqlRow& r) { out.items.push_back(ReadInteraction(r)); });
  if (static_cast<int>(out.items.size()) > page.limit) {
    out.items.pop_back();
    out.next = Cursor{std::to_string(out.items.back().occurred_at), out.items.back().id};
  }
  ReadRefs(out.items);
  return out;
}

std::vector<Interaction> SqlInteractionRepository::GetMany(const std::vector<Id>& ids) {
  std::vector<Interaction> found;
  if (ids.empty()) return found;
  SqlBinder b(run_.dialect());
  run_.Run(b,
           InteractionSelect() + " WHERE i.id IN (" + SqlIdList(ids, b) +
               ") AND i.deleted_at IS NULL",
           [&](const SqlRow& r) { found.push_back(ReadInteraction(r)); });
  ReadRefs(found);
  return found;
}

std::optional<Timestamp> SqlInteractionRepository::LastContact(Id customer_id) {
  SqlBinder b(run_.dialect());
  std::optional<Timestamp> at;
  run_.Run(b,
           "SELECT occurred_at FROM interaction WHERE customer_id = " + b.Add(customer_id) +
               " AND deleted_at IS NULL ORDER BY occurred_at DESC LIMIT 1",
           [&](const SqlRow& r) { at = r.Int(0); });
  return at;
}

std::int64_t SqlInteractionRepository::CountSince(Id customer_id, Timestamp from) {
  SqlBinder b(run_.dialect());
  std::int64_t n = 0;
  run_.Run(b,
           "SELECT count(*) FROM interaction WHERE customer_id = " + b.Add(customer_id) +
               " AND occurred_at >= " + b.Add(from) + " AND deleted_at IS NULL",
           [&](const SqlRow& r) { n = r.Int(0); });
  return n;
}

std::vector<BirthdayReminder> SqlInteractionRepository::Birthdays(
    Id user_id, const std::vector<std::string>& month_days) {
  if (month_days.empty()) return {};
  SqlBinder b(run_.dialect());
  const std::string user = b.Add(user_id);
  std::string days;
  for (const auto& d : month_days) days += (days.empty() ? "" : ", ") + b.Add(d);
  std::vector<BirthdayReminder> out;
  run_.Run(b,
           "SELECT ct.id, ct.name, c.id, c.name, ct.birthday FROM contact ct "
           "JOIN customer c ON c.id = ct.customer_id WHERE c.deleted_at IS NULL AND "
           "substr(ct.birthday, length(ct.birthday) - 4) IN (" + days + ") AND (c.owner_id = " + user +
               " OR c.id IN (SELECT customer_id FROM account_team WHERE user_id = " + user +
               ")) ORDER BY ct.id",
           [&](const SqlRow& r) {
             BirthdayReminder x;
             x.contact_id = r.Int(0);
             x.contact_name = r.Text(1);
             x.customer_id = r.Int(2);
             x.customer_name = r.Text(3);
             x.birthday = r.Text(4);
             out.push_back(std::move(x));
           });
  return out;
}

// ---- cadence ----

CadenceSettings SqlCadenceRepository::Settings() {
  CadenceSettings s;
  SqlBinder b(run_.dialect());
  run_.Run(b, "SELECT grace_days, version, evaluated_on FROM cadence_setting WHERE id = 1",
           [&](const SqlRow& r) {
             s.grace_days = r.Int(0);
             s.version = r.Int(1);
             if (auto d = r.OptText(2)) s.evaluated_on = ParseCivilDate(*d);
           });
  SqlBinder rb(run_.dialect());
  run_.Run(rb,
           "SELECT tier, min_interval_days, max_contacts, period_days FROM cadence_rule "
           "ORDER BY tier",
           [&](const SqlRow& r) {
             CadenceRule rule = ReadRule(r, 1);
             rule.tier = r.Text(0);
             s.rules.push_back(std::move(rule));
           });
  return s;
}

void SqlCadenceRepository::PutSettings(const CadenceSettings& s) {
  SqlBinder d(run_.dialect());
  run_.Run(d, "DELETE FROM cadence_rule");
  for (const auto& rule : s.rules) {
    SqlBinder b(run_.dialect());
    run_.Run(b, "INSERT INTO cadence_rule (tier, min_interval_days, max_contacts, period_days) "
                "VALUES (" + b.Add(rule.tier) + ", " + AddOpt(b, rule.min_interval_days) + ", " +
                    AddOpt(b, rule.max_contacts) + ", " + b.Add(rule.period_days) + ")");
  }
  SqlBinder b(run_.dialect());
  run_.Run(b, "UPDATE cadence_setting SET grace_days = " + b.Add(s.grace_days) +
                  ", version = " + b.Add(s.version) + " WHERE id = 1");
}

void SqlCadenceRepository::SetEvaluatedOn(CivilDate day) {
  SqlBinder b(run_.dialect());
  run_.Run(b, "UPDATE cadence_setting SET evaluated_on = " + b.Add(FormatCivilDate(day)) +
                  " WHERE id = 1");
}

std::vector<Id> SqlCadenceRepository::Unreported() {
  SqlBinder b(run_.dialect());
  std::vector<Id> out;
  run_.Run(b,
           "SELECT DISTINCT customer_id FROM cadence_breach WHERE notified_owner_at IS NULL OR "
           "notified_director_at IS NULL ORDER BY customer_id",
           [&](const SqlRow& r) { out.push_back(r.Int(0)); });
  return out;
}

std::optional<CustomerCadence> SqlCadenceRepository::Own(Id customer_id) {
  SqlBinder b(run_.dialect());
  std::optional<CustomerCadence> out;
  run_.Run(b,
           "SELECT customer_id, min_interval_days, max_contacts, period_days, set_by, set_at "
           "FROM customer_cadence WHERE customer_id = " + b.Add(customer_id),
           [&](const SqlRow& r) {
             CustomerCadence c;
             c.customer_id = r.Int(0);
             c.rule = ReadRule(r, 1);
             c.set_by = r.OptInt(4);
             c.set_at = r.Int(5);
             out = std::move(c);
           });
  return out;
}

void SqlCadenceRepository::PutOwn(const CustomerCadence& c) {
  SqlBinder b(run_.dialect());
  run_.Run(b,
           "INSERT INTO customer_cadence (customer_id, min_interval_days, max_contacts, "
           "period_days, set_by, set_at) VALUES (" + b.Add(c.customer_id) + ", " +
               AddOpt(b, c.rule.min_interval_days) + ", " + AddOpt(b, c.rule.max_contacts) + ", " +
               b.Add(c.rule.period_days) + ", " + AddOpt(b, c.set_by) + ", " + b.Add(c.set_at) +
               ") ON CONFLICT (customer_id) DO UPDATE SET min_interval_days = "
               "excluded.min_interval_days, max_contacts = excluded.max_contacts, period_days = "
               "excluded.period_days, set_by = excluded.set_by, set_at = excluded.set_at");
}

bool SqlCadenceRepository::DeleteOwn(Id customer_id) {
  SqlBinder b(run_.dialect());
  return run_.Run(b, "DELETE FROM customer_cadence WHERE customer_id = " + b.Add(customer_id)) > 0;
}

std::vector<CadenceSubject> SqlCadenceRepository::ReadSubjects(const std::string& where,
                                                               SqlBinder& b) {
  std::vector<CadenceSubject> out;
  run_.Run(b,
           "SELECT c.id, c.tier, c.created_at, o.min_interval_days, o.max_contacts, "
           "o.period_days, CASE WHEN o.customer_id IS NULL THEN 0 ELSE 1 END "
           "FROM customer c LEFT JOIN customer_cadence o ON o.customer_id = c.id WHERE " + where,
           [&](const SqlRow& r) {
             CadenceSubject s;
             s.customer_id = r.Int(0);
             s.tier = r.OptText(1);
             s.created_at = r.Int(2);
             if (r.Int(6) != 0) s.own_rule = ReadRule(r, 3);
             out.push_back(std::move(s));
           });
  return out;
}

std::vector<CadenceSubject> SqlCadenceRepository::Subjects(Id after_id, int limit) {
  SqlBinder b(run_.dialect());
  const std::string where =
      "c.deleted_at IS NULL AND c.id > " + b.Add(after_id) +
      " AND (c.tier IN (SELECT tier FROM cadence_rule) OR o.customer_id IS NOT NULL OR "
      "c.id IN (SELECT customer_id FROM cadence_breach)) ORDER BY c.id LIMIT " +
      b.Add(std::int64_t{limit});
  return ReadSubjects(where, b);
}

std::optional<CadenceSubject> SqlCadenceRepository::Subject(Id customer_id) {
  SqlBinder b(run_.dialect());
  auto found = ReadSubjects("c.deleted_at IS NULL AND c.id = " + b.Add(customer_id), b);
  if (found.empty()) return std::nullopt;
  return std::move(found.front());
}

std::vector<CadenceBreach> SqlCadenceRepository::Breaches(Id customer_id) {
  SqlBinder b(run_.dialect());
  std::vector<CadenceBreach> out;
  run_.Run(b,
           std::string(kBreachSelect) + " AND b.customer_id = " + b.Add(customer_id) +
               " ORDER BY b.kind",
           [&](const SqlRow& r) { out.push_back(ReadBreach(r)); });
  return out;
}

void SqlCadenceRepository::PutBreach(const CadenceBreach& x) {
  SqlBinder b(run_.dialect());
  run_.Run(b,
           "INSERT INTO cadence_breach (customer_id, kind, since, due_on, last_contact_at, "
           "contacts_in_period, min_interval_days, max_contacts, period_days, notified_owner_at, "
           "notified_director_at) VALUES (" + b.Add(x.customer_id) + ", " +
               b.Add(std::string(BreachKindName(x.kind))) + ", " + b.Add(FormatCivilDate(x.since)) +
               ", " + AddOpt(b, FormatCivilDate(x.due_on)) + ", " + AddOpt(b, x.last_contact_at) +
               ", " + b.Add(x.contacts_in_period) + ", " + AddOpt(b, x.min_interval_days) + ", " +
               AddOpt(b, x.max_contacts) + ", " + b.Add(x.period_days) + ", " +
               AddOpt(b, x.notified_owner_at) + ", " + AddOpt(b, x.notified_director_at) +
               ") ON CONFLICT (customer_id, kind) DO UPDATE SET since = excluded.since, "
               "due_on = excluded.due_on, last_contact_at = excluded.last_contact_at, "
               "contacts_in_period = excluded.contacts_in_period, min_interval_days = "
               "excluded.min_interval_days, max_contacts = excluded.max_contacts, period_days = "
               "excluded.period_days, notified_owner_at = excluded.notified_owner_at, "
               "notified_director_at = excluded.notified_director_at");
}

void SqlCadenceRepository::DeleteBreach(Id customer_id, BreachKind kind) {
  SqlBinder b(run_.dialect());
  run_.Run(b, "DELETE FROM cadence_breach WHERE customer_id = " + b.Add(customer_id) +
                  " AND kind = " + b.Add(std::string(BreachKindName(kind))));
}

Page<CadenceBreach> SqlCadenceRepository::List(const Principal& who, const BreachFilter& f,
                                               const PageRequest& page) {
  SqlBinder b(run_.dialect());
  std::string sql =
      std::string(kBreachSelect) + " AND c.deleted_at IS NULL AND " + CustomerScopePredicate(who, b);
  if (f.kind) sql += " AND b.kind = " + b.Add(std::string(BreachKindName(*f.kind)));
  if (f.owner_id) sql += " AND c.owner_id = " + b.Add(*f.owner_id);
  if (f.customer_id) sql += " AND b.customer_id = " + b.Add(*f.customer_id);
  if (f.org_unit_id) {
    sql += " AND c.org_unit_id IN (SELECT descendant_id FROM org_unit_closure WHERE ancestor_id = " +
           b.Add(*f.org_unit_id) + ")";
  }
  if (page.after) {
    // The cursor's value is "since|kind": the oldest breaches come first.
    const std::string& v = page.after->sort_value;
    const auto bar = v.find('|');
    const std::string since = b.Add(v.substr(0, bar));
    const std::string kind = b.Add(bar == std::string::npos ? std::string() : v.substr(bar + 1));
    const std::string id = b.Add(page.after->id);
    sql += " AND (b.since > " + since + " OR (b.since = " + since + " AND (b.customer_id > " + id +
           " OR (b.customer_id = " + id + " AND b.kind > " + kind + "))))";
  }
  sql += " ORDER BY b.since, b.customer_id, b.kind LIMIT " + b.Add(std::int64_t{page.limit + 1});
  Page<CadenceBreach> out;
  run_.Run(b, sql, [&](const SqlRow& r) { out.items.push_back(ReadBreach(r)); });
  if (static_cast<int>(out.items.size()) > page.limit) {
    out.items.pop_back();
    const auto& last = out.items.back();
    out.next = Cursor{FormatCivilDate(last.since) + "|" + std::string(BreachKindName(last.kind)),
                      last.customer_id};
  }
  return out;
}

std::optional<Id> SqlCadenceRepository::RecentHandover(Id customer_id, Timestamp since) {
  SqlBinder b(run_.dialect());
  std::optional<Id> out;
  run_.Run(b,
           "SELECT h.id FROM handover_item hi JOIN handover h ON h.id = hi.handover_id "
           "WHERE hi.kind = 'customer' AND hi.entity_id = " + b.Add(customer_id) +
               " AND h.at >= " + b.Add(since) + " ORDER BY h.id DESC LIMIT 1",
           [&](const SqlRow& r) { out = r.Int(0); });
  return out;
}

void SqlCadenceRepository::FlagDecay(Id handover_id, Id customer_id, BreachKind kind,
                                     CivilDate since, Timestamp at) {
  SqlBinder b(run_.dialect());
  run_.Run(b, "INSERT INTO handover_decay (handover_id, customer_id, kind, since, flagged_at) "
              "VALUES (" + b.Add(handover_id) + ", " + b.Add(customer_id) + ", " +
                  b.Add(std::string(BreachKindName(kind))) + ", " + b.Add(FormatCivilDate(since)) +
                  ", " + b.Add(at) + ") ON CONFLICT (handover_id, customer_id, kind) DO NOTHING");
}

}  // namespace kams
