// kams_iofault: `kams serve` on a SQLite file while the file system fails under it.
//
// Runs the server under libfiu's fiu-run (Debian's fiu-utils), so that its calls to
// fsync/fdatasync, pwrite, pread and ftruncate can be made to fail from outside
// through fiu's control pipe, and drives it with the crash test's writers (writer.h),
// which create and edit customers and contacts and import transactions over HTTP and
// keep a ledger of every answer. Each round:
//   - the writers write; then one fault profile (sync, write, short write, read, truncate,
//     or all of them) is switched on with a random probability (5% .. 100%) for a
//     random time while they go on;
//   - most rounds the faults are then switched off, the writers park, and: the server
//     must still be running, a read and a write must succeed at once (the next request
//     works once the fault is gone), the file must pass the integrity and roll-up checks;
//   - every --kill-every rounds the server is instead killed with SIGKILL *while the
//     faults are on* and started again, so that a write refused during the fault that
//     left traces in the WAL would come back and be caught;
//   - the verifier (verifier.h) then checks every answer against the server: no write
//     answered 2xx is missing, no write refused with an error is there (a 503 marked
//     `in_doubt` may be either, never half), every write has its audit row, and
//     `kams audit verify` passes.
// A storage fault must reach the client as 503 `unavailable`: a 500 is a finding too.
// On PostgreSQL (--db postgres://… or KAMS_TEST_PG_URL) the faults are the KAMS node's
// network receives instead (its database connections and its clients' break), and the
// database itself is never touched.
// Prints one summary line and exits 1 on any finding.
//
//   kams_iofault [--rounds 30] [--writers 8] [--seed S] [--min-ms 50] [--max-ms 300]
//                [--kill-every 4] [--customers 100] [--threads 4] [--kams PATH]
//                [--dir DIR] [--fiu-run PATH] [--keep] [--keep-going] [--verbose]
//
// KAMS_BIN and KAMS_TEST_TMP give the defaults for --kams and --dir.

#include <fcntl.h>
#include <signal.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <memory>
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
using test::json;

constexpr const char* kDemoPassword = "kams-demo";
constexpr const char* kWriterUser = "specialist";  // scope: all customers; may import

// The failure points of libfiu's POSIX preload library that touch the database's files.
// Not open(2): SQLite opens its files at start only, so failing opens would test the
// start, not the writes.
struct Profile {
  const char* name;
  std::vector<const char*> points;
};
const std::array<Profile, 6> kProfiles{{
    {"sync", {"posix/io/sync/fsync", "posix/io/sync/fdatasync"}},
    {"write", {"posix/io/rw/pwrite", "posix/io/rw/pwritev"}},
    {"short-write", {"posix/io/rw/pwrite/reduce"}},
    {"read", {"posix/io/rw/pread", "posix/io/rw/preadv"}},
    {"truncate", {"posix/io/rw/ftruncate"}},
    {"all",
     {"posix/io/sync/fsync", "posix/io/sync/fdatasync", "posix/io/rw/pwrite",
      "posix/io/rw/pwritev", "posix/io/rw/pread", "posix/io/rw/preadv",
      "posix/io/rw/ftruncate"}},
}};
// On PostgreSQL the KAMS node's files hardly matter; what fails is its network: a failed
// receive breaks the connection it came on (libpq gives the database connection up, the
// HTTP server the client's), at any point of a request, COMMIT included. Not send(2):
// libpq answers a failed send by waiting for the server's reply to what it never got, and
// a socket that fiu failed without breaking it keeps that wait going for ever.
const std::array<Profile, 2> kNetProfiles{{
    {"net-recv", {"posix/io/net/recv"}},
    {"net-recv-all", {"posix/io/net/recv", "posix/io/net/recvfrom", "posix/io/net/recvmsg"}},
}};
constexpr std::array<double, 4> kProbabilities{0.05, 0.25, 0.6, 1.0};

struct Options {
  int rounds = 30;
  int writers = 8;
  std::uint64_t seed = 0;
  bool seed_given = false;
  int min_ms = 50;
  int max_ms = 300;
  int kill_every = 4;
  int customers = 100;
  int threads = 4;
  std::string db;  // empty: a SQLite file in the working folder
  std::string kams;
  std::string dir;
  std::string fiu_run = "/usr/bin/fiu-run";
  bool keep = false;
  bool keep_going = false;
  bool verbose = false;
};

