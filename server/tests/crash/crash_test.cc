// kams_crash: crash consistency of `kams serve` under SIGKILL.
//
// Loads a fresh demo database, starts `kams serve` on it, and runs N writer threads that
// create and edit customers and contacts and import transactions over the HTTP API, each
// keeping a ledger of what it sent and what was answered. At a random moment the server is
// killed with SIGKILL; then, with the writers parked:
//   - SQLite: the file as the kill left it passes PRAGMA integrity_check and
//     foreign_key_check, its audit head is its newest audit row, and every monthly roll-up
//     equals the sum of its transactions (sqlite_checks.h);
//   - the server is started again on the same database (PostgreSQL: only the KAMS node is
//     killed, never the database), `kams audit verify` passes, and every acknowledged
//     write is there, complete, with its audit row (verifier.h).
// Writes whose answer the kill swallowed may be applied or not, but never partly. Repeats
// for --kills rounds, checks everything once more at the end, prints one summary line,
// and exits 1 on any finding (a lost write, a half-applied one, a missing audit row, ...).
//
//   kams_crash [--kills 50] [--writers 8] [--db FILE|postgres://...] [--seed S]
//              [--min-ms 50] [--max-ms 400] [--customers 100] [--threads 4]
//              [--kams PATH] [--dir DIR] [--keep] [--keep-going] [--verbose]
//
// Defaults come from the environment as for the API tests: KAMS_BIN (the kams binary),
// KAMS_TEST_TMP (the working folder), KAMS_TEST_PG_URL (PostgreSQL when --db is not given).

#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <numeric>
#include <random>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "kams_process.h"
#include "ledger.h"
#include "sqlite_checks.h"
#include "verifier.h"
#include "writer.h"

namespace kams::crash {
namespace {

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

constexpr const char* kDemoPassword = "kams-demo";
constexpr const char* kWriterUser = "specialist";  // scope: all customers; may import

struct Options {
  int kills = 50;
  int writers = 8;
  std::string db;
  std::uint64_t seed = 0;
  bool seed_given = false;
  int min_ms = 50;
  int max_ms = 400;
  int customers = 100;
  int threads = 4;
  std::string kams;
  std::string dir;
  bool keep = false;
  bool keep_going = false;
  bool verbose = false;
};

[[noreturn]] void Usage(const std::string& problem) {
  std::fprintf(stderr,
               "kams_crash: %s\nusage: kams_crash [--kills N] [--writers N] [--db FILE|URL] "
               "[--seed S] [--min-ms MS] [--max-ms MS] [--customers N] [--threads N] "
               "[--kams PATH] [--dir DIR] [--keep] [--keep-going] [--verbose]\n",
               problem.c_str());
  std::exit(2);
}

Options Parse(int argc, char** argv) {
  Options o;
  const auto env = [](const char* name) {
    const char* v = std::getenv(name);
    return std::string(v ? v : "");
  };
  o.kams = env("KAMS_BIN");
  o.dir = env("KAMS_TEST_TMP");
  o.db = env("KAMS_TEST_PG_URL");
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    const auto value = [&]() -> std::string {
      if (i + 1 >= argc) Usage(a + " needs a value");
      return argv[++i];
    };
    const auto number = [&]() -> long long {
      const std::string v = value();
      try {
        std::size_t used = 0;
        const long long n = std::stoll(v, &used);
        if (used != v.size() || n < 0) throw std::invalid_argument(v);
        return n;
      } catch (const std::exception&) {
        Usage(a + " needs a non-negative integer, got " + v);
      }
    };
    if (a == "--kills")
      o.kills = static_cast<int>(number());
    else if (a == "--writers")
      o.writers = static_cast<int>(number());
    else if (a == "--db")
      o.db = value();
    else if (a == "--seed") {
      o.seed = static_cast<std::uint64_t>(number());
      o.seed_given = true;
    } else if (a == "--min-ms")
      o.min_ms = static_cast<int>(number());
    else if (a == "--max-ms")
      o.max_ms = static_cast<int>(number());
    else if (a == "--customers")
      o.customers = static_cast<int>(number());
    else if (a == "--threads")
      o.threads = static_cast<int>(number());
    else if (a == "--kams")
      o.kams = value();
    else if (a == "--dir")
      o.dir = value();
    else if (a == "--keep")
      o.keep = true;
    else if (a == "--keep-going")
      o.keep_going = true;
    else if (a == "--verbose")
      o.verbose = true;
    else
      Usage("unknown argument " + a);
  }
  if (o.kams.empty()) Usage("give --kams PATH or set KAMS_BIN");
  if (o.writers < 1 || o.threads < 1 || o.min_ms > o.max_ms) Usage("bad numbers");
  if (!o.seed_given) o.seed = std::random_device{}();
  if (o.dir.empty()) o.dir = fs::temp_directory_path().string();
  return o;
}

bool IsPostgres(const std::string& db) {
  return db.rfind("postgres://", 0) == 0 || db.rfind("postgresql://", 0) == 0;
}

double Percentile(std::vector<double> v, double p) {
  if (v.empty()) return 0;
  std::sort(v.begin(), v.end());
  return v[static_cast<std::size_t>(p * static_cast<double>(v.size() - 1) + 0.5)];
}

std::string Fixed(double v, int decimals = 0) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.*f", decimals, v);
  return buf;
}

