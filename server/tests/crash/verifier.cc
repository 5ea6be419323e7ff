#include "verifier.h"

#include <algorithm>
#include <map>
#include <stdexcept>
#include <thread>

namespace kams::crash {

using test::json;

namespace {

constexpr std::size_t kMaxNotes = 40;

std::string Str(const json& j, const char* key) {
  auto it = j.find(key);
  return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
}

Id IdOf(const json& j, const char* key = "id") {
  auto it = j.find(key);
  return it != j.end() && it->is_number_integer() ? it->get<Id>() : 0;
}

// GET that expects 200; retried on a connection error (the server is up, but a loaded
// machine may refuse a connection now and then).
json GetJson(const test::Client& c, const std::string& target) {
  for (int attempt = 0;; ++attempt) {
    try {
      auto r = c.Get(target);
      if (r.status != 200) {
        throw std::runtime_error("GET " + target + " answered " + std::to_string(r.status) + ": " +
                                 r.body.substr(0, 300));
      }
      return r.Json();
    } catch (const std::runtime_error&) {
      if (attempt == 2) throw;
      std::this_thread::sleep_for(std::chrono::milliseconds(50));
    }
  }
}

// Every item of a collection newest-first, until an id at or below `mark`.
std::vector<json> NewerThan(const test::Client& c, const std::string& path, Id mark) {
  std::vector<json> out;
  std::string cursor;
  for (;;) {
    std::string target = path + (path.find('?') == std::string::npos ? "?" : "&") + "limit=500";
    if (!cursor.empty()) target += "&cursor=" + test::UrlEncode(cursor);
    const json page = GetJson(c, target);
    for (const auto& item : page.at("items")) {
      if (IdOf(item) <= mark) return out;
      out.push_back(item);
    }
    if (page.at("next_cursor").is_null()) return out;
    cursor = page.at("next_cursor").get<std::string>();
  }
}

std::vector<json> All(const test::Client& c, const std::string& path) {
  return NewerThan(c, path, 0);
}

std::string Who(const WriterLedger& l, int n) {
  return "w" + std::to_string(l.w) + "-c" + std::to_string(n);
}

Op* FindOp(WriterLedger& l, OpKind kind, int n, int k = 0) {
  for (auto& op : l.ops) {
    if (op.kind == kind && op.customer_n == n && op.contact_k == k &&
        op.outcome == Outcome::kUnknown) {
      return &op;
    }
  }
  return nullptr;
}

Op* FindEditOp(WriterLedger& l, OpKind kind, int n, int k, int rev) {
  for (auto& op : l.ops) {
    if (op.kind == kind && op.customer_n == n && op.contact_k == k && op.rev == rev) return &op;
  }
  return nullptr;
}

// Resolves an entity's revision against what the server shows. `observed` must be the
// acknowledged revision, or the one whose answer was lost; a refused one must never show.
void ResolveRev(const std::string& who, int observed, int& rev, std::optional<int>& pending,
                const std::set<int>& refused, Op* pending_op, Findings& f) {
  if (observed == rev) {
    if (pending_op) pending_op->applied = false;
  } else if (pending && observed == *pending) {
    if (pending_op) pending_op->applied = true;
    rev = observed;
  } else if (refused.count(observed)) {
    f.Add(Finding::kAppliedDespiteError,
          who + ": edit r" + std::to_string(observed) + " was answered with an error but is there");
    rev = observed;
  } else if (observed < rev) {
    f.Add(Finding::kLost, who + ": acknowledged r" + std::to_string(rev) + ", server has r" +
                              std::to_string(observed));
    rev = observed;
  } else {
    f.Add(Finding::kPhantom, who + ": server has r" + std::to_string(observed) +
                                 ", which was never sent (acknowledged r" + std::to_string(rev) +
                                 ")");
    rev = observed;
  }
  pending.reset();
}

}  // namespace

const char* FindingName(Finding f) {
  switch (f) {
    case Finding::kLost:
      return "lost";
    case Finding::kHalfApplied:
      return "half_applied";
    case Finding::kAuditGap:
      return "audit_gaps";
    case Finding::kPhantom:
      return "phantom";
    case Finding::kAppliedDespiteError:
      return "applied_despite_error";
    case Finding::kIntegrity:
      return "integrity_failures";
    case Finding::kAuditVerify:
      return "audit_verify_failures";
    case Finding::kCheckError:
      return "check_errors";
    case Finding::kInternalError:
      return "internal_errors";
    case Finding::kNoRecovery:
      return "no_recovery";
    case Finding::kSanitizer:
      return "sanitizer_reports";
    case Finding::kCount:
      break;
  }
  return "?";
}

void Findings::Add(Finding kind, const std::string& what) {
  std::lock_guard lock(mu_);
  ++counts_[static_cast<std::size_t>(kind)];
  if (notes_.size() < kMaxNotes) notes_.push_back(std::string(FindingName(kind)) + ": " + what);
}

long long Findings::count(Finding kind) const {
  std::lock_guard lock(mu_);
  return counts_[static_cast<std::size_t>(kind)];
}

long long Findings::failures() const {
  std::lock_guard lock(mu_);
  long long n = 0;
  for (auto c : counts_) n += c;
  return n;
}

std::vector<std::string> Findings::notes() const {
  std::lock_guard lock(mu_);
  return notes_;
}

void Verifier::Init(const test::Client& admin) {
  const json customers = GetJson(admin, "/api/v1/customers?sort=-id&limit=1");
  customer_mark_ = customers.at("items").empty() ? 0 : IdOf(customers.at("items")[0]);
  const json audit = GetJson(admin, "/api/v1/audit?limit=1");
  audit_mark_ = audit.at("items").empty() ? 0 : IdOf(audit.at("items")[0]);
}

void Verifier::CheckRound(const test::Client& admin, const std::vector<WriterLedger*>& ledgers,
                          bool everything, Findings& findings) {
  // Customers created since the last round, by writer: acknowledged creates, creates
  // whose answer was lost and turned out applied, and anything that should not be there.
  std::map<int, std::vector<json>> created;
  try {
    for (auto& item : NewerThan(admin, "/api/v1/customers?sort=-id", customer_mark_)) {
      customer_mark_ = std::max(customer_mark_, IdOf(item));
      int w = 0, n = 0, rev = 0;
      if (!ParseCustomerName(tag_, Str(item, "name"), &w, &n, &rev)) {
        findings.Add(Finding::kPhantom, "customer " + std::to_string(IdOf(item)) + " (" +
                                            Str(item, "name") + ") was written by no writer");
        continue;
      }
      created[w].push_back(std::move(item));
    }
  } catch (const std::exception& e) {
    findings.Add(Finding::kCheckError, e.what());
    return;
  }
  for (const auto& [w, items] : created) {
    const bool known = std::any_of(ledgers.begin(), ledgers.end(),
                                   [w = w](const WriterLedger* l) { return l->w == w; });
    if (!known) {
      findings.Add(Finding::kPhantom, std::to_string(items.size()) + " customers of writer w" +
                                          std::to_string(w) + ", which does not exist");
    }
  }
  for (WriterLedger* l : ledgers) created[l->w];  // no insertions while the threads run
  std::vector<std::thread> threads;
  for (WriterLedger* l : ledgers) {
    threads.emplace_back([&, l] {
      try {
        CheckWriter(admin, *l, created.at(l->w), everything, findings);
      } catch (const std::exception& e) {
        findings.Add(Finding::kCheckError, "w" + std::to_string(l->w) + ": " + e.what());
      }
    });
  }
  for (auto& t : threads) t.join();
  try {
    CheckAudit(admin, ledgers, findings);
  } catch (const std::exception& e) {
    findings.Add(Finding::kCheckError, std::string("audit: ") + e.what());
  }
  for (WriterLedger* l : ledgers) {
    for (const auto& op : l->ops) {
      if (op.outcome == Outcome::kUnknown && op.applied.value_or(false)) ++l->unknown_applied;
    }
    l->ops.clear();
    l->refused_customers.clear();
  }
}

void Verifier::CheckWriter(const test::Client& admin, WriterLedger& l,
                           const std::vector<json>& new_customers, bool everything, Findings& f) {
  // 1. New customers against this round's creates.
  for (const auto& item : new_customers) {
    int w = 0, n = 0, rev = 0;
    ParseCustomerName(tag_, Str(item, "name"), &w, &n, &rev);
    auto it = l.customers.find(n);
    if (it == l.customers.end()) {
      if (l.refused_customers.count(n)) {
        f.Add(Finding::kAppliedDespiteError, Who(l, n) +
                                                 ": create answered with an error, but customer " +
                                                 std::to_string(IdOf(item)) + " is there");
      } else {
        f.Add(Finding::kPhantom,
              Who(l, n) + ": customer " + std::to_string(IdOf(item)) + " was never sent");
      }
      continue;
    }
    CustomerModel& c = it->second;
    if (c.create_pending) {
      c.id = IdOf(item);
      c.create_pending = false;
      if (Op* op = FindOp(l, OpKind::kCreateCustomer, n)) {
        op->applied = true;
        op->entity_id = c.id;
      }
    } else if (c.id != IdOf(item)) {
      f.Add(Finding::kPhantom, Who(l, n) + ": created as " + std::to_string(c.id) +
                                   ", also found as " + std::to_string(IdOf(item)));
    }
  }
  for (auto it = l.customers.begin(); it != l.customers.end();) {
    if (it->second.create_pending) {
      if (Op* op = FindOp(l, OpKind::kCreateCustomer, it->first)) op->applied = false;
      it = l.customers.erase(it);
    } else {
      ++it;
    }
  }

  // 2. Each customer written this round (or every one): dossier, name index, contacts,
  // roll-ups.
  for (auto it = l.customers.begin(); it != l.customers.end();) {
    CustomerModel& c = it->second;
    if (!c.dirty && !everything) {
      ++it;
      continue;
    }
    {
      std::lock_guard lock(mu_);
      ++customers_checked_;
    }
    const std::string who = Who(l, c.n);
    const std::string path = "/api/v1/customers/" + std::to_string(c.id);
    auto got = admin.Get(path);
    if (got.status == 404) {
      f.Add(Finding::kLost, who + ": acknowledged customer " + std::to_string(c.id) + " is gone");
      it = l.customers.erase(it);
      continue;
    }
    if (got.status != 200)
      throw std::runtime_error("GET " + path + " answered " + std::to_string(got.status));
    const json j = got.Json();
    int w = 0, n = 0, rev = -1;
    if (!ParseCustomerName(tag_, Str(j, "name"), &w, &n, &rev) || w != l.w || n != c.n) {
      f.Add(Finding::kPhantom,
            who + ": customer " + std::to_string(c.id) + " is now named " + Str(j, "name"));
      it = l.customers.erase(it);
      continue;
    }
    const auto notes = ParseRev("", Str(j, "business_notes"));
    const auto trading = ParseRev("", Str(j, "trading_notes"));
    const long long employees = j.value("employees", -1LL);
    if (notes != rev || trading != rev || employees != rev) {
      f.Add(Finding::kHalfApplied, who + ": fields of one edit disagree: " + Str(j, "name") +
                                       " / " + Str(j, "business_notes") + " / " +
                                       Str(j, "trading_notes") + " / " + std::to_string(employees));
    }
    if (Str(j, "external_ref") != ExternalRef(tag_, l.w, c.n)) {
      f.Add(Finding::kHalfApplied, who + ": external_ref is " + Str(j, "external_ref"));
    }
    const int before = c.rev;
    const bool pending_applied = c.pending_rev && rev == *c.pending_rev;
    ResolveRev(
        who, rev, c.rev, c.pending_rev, c.refused_revs,
        c.pending_rev ? FindEditOp(l, OpKind::kEditCustomer, c.n, 0, *c.pending_rev) : nullptr, f);
    const long long version = j.value("version", 0LL);
    const long long want_version = pending_applied ? c.version + 1 : c.version;
    if (rev == before || pending_applied) {
      if (version != want_version) {
        f.Add(Finding::kHalfApplied, who + ": version " + std::to_string(version) + ", expected " +
                                         std::to_string(want_version) + " at r" +
                                         std::to_string(rev));
      }
    }
    c.version = version;
    c.refused_revs.clear();

    // The name index moved with the name: a search for the whole name finds exactly it.
    const json found =
        GetJson(admin, "/api/v1/customers?limit=5&q=" + test::UrlEncode(Str(j, "name")));
    if (found.at("items").size() != 1 || IdOf(found.at("items")[0]) != c.id) {
      f.Add(Finding::kHalfApplied, who + ": searching its name " + Str(j, "name") + " finds " +
                                       std::to_string(found.at("items").size()) + " customers");
    }

    // Contacts.
    std::map<std::string, int> by_name;  // contact name -> k of the model
    for (auto& [k, contact] : c.contacts) by_name[ContactName(l.w, c.n, k)] = k;
    std::map<int, const json*> seen;  // k -> item
    const auto contacts = All(admin, path + "/contacts");
    for (const auto& item : contacts) {
      const std::string name = Str(item, "name");
      auto k = by_name.find(name);
      if (k == by_name.end()) {
        bool refused = false;
        for (int r : c.refused_contacts) refused |= ContactName(l.w, c.n, r) == name;
        f.Add(refused ? Finding::kAppliedDespiteError : Finding::kPhantom,
              who + ": contact " + std::to_string(IdOf(item)) + " (" + name + ") " +
                  (refused ? "was answered with an error but is there" : "was never sent"));
        continue;
      }
      seen[k->second] = &item;
    }
    for (auto kt = c.contacts.begin(); kt != c.contacts.end();) {
      ContactModel& contact = kt->second;
      const std::string cwho = who + "-k" + std::to_string(contact.k);
      auto s = seen.find(contact.k);
      if (contact.create_pending) {
        Op* op = FindOp(l, OpKind::kCreateContact, c.n, contact.k);
        if (s == seen.end()) {
          if (op) op->applied = false;
          kt = c.contacts.erase(kt);
          continue;
        }
        contact.id = IdOf(*s->second);
        contact.create_pending = false;
        if (op) {
          op->applied = true;
          op->entity_id = contact.id;
        }
      } else if (s == seen.end() || IdOf(*s->second) != contact.id) {
        f.Add(Finding::kLost,
              cwho + ": acknowledged contact " + std::to_string(contact.id) + " is gone");
        kt = c.contacts.erase(kt);
        continue;
      }
      const json& item = *s->second;
      const auto title = ParseRev("职位 ", Str(item, "title"));
      const auto dept = ParseRev("部门 ", Str(item, "department"));
      const auto cnotes = ParseRev("", Str(item, "notes"));
      if (!title || title != dept || title != cnotes) {
        f.Add(Finding::kHalfApplied, cwho + ": fields of one edit disagree: " + Str(item, "title") +
                                         " / " + Str(item, "department") + " / " +
                                         Str(item, "notes"));
      }
      const int crev = title.value_or(-1);
      const int cbefore = contact.rev;
      const bool cpending_applied = contact.pending_rev && crev == *contact.pending_rev;
      ResolveRev(cwho, crev, contact.rev, contact.pending_rev, contact.refused_revs,
                 contact.pending_rev
                     ? FindEditOp(l, OpKind::kEditContact, c.n, contact.k, *contact.pending_rev)
                     : nullptr,
                 f);
      const long long cversion = item.value("version", 0LL);
      if (crev == cbefore || cpending_applied) {
        const long long want = cpending_applied ? contact.version + 1 : contact.version;
        if (contact.version != 0 && cversion != want) {
          f.Add(Finding::kHalfApplied, cwho + ": version " + std::to_string(cversion) +
                                           ", expected " + std::to_string(want));
        }
      }
      contact.version = cversion;
      contact.refused_revs.clear();
      ++kt;
    }
    c.refused_contacts.clear();

    // Monthly roll-ups: each batch's share whole or absent.
    std::map<std::string, json> months;
    const json month_list = GetJson(admin, path + "/months");
    for (const auto& m : month_list.at("items")) months[Str(m, "month")] = m;
    for (const auto& [month, m] : months) {
      if (!c.months.count(month)) {
        f.Add(Finding::kPhantom, who + ": roll-up for " + month + " was never imported");
      }
    }
    for (auto mt = c.months.begin(); mt != c.months.end();) {
      MonthPart& part = mt->second;
      auto got_month = months.find(mt->first);
      const bool present = got_month != months.end();
      if (present && (got_month->second.value("revenue_fen", -1LL) != part.revenue_fen ||
                      got_month->second.value("orders", -1LL) != part.orders ||
                      got_month->second.value("margin_fen", -1LL) != part.margin_fen)) {
        f.Add(Finding::kHalfApplied,
              who + ": roll-up for " + mt->first + " is " + got_month->second.dump() + ", batch " +
                  std::to_string(part.batch) + " wrote " + std::to_string(part.revenue_fen) +
                  " fen in " + std::to_string(part.orders) + " orders");
      }
      bool keep = present;
      switch (part.outcome) {
        case Outcome::kAcked:
          if (!present) {
            f.Add(Finding::kLost, who + ": acknowledged batch " + std::to_string(part.batch) +
                                      " (" + mt->first + ") is missing");
          }
          break;
        case Outcome::kUnknown:
          for (auto& op : l.ops) {
            if (op.kind != OpKind::kImport || op.batch != part.batch) continue;
            if (op.applied && *op.applied != present) {
              f.Add(Finding::kHalfApplied, "w" + std::to_string(l.w) + ": batch " +
                                               std::to_string(part.batch) +
                                               " is in some of its customers only");
            }
            op.applied = present;
          }
          part.outcome = Outcome::kAcked;
          part.resolved = true;
          break;
        case Outcome::kRefused:
          if (present) {
            f.Add(Finding::kAppliedDespiteError,
                  who + ": batch " + std::to_string(part.batch) +
                      " was answered with an error but is in the roll-ups");
          }
          break;
      }
      mt = keep ? std::next(mt) : c.months.erase(mt);
    }
    c.dirty = false;
    c.suspect = false;
    ++it;
  }
  // A batch whose customers are all gone from the model (lost) was not found applied.
  for (auto& op : l.ops) {
    if (op.kind == OpKind::kImport && op.outcome == Outcome::kUnknown && !op.applied) {
      op.applied = false;
    }
  }
}

void Verifier::CheckAudit(const test::Client& admin, const std::vector<WriterLedger*>& ledgers,
                          Findings& f) {
  std::vector<json> rows = NewerThan(admin, "/api/v1/audit", audit_mark_);
  for (const auto& r : rows) audit_mark_ = std::max(audit_mark_, IdOf(r));
  std::vector<bool> used(rows.size(), false);
  std::multimap<std::string, std::size_t> by_request;
  for (std::size_t i = 0; i < rows.size(); ++i) by_request.emplace(Str(rows[i], "request_id"), i);

  const auto after = [](const json& row, const std::string& field) -> std::string {
    for (const auto& ch : row.at("changes")) {
      if (Str(ch, "field") == field)
        return ch.at("after").is_string() ? ch.at("after").get<std::string>() : "";
    }
    return "";
  };
  // Does the audit row record this op (action, entity and what was written)?
  const auto matches = [&](const WriterLedger& l, const Op& op, const json& row) {
    if (Str(row, "action") != ActionOf(op.kind)) return false;
    switch (op.kind) {
      case OpKind::kCreateCustomer:
        return IdOf(row, "entity_id") == op.entity_id &&
               after(row, "name") == CustomerName(tag_, l.w, op.customer_n, 0);
      case OpKind::kEditCustomer:
        return IdOf(row, "entity_id") == op.entity_id &&
               after(row, "name") == CustomerName(tag_, l.w, op.customer_n, op.rev);
      case OpKind::kCreateContact:
        return IdOf(row, "entity_id") == op.entity_id &&
               after(row, "name") == ContactName(l.w, op.customer_n, op.contact_k);
      case OpKind::kEditContact:
        return IdOf(row, "entity_id") == op.entity_id &&
               after(row, "title") == RevText("职位 ", op.rev);
      case OpKind::kImport:
        return after(row, "rows") == std::to_string(op.rows);
    }
    return false;
  };
  const auto describe = [](const WriterLedger& l, const Op& op) {
    return "w" + std::to_string(l.w) + " " + ActionOf(op.kind) + " c" +
           std::to_string(op.customer_n) +
           (op.contact_k ? "-k" + std::to_string(op.contact_k) : "") +
           (op.rev ? " r" + std::to_string(op.rev) : "") +
           (op.batch ? " batch " + std::to_string(op.batch) : "") +
           (op.request_id.empty() ? "" : " (request " + op.request_id + ")");
  };
  // Acknowledged writes: their own request's row.
  for (WriterLedger* l : ledgers) {
    for (const Op& op : l->ops) {
      if (op.outcome != Outcome::kAcked) continue;
      bool found = false;
      auto [lo, hi] = by_request.equal_range(op.request_id);
      for (auto it = lo; it != hi && !found; ++it) {
        if (!used[it->second] && matches(*l, op, rows[it->second])) {
          used[it->second] = true;
          found = true;
        }
      }
      if (!found) f.Add(Finding::kAuditGap, describe(*l, op) + " has no audit row");
    }
  }
  // Applied writes whose answer was lost: a row that records the same change.
  for (WriterLedger* l : ledgers) {
    for (const Op& op : l->ops) {
      if (op.outcome != Outcome::kUnknown || !op.applied.value_or(false)) continue;
      bool found = false;
      for (std::size_t i = 0; i < rows.size() && !found; ++i) {
        if (!used[i] && Str(rows[i], "actor_name") == writer_username_ &&
            matches(*l, op, rows[i])) {
          used[i] = true;
          found = true;
        }
      }
      if (!found)
        f.Add(Finding::kAuditGap, describe(*l, op) + " (answer lost, applied) has no audit row");
    }
  }
  // Rows of writes that are not there.
  for (std::size_t i = 0; i < rows.size(); ++i) {
    const std::string action = Str(rows[i], "action");
    if (used[i] || Str(rows[i], "actor_name") != writer_username_) continue;
    if (action == "customer.create" || action == "customer.update" || action == "contact.create" ||
        action == "contact.update" || action == "transaction.import") {
      f.Add(Finding::kHalfApplied, "audit row " + std::to_string(IdOf(rows[i])) + " (" + action +
                                       ", request " + Str(rows[i], "request_id") +
                                       ") records a write that is not there");
    }
  }
}

}  // namespace kams::crash