[[noreturn]] void Usage(const std::string& problem) {
  std::fprintf(stderr,
               "kams_iofault: %s\nusage: kams_iofault [--rounds N] [--writers N] [--seed S] "
               "[--min-ms MS] [--max-ms MS] [--kill-every N] [--customers N] [--threads N] "
               "[--db FILE|URL] [--kams PATH] [--dir DIR] [--fiu-run PATH] [--keep] [--keep-going] "
               "[--verbose]\n",
               problem.c_str());
  std::exit(2);
}

Options Parse(int argc, char** argv) {
  Options o;
  if (const char* v = std::getenv("KAMS_BIN")) o.kams = v;
  if (const char* v = std::getenv("KAMS_TEST_TMP")) o.dir = v;
  if (const char* v = std::getenv("KAMS_TEST_PG_URL")) o.db = v;
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
    if (a == "--rounds")
      o.rounds = static_cast<int>(number());
    else if (a == "--writers")
      o.writers = static_cast<int>(number());
    else if (a == "--seed") {
      o.seed = static_cast<std::uint64_t>(number());
      o.seed_given = true;
    } else if (a == "--min-ms")
      o.min_ms = static_cast<int>(number());
    else if (a == "--max-ms")
      o.max_ms = static_cast<int>(number());
    else if (a == "--kill-every")
      o.kill_every = static_cast<int>(number());
    else if (a == "--customers")
      o.customers = static_cast<int>(number());
    else if (a == "--threads")
      o.threads = static_cast<int>(number());
    else if (a == "--db")
      o.db = value();
    else if (a == "--kams")
      o.kams = value();
    else if (a == "--dir")
      o.dir = value();
    else if (a == "--fiu-run")
      o.fiu_run = value();
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
  if (o.writers < 1 || o.threads < 1 || o.min_ms > o.max_ms || o.kill_every < 1) {
    Usage("bad numbers");
  }
  if (!o.seed_given) o.seed = std::random_device{}();
  if (o.dir.empty()) o.dir = fs::temp_directory_path().string();
  return o;
}

// fiu's remote control: one command line into PREFIX-PID.in, one reply line (0 for done,
// -1 for refused) out of PREFIX-PID.out — what fiu-ctrl does, without a shell per call.
//
// Both pipes stay open for as long as the server lives. fiu's control thread closes and
// reopens its ends whenever it reads end-of-file, so a controller that opened and closed
// them for every command (as fiu-ctrl does) could write its next command while that thread
// had read end-of-file but not yet closed: the command then sat in a pipe that nobody held
// open any more, was thrown away with it, and the controller waited for a reply that never
// came. Kept open, the thread never reads end-of-file and serves every command on the same
// two pipes.
class FiuControl {
 public:
  explicit FiuControl(std::string prefix) : prefix_(std::move(prefix)) {}
  FiuControl(const FiuControl&) = delete;
  FiuControl& operator=(const FiuControl&) = delete;
  ~FiuControl() { Close(); }

  // Throws std::runtime_error when the server does not take the command.
  void Send(int pid, const std::string& command) {
    if (pid != pid_) Open(pid);
    const std::string line = command + "\n";
    if (::write(in_, line.data(), line.size()) != static_cast<ssize_t>(line.size())) {
      Close();
      throw std::runtime_error("cannot send '" + command + "' to the server's fiu control");
    }
    // The reply pipe was opened for reading without blocking before the command pipe
    // (see Open), so until fiu's thread has opened its end it reads end-of-file: poll.
    std::string reply;
    const auto deadline = Clock::now() + std::chrono::seconds(10);
    for (;;) {
      char c = 0;
      const ssize_t n = ::read(out_, &c, 1);
      if (n == 1) {
        if (c == '\n') break;
        reply += c;
      } else if (Clock::now() >= deadline) {
        Close();
        throw std::runtime_error("no answer from the server's fiu control to '" + command +
                                 "' in 10 s");
      } else {
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
      }
    }
    if (reply != "0") throw std::runtime_error("fiu refused '" + command + "': '" + reply + "'");
  }
  const std::string& prefix() const { return prefix_; }

