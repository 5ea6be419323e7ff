#include "kams_process.h"

#include <fcntl.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <thread>

#include "harness.h"

namespace kams::crash {
namespace {

using Clock = std::chrono::steady_clock;

// argv as execv wants it; built before fork (the child of a threaded process must not
// allocate).
std::vector<char*> ArgvOf(const std::vector<std::string>& argv) {
  std::vector<char*> args;
  for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
  args.push_back(nullptr);
  return args;
}

// In the child between fork and exec: only async-signal-safe calls.
[[noreturn]] void ExecWithOutput(int out_fd, char* const* argv) {
  ::prctl(PR_SET_PDEATHSIG, SIGKILL);  // never outlive a test that died
  ::dup2(out_fd, STDOUT_FILENO);
  ::dup2(out_fd, STDERR_FILENO);
  // The test's own sockets must not live on in the server: a connection that the test
  // closes would otherwise stay open in the child.
  for (int fd = 3; fd < 4096; ++fd) ::close(fd);
  ::execv(argv[0], argv);
  ::_exit(127);
}

std::string Tail(const std::string& path, std::size_t bytes) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  const std::string all = ss.str();
  return all.size() > bytes ? all.substr(all.size() - bytes) : all;
}

int ExitStatus(int status) {
  return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

}  // namespace

KamsProcess::KamsProcess(std::string bin, std::string db, std::string dir, int threads)
    : bin_(std::move(bin)),
      db_(std::move(db)),
      dir_(std::move(dir)),
      log_(dir_ + "/server.log"),
      port_file_(dir_ + "/port"),
      threads_(threads) {}

KamsProcess::~KamsProcess() {
  if (running()) Kill9();
}

bool KamsProcess::Start(std::string* why) {
  std::remove(port_file_.c_str());
  port_ = 0;
  std::vector<std::string> argv = wrapper_;
  for (std::string a : {bin_, std::string("serve"), std::string("--db"), db_,
                        std::string("--listen"), std::string("127.0.0.1:0"),
                        std::string("--port-file"), port_file_, std::string("--threads"),
                        std::to_string(threads_), std::string("--node"), std::string("crash")}) {
    argv.push_back(std::move(a));
  }
  const int log_fd = ::open(log_.c_str(), O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0644);
  if (log_fd < 0) {
    *why = "cannot open " + log_;
    return false;
  }
  const auto exec_argv = ArgvOf(argv);
  const auto t0 = Clock::now();
  pid_ = ::fork();
  if (pid_ == 0) ExecWithOutput(log_fd, exec_argv.data());
  ::close(log_fd);
  if (pid_ < 0) {
    *why = "fork failed";
    return false;
  }
  const auto deadline = t0 + std::chrono::seconds(120);
  while (Clock::now() < deadline) {
    int status = 0;
    if (::waitpid(pid_, &status, WNOHANG) == pid_) {
      pid_ = -1;
      *why = "kams serve exited (" + std::to_string(ExitStatus(status)) + "):\n" + Tail(log_, 2000);
      return false;
    }
    if (port_ == 0) {
      std::ifstream in(port_file_);
      if (!(in >> port_)) port_ = 0;
    }
    if (port_ != 0) {
      try {
        if (test::SendHttp(port_, "GET", "/healthz", {}, "").status == 200) {
          last_start_ms_ = std::chrono::duration<double, std::milli>(Clock::now() - t0).count();
          return true;
        }
      } catch (const std::exception&) {
        // not accepting yet
      }
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  *why = "kams serve did not answer /healthz within 120 s:\n" + Tail(log_, 2000);
  Kill9();
  return false;
}

bool KamsProcess::Alive() {
  if (pid_ <= 0) return false;
  int status = 0;
  if (::waitpid(pid_, &status, WNOHANG) == pid_) {
    pid_ = -1;
    return false;
  }
  return true;
}

void KamsProcess::Kill9() {
  if (pid_ <= 0) return;
  ::kill(pid_, SIGKILL);
  int status = 0;
  ::waitpid(pid_, &status, 0);
  pid_ = -1;
}

int KamsProcess::Terminate() {
  if (pid_ <= 0) return -1;
  ::kill(pid_, SIGTERM);
  int status = 0;
  ::waitpid(pid_, &status, 0);
  pid_ = -1;
  return ExitStatus(status);
}

std::vector<std::string> KamsProcess::SanitizerReports() const {
  return test::SanitizerReports(Tail(log_, std::string::npos));
}

int KamsProcess::RunCli(const std::vector<std::string>& args, std::string* out) const {
  int fds[2];
  if (::pipe2(fds, O_CLOEXEC) != 0) return -1;
  std::vector<std::string> argv{bin_};
  argv.insert(argv.end(), args.begin(), args.end());
  const auto exec_argv = ArgvOf(argv);
  const int pid = ::fork();
  if (pid == 0) ExecWithOutput(fds[1], exec_argv.data());
  ::close(fds[1]);
  std::string text;
  char buf[4096];
  for (;;) {
    const ssize_t n = ::read(fds[0], buf, sizeof buf);
    if (n <= 0) break;
    text.append(buf, static_cast<std::size_t>(n));
  }
  ::close(fds[0]);
  int status = 0;
  if (pid > 0) ::waitpid(pid, &status, 0);
  if (out) *out = text;
  return pid > 0 ? ExitStatus(status) : -1;
}

}  // namespace kams::crash
