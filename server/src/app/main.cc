// kams: the Key-Account Management System in one binary.
#include <CLI/CLI.hpp>
#include <spdlog/spdlog.h>

#include <csignal>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <condition_variable>
#include <mutex>
#include <optional>
#include <random>
#include <stop_token>
#include <thread>

#include <unistd.h>

#include "app/demo/demo_loader.h"
#include "app/import_worker.h"
#include "app/wiring.h"
#include "core/jobs/job_scheduler.h"
#include "http/console_files.h"
#include "http/api.h"
#include "http/json_codec.h"
#include "http/server.h"
#include "http/spool_file.h"
#include "store/backup.h"

namespace kams {
namespace {

constexpr const char* kVersion = "0.1.0";

bool SplitListen(const std::string& listen, std::string& host, std::uint16_t& port) {
  std::string h, p;
  if (!listen.empty() && listen.front() == '[') {
    const auto close = listen.find(']');
    if (close == std::string::npos || close + 1 >= listen.size() || listen[close + 1] != ':') {
      return false;
    }
    h = listen.substr(1, close - 1);
    p = listen.substr(close + 2);
  } else {
    const auto colon = listen.rfind(':');
    if (colon == std::string::npos) return false;
    h = listen.substr(0, colon);
    p = listen.substr(colon + 1);
  }
  try {
    const int n = std::stoi(p);
    if (n < 0 || n > 65535) return false;
    port = static_cast<std::uint16_t>(n);
  } catch (...) {
    return false;
  }
  host = h.empty() ? "127.0.0.1" : h;
  return true;
}

struct ServeOptions {
  std::string db;
  std::string listen;
  int threads = 4;
  int long_threads = 4;
  int pool = 0;
  bool secure_cookies = false;
  std::string port_file;
  std::string console_dir;   // the built web console; empty: API only
  std::string node;          // this node's name in job runs
  int job_period_seconds = 0;  // 0: each job's own schedule
  std::int64_t export_max_rows = kDefaultExportMaxRows;
  int export_page_rows = kDefaultExportPageRows;
  std::string temp_dir;  // files made before they are sent (exports)
};

std::string DefaultNodeName() {
  char host[256] = {};
  if (gethostname(host, sizeof host - 1) != 0) std::snprintf(host, sizeof host, "node");
  return std::string(host) + ":" + std::to_string(getpid());
}

// Ticks the job scheduler until stopped: about every 15 s, or a quarter of an overridden period.
class JobTicker {
 public:
  JobTicker(JobScheduler& jobs, std::chrono::milliseconds every)
      : thread_([&jobs, every](std::stop_token stop) {
          std::mutex m;
          std::condition_variable_any cv;
          // Jitter (±25 %): nodes started together do not tick in lock-step, so which node
          // wins a period varies instead of always being the one a few ms ahead.
          std::minstd_rand rng(static_cast<unsigned>(
              std::chrono::steady_clock::now().time_since_epoch().count() ^ getpid()));
          std::uniform_int_distribution<long> spread(every.count() * 3 / 4, every.count() * 5 / 4);
          while (!stop.stop_requested()) {
            try {
              jobs.Tick();
            } catch (const std::exception& e) {
              spdlog::error("job tick failed: {}", e.what());
            }
            std::unique_lock lock(m);
            cv.wait_for(lock, stop, std::chrono::milliseconds(spread(rng)), [] { return false; });
          }
        }) {}