 private:
  // The reply pipe first, for reading and without blocking, so that a reply never finds
  // no reader (which would lose it, or raise SIGPIPE in the server); then the command pipe,
  // which waits for fiu's thread to open its end.
  void Open(int pid) {
    Close();
    const std::string base = prefix_ + "-" + std::to_string(pid);
    out_ = ::open((base + ".out").c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC);
    if (out_ < 0) throw std::runtime_error("cannot open " + base + ".out");
    in_ = ::open((base + ".in").c_str(), O_WRONLY | O_CLOEXEC);
    if (in_ < 0) {
      Close();
      throw std::runtime_error("cannot open " + base + ".in");
    }
    pid_ = pid;
  }
  void Close() {
    if (in_ >= 0) ::close(in_);
    if (out_ >= 0) ::close(out_);
    in_ = out_ = -1;
    pid_ = -1;
  }

  std::string prefix_;
  int pid_ = -1;
  int in_ = -1;
  int out_ = -1;
};

// Turns one profile's failure points on (each failing with `probability`) or off.
void SetFaults(FiuControl& fiu, int pid, const Profile& profile, double probability,
               bool on) {
  for (const char* point : profile.points) {
    char command[160];
    if (on) {
      std::snprintf(command, sizeof command, "enable_random name=%s,probability=%.2f", point,
                    probability);
    } else {
      std::snprintf(command, sizeof command, "disable name=%s", point);
    }
    fiu.Send(pid, command);
  }
}

long long Sum500(const std::vector<WriterLedger*>& ledgers) {
  long long n = 0;
  for (const auto* l : ledgers) {
    const auto it = l->refused_by_status.find(500);
    if (it != l->refused_by_status.end()) n += it->second;
  }
  return n;
}

// The next request after a fault must work: a read and a write (the admin's console
// preferences, which no writer touches and the verifier does not look at).
std::string Probe(const test::Client& admin, int round) try {
  const test::HttpResponse got = admin.Get("/api/v1/auth/me/preferences");
  if (got.status != 200) return "reading preferences answered " + std::to_string(got.status);
  const std::string etag = got.Header("etag");
  const test::HttpResponse put = admin.Send(
      "PUT", "/api/v1/auth/me/preferences",
      {{"Content-Type", "application/json"}, {"If-Match", etag}},
      json{{"locale", nullptr}, {"settings", {{"iofault_round", round}}}}.dump());
  if (put.status != 200) {
    return "saving preferences answered " + std::to_string(put.status) + ": " +
           put.body.substr(0, 200);
  }
  return "";
} catch (const std::exception& e) {
  return std::string("no answer: ") + e.what();
}

