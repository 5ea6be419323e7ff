// Transaction imports (POST /transactions/import, `kams import transactions`) without the
// database: bytes → CsvReader → ReadTransactionHeader → ReadTransactionRow for every
// record, against three known customers. Properties: the reader always advances and
// ends; an accepted row names a known customer, a real date, and amounts that print back
// as the yuan they were read from.
#include "core/imports/import_rows.h"
#include "fuzz_check.h"

namespace kams {
namespace {

// 123456 fen → "1234.56"; the inverse of ParseYuanToFen for two decimals.
std::string FenToYuan(std::int64_t fen) {
  const bool negative = fen < 0;
  const std::uint64_t abs = negative ? 0 - static_cast<std::uint64_t>(fen) : static_cast<std::uint64_t>(fen);
  std::string cents = std::to_string(abs % 100);
  if (cents.size() < 2) cents.insert(0, "0");
  return (negative ? "-" : "") + std::to_string(abs / 100) + "." + cents;
}

void CheckAmount(std::int64_t fen) {
  std::int64_t back = 0;
  FUZZ_CHECK(ParseYuanToFen(FenToYuan(fen), back));
  FUZZ_CHECK(back == fen);
}

}  // namespace
}  // namespace kams

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace kams;
  static const std::unordered_map<std::string, Id> kCustomers = {
      {"C001", 1}, {"C002", 2}, {"苏州-7", 3}};
  const std::string_view csv = fuzz::Text(data, size);
  CsvReader reader(csv);
  auto columns = ReadTransactionHeader(reader);
  if (!columns.ok()) {
    FUZZ_CHECK(!columns.error().fields.empty());
    return 0;
  }
  Principal who;
  who.user_id = 7;
  who.role = Role::kAdmin;
  who.org_unit_id = 1;
  const Timestamp now = 1'780'000'000'000'000;
  std::vector<std::string> fields;
  std::size_t last_offset = reader.offset();
  while (reader.Next(fields)) {
    FUZZ_CHECK(reader.offset() > last_offset && reader.offset() <= csv.size());
    last_offset = reader.offset();
    Transaction t;
    if (auto problem = ReadTransactionRow(reader, fields, *columns, kCustomers, who, now, t)) {
      FUZZ_CHECK(!problem->reason.empty());
      continue;
    }
    FUZZ_CHECK(t.customer_id >= 1 && t.customer_id <= 3);
    FUZZ_CHECK(!t.txn_ref.empty() && t.txn_ref.size() <= 100);
    FUZZ_CHECK(ParseCivilDate(FormatCivilDate(t.date)).has_value());
    CheckAmount(t.amount_fen);
    if (t.margin_fen) CheckAmount(*t.margin_fen);
    FUZZ_CHECK(t.created_at == now && t.created_by == who.user_id);
  }
  FUZZ_CHECK(reader.offset() >= csv.size());
  return 0;
}