 private:
  std::jthread thread_;
};

int Serve(const ServeOptions& o) {
  // A write to a pipe whose reader went away (a log piped into a pager that quit, a
  // control pipe) must be an EPIPE error for that write, not the end of the server.
  // Sockets never raise it (they are written with MSG_NOSIGNAL).
  std::signal(SIGPIPE, SIG_IGN);
  std::string host;
  std::uint16_t port = 0;
  if (!SplitListen(o.listen, host, port)) {
    std::fprintf(stderr, "kams: --listen must be HOST:PORT, got '%s'\n", o.listen.c_str());
    return 2;
  }
  http::ConsoleFiles console;
  if (!o.console_dir.empty()) {
    if (Status s = console.Load(o.console_dir); !s.ok()) {
      std::fprintf(stderr, "kams: --console: %s\n", s.error().message.c_str());
      return 2;
    }
  }
  // Exports are written here before they are sent: a folder that cannot hold a file would
  // fail every export, so it fails the start instead.
  if (auto probe = http::SpoolFile::Create(o.temp_dir); !probe.ok()) {
    std::fprintf(stderr, "kams: --temp-dir: %s\n", probe.error().message.c_str());
    return 2;
  }
  WiringOptions wo{o.db, o.pool > 0 ? o.pool : std::max(4, o.threads + o.long_threads + 2)};
  wo.export_max_rows = o.export_max_rows;
  wo.export_page_rows = o.export_page_rows;
  Wiring wiring(wo);
  http::Services services{wiring.auth(),  wiring.customers(), wiring.contacts(),
                          wiring.org(),   wiring.users(),     wiring.audit(),
                          wiring.imports(), wiring.tiering(), wiring.nominations(),
                          wiring.notifications(),
                          wiring.interactions(),
                          wiring.cadence(),
                          wiring.access_alerts(),
                          wiring.handovers(),
                          wiring.visit_plans(),
                          wiring.reviews(),
                          wiring.exports(),
                          wiring.contracts(),
                          [&wiring] {
                            return wiring.store().Run(TxMode::kRead, [](Tx&) { return Ok(); }).ok();
                          }};
  http::Api api(services, wiring.metrics(), http::ApiOptions{o.secure_cookies, o.temp_dir}, &console);
  http::ServerOptions so;
  so.host = host;
  so.port = port;
  so.threads = o.threads;
  so.long_threads = o.long_threads;
  if (o.long_threads > 0) so.runs_long = &http::Api::RunsLong;
  const std::string node = o.node.empty() ? DefaultNodeName() : o.node;
  // Background imports (Prefer: respond-async) run one at a time on this node's worker.
  ImportWorker import_worker(node, kMaxQueuedImports);
  wiring.imports().SetExecutor(&import_worker);
  http::Server server(so, [&api](http::Request& req) { return api.Handle(req); });
  const std::uint16_t bound = server.Listen();

  const Timestamp period_override = Timestamp{o.job_period_seconds} * kMicrosPerSecond;
  JobScheduler jobs(wiring.deps(), node, period_override);
  jobs.Add(JobSpec{"auth.purge", 3600 * kMicrosPerSecond, 0, 0,
                   [&wiring] { return wiring.auth().PurgeExpired(); }});
  // Every night at 02:00 China time, each active tier scheme is applied.
  jobs.Add(JobSpec{"tiering.nightly", 86400 * kMicrosPerSecond, 0, 18 * 3600 * kMicrosPerSecond,
                   [&wiring] { return wiring.tiering().ApplyActive(RequestContext{"job", "local"}); }});
  // Every day at 00:10 China time, the contact cadence of every account is checked.
  jobs.Add(JobSpec{"cadence.daily", 86400 * kMicrosPerSecond, 0, (16 * 3600 + 600) * kMicrosPerSecond,
                   [&wiring] { return wiring.cadence().RunDaily(); }});
  // Every day at 00:20 China time, owners hear of the visits they planned and missed.
  jobs.Add(JobSpec{"visits.missed", 86400 * kMicrosPerSecond, 0, (16 * 3600 + 1200) * kMicrosPerSecond,
                   [&wiring] { return wiring.visit_plans().NotifyMissed(); }});
  // Every minute, users reading far more dossiers than their role's threshold raise an alert.
  jobs.Add(JobSpec{"access.watch", 60 * kMicrosPerSecond, 0, 0,
                   [&wiring] { return wiring.access_alerts().Watch(); }});
  jobs.OnRun([&wiring](const std::string& job, bool ok) { wiring.metrics().ObserveJob(job, ok); });
  std::optional<JobTicker> ticker;
  ticker.emplace(jobs, o.job_period_seconds > 0
                           ? std::chrono::milliseconds(o.job_period_seconds * 250)
                           : std::chrono::milliseconds(15'000));

  if (!o.port_file.empty()) {
    const std::string tmp = o.port_file + ".tmp";
    std::ofstream(tmp) << bound << "\n";
    std::filesystem::rename(tmp, o.port_file);
  }
  spdlog::info("KAMS {} serving http://{}:{} (database {}, {} + {} threads, node {}{})", kVersion,
               host.find(':') != std::string::npos ? "[" + host + "]" : host, bound,
               RedactPassword(o.db), o.threads, o.long_threads, jobs.node(),
               console.empty() ? ", API only" : ", console " + o.console_dir);
  server.Run();
  spdlog::info("shutting down: stopping jobs and imports, flushing the access log, closing the database");
  ticker.reset();
  import_worker.Stop();  // a running import ends after its batch, recorded as interrupted
  wiring.access_log().Stop();
  return 0;
}

int Demo(const std::string& db, int customers, std::uint64_t seed, int months) {
  if (IsPostgresUrl(db)) {
    // The demo replaces the whole database: drop every table, then migrate from nothing.
    if (Status s = OpenStore(db, 1)->Reset(); !s.ok()) {
      std::fprintf(stderr, "kams demo: %s\n", s.error().message.c_str());
      return 1;
    }
  } else {
    for (const char* suffix : {"", "-wal", "-shm"}) {
      std::error_code ec;
      std::filesystem::remove(db + suffix, ec);
    }
  }
  Wiring wiring(WiringOptions{db, 2});
  std::fprintf(stderr, "Loading the demo company into %s ...\n", RedactPassword(db).c_str());
  auto report = demo::LoadDemoCompany(
      wiring.deps(), wiring.scheme_format(), demo::DemoOptions{seed, customers, months},
      [&](int done) { std::fprintf(stderr, "\r  customers: %d / %d", done, customers); });
  std::fprintf(stderr, "\n");
  if (!report.ok()) {
    std::fprintf(stderr, "kams demo: %s\n", report.error().message.c_str());
    return 1;
  }
  std::printf(
      "Demo company loaded: %d org units, %d users, %d customers, %d contacts, %lld transactions;\n"
      "%d tier schemes stored and applied (%lld tier changes); %lld contact records, %lld visit\n"
      "plans, %lld reviewed; %lld contracts; ye.feng left 40 days ago and handed %lld accounts\n"
      "to fang.xin.\n"
      "Every demo user's password is: %s\n"
      "Try: admin (admin), exec (executive), specialist, dir.east (director), kam.sz (KAM),\n"
      "     asst.sh (assistant), svc.east (service), sales.sz (sales rep).\n",
      report->units, report->users, report->customers, report->contacts,
      static_cast<long long>(report->transactions), report->schemes,
      static_cast<long long>(report->tier_changes), static_cast<long long>(report->interactions),
      static_cast<long long>(report->visit_plans), static_cast<long long>(report->reviewed),
      static_cast<long long>(report->contracts), static_cast<long long>(report->handed_over),
      demo::kDemoPassword);
  return 0;
}

int AuditVerify(const std::string& db) {
  Wiring wiring(WiringOptions{db, 2});
  auto result = wiring.audit().Verify();
  if (!result.ok()) {
    std::fprintf(stderr, "kams audit verify: %s\n", result.error().message.c_str());
    return 2;
  }
  if (result->ok) {
    std::printf("audit chain intact: %lld rows verified\n",
                static_cast<long long>(result->rows_checked));
    return 0;
  }
  std::printf("audit chain BROKEN at row %lld: %s\n",
              static_cast<long long>(result->first_bad_id.value_or(0)), result->problem.c_str());
  return 1;
}

int Report(const Status& s, const char* what) {
  if (s.ok()) return 0;
  std::fprintf(stderr, "kams %s: %s", what, s.error().message.c_str());
  for (const auto& f : s.error().fields) std::fprintf(stderr, " [%s: %s]", f.field.c_str(), f.problem.c_str());
  std::fprintf(stderr, "\n");
  return 1;
}

void PrintTables(const std::vector<TableRows>& tables, double seconds) {
  std::int64_t total = 0;
  for (const auto& t : tables) {
    std::printf("  %-22s %12lld rows\n", t.table.c_str(), static_cast<long long>(t.rows));
    total += t.rows;
  }
  std::printf("  %-22s %12lld rows in %.2f s\n", "total", static_cast<long long>(total), seconds);
}

int Backup(const std::string& db, const std::string& out) {
  auto report = BackupDatabase(db, out);
  if (!report.ok()) return Report(report.take_error(), "backup");
  std::printf("backup of %s (schema version %d) written to %s\n", RedactPassword(db).c_str(),
              report->schema_version, out.c_str());
  PrintTables(report->tables, report->seconds);
  return 0;
}

int Restore(const std::string& db, const std::string& from, ExistingData existing) {
  auto report = RestoreDatabase(from, db, existing);
  if (!report.ok()) return Report(report.take_error(), "restore");
  std::printf("%s restored into %s (backup schema version %d, now %d)\n", from.c_str(),
              RedactPassword(db).c_str(), report->backup_version, report->schema_version);
  PrintTables(report->tables, report->seconds);
  std::printf("check it with: kams audit verify --db %s\n", RedactPassword(db).c_str());
  return 0;
}

// Tab-separated: job, period, node, started, finished (or "-"), attempts, outcome.
int ListJobs(const std::string& db, const std::string& job, int limit) {
  auto store = OpenDatabase(db, 1);
  std::vector<JobRun> runs;
  Status st = store->Run(TxMode::kRead, [&](Tx& tx) -> Status {
    runs = tx.jobs().Recent(job, limit);
    return Ok();
  });
  if (!st.ok()) return Report(st.take_error(), "jobs");
  std::printf("job\tperiod\tnode\tstarted_at\tfinished_at\tattempts\toutcome\n");
  for (const auto& r : runs) {
    std::printf("%s\t%s\t%s\t%s\t%s\t%lld\t%s\n", r.job.c_str(), r.period.c_str(), r.node.c_str(),
                FormatRfc3339(r.started_at).c_str(),
                r.finished_at ? FormatRfc3339(*r.finished_at).c_str() : "-",
                static_cast<long long>(r.attempts), r.outcome.c_str());
  }
  return 0;
}

std::optional<std::string> ReadWholeFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  return text;
}

// `kams retier`: stores the scheme under its name (a new version when it changed) and applies
// it, or with --dry-run only says what would change.
int Retier(const std::string& db, const std::string& scheme_file, const std::string& as_of,
           bool dry_run, bool as_json, int movers) {
  auto text = ReadWholeFile(scheme_file);
  if (!text) {
    std::fprintf(stderr, "kams retier: cannot read %s\n", scheme_file.c_str());
    return 2;
  }
  auto json = nlohmann::json::parse(*text, nullptr, false);
  if (json.is_discarded()) {
    std::fprintf(stderr, "kams retier: %s is not JSON\n", scheme_file.c_str());
    return 2;
  }
  auto scheme = codec::ParseTierScheme(json);
  if (!scheme.ok()) return Report(scheme.take_error(), "retier");
  RunOptions options;
  options.movers_limit = movers;
  if (!as_of.empty()) {
    options.as_of = ParseCivilDate(as_of);
    if (!options.as_of) {
      std::fprintf(stderr, "kams retier: --as-of must be YYYY-MM-DD\n");
      return 2;
    }
  }
  Wiring wiring(WiringOptions{db, 2});
  auto run = wiring.tiering().Retier(wiring.CliPrincipal(), RequestContext{"cli", "local"},
                                     *scheme, dry_run, options);
  if (!run.ok()) return Report(run.take_error(), "retier");
  if (as_json) {
    std::printf("%s\n", codec::ToJson(*run).dump().c_str());
    return 0;
  }
  std::printf("%s (%s) as of %s, windows ending %s: %lld customers\n", run->scheme_name.c_str(),
              dry_run ? "dry run, nothing changed" : "applied",
              FormatCivilDate(run->as_of).c_str(),
              FormatCivilDate(FirstDayOf(run->last_month)).substr(0, 7).c_str(),
              static_cast<long long>(run->customers));
  for (std::size_t i = 0; i < run->tier_names.size(); ++i) {
    std::printf("  %-16s %10lld -> %10lld\n", run->tier_names[i].c_str(),
                static_cast<long long>(run->before[i]), static_cast<long long>(run->after[i]));
  }
  std::printf("  %-16s %10lld -> %10lld\n", "(none)", static_cast<long long>(run->none_before),
              static_cast<long long>(run->none_after));
  std::printf("%lld changes (%lld assigned, %lld up, %lld down, %lld revoked, %lld pinned kept) "
              "in %.3f s (load %.3f, evaluate %.3f, apply %.3f)\n",
              static_cast<long long>(run->changes), static_cast<long long>(run->assigned),
              static_cast<long long>(run->upgrades), static_cast<long long>(run->downgrades),
              static_cast<long long>(run->revoked), static_cast<long long>(run->pinned_kept),
              run->load_seconds + run->evaluate_seconds + run->apply_seconds, run->load_seconds,
              run->evaluate_seconds, run->apply_seconds);
  for (const auto& m : run->movers) {
    std::printf("  %s %s: %s -> %s  %s\n", m.external_ref.c_str(), m.customer_name.c_str(),
                m.from.value_or("-").c_str(), m.to.value_or("-").c_str(), m.reason.c_str());
  }
  return 0;
}

// Rows per import transaction from the command line. A batch dirties index pages across the
// whole customer range, so its commit writes them all to the WAL: at 50 M transactions,
// batches of 200,000 rows wrote several KiB per row. Larger batches share each page among
// more rows (about 200 bytes of memory per row held; bench/import measured it).
constexpr std::size_t kDefaultImportBatchRows = 2'000'000;

// `kams import customers|transactions`: exit 0 when every row went in, 3 when some were
// rejected (the report says which), 1 or 2 on errors.
int Import(const std::string& db, const std::string& what, const std::string& file, bool as_json,
           std::size_t batch_rows) {
  auto text = ReadWholeFile(file);
  if (!text) {
    std::fprintf(stderr, "kams import: cannot read %s\n", file.c_str());
    return 2;
  }
  Wiring wiring(WiringOptions{db, 2, StoreWorkload::kBulkLoad, batch_rows});
  const Principal cli = wiring.CliPrincipal();
  const RequestContext ctx{"cli", "local"};
  const bool tty = isatty(fileno(stderr)) != 0;
  auto progress = [&](std::int64_t rows, std::size_t done, std::size_t total) {
    if (!tty) return;
    std::fprintf(stderr, "\r  %lld rows, %.0f%%", static_cast<long long>(rows),
                 total ? 100.0 * static_cast<double>(done) / static_cast<double>(total) : 100.0);
  };
  auto report = wiring.imports().Import(
      cli, ctx, what == "customers" ? ImportKind::kCustomers : ImportKind::kTransactions, *text,
      std::filesystem::path(file).filename().string(), progress);
  if (tty) std::fprintf(stderr, "\n");
  if (!report.ok()) return Report(report.take_error(), "import");
  if (as_json) {
    nlohmann::json rejects = nlohmann::json::array();
    for (const auto& r : report->rejects) {
      rejects.push_back({{"line", r.line}, {"column", r.column}, {"reason", r.reason}});
    }
    std::printf("%s\n", nlohmann::json{{"id", report->run_id},
                                       {"rows", report->rows},
                                       {"imported", report->imported},
                                       {"rejected", report->rejected},
                                       {"rejects", rejects},
                                       {"seconds", report->seconds},
                                       {"rows_per_second", report->seconds > 0
                                                               ? static_cast<double>(report->rows) /
                                                                     report->seconds
                                                               : 0.0}}
                             .dump()
                             .c_str());
  } else {
    std::printf("import %lld: %lld rows read, %lld imported, %lld rejected in %.2f s (%.0f rows/s)\n",
                static_cast<long long>(report->run_id), static_cast<long long>(report->rows), static_cast<long long>(report->imported),
                static_cast<long long>(report->rejected), report->seconds,
                report->seconds > 0 ? static_cast<double>(report->rows) / report->seconds : 0.0);
    for (const auto& r : report->rejects) {
      std::printf("  line %lld%s%s: %s\n", static_cast<long long>(r.line),
                  r.column.empty() ? "" : ", column ", r.column.c_str(), r.reason.c_str());
    }
    if (report->rejected > static_cast<std::int64_t>(report->rejects.size())) {
      std::printf("  … and %lld more\n",
                  static_cast<long long>(report->rejected) -
                      static_cast<long long>(report->rejects.size()));
    }
  }
  return report->rejected > 0 ? 3 : 0;
}

struct ExportOptions {
  std::string out;
  std::string format;  // "" : from the file's extension
  std::string lang = "zh-CN";
  std::string stage, tier, region, industry, q;
  bool key_accounts_only = false;
};

// `kams export customers`: every customer (or those the filters keep) into a new file,
// written beside it first and renamed when complete; audited like an export over the API.
int Export(const std::string& db, const ExportOptions& o) {
  CustomerExportRequest req;
  std::string format = o.format;
  if (format.empty()) format = std::filesystem::path(o.out).extension() == ".xlsx" ? "xlsx" : "csv";
  auto f = ParseExportFormat(format);
  if (!f) return Report(ValidationFailed({{"format", "invalid"}}), "export");
  req.format = *f;
  auto lang = ParseExportLang(o.lang);
  if (!lang) return Report(ValidationFailed({{"lang", "invalid"}}), "export");
  req.lang = *lang;
  const auto add = [&req](std::optional<std::string>& field, const char* name, const std::string& v) {
    if (v.empty()) return;
    field = v;
    if (!req.filter_text.empty()) req.filter_text += '&';
    req.filter_text += std::string(name) + "=" + v;
  };
  add(req.filter.stage, "stage", o.stage);
  add(req.filter.tier, "tier", o.tier);
  add(req.filter.region, "region", o.region);
  add(req.filter.industry, "industry", o.industry);
  if (!o.q.empty()) {
    req.filter.q = o.q;
    req.filter_text += std::string(req.filter_text.empty() ? "" : "&") + "q=" + o.q;
  }
  if (o.key_accounts_only) {
    req.filter.is_key_account = true;
    req.filter_text += std::string(req.filter_text.empty() ? "" : "&") + "is_key_account=true";
  }
  std::error_code ec;
  if (std::filesystem::exists(o.out, ec)) {
    std::fprintf(stderr, "kams export: %s exists; choose a new file\n", o.out.c_str());
    return 2;
  }
  const std::string part = o.out + ".part";
  std::ofstream file;
  Wiring wiring(WiringOptions{db, 2});
  const auto started = std::chrono::steady_clock::now();
  auto rows = wiring.exports().CustomersTo(
      wiring.CliPrincipal(), RequestContext{"cli", "local"}, req, [&]() -> ByteSink {
        file = std::ofstream(part, std::ios::binary | std::ios::trunc);
        if (!file) throw std::runtime_error("cannot write " + part);
        return [&file, &part](std::string_view b) {
          if (!file.write(b.data(), static_cast<std::streamsize>(b.size()))) {
            throw std::runtime_error("cannot write " + part);
          }
        };
      });
  if (rows.ok()) {
    file.flush();
    if (!file) rows = MakeError(ErrorCode::kInternal, "cannot write " + part);
  }
  file.close();
  if (!rows.ok()) {
    std::filesystem::remove(part, ec);
    return Report(rows.take_error(), "export");
  }
  std::filesystem::rename(part, o.out, ec);
  if (ec) {
    std::fprintf(stderr, "kams export: cannot rename %s: %s\n", part.c_str(), ec.message().c_str());
    return 1;
  }
  const double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  std::printf("exported %lld customers to %s (%s) in %.2f s\n", static_cast<long long>(*rows),
              o.out.c_str(), std::string(ExportFormatName(req.format)).c_str(), secs);
  return 0;
}

}  // namespace
}  // namespace kams

int main(int argc, char** argv) {
  using namespace kams;
  CLI::App app{"KAMS: Key-Account Management System (大客户管理系统)"};
  app.require_subcommand(1);
  std::string db = "./kams.db";
  if (const char* env = std::getenv("KAMS_DB")) db = env;

  auto* serve = app.add_subcommand("serve", "Serve the HTTP API and web console");
  std::string listen = "127.0.0.1:8080";
  if (const char* env = std::getenv("KAMS_LISTEN")) listen = env;
  ServeOptions so;
  so.threads = std::max(4, static_cast<int>(std::thread::hardware_concurrency()) * 2);
  so.long_threads = so.threads;
  if (const char* env = std::getenv("KAMS_POOL")) so.pool = std::atoi(env);
  if (const char* env = std::getenv("KAMS_CONSOLE")) so.console_dir = env;
  serve->add_option("--db", db, "Database: a SQLite file, or postgres://user@host:port/dbname")->capture_default_str();
  serve->add_option("--listen", listen, "HOST:PORT to listen on (port 0 picks one)")->capture_default_str();
  serve->add_option("--threads", so.threads, "I/O threads (they also answer quick requests)")->check(CLI::Range(1, 256))->capture_default_str();
  serve->add_option("--long-threads", so.long_threads, "Threads for requests that run long (searches, exports, sign-ins, reports); 0: the I/O threads answer them too")->check(CLI::Range(0, 256))->capture_default_str();
  serve->add_flag("--secure-cookies", so.secure_cookies, "Mark session cookies Secure (TLS in front)");
  serve->add_option("--port-file", so.port_file, "Write the bound port to this file once listening");
  serve->add_option("--pool", so.pool, "Database connections (0: threads + long threads + 2, at least 4)")->check(CLI::Range(0, 1024))->capture_default_str();
  serve->add_option("--console", so.console_dir, "Folder of the built web console (web/dist) to serve at /");
  serve->add_option("--node", so.node, "This node's name in job runs (default host:pid)");
  serve->add_option("--export-max-rows", so.export_max_rows, "Rows one export over the API may hold (the command line has no limit)")->check(CLI::Range(static_cast<std::int64_t>(1), static_cast<std::int64_t>(10'000'000)))->capture_default_str();
  serve->add_option("--export-page-rows", so.export_page_rows, "Customers an export reads per query")->check(CLI::Range(1, 1'000'000))->capture_default_str();
  so.temp_dir = std::getenv("TMPDIR") && *std::getenv("TMPDIR") ? std::getenv("TMPDIR") : "/tmp";
  serve->add_option("--temp-dir", so.temp_dir, "Folder for exports being made and sent (unnamed files; default $TMPDIR or /tmp)")->capture_default_str();
  serve->add_option("--job-period", so.job_period_seconds, "Run every periodic job every N seconds instead of its schedule (tests, drills)")->check(CLI::Range(0, 86400));

  auto* migrate = app.add_subcommand("migrate", "Create or upgrade a database (no data)");
  migrate->add_option("--db", db, "Database file or postgres:// URL")->capture_default_str();

  auto* demo = app.add_subcommand("demo", "Create or reset the demo database");
  int demo_customers = 2000;
  std::uint64_t seed = 20261123;
  demo->add_option("--db", db, "Database file or postgres:// URL (replaced)")->capture_default_str();
  demo->add_option("--customers", demo_customers, "Number of customers")->check(CLI::Range(100, 5'000'000))->capture_default_str();
  demo->add_option("--seed", seed, "Generator seed")->capture_default_str();
  int demo_months = 24;
  demo->add_option("--months", demo_months, "Months of transactions, then tier schemes applied to them (0: neither)")->check(CLI::Range(0, 120))->capture_default_str();

  auto* user = app.add_subcommand("user", "Manage users from the command line");
  user->require_subcommand(1);
  std::string username, display_name, role, password;
  std::int64_t org_unit = 0;
  auto* user_add = user->add_subcommand("add", "Add a user");
  user_add->add_option("--db", db)->capture_default_str();
  user_add->add_option("--username", username)->required();
  user_add->add_option("--display-name", display_name)->required();
  user_add->add_option("--role", role, "admin|executive|director|kam|assistant|specialist|service|sales")->required();
  user_add->add_option("--org-unit", org_unit, "Org unit id")->required();
  user_add->add_option("--password", password)->required();
  auto* user_disable = user->add_subcommand("disable", "Disable a user and end their sessions");
  user_disable->add_option("--db", db)->capture_default_str();
  user_disable->add_option("--username", username)->required();
  auto* user_reset = user->add_subcommand("reset", "Set a new password and end the user's sessions");
  user_reset->add_option("--db", db)->capture_default_str();
  user_reset->add_option("--username", username)->required();
  user_reset->add_option("--password", password)->required();

  auto* audit = app.add_subcommand("audit", "Audit log tools");
  audit->require_subcommand(1);
  auto* verify = audit->add_subcommand("verify", "Check the audit hash chain; exit 1 at the first bad row");
  verify->add_option("--db", db)->capture_default_str();

  auto* backup = app.add_subcommand(
      "backup", "Write a consistent copy of the database (SQLite or PostgreSQL) to a new file");
  std::string out;
  backup->add_option("--db", db, "Database file or postgres:// URL")->capture_default_str();
  backup->add_option("--out", out, "Backup file to create (a SQLite file; never overwritten)")->required();

  auto* restore = app.add_subcommand(
      "restore", "Replace a database (SQLite or PostgreSQL) with the contents of a backup");
  std::string from;
  bool force = false;
  restore->add_option("--db", db, "Target: database file or postgres:// URL")->capture_default_str();
  restore->add_option("--from", from, "Backup file written by kams backup")->required();
  restore->add_flag("--force", force, "Replace a target that holds data");

  auto* init = app.add_subcommand(
      "init", "Set up an empty database: the company's root org unit and its first admin");
  std::string company;
  init->add_option("--db", db)->capture_default_str();
  init->add_option("--company", company, "Company name (the root org unit)")->required();
  init->add_option("--admin", username, "Username of the first administrator")->default_val("admin");
  init->add_option("--display-name", display_name, "Their display name")->default_val("系统管理员");
  init->add_option("--password", password, "Their password (8+ characters, not only letters)")->required();

  auto* jobs_cmd = app.add_subcommand("jobs", "List the latest periodic job runs (which node ran what)");
  std::string job_name;
  int job_limit = 50;
  jobs_cmd->add_option("--db", db)->capture_default_str();
  jobs_cmd->add_option("--job", job_name, "Only this job");
  jobs_cmd->add_option("--limit", job_limit, "How many runs")->check(CLI::Range(1, 100000))->capture_default_str();

  auto* retier = app.add_subcommand(
      "retier", "Evaluate a tier scheme over every customer and apply it (or only show it)");
  std::string scheme_file, as_of;
  bool dry_run = false, as_json = false;
  int movers = 0;
  retier->add_option("--db", db)->capture_default_str();
  retier->add_option("--scheme", scheme_file, "Tier scheme as JSON (README: Tier schemes)")->required();
  retier->add_option("--as-of", as_of, "Evaluation date YYYY-MM-DD (windows end at the last whole month)");
  retier->add_flag("--dry-run", dry_run, "Change nothing; print what would change");
  retier->add_flag("--json", as_json, "Print the result as JSON");
  retier->add_option("--movers", movers, "List this many movers, largest first")->check(CLI::Range(0, 1000))->capture_default_str();

  auto* import = app.add_subcommand("import", "Import customers or transactions from CSV");
  import->require_subcommand(1);
  std::string import_file;
  bool import_json = false;
  std::size_t import_batch_rows = kDefaultImportBatchRows;
  auto* import_customers = import->add_subcommand(
      "customers", "CSV with header customer_id,name,region,industry,created_at");
  auto* import_transactions = import->add_subcommand(
      "transactions", "CSV with header txn_id,customer_id,date,amount (yuan, 2 decimals)");
  for (auto* sub : {import_customers, import_transactions}) {
    sub->add_option("--db", db)->capture_default_str();
    sub->add_option("file", import_file, "The CSV file (UTF-8)")->required();
    sub->add_flag("--json", import_json, "Print the report as JSON");
    sub->add_option("--batch-rows", import_batch_rows,
                    "Rows per transaction (each commits with its roll-ups and an audit row)")
        ->check(CLI::Range(1, 10'000'000))
        ->capture_default_str();
  }

  auto* export_cmd = app.add_subcommand("export", "Export data as CSV or XLSX (audited)");
  export_cmd->require_subcommand(1);
  ExportOptions export_opts;
  auto* export_customers = export_cmd->add_subcommand(
      "customers", "The customer list, one row per dossier, with headings in --lang");
  export_customers->add_option("--db", db)->capture_default_str();
  export_customers->add_option("--out", export_opts.out, "File to create (never overwritten)")->required();
  export_customers->add_option("--format", export_opts.format, "csv|xlsx (default: from --out's extension)");
  export_customers->add_option("--lang", export_opts.lang, "zh-CN|en-US: headings and coded values")->capture_default_str();
  export_customers->add_option("--stage", export_opts.stage, "Only this stage (prospect|target|active)");
  export_customers->add_option("--tier", export_opts.tier, "Only this tier");
  export_customers->add_option("--region", export_opts.region, "Only this region");
  export_customers->add_option("--industry", export_opts.industry, "Only this industry");
  export_customers->add_option("--q", export_opts.q, "Only names containing this text");
  export_customers->add_flag("--key-accounts", export_opts.key_accounts_only, "Only key accounts");

  app.add_subcommand("version", "Print the version");

  CLI11_PARSE(app, argc, argv);
  spdlog::set_pattern("%Y-%m-%dT%H:%M:%S.%eZ %^%l%$ %v", spdlog::pattern_time_type::utc);

  try {
    if (*serve) {
      so.db = db;
      so.listen = listen;
      return Serve(so);
    }
    if (*migrate) {
      auto store = OpenDatabase(db, 1);
      std::printf("database %s is at schema version %d\n", RedactPassword(db).c_str(), store->SchemaVersion());
      return 0;
    }
    if (*demo) return Demo(db, demo_customers, seed, demo_months);
    if (*verify) return AuditVerify(db);
    if (*backup) return Backup(db, out);
    if (*restore) return Restore(db, from, force ? ExistingData::kReplace : ExistingData::kRefuse);
    if (*init) {
      Wiring wiring(WiringOptions{db, 2});
      NewUser admin;
      admin.user.username = username;
      admin.user.display_name = display_name;
      admin.password = password;
      auto created = BootstrapCompany(wiring.deps(), RequestContext{"cli", "local"}, company,
                                      std::move(admin));
      if (!created.ok()) return Report(created.take_error(), "init");
      std::printf("company '%s' set up; administrator %s can sign in\n", company.c_str(),
                  created->username.c_str());
      return 0;
    }
    if (*jobs_cmd) return ListJobs(db, job_name, job_limit);
    if (*retier) return Retier(db, scheme_file, as_of, dry_run, as_json, movers);
    if (*export_customers) return Export(db, export_opts);
    if (*import_customers) return Import(db, "customers", import_file, import_json, import_batch_rows);
    if (*import_transactions) return Import(db, "transactions", import_file, import_json, import_batch_rows);
    if (app.got_subcommand("version")) {
      std::printf("kams %s\n", kVersion);
      return 0;
    }
    if (*user) {
      Wiring wiring(WiringOptions{db, 2});
      const Principal cli = wiring.CliPrincipal();
      const RequestContext ctx{"cli", "local"};
      if (*user_add) {
        auto r = ParseRole(role);
        if (!r) return Report(ValidationFailed({{"role", "invalid"}}), "user add");
        NewUser nu;
        nu.user.username = username;
        nu.user.display_name = display_name;
        nu.user.role = *r;
        nu.user.org_unit_id = org_unit;
        nu.password = password;
        auto created = wiring.users().Create(cli, ctx, std::move(nu));
        if (!created.ok()) return Report(created.take_error(), "user add");
        std::printf("user %s created (id %lld)\n", created->username.c_str(),
                    static_cast<long long>(created->id));
        return 0;
      }
      auto found = Transact(wiring.deps().db, TxMode::kRead, [&](Tx& tx) -> Result<User> {
        auto u = tx.users().FindByUsername(username);
        if (!u) return NotFound("no user named " + username);
        return std::move(*u);
      });
      if (!found.ok()) return Report(found.take_error(), "user");
      if (*user_disable) {
        auto r = wiring.users().Update(cli, ctx, found->id, found->version, [](User& u) {
          u.active = false;
          return Ok();
        });
        if (!r.ok()) return Report(r.take_error(), "user disable");
        std::printf("user %s disabled; their sessions are ended\n", username.c_str());
        return 0;
      }
      if (*user_reset) {
        if (int rc = Report(wiring.users().ResetPassword(cli, ctx, found->id, password), "user reset")) {
          return rc;
        }
        std::printf("password of %s reset; their sessions are ended\n", username.c_str());
        return 0;
      }
    }
  } catch (const std::exception& e) {
    std::fprintf(stderr, "kams: %s\n", e.what());
    return 1;
  }
  return 0;
}