int Run(const Options& o) {
  const auto started = Clock::now();
  if (::access(o.fiu_run.c_str(), X_OK) != 0) {
    std::fprintf(stderr, "kams_iofault: %s not found (Debian package fiu-utils)\n",
                 o.fiu_run.c_str());
    return 2;
  }
  const std::string dir = (fs::path(o.dir) / ("iofault-" + std::to_string(::getpid()))).string();
  fs::remove_all(dir);
  fs::create_directories(dir);
  const bool postgres = o.db.rfind("postgres://", 0) == 0 || o.db.rfind("postgresql://", 0) == 0;
  const std::string db = o.db.empty() ? dir + "/kams.db" : o.db;
  std::vector<const Profile*> profiles;
  if (postgres) {
    for (const auto& p : kNetProfiles) profiles.push_back(&p);
  } else {
    for (const auto& p : kProfiles) profiles.push_back(&p);
  }
  std::mt19937_64 rng(o.seed);
  char tag[16];
  std::snprintf(tag, sizeof tag, "%06llx", static_cast<unsigned long long>(rng() & 0xFFFFFF));

  KamsProcess server(o.kams, db, dir, o.threads);
  std::string out;
  if (server.RunCli({"demo", "--db", db, "--customers", std::to_string(o.customers)}, &out) != 0) {
    std::fprintf(stderr, "kams_iofault: kams demo failed:\n%s\n", out.c_str());
    return 2;
  }
  FiuControl fiu(dir + "/fiu");
  server.SetWrapper({o.fiu_run, "-x", "-f", fiu.prefix()});
  std::string why;
  if (!server.Start(&why)) {
    std::fprintf(stderr, "kams_iofault: %s\n", why.c_str());
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
  const json newest = test::Client(admin).Get("/api/v1/customers?sort=-id&limit=1").Json();
  const Id demo_last_customer = newest.at("items").empty() ? 0 : newest["items"][0]["id"].get<Id>();

  std::vector<std::thread> threads;
  for (auto& w : writers) threads.emplace_back([&w] { w->Run(); });

  Findings findings;
  // A sanitizer build of kams reports in its output and carries on: every report is a finding.
  const auto run_cli = [&](const std::vector<std::string>& args) {
    const int status = server.RunCli(args, &out);
    for (const auto& r : test::SanitizerReports(out)) {
      findings.Add(Finding::kSanitizer, "kams " + args.front() + ":\n" + r);
    }
    return status;
  };
  std::uniform_int_distribution<int> fault_ms(o.min_ms, o.max_ms);
  std::uniform_int_distribution<int> clean_ms(20, 80);
  std::uniform_int_distribution<std::size_t> pick_profile(0, profiles.size() - 1);
  std::uniform_int_distribution<std::size_t> pick_probability(0, kProbabilities.size() - 1);
  std::map<std::string, int> rounds_by_profile;
  int kills = 0;
  long long seen_500 = 0;
  bool server_up = true;
  try {
    for (int round = 1; round <= o.rounds; ++round) {
      const std::string at = "round " + std::to_string(round);
      const Profile& profile = *profiles[pick_profile(rng)];
      const double probability = kProbabilities[pick_probability(rng)];
      bool kill = round % o.kill_every == 0;
      ++rounds_by_profile[profile.name];

      gate.Open(server.port());
      std::this_thread::sleep_for(std::chrono::milliseconds(clean_ms(rng)));
      try {
        SetFaults(fiu, server.pid(), profile, probability, true);
      } catch (const std::exception& e) {
        findings.Add(Finding::kCheckError, at + ": " + e.what());
        // Whatever was switched on goes off again, so that the last check below sees the
        // database, not the faults.
        try {
          SetFaults(fiu, server.pid(), profile, probability, false);
        } catch (const std::exception&) {
        }
        break;
      }
      std::this_thread::sleep_for(std::chrono::milliseconds(fault_ms(rng)));
      if (kill) {
        gate.Pause();
        server.Kill9();  // with the faults on
        ++kills;
        gate.WaitParked(o.writers);
      } else {
        try {
          SetFaults(fiu, server.pid(), profile, probability, false);
        } catch (const std::exception& e) {
          findings.Add(Finding::kNoRecovery, at + ": " + e.what());
        }
        // The writers go on a little without faults, then park.
        std::this_thread::sleep_for(std::chrono::milliseconds(clean_ms(rng)));
        gate.Pause();
        gate.WaitParked(o.writers);
        if (!server.Alive()) {
          findings.Add(Finding::kNoRecovery, at + " (" + profile.name + "): kams serve died");
          kill = true;  // start it again below, to check what it left
        } else {
          const std::string problem = Probe(admin, round);
          if (!problem.empty()) {
            findings.Add(Finding::kNoRecovery,
                         at + " (" + profile.name + "), once the fault was gone: " + problem);
          }
        }
      }
      if (!postgres) {
        for (const auto& p : CheckSqliteFile(db, demo_last_customer)) {
          findings.Add(Finding::kIntegrity, at + " (" + profile.name + "): " + p);
        }
      }
      if (kill) {
        if (!server.Start(&why)) {
          findings.Add(Finding::kCheckError, at + ": restart failed: " + why);
          server_up = false;
          break;
        }
        admin.port = server.port();
      }
      if (run_cli({"audit", "verify", "--db", db}) != 0) {
        findings.Add(Finding::kAuditVerify, at + ": " + out);
      }
      verifier.CheckRound(admin, ledgers, false, findings);
      const long long now_500 = Sum500(ledgers);
      if (now_500 > seen_500) {
        findings.Add(Finding::kInternalError, at + " (" + profile.name + "): " +
                                                  std::to_string(now_500 - seen_500) +
                                                  " answers were 500 instead of 503");
        seen_500 = now_500;
      }
      if (o.verbose || round % std::max(1, o.rounds / 10) == 0 || round == o.rounds) {
        long long acked = 0, refused = 0, in_doubt = 0;
        for (auto* l : ledgers) {
          acked += l->acked;
          refused += l->refused;
          in_doubt += l->in_doubt;
        }
        std::fprintf(stderr,
                     "kams_iofault: round %d/%d (%s at %.0f%%%s), %lld acknowledged, %lld refused, "
                     "%lld in doubt, %lld findings\n",
                     round, o.rounds, profile.name, probability * 100, kill ? ", killed" : "",
                     acked, refused, in_doubt, findings.failures());
      }
      if (findings.failures() > 0 && !o.keep_going) break;
    }
  } catch (const std::exception& e) {
    // A check that could not run (the server stopped answering): the writers must still
    // be stopped and joined below.
    findings.Add(Finding::kCheckError, e.what());
  }
  if (server_up) verifier.CheckRound(admin, ledgers, true, findings);
  gate.Stop();
  for (auto& t : threads) t.join();
  if (server_up && server.running()) {
    const int status = server.Terminate();
    if (status != 0) {
      findings.Add(Finding::kCheckError,
                   "kams serve exited " + std::to_string(status) + " on SIGTERM");
    }
    if (!postgres) {
      for (const auto& p : CheckSqliteFile(db, demo_last_customer)) {
        findings.Add(Finding::kIntegrity, "after the run: " + p);
      }
    }
    if (run_cli({"audit", "verify", "--db", db}) != 0) {
      findings.Add(Finding::kAuditVerify, "after the run: " + out);
    }
  }
  for (const auto& r : server.SanitizerReports()) {
    findings.Add(Finding::kSanitizer, "kams serve:\n" + r);
  }

  long long acked = 0, unknown = 0, unknown_applied = 0, refused = 0, in_doubt = 0;
  std::map<int, long long> by_status;
  for (auto* l : ledgers) {
    acked += l->acked;
    unknown += l->unknown;
    unknown_applied += l->unknown_applied;
    refused += l->refused;
    in_doubt += l->in_doubt;
    for (auto [s, n] : l->refused_by_status) by_status[s] += n;
  }
  for (const auto& note : findings.notes()) {
    std::fprintf(stderr, "kams_iofault: %s\n", note.c_str());
  }
  std::string refused_detail, profile_counts;
  for (auto [s, n] : by_status) {
    refused_detail +=
        (refused_detail.empty() ? " (" : ", ") + std::to_string(n) + "x" + std::to_string(s);
  }
  if (!refused_detail.empty()) refused_detail += ")";
  for (const auto& [name, n] : rounds_by_profile) {
    profile_counts += (profile_counts.empty() ? "" : ", ") + name + " " + std::to_string(n);
  }
  std::string counts;
  for (int k = 0; k < static_cast<int>(Finding::kCount); ++k) {
    const auto f = static_cast<Finding>(k);
    counts += std::string(" ") + FindingName(f) + "=" + std::to_string(findings.count(f));
  }
  char time_s[32];
  std::snprintf(time_s, sizeof time_s, "%.0f",
                std::chrono::duration<double>(Clock::now() - started).count());
  std::printf(
      "kams_iofault: %s, %d writers, seed %llu: rounds=%d (%s) kills_with_faults_on=%d "
      "acknowledged=%lld refused=%lld%s unknown=%lld (in doubt %lld, applied %lld)%s | "
      "customers checked %lld | time %ss\n",
      postgres ? "postgresql" : "sqlite", o.writers, static_cast<unsigned long long>(o.seed),
      o.rounds, profile_counts.c_str(), kills, acked,
      refused, refused_detail.c_str(), unknown, in_doubt, unknown_applied, counts.c_str(),
      verifier.customers_checked(), time_s);
  std::fflush(stdout);
  const bool failed = findings.failures() > 0;
  if (failed || o.keep) {
    std::fprintf(stderr, "kams_iofault: database and server log kept in %s\n", dir.c_str());
  } else {
    fs::remove_all(dir);
  }
  return failed ? 1 : 0;
}

}  // namespace
}  // namespace kams::crash

int main(int argc, char** argv) {
  // A command sent to a server that died on its own fails with EPIPE instead of ending
  // the test.
  ::signal(SIGPIPE, SIG_IGN);
  try {
    return kams::crash::Run(kams::crash::Parse(argc, argv));
  } catch (const std::exception& e) {
    std::fprintf(stderr, "kams_iofault: %s\n", e.what());
    return 2;
  }
}
