#pragma once
// `kams serve` as a child process of the crash test: started on a free loopback port,
// killed with SIGKILL, started again on the same database. Also runs `kams` CLI commands.
//
// Not thread-safe: one thread (the crash test's coordinator) drives it.

#include <string>
#include <vector>

namespace kams::crash {

class KamsProcess {
 public:
  // `bin`: the kams binary; `db`: a SQLite file or postgres:// URL; `dir`: where the port
  // file and the server's log (appended over restarts) go.
  KamsProcess(std::string bin, std::string db, std::string dir, int threads);
  // A program `kams serve` runs under, with its arguments (e.g. fiu-run for fault
  // injection); it must exec kams in its own process so that pid() is the server's.
  void SetWrapper(std::vector<std::string> wrapper) { wrapper_ = std::move(wrapper); }
  ~KamsProcess();  // kills a server still running
  KamsProcess(const KamsProcess&) = delete;
  KamsProcess& operator=(const KamsProcess&) = delete;

  // Starts `kams serve` and waits until GET /healthz answers 200. Returns false, with the
  // reason and the log's tail in *why, when that does not happen within 120 s.
  bool Start(std::string* why);
  // SIGKILL, then reaps the process. REQUIRES: running().
  void Kill9();
  // SIGTERM, waits, and returns the exit status (128 + signal when killed by one).
  int Terminate();
  bool running() const { return pid_ > 0; }
  // False when a started server has exited by itself (reaps it).
  bool Alive();
  int pid() const { return pid_; }
  int port() const { return port_; }
  // Milliseconds from fork to the first healthy /healthz of the last Start().
  double last_start_ms() const { return last_start_ms_; }
  const std::string& log_path() const { return log_; }
  // The sanitizer reports in the server's log (all its runs so far): a TSan or ASan build
  // of kams reports there.
  std::vector<std::string> SanitizerReports() const;

  // Runs `kams ARGS...` to completion; returns its exit status and, in *out, its stdout
  // and stderr.
  int RunCli(const std::vector<std::string>& args, std::string* out) const;

 private:
  std::string bin_, db_, dir_, log_, port_file_;
  std::vector<std::string> wrapper_;
  int threads_ = 4;
  int pid_ = -1;
  int port_ = 0;
  double last_start_ms_ = 0;
};

}  // namespace kams::crash
