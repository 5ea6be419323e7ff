#include "core/imports/import_service.h"

#include <algorithm>
#include <chrono>
#include <map>
#include <tuple>
#include <unordered_map>
#include <unordered_set>

#include "core/access/permissions.h"
#include "core/audit/audit_log.h"
#include "core/common/validation.h"
#include "core/customers/customer.h"
#include "core/imports/csv.h"
#include "core/imports/transaction.h"

namespace kams {
namespace {

using Steady = std::chrono::steady_clock;

class Rejects {
 public:
  explicit Rejects(ImportReport& report) : report_(report) {}
  void Add(std::int64_t line, std::string column, std::string reason) {
    ++report_.rejected;
    if (report_.rejects.size() < kMaxRejectsKept) {
      report_.rejects.push_back({line, std::move(column), std::move(reason)});
    }
  }

 private:
  ImportReport& report_;
};

// Maps the header's names to column positions; `required` must all be there.
struct Header {
  std::map<std::string, std::size_t> index;
  std::optional<std::size_t> Find(const std::string& name) const {
    auto it = index.find(name);
    return it == index.end() ? std::nullopt : std::optional<std::size_t>(it->second);
  }
};

Result<Header> ReadHeader(CsvReader& reader, const std::vector<std::string>& required,
                          const std::vector<std::string>& optional) {
  std::vector<std::string> fields;
  if (!reader.Next(fields)) return ValidationFailed({{"file", "empty"}});
  Header h;
  for (std::size_t i = 0; i < fields.size(); ++i) {
    const std::string name = TrimSpace(fields[i]);
    bool known = false;
    for (const auto& n : required) known |= n == name;
    for (const auto& n : optional) known |= n == name;
    if (!known) return ValidationFailed({{"header", "unknown_column: " + name}});
    if (!h.index.emplace(name, i).second) {
      return ValidationFailed({{"header", "duplicate_column: " + name}});
    }
  }
  for (const auto& n : required) {
    if (!h.Find(n)) return ValidationFailed({{"header", "missing_column: " + n}});
  }
  return h;
}

std::optional<Timestamp> ParseWhen(const std::string& text) {
  if (auto d = ParseCivilDate(text)) return DaysFromCivil(*d) * 86400 * kMicrosPerSecond;
  return ParseRfc3339(text);
}

// A record that can be read field by field: its quotes closed and its column count right.
bool RowIsWhole(const CsvReader& reader, const std::vector<std::string_view>& fields,
                const Header& h, Rejects& rejects) {
  if (!reader.error().empty()) {
    rejects.Add(reader.line(), "", reader.error());
    return false;
  }
  if (fields.size() != h.index.size()) {
    rejects.Add(reader.line(), "", "expected " + std::to_string(h.index.size()) +
                                       " columns, got " + std::to_string(fields.size()));
    return false;
  }
  return true;
}

// external_ref → id, looked up by string_view without a copy.
struct RefHash {
  using is_transparent = void;
  std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};
using CustomerRefIndex = std::unordered_map<std::string, Id, RefHash, std::equal_to<>>;

// external_ref → id of every live customer that has one.
Status LoadCustomerRefs(const CoreDeps& deps, CustomerRefIndex& out) {
  return deps.db.Run(TxMode::kRead, [&](Tx& tx) -> Status {
    for (auto& [ref, id] : tx.transactions().CustomerRefs()) out.emplace(std::move(ref), id);
    return Ok();
  });
}

Status Refuse(const Principal& who) {
  if (!Allows(who.role, Permission::kDataImport)) {
    return DenyError("import data", "import", std::nullopt);
  }
  return Ok();
}

}  // namespace

Result<ImportReport> ImportService::ImportCustomers(const Principal& who,
                                                    const RequestContext& ctx,
                                                    std::string_view csv,
                                                    const ImportProgress& progress) {
  if (Status s = Refuse(who); !s.ok()) return Recorded(deps_, ctx, who, Result<ImportReport>(s.take_error()));
  const auto start = Steady::now();
  CsvReader reader(csv);
  KAMS_TRY(Header h, ReadHeader(reader, {"customer_id", "name", "region", "industry", "created_at"}, {}));
  ImportReport report;
  Rejects rejects(report);

  // Known references: the database's, then this file's as rows are accepted.
  CustomerRefIndex known;
  KAMS_CHECK(LoadCustomerRefs(deps_, known));

  std::vector<std::pair<std::int64_t, Customer>> batch;
  const auto flush = [&]() -> Status {
    if (batch.empty()) return Ok();
    KAMS_CHECK(deps_.db.Run(TxMode::kWrite, [&](Tx& tx) -> Status {
      for (auto& [line, c] : batch) c.id = tx.customers().Insert(c);
      AppendAudit(tx, deps_, ctx, &who, "",
                  AuditEvent{"customer.import", "import", std::nullopt, std::nullopt,
                             {{"rows", std::nullopt, std::to_string(batch.size())},
                              {"lines", std::nullopt,
                               std::to_string(batch.front().first) + "-" +
                                   std::to_string(batch.back().first)}}});
      return Ok();
    }));
    report.imported += static_cast<std::int64_t>(batch.size());
    batch.clear();
    if (progress) progress(report.rows, reader.offset(), csv.size());
    return Ok();
  };

  std::vector<std::string_view> f;
  const Timestamp now = deps_.clock.Now();
  while (reader.Next(f)) {
    ++report.rows;
    const std::int64_t line = reader.line();
    if (!RowIsWhole(reader, f, h, rejects)) continue;
    Customer c;
    const std::string ref = TrimSpace(f[*h.Find("customer_id")]);
    c.external_ref = ref;
    c.name = TrimSpace(f[*h.Find("name")]);
    c.region = TrimSpace(f[*h.Find("region")]);
    c.industry = TrimSpace(f[*h.Find("industry")]);
    c.stage = "active";  // customers with transactions: trading
    c.org_unit_id = who.org_unit_id;
    c.version = 1;
    if (who.user_id > 0) c.created_by = who.user_id;
    c.created_at = c.updated_at = now;
    const std::string when = TrimSpace(f[*h.Find("created_at")]);
    if (ref.empty()) {
      rejects.Add(line, "customer_id", "required");
      continue;
    }
    if (!when.empty()) {
      auto t = ParseWhen(when);
      if (!t) {
        rejects.Add(line, "created_at", "not a date (YYYY-MM-DD) or RFC 3339 time");
        continue;
      }
      c.created_at = *t;
    }
    if (Status v = ValidateCustomer(c); !v.ok()) {
      const auto& fe = v.error().fields;
      rejects.Add(line, fe.empty() ? "" : (fe[0].field == "external_ref" ? "customer_id" : fe[0].field),
                  fe.empty() ? v.error().message : fe[0].problem);
      continue;
    }
    if (!known.emplace(ref, 0).second) {
      rejects.Add(line, "customer_id", "duplicate: customer " + ref + " exists");
      continue;
    }
    batch.emplace_back(line, std::move(c));
    if (batch.size() >= batch_rows_) KAMS_CHECK(flush());
  }
  KAMS_CHECK(flush());
  report.seconds = std::chrono::duration<double>(Steady::now() - start).count();
  return report;
}

Result<ImportReport> ImportService::ImportTransactions(const Principal& who,
                                                       const RequestContext& ctx,
                                                       std::string_view csv,
                                                       const ImportProgress& progress) {
  if (Status s = Refuse(who); !s.ok()) return Recorded(deps_, ctx, who, Result<ImportReport>(s.take_error()));
  const auto start = Steady::now();
  CsvReader reader(csv);
  KAMS_TRY(Header h, ReadHeader(reader, {"txn_id", "customer_id", "date", "amount"},
                                {"margin", "product", "order_ref"}));
  const auto col_txn = *h.Find("txn_id"), col_customer = *h.Find("customer_id"),
             col_date = *h.Find("date"), col_amount = *h.Find("amount");
  const auto col_margin = h.Find("margin"), col_product = h.Find("product"),
             col_order = h.Find("order_ref");
  ImportReport report;
  Rejects rejects(report);

  CustomerRefIndex customers;
  KAMS_CHECK(LoadCustomerRefs(deps_, customers));

  std::vector<Transaction> batch;
  std::vector<std::int64_t> lines;  // of the batch's rows
  batch.reserve(batch_rows_);
  lines.reserve(batch_rows_);
  std::vector<MonthDelta> deltas;
  std::unordered_set<std::string_view> refs;
  std::vector<char> repeated;
  struct Place {
    Id customer_id;
    std::int64_t day;
    std::size_t at;
  };
  std::vector<Place> order;
  std::vector<std::int64_t> refused;  // lines of rows refused as duplicates, per batch
  const auto flush = [&]() -> Status {
    if (batch.empty()) return Ok();
    const std::string line_range = std::to_string(lines.front()) + "-" + std::to_string(lines.back());
    // A txn_id repeated within the batch: its first line goes in and the later ones are
    // refused here, before the database sees them (across batches its unique index refuses).
    refused.clear();
    refs.clear();
    refs.reserve(batch.size());
    repeated.assign(batch.size(), 0);
    for (std::size_t i = 0; i < batch.size(); ++i) {
      repeated[i] = !refs.insert(batch[i].txn_ref).second;
    }
    refs.clear();  // views into the rows, which move next
    std::size_t kept = 0;
    for (std::size_t i = 0; i < batch.size(); ++i) {
      if (repeated[i]) {
        refused.push_back(lines[i]);
        continue;
      }
      if (kept != i) {
        batch[kept] = std::move(batch[i]);
        lines[kept] = lines[i];
      }
      ++kept;
    }
    batch.resize(kept);
    lines.resize(kept);
    // Rows are written in (customer, date) order: the index on (customer, date) and the
    // roll-ups then fill page after page instead of all over, and the month sums come out
    // in order. The permutation is applied in place (a batch can hold millions of rows).
    order.clear();
    for (std::size_t i = 0; i < batch.size(); ++i) {
      order.push_back({batch[i].customer_id, DaysFromCivil(batch[i].date), i});
    }
    std::sort(order.begin(), order.end(), [](const Place& a, const Place& b) {
      return std::tie(a.customer_id, a.day, a.at) < std::tie(b.customer_id, b.day, b.at);
    });
    for (std::size_t k = 0; k < order.size(); ++k) {
      if (order[k].at == k) continue;
      Transaction held = std::move(batch[k]);
      const std::int64_t held_line = lines[k];
      for (std::size_t j = k;;) {
        const std::size_t from = order[j].at;
        order[j].at = j;
        if (from == k) {
          batch[j] = std::move(held);
          lines[j] = held_line;
          break;
        }
        batch[j] = std::move(batch[from]);
        lines[j] = lines[from];
        j = from;
      }
    }
    std::vector<std::size_t> duplicates;
    KAMS_CHECK(deps_.db.Run(TxMode::kWrite, [&](Tx& tx) -> Status {
      duplicates = tx.transactions().InsertMany(batch);
      // What the written rows add to each customer-month (rows are in customer, date order).
      deltas.clear();
      auto duplicate = duplicates.begin();
      for (std::size_t i = 0; i < batch.size(); ++i) {
        if (duplicate != duplicates.end() && *duplicate == i) {
          ++duplicate;
          continue;
        }
        const Transaction& t = batch[i];
        const MonthIndex month = MonthOf(t.date);
        if (deltas.empty() || deltas.back().customer_id != t.customer_id ||
            deltas.back().month != month) {
          deltas.push_back({t.customer_id, month, 0, 0, 0});
        }
        deltas.back().revenue_fen += t.amount_fen;
        deltas.back().orders += 1;
        deltas.back().margin_fen += t.margin_fen.value_or(0);
      }
      tx.transactions().AddToMonths(deltas);
      AppendAudit(tx, deps_, ctx, &who, "",
                  AuditEvent{"transaction.import", "import", std::nullopt, std::nullopt,
                             {{"rows", std::nullopt,
                               std::to_string(batch.size() - duplicates.size())},
                              {"lines", std::nullopt, line_range}}});
      return Ok();
    }));
    for (auto i : duplicates) refused.push_back(lines[i]);
    std::sort(refused.begin(), refused.end());
    for (auto line : refused) rejects.Add(line, "txn_id", "duplicate: already imported");
    report.imported += static_cast<std::int64_t>(batch.size() - duplicates.size());
    batch.clear();
    lines.clear();
    if (progress) progress(report.rows, reader.offset(), csv.size());
    return Ok();
  };

  std::vector<std::string_view> f;
  const Timestamp now = deps_.clock.Now();
  while (reader.Next(f)) {
    ++report.rows;
    const std::int64_t line = reader.line();
    if (!RowIsWhole(reader, f, h, rejects)) continue;
    Transaction t;
    if (f[col_txn].empty()) {
      rejects.Add(line, "txn_id", "required");
      continue;
    }
    if (f[col_txn].size() > 100) {
      rejects.Add(line, "txn_id", "too_long");
      continue;
    }
    t.txn_ref = f[col_txn];
    auto customer = customers.find(f[col_customer]);
    if (customer == customers.end()) {
      rejects.Add(line, "customer_id", f[col_customer].empty() ? "required" : "no customer with this id");
      continue;
    }
    t.customer_id = customer->second;
    auto date = ParseCivilDate(f[col_date]);
    if (!date) {
      rejects.Add(line, "date", "not a date (YYYY-MM-DD)");
      continue;
    }
    t.date = *date;
    if (!ParseYuanToFen(f[col_amount], t.amount_fen)) {
      rejects.Add(line, "amount", "not an amount in yuan with at most two decimals");
      continue;
    }
    if (col_margin && !f[*col_margin].empty()) {
      std::int64_t margin = 0;
      if (!ParseYuanToFen(f[*col_margin], margin)) {
        rejects.Add(line, "margin", "not an amount in yuan with at most two decimals");
        continue;
      }
      t.margin_fen = margin;
    }
    if (col_product) t.product = f[*col_product];
    if (col_order) t.order_ref = f[*col_order];
    if (!IsValidUtf8(t.txn_ref) || !IsValidUtf8(t.product) || !IsValidUtf8(t.order_ref)) {
      rejects.Add(line, "", "not UTF-8 text");
      continue;
    }
    t.created_at = now;
    if (who.user_id > 0) t.created_by = who.user_id;
    batch.push_back(std::move(t));
    lines.push_back(line);
    if (batch.size() >= batch_rows_) KAMS_CHECK(flush());
  }
  KAMS_CHECK(flush());
  report.seconds = std::chrono::duration<double>(Steady::now() - start).count();
  return report;
}

}  // namespace kams
