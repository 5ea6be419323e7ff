#pragma once
// Exports (导出) of the customer list: only the customers the caller sees, only with the
// `data.export` permission, every export in the audit log (customer.export: format, filter,
// rows) and every exported customer a read in the access log, so that a bulk export raises
// a bulk-access alert like any other mass read.

#include <functional>

#include "core/audit/audit_record.h"
#include "core/common/context.h"
#include "core/customers/customer.h"
#include "core/exports/customer_export.h"
#include "core/org/user.h"

namespace kams {

struct CustomerExportRequest {
  ExportFormat format = ExportFormat::kCsv;
  ExportLang lang = ExportLang::kZhCn;
  CustomerFilter filter;
  SortSpec sort;
  std::string filter_text;  // the filter as the client gave it, for the audit row
};

// Rows an export over the API may hold by default (`kams serve --export-max-rows`); the
// command line has no limit.
inline constexpr std::int64_t kDefaultExportMaxRows = 100'000;
// Rows read per query, one keyset page after another in one read transaction
// (`kams serve --export-page-rows`). Large pages: a page sorted by name within a narrow scope
// costs a sort of the whole scope (a director's 96,000 customers: 1,000-row pages took 25 s,
// 10,000-row pages a tenth of that), and a page of dossiers held at once is about 10 MB.
inline constexpr int kDefaultExportPageRows = 10'000;

// What an export wrote (the bytes went to the caller's sink).
struct ExportedFile {
  std::string file_name;        // "客户-20261124-1830.csv" / "customers-…" (China time)
  std::string ascii_file_name;  // "customers-20261124-1830.csv", for old clients
  std::int64_t rows = 0;
};

class ExportService {
 public:
  // REQUIRES: max_rows >= 1, page_rows >= 1.
  ExportService(CoreDeps deps, std::int64_t max_rows, int page_rows = kDefaultExportPageRows)
      : deps_(deps), max_rows_(max_rows), page_rows_(page_rows) {}

  // Writes the file to the sink `open()` returns (called again, to start over, when the
  // database retries the read), then writes the audit row; only then may the caller let
  // the file go anywhere. More rows than the limit: validation_failed on "filter"
  // (too_many_rows), nothing logged. A failed audit write fails the export.
  Result<ExportedFile> Customers(const Principal& who, const RequestContext& ctx,
                                 const CustomerExportRequest& req,
                                 const std::function<ByteSink()>& open);

  // The same without a row limit (the command line). Returns the rows written.
  Result<std::int64_t> CustomersTo(const Principal& who, const RequestContext& ctx,
                                   const CustomerExportRequest& req,
                                   const std::function<ByteSink()>& open);

  // Whether `who` may make this export (the permission and the filter's values), without
  // making it: nothing read, no audit row, no access-log reads (a refusal is audited as
  // any refusal is). For HEAD.
  Status Check(const Principal& who, const RequestContext& ctx,
               const CustomerExportRequest& req);

  std::int64_t max_rows() const { return max_rows_; }

 private:
  Status Allowed(const Principal& who, const CustomerExportRequest& req) const;
  Result<std::int64_t> Run(const Principal& who, const RequestContext& ctx,
                           const CustomerExportRequest& req, const std::function<ByteSink()>& open,
                           std::optional<std::int64_t> limit);
  CoreDeps deps_;
  std::int64_t max_rows_;
  int page_rows_;
};

// The file name for an export made at `t`: "客户-YYYYMMDD-HHMM.csv" (Chinese) or
// "customers-YYYYMMDD-HHMM.csv", in China time.
std::string ExportFileName(Timestamp t, ExportFormat format, ExportLang lang);

}  // namespace kams
