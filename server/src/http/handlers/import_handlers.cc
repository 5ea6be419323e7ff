#include "http/api.h"
#include "http/handler_util.h"

namespace kams::http {
namespace {

json RejectsJson(const std::vector<ImportReject>& rejects) {
  json out = json::array();
  for (const auto& x : rejects) {
    out.push_back({{"line", x.line}, {"column", x.column}, {"reason", x.reason}});
  }
  return out;
}

json ReportJson(const ImportReport& r) {
  return json{{"id", r.run_id},
              {"rows", r.rows},
              {"imported", r.imported},
              {"rejected", r.rejected},
              {"rejects", RejectsJson(r.rejects)},
              {"seconds", r.seconds}};
}

json OptTime(const std::optional<Timestamp>& t) {
  return t ? json(FormatRfc3339(*t)) : json(nullptr);
}

// `with_rejects`: the single run's document; lists leave them out.
json RunJson(const ImportRun& r, bool with_rejects) {
  json out{{"id", r.id},
           {"kind", std::string(ImportKindName(r.kind))},
           {"status", std::string(ImportStatusName(r.status))},
           {"file_name", r.file_name},
           {"bytes_total", r.bytes_total},
           {"bytes_done", r.bytes_done},
           {"rows", r.rows},
           {"imported", r.imported},
           {"rejected", r.rejected},
           {"error", r.error ? json(*r.error) : json(nullptr)},
           {"cancel_requested", r.cancel_requested},
           {"created_by", r.created_by ? json(*r.created_by) : json(nullptr)},
           {"created_by_name", r.created_by_name},
           {"created_at", FormatRfc3339(r.created_at)},
           {"started_at", OptTime(r.started_at)},
           {"finished_at", OptTime(r.finished_at)},
           {"seconds", r.seconds}};
  if (with_rejects) out["rejects"] = RejectsJson(r.rejects);
  return out;
}

Status CheckCsv(const Request& req) {
  const std::string_view type = req.Header("content-type");
  if (type.substr(0, 8) != "text/csv") {
    return BadRequest("send the file as Content-Type: text/csv (UTF-8)");
  }
  return Ok();
}

// RFC 7240: `Prefer: respond-async` asks for a 202 and a run to poll instead of waiting.
bool PrefersAsync(const Request& req) {
  const std::string_view prefer = req.Header("prefer");
  for (std::size_t at = 0; at <= prefer.size();) {
    std::size_t end = prefer.find(',', at);
    if (end == std::string_view::npos) end = prefer.size();
    std::string_view token = prefer.substr(at, end - at);
    while (!token.empty() && (token.front() == ' ' || token.front() == '\t')) token.remove_prefix(1);
    token = token.substr(0, token.find_first_of(" \t;="));
    if (token == "respond-async") return true;
    at = end + 1;
  }
  return false;
}

Response RunResponse(int status, const ImportRun& run) {
  Response res = JsonResponse(status, RunJson(run, true));
  if (status == 202) {
    res.SetHeader("Location", "/api/v1/imports/" + std::to_string(run.id));
    res.SetHeader("Preference-Applied", "respond-async");
  }
  return res;
}

// POST /customers/import and /transactions/import: at once (200 and the report) or, with
// `Prefer: respond-async`, in the background (202 and the queued run).
Handler ImportRoute(Services& s, ImportKind kind,
                    const std::function<Handler(AuthedHandler)>& authed) {
  return authed([&s, kind](Request& req, const Call& call) -> Response {
    auto q = Query::Parse(req, {"file_name"});
    if (!q.ok()) return ErrorResponse(q.error(), req);
    if (auto st = CheckCsv(req); !st.ok()) return ErrorResponse(st.error(), req);
    const std::string file_name = q->Get("file_name").value_or("");
    if (PrefersAsync(req)) {
      auto run = s.imports.Submit(call.who(), call.ctx, kind, std::move(req.body), file_name);
      if (!run.ok()) return ErrorResponse(run.error(), req);
      return RunResponse(202, *run);
    }
    auto report = s.imports.Import(call.who(), call.ctx, kind, req.body, file_name);
    if (!report.ok()) return ErrorResponse(report.error(), req);
    return JsonResponse(200, ReportJson(*report));
  });
}

}  // namespace

void AddImportRoutes(Router& r, Services& s, const std::function<Handler(AuthedHandler)>& authed) {
  r.Add("POST", "/api/v1/customers/import", ImportRoute(s, ImportKind::kCustomers, authed));
  r.Add("POST", "/api/v1/transactions/import", ImportRoute(s, ImportKind::kTransactions, authed));

  r.Add("GET", "/api/v1/imports", authed([&s](Request& req, const Call& call) -> Response {
          auto q = Query::Parse(req, {"limit", "cursor", "kind", "status"});
          if (!q.ok()) return ErrorResponse(q.error(), req);
          auto page = q->Page("-id", true);
          if (!page.ok()) return ErrorResponse(page.error(), req);
          ImportRunFilter filter;
          std::vector<FieldError> bad;
          if (auto text = q->Get("kind")) {
            filter.kind = ParseImportKind(*text);
            if (!filter.kind) bad.push_back({"kind", "invalid"});
          }
          if (auto text = q->Get("status")) {
            filter.status = ParseImportStatus(*text);
            if (!filter.status) bad.push_back({"status", "invalid"});
          }
          if (!bad.empty()) return ErrorResponse(ValidationFailed(std::move(bad)), req);
          auto list = s.imports.List(call.who(), call.ctx, filter, *page);
          if (!list.ok()) return ErrorResponse(list.error(), req);
          return JsonResponse(
              200, ListJson(*list, "-id", [](const ImportRun& run) { return RunJson(run, false); }));
        }));

  r.Add("GET", "/api/v1/imports/{id}", authed([&s](Request& req, const Call& call) -> Response {
          auto id = PathId(req, 0);
          if (!id.ok()) return ErrorResponse(id.error(), req);
          if (auto q = Query::Parse(req, {}); !q.ok()) return ErrorResponse(q.error(), req);
          auto run = s.imports.Get(call.who(), call.ctx, *id);
          if (!run.ok()) return ErrorResponse(run.error(), req);
          return RunResponse(200, *run);
        }));

  r.Add("POST", "/api/v1/imports/{id}/cancel",
        authed([&s](Request& req, const Call& call) -> Response {
          auto id = PathId(req, 0);
          if (!id.ok()) return ErrorResponse(id.error(), req);
          if (auto q = Query::Parse(req, {}); !q.ok()) return ErrorResponse(q.error(), req);
          auto run = s.imports.Cancel(call.who(), call.ctx, *id);
          if (!run.ok()) return ErrorResponse(run.error(), req);
          return RunResponse(200, *run);
        }));
}

}  // namespace kams::http
