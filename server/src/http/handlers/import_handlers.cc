#include "http/api.h"
#include "http/handler_util.h"

namespace kams::http {
namespace {

json ReportJson(const ImportReport& r) {
  json rejects = json::array();
  for (const auto& x : r.rejects) {
    rejects.push_back({{"line", x.line}, {"column", x.column}, {"reason", x.reason}});
  }
  return json{{"rows", r.rows},
              {"imported", r.imported},
              {"rejected", r.rejected},
              {"rejects", rejects},
              {"seconds", r.seconds}};
}

Status CheckCsv(const Request& req) {
  const std::string_view type = req.Header("content-type");
  if (type.substr(0, 8) != "text/csv") {
    return BadRequest("send the file as Content-Type: text/csv (UTF-8)");
  }
  return Ok();
}

}  // namespace

void AddImportRoutes(Router& r, Services& s, const std::function<Handler(AuthedHandler)>& authed) {
  r.Add("POST", "/api/v1/customers/import", authed([&s](Request& req, const Call& call) {
          if (auto st = CheckCsv(req); !st.ok()) return ErrorResponse(st.error(), req);
          auto report = s.imports.ImportCustomers(call.who(), call.ctx, req.body);
          if (!report.ok()) return ErrorResponse(report.error(), req);
          return JsonResponse(200, ReportJson(*report));
        }));
  r.Add("POST", "/api/v1/transactions/import", authed([&s](Request& req, const Call& call) {
          if (auto st = CheckCsv(req); !st.ok()) return ErrorResponse(st.error(), req);
          auto report = s.imports.ImportTransactions(call.who(), call.ctx, req.body);
          if (!report.ok()) return ErrorResponse(report.error(), req);
          return JsonResponse(200, ReportJson(*report));
        }));
}

}  // namespace kams::http
