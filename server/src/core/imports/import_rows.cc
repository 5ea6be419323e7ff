#include "core/imports/import_rows.h"

#include <map>

#include "core/common/validation.h"

namespace kams {
namespace {

// Maps the header's names to column positions; `required` must all be there.
using Header = std::map<std::string, std::size_t>;

Result<Header> ReadHeader(CsvReader& reader, std::initializer_list<const char*> required,
                          std::initializer_list<const char*> optional) {
  std::vector<std::string> fields;
  if (!reader.Next(fields)) return ValidationFailed({{"file", "empty"}});
  Header h;
  for (std::size_t i = 0; i < fields.size(); ++i) {
    const std::string name = TrimSpace(fields[i]);
    bool known = false;
    for (const char* n : required) known |= n == name;
    for (const char* n : optional) known |= n == name;
    if (!known) return ValidationFailed({{"header", "unknown_column: " + name}});
    if (!h.emplace(name, i).second) {
      return ValidationFailed({{"header", "duplicate_column: " + name}});
    }
  }
  for (const char* n : required) {
    if (!h.count(n)) return ValidationFailed({{"header", std::string("missing_column: ") + n}});
  }
  return h;
}

std::optional<std::size_t> Find(const Header& h, const char* name) {
  auto it = h.find(name);
  return it == h.end() ? std::nullopt : std::optional<std::size_t>(it->second);
}

std::optional<Timestamp> ParseWhen(const std::string& text) {
  if (auto d = ParseCivilDate(text)) return DaysFromCivil(*d) * 86400 * kMicrosPerSecond;
  return ParseRfc3339(text);
}

// A record that can be read field by field: its quotes closed and its column count right.
std::optional<RowProblem> WholeRowProblem(const CsvReader& reader,
                                          const std::vector<std::string>& fields,
                                          std::size_t columns) {
  if (!reader.error().empty()) return RowProblem{"", reader.error()};
  if (fields.size() != columns) {
    return RowProblem{"", "expected " + std::to_string(columns) + " columns, got " +
                              std::to_string(fields.size())};
  }
  return std::nullopt;
}

}  // namespace

Result<CustomerColumns> ReadCustomerHeader(CsvReader& reader) {
  KAMS_TRY(Header h,
           ReadHeader(reader, {"customer_id", "name", "region", "industry", "created_at"}, {}));
  CustomerColumns c;
  c.count = h.size();
  c.ref = h.at("customer_id");
  c.name = h.at("name");
  c.region = h.at("region");
  c.industry = h.at("industry");
  c.created_at = h.at("created_at");
  return c;
}

Result<TransactionColumns> ReadTransactionHeader(CsvReader& reader) {
  KAMS_TRY(Header h, ReadHeader(reader, {"txn_id", "customer_id", "date", "amount"},
                                {"margin", "product", "order_ref"}));
  TransactionColumns c;
  c.count = h.size();
  c.txn = h.at("txn_id");
  c.customer = h.at("customer_id");
  c.date = h.at("date");
  c.amount = h.at("amount");
  c.margin = Find(h, "margin");
  c.product = Find(h, "product");
  c.order_ref = Find(h, "order_ref");
  return c;
}

std::optional<RowProblem> ReadCustomerRow(const CsvReader& reader,
                                          const std::vector<std::string>& fields,
                                          const CustomerColumns& columns, const Principal& who,
                                          Timestamp now, Customer& out) {
  if (auto p = WholeRowProblem(reader, fields, columns.count)) return p;
  Customer c;
  const std::string ref = TrimSpace(fields[columns.ref]);
  if (ref.empty()) return RowProblem{"customer_id", "required"};
  c.external_ref = ref;
  c.name = TrimSpace(fields[columns.name]);
  c.region = TrimSpace(fields[columns.region]);
  c.industry = TrimSpace(fields[columns.industry]);
  c.stage = "active";  // customers with transactions: trading
  c.org_unit_id = who.org_unit_id;
  c.version = 1;
  if (who.user_id > 0) c.created_by = who.user_id;
  c.created_at = c.updated_at = now;
  if (const std::string when = TrimSpace(fields[columns.created_at]); !when.empty()) {
    auto t = ParseWhen(when);
    if (!t) return RowProblem{"created_at", "not a date (YYYY-MM-DD) or RFC 3339 time"};
    c.created_at = *t;
  }
  if (Status v = ValidateCustomer(c); !v.ok()) {
    const auto& fe = v.error().fields;
    if (fe.empty()) return RowProblem{"", v.error().message};
    return RowProblem{fe[0].field == "external_ref" ? "customer_id" : fe[0].field,
                      fe[0].problem};
  }
  out = std::move(c);
  return std::nullopt;
}

std::optional<RowProblem> ReadTransactionRow(
    const CsvReader& reader, const std::vector<std::string>& fields,
    const TransactionColumns& columns, const std::unordered_map<std::string, Id>& customers,
    const Principal& who, Timestamp now, Transaction& out) {
  if (auto p = WholeRowProblem(reader, fields, columns.count)) return p;
  Transaction t;
  t.txn_ref = fields[columns.txn];
  if (t.txn_ref.empty()) return RowProblem{"txn_id", "required"};
  if (t.txn_ref.size() > 100) return RowProblem{"txn_id", "too_long"};
  const std::string& ref = fields[columns.customer];
  auto customer = customers.find(ref);
  if (customer == customers.end()) {
    return RowProblem{"customer_id", ref.empty() ? "required" : "no customer with this id"};
  }
  t.customer_id = customer->second;
  auto date = ParseCivilDate(fields[columns.date]);
  if (!date) return RowProblem{"date", "not a date (YYYY-MM-DD)"};
  t.date = *date;
  if (!ParseYuanToFen(fields[columns.amount], t.amount_fen)) {
    return RowProblem{"amount", "not an amount in yuan with at most two decimals"};
  }
  if (columns.margin && !fields[*columns.margin].empty()) {
    std::int64_t margin = 0;
    if (!ParseYuanToFen(fields[*columns.margin], margin)) {
      return RowProblem{"margin", "not an amount in yuan with at most two decimals"};
    }
    t.margin_fen = margin;
  }
  if (columns.product) t.product = fields[*columns.product];
  if (columns.order_ref) t.order_ref = fields[*columns.order_ref];
  if (!IsValidUtf8(t.txn_ref) || !IsValidUtf8(t.product) || !IsValidUtf8(t.order_ref)) {
    return RowProblem{"", "not UTF-8 text"};
  }
  t.created_at = now;
  if (who.user_id > 0) t.created_by = who.user_id;
  out = std::move(t);
  return std::nullopt;
}

}  // namespace kams