int Run(const Options& o) {
  const auto started = Clock::now();
  const std::string dir = (fs::path(o.dir) / ("crash-" + std::to_string(::getpid()))).string();
  fs::remove_all(dir);
  fs::create_directories(dir);
  const bool postgres = IsPostgres(o.db);
  const std::string db = o.db.empty() ? dir + "/kams.db" : o.db;
  std::mt19937_64 rng(o.seed);
  char tag[16];
  std::snprintf(tag, sizeof tag, "%06llx", static_cast<unsigned long long>(rng() & 0xFFFFFF));

  KamsProcess server(o.kams, db, dir, o.threads);
  Findings findings;
  // A sanitizer build of kams reports in its output and carries on: every report is a finding.
  const auto check_output = [&findings](const std::string& what, const std::string& text) {
    for (const auto& r : test::SanitizerReports(text))
      findings.Add(Finding::kSanitizer, what + ":\n" + r);
  };
  std::string out;
  const auto run_cli = [&](const std::vector<std::string>& args) {
    const int status = server.RunCli(args, &out);
    check_output("kams " + args.front(), out);
    return status;
  };
  if (run_cli({"demo", "--db", db, "--customers", std::to_string(o.customers)}) != 0) {
    std::fprintf(stderr, "kams_crash: kams demo failed:\n%s\n", out.c_str());
    return 2;
  }
  std::string why;
  if (!server.Start(&why)) {
    std::fprintf(stderr, "kams_crash: %s\n", why.c_str());
    return 2;
  }
  test::Client admin = SignIn(server.port(), "admin", kDemoPassword);
  Gate gate;
  std::vector<std::unique_ptr<Writer>> writers;
  std::vector<WriterLedger*> ledgers;
  for (int w = 1; w <= o.writers; ++w) {
    writers.push_back(std::make_unique<Writer>(w, tag, o.seed, gate, kWriterUser, kDemoPassword));
    writers.back()->SetClient(SignIn(server.port(), kWriterUser, kDemoPassword));
    ledgers.push_back(&writers.back()->ledger());
  }
  Verifier verifier(tag, kWriterUser);
  verifier.Init(admin);
  const test::json newest = test::Client(admin).Get("/api/v1/customers?sort=-id&limit=1").Json();
  const Id demo_last_customer = newest.at("items").empty() ? 0 : newest["items"][0]["id"].get<Id>();

  std::vector<std::thread> threads;
  for (auto& w : writers) threads.emplace_back([&w] { w->Run(); });

  std::vector<double> restart_ms;
  std::uniform_int_distribution<int> delay(o.min_ms, o.max_ms);
  double load_s = 0, file_check_s = 0, audit_verify_s = 0, verify_s = 0;
  int kills = 0;
  bool server_up = true;
  const auto seconds_since = [](Clock::time_point t) {
    return std::chrono::duration<double>(Clock::now() - t).count();
  };
  for (int round = 1; round <= o.kills; ++round) {
    auto t = Clock::now();
    gate.Open(server.port());
    std::this_thread::sleep_for(std::chrono::milliseconds(delay(rng)));
    gate.Pause();
    server.Kill9();
    ++kills;
    gate.WaitParked(o.writers);
    load_s += seconds_since(t);

    if (!postgres) {
      t = Clock::now();
      for (const auto& p : CheckSqliteFile(db, demo_last_customer)) {
        findings.Add(Finding::kIntegrity, "after kill " + std::to_string(round) + ": " + p);
      }
      file_check_s += seconds_since(t);
    }
    if (!server.Start(&why)) {
      std::fprintf(stderr, "kams_crash: restart after kill %d failed: %s\n", round, why.c_str());
      findings.Add(Finding::kCheckError, "restart after kill " + std::to_string(round) + " failed");
      server_up = false;
      break;
    }
    restart_ms.push_back(server.last_start_ms());
    admin.port = server.port();

    t = Clock::now();
    if (run_cli({"audit", "verify", "--db", db}) != 0) {
      findings.Add(Finding::kAuditVerify, "after kill " + std::to_string(round) + ": " + out);
    }
    audit_verify_s += seconds_since(t);

    t = Clock::now();
    verifier.CheckRound(admin, ledgers, false, findings);
    verify_s += seconds_since(t);

    if (o.verbose || round % std::max(1, o.kills / 10) == 0 || round == o.kills) {
      long long acked = 0, unknown = 0;
      for (auto* l : ledgers) {
        acked += l->acked;
        unknown += l->unknown;
      }
      std::fprintf(stderr,
                   "kams_crash: kill %d/%d, %lld acknowledged, %lld unknown, %lld findings, "
                   "restart %.0f ms\n",
                   round, o.kills, acked, unknown, findings.failures(), restart_ms.back());
    }
    if (findings.failures() > 0 && !o.keep_going) break;
  }
  if (server_up) {
    // Everything once more: every customer, contact and roll-up of the run.
    const auto t = Clock::now();
    verifier.CheckRound(admin, ledgers, true, findings);
    verify_s += seconds_since(t);
  }
  gate.Stop();
  for (auto& t : threads) t.join();
  if (server_up) {
    const int status = server.Terminate();
    if (status != 0) {
      findings.Add(Finding::kCheckError,
                   "kams serve exited " + std::to_string(status) + " on SIGTERM");
    }
    if (run_cli({"audit", "verify", "--db", db}) != 0) {
      findings.Add(Finding::kAuditVerify, "after the run: " + out);
    }
  }
  for (const auto& r : server.SanitizerReports()) {
    findings.Add(Finding::kSanitizer, "kams serve:\n" + r);
  }

  long long acked = 0, unknown = 0, unknown_applied = 0, refused = 0, relogins = 0;
  std::map<OpKind, long long> by_kind;
  std::map<int, long long> by_status;
  long long customers = 0;
  for (auto* l : ledgers) {
    acked += l->acked;
    unknown += l->unknown;
    unknown_applied += l->unknown_applied;
    refused += l->refused;
    relogins += l->relogins;
    customers += static_cast<long long>(l->customers.size());
    for (auto [k, n] : l->acked_by_kind) by_kind[k] += n;
    for (auto [s, n] : l->refused_by_status) by_status[s] += n;
  }
  for (const auto& note : findings.notes()) std::fprintf(stderr, "kams_crash: %s\n", note.c_str());
  std::string refused_detail;
  for (auto [s, n] : by_status) {
    refused_detail +=
        (refused_detail.empty() ? " (" : ", ") + std::to_string(n) + "x" + std::to_string(s);
  }
  if (!refused_detail.empty()) refused_detail += ")";
  const double mean_restart = restart_ms.empty()
                                  ? 0
                                  : std::accumulate(restart_ms.begin(), restart_ms.end(), 0.0) /
                                        static_cast<double>(restart_ms.size());
  std::printf(
      "kams_crash: %s, %d writers, seed %llu: kills=%d acknowledged=%lld (customers %lld, "
      "customer edits %lld, contacts %lld, contact edits %lld, imports %lld) unknown=%lld "
      "(applied %lld) refused=%lld%s lost=%lld half_applied=%lld audit_gaps=%lld phantom=%lld "
      "applied_despite_error=%lld integrity_failures=%lld audit_verify_failures=%lld "
      "check_errors=%lld sanitizer_reports=%lld relogins=%lld | restart ms mean %s p50 %s "
      "p99 %s max %s | customers checked %lld, held %lld | time %ss (load %s, file checks %s, "
      "audit verify %s, API checks %s)\n",
      postgres ? "postgresql" : "sqlite", o.writers, static_cast<unsigned long long>(o.seed), kills,
      acked, by_kind[OpKind::kCreateCustomer], by_kind[OpKind::kEditCustomer],
      by_kind[OpKind::kCreateContact], by_kind[OpKind::kEditContact], by_kind[OpKind::kImport],
      unknown, unknown_applied, refused, refused_detail.c_str(), findings.count(Finding::kLost),
      findings.count(Finding::kHalfApplied), findings.count(Finding::kAuditGap),
      findings.count(Finding::kPhantom), findings.count(Finding::kAppliedDespiteError),
      findings.count(Finding::kIntegrity), findings.count(Finding::kAuditVerify),
      findings.count(Finding::kCheckError), findings.count(Finding::kSanitizer), relogins,
      Fixed(mean_restart).c_str(), Fixed(Percentile(restart_ms, 0.5)).c_str(),
      Fixed(Percentile(restart_ms, 0.99)).c_str(), Fixed(Percentile(restart_ms, 1.0)).c_str(),
      verifier.customers_checked(), customers, Fixed(seconds_since(started)).c_str(),
      Fixed(load_s).c_str(), Fixed(file_check_s).c_str(), Fixed(audit_verify_s).c_str(),
      Fixed(verify_s).c_str());
  std::fflush(stdout);
  const bool failed = findings.failures() > 0;
  if (failed || o.keep) {
    std::fprintf(stderr, "kams_crash: database and server log kept in %s\n", dir.c_str());
  } else {
    fs::remove_all(dir);
  }
  return failed ? 1 : 0;
}

}  // namespace
}  // namespace kams::crash

int main(int argc, char** argv) {
  try {
    return kams::crash::Run(kams::crash::Parse(argc, argv));
  } catch (const std::exception& e) {
    std::fprintf(stderr, "kams_crash: %s\n", e.what());
    return 2;
  }
}
