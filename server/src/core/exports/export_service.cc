#include "core/exports/export_service.h"

#include "core/access/permissions.h"
#include "core/audit/audit_log.h"
#include "core/ports/database.h"

namespace kams {
std::string ExportFileName(Timestamp t, ExportFormat format, ExportLang lang) {
  // "2026-11-24 18:30" → "20261124-1830"
  const std::string at = BusinessDateTime(t);
  std::string stamp;
  for (char ch : at) {
    if (ch == ' ') stamp += '-';
    else if (ch != '-' && ch != ':') stamp += ch;
  }
  return std::string(lang == ExportLang::kZhCn ? "客户-" : "customers-") + stamp + "." +
         std::string(ExportFormatName(format));
}

Status ExportService::Allowed(const Principal& who, const CustomerExportRequest& req) const {
  if (!Allows(who.role, Permission::kDataExport)) {
    return DenyError("export customers", "customer", std::nullopt);
  }
  if (req.filter.stage && !IsValidStage(*req.filter.stage)) {
    return ValidationFailed({{"stage", "invalid"}});
  }
  return Ok();
}

Status ExportService::Check(const Principal& who, const RequestContext& ctx,
                            const CustomerExportRequest& req) {
  return Recorded(deps_, ctx, who, Allowed(who, req));
}

Result<std::int64_t> ExportService::Run(const Principal& who, const RequestContext& ctx,
                                        const CustomerExportRequest& req,
                                        const std::function<ByteSink()>& open,
                                        std::optional<std::int64_t> limit) {
  return Recorded(deps_, ctx, who, [&]() -> Result<std::int64_t> {
    KAMS_CHECK(Allowed(who, req));
    std::vector<Id> exported;
    auto rows = Transact(deps_.db, TxMode::kRead, [&](Tx& tx) -> Result<std::int64_t> {
      exported.clear();
      auto writer = MakeTableWriter(req.format, open(), CustomerExportSheetName(req.lang));
      writer->Header(CustomerExportHeader(req.lang));
      PageRequest page{page_rows_, std::nullopt};
      for (;;) {
        auto batch = tx.customers().List(who, req.filter, req.sort, page);
        for (const auto& c : batch.items) {
          if (limit && static_cast<std::int64_t>(exported.size()) >= *limit) {
            Error e = ValidationFailed({{"filter", "too_many_rows"}});
            e.message = "the filter matches more than " + std::to_string(*limit) +
                        " customers, more than one export may hold: narrow the filter (or "
                        "export on the server with `kams export customers`)";
            return e;
          }
          writer->Row(CustomerExportRow(c, req.lang));
          exported.push_back(c.id);
        }
        if (!batch.next) break;
        page.after = batch.next;
      }
      writer->Finish();
      return static_cast<std::int64_t>(exported.size());
    });
    if (!rows.ok()) return rows;
    // No file leaves without its line in the audit log: when this fails, the export does.
    Status logged = deps_.db.Run(TxMode::kWrite, [&](Tx& tx) -> Status {
      std::vector<FieldChange> what{
          {"format", std::nullopt, std::string(ExportFormatName(req.format))},
          {"rows", std::nullopt, std::to_string(*rows)}};
      if (!req.filter_text.empty()) what.push_back({"filter", std::nullopt, req.filter_text});
      AppendAudit(tx, deps_, ctx, &who, "",
                  AuditEvent{"customer.export", "customer", std::nullopt, std::nullopt,
                             std::move(what)});
      return Ok();
    });
    if (!logged.ok()) return logged.take_error();
    if (who.user_id != 0) {
      // Each exported dossier is a read of it (bulk-access alerts).
      const Timestamp now = deps_.clock.Now();
      for (Id id : exported) {
        deps_.access_log.Record(
            AccessEntry{now, who.user_id, "customer_export", id, id, ctx.request_id, ctx.client_addr});
      }
    }
    return rows;
  }());
}

Result<ExportedFile> ExportService::Customers(const Principal& who, const RequestContext& ctx,
                                              const CustomerExportRequest& req,
                                              const std::function<ByteSink()>& open) {
  auto rows = Run(who, ctx, req, open, max_rows_);
  if (!rows.ok()) return rows.take_error();
  const Timestamp now = deps_.clock.Now();
  ExportedFile file;
  file.rows = *rows;
  file.file_name = ExportFileName(now, req.format, req.lang);
  file.ascii_file_name = ExportFileName(now, req.format, ExportLang::kEnUs);
  return file;
}

Result<std::int64_t> ExportService::CustomersTo(const Principal& who, const RequestContext& ctx,
                                                const CustomerExportRequest& req,
                                                const std::function<ByteSink()>& open) {
  return Run(who, ctx, req, open, std::nullopt);
}

}  // namespace kams
