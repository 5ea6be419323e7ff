// Customer imports (POST /customers/import, `kams import customers`) without the database:
// bytes → CsvReader → ReadCustomerHeader → ReadCustomerRow for every record, as
// ImportService does. Properties: the reader always advances and ends; every accepted
// row is a customer that passes the dossier rules and carries its reference.
#include "core/imports/import_rows.h"
#include "fuzz_check.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace kams;
  const std::string_view csv = fuzz::Text(data, size);
  CsvReader reader(csv);
  auto columns = ReadCustomerHeader(reader);
  if (!columns.ok()) {
    FUZZ_CHECK(!columns.error().fields.empty());
    return 0;
  }
  Principal who;
  who.user_id = 7;
  who.role = Role::kSpecialist;
  who.org_unit_id = 1;
  const Timestamp now = 1'780'000'000'000'000;
  std::vector<std::string> fields;
  std::size_t last_offset = reader.offset();
  std::int64_t last_line = reader.line();
  while (reader.Next(fields)) {
    FUZZ_CHECK(reader.offset() > last_offset && reader.offset() <= csv.size());
    FUZZ_CHECK(reader.line() > last_line);
    last_offset = reader.offset();
    last_line = reader.line();
    Customer c;
    if (auto problem = ReadCustomerRow(reader, fields, *columns, who, now, c)) {
      FUZZ_CHECK(!problem->reason.empty());
      continue;
    }
    FUZZ_CHECK(ValidateCustomer(c).ok());
    FUZZ_CHECK(c.external_ref && !c.external_ref->empty());
    FUZZ_CHECK(c.org_unit_id == who.org_unit_id && c.created_by == who.user_id);
    (void)FormatRfc3339(c.created_at);
  }
  FUZZ_CHECK(reader.offset() >= csv.size());
  return 0;
}
