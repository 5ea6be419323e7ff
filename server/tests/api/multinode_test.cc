// Two `kams serve` nodes on one database: sessions, login throttling, writes, the audit
// chain and periodic jobs are shared through the database, so any node answers any
// request, and each job runs on exactly one node per period.
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <map>
#include <mutex>
#include <sstream>
#include <thread>

#include "api_util.h"

namespace kams::test {
namespace {

struct JobRow {
  std::string job, period, node, finished_at;
};

std::vector<JobRow> JobRuns(const std::string& job) {
  auto& server = KamsServer::Get();
  std::string out;
  EXPECT_EQ(server.RunCli({"jobs", "--db", server.db_path(), "--job", job, "--limit", "100000"},
                          &out),
            0)
      << out;
  std::vector<JobRow> rows;
  std::istringstream in(out);
  std::string line;
  std::getline(in, line);  // header
  while (std::getline(in, line)) {
    std::istringstream fields(line);
    JobRow r;
    std::getline(fields, r.job, '\t');
    std::getline(fields, r.period, '\t');
    std::getline(fields, r.node, '\t');
    std::string started;
    std::getline(fields, started, '\t');
    std::getline(fields, r.finished_at, '\t');
    rows.push_back(r);
  }
  return rows;
}

// kams_job_runs_total{job=…,outcome="ok"} of one node.
long JobRunsCounted(int port, const std::string& job) {
  auto r = SendHttp(port, "GET", "/metrics", {}, "");
  const std::string series = "kams_job_runs_total{job=\"" + job + "\",outcome=\"ok\"} ";
  const auto at = r.body.find(series);
  return at == std::string::npos ? 0 : std::stol(r.body.substr(at + series.size()));
}

// A keep-alive connection that has had one answer and now sits idle. Returns its socket.
int OpenIdleKeepAlive(int port) {
  const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in addr{};
  addr.sin_family = AF_INET;
  addr.sin_port = htons(static_cast<uint16_t>(port));
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (fd < 0 || ::connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) != 0) {
    throw std::runtime_error("connect failed");
  }
  timeval tv{30, 0};
  setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
  const std::string req = "GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n";
  if (::send(fd, req.data(), req.size(), MSG_NOSIGNAL) != static_cast<ssize_t>(req.size())) {
    throw std::runtime_error("send failed");
  }
  std::string in;
  char buf[4096];
  for (;;) {
    const auto head_end = in.find("\r\n\r\n");
    if (head_end != std::string::npos) {
      const auto cl = in.find("Content-Length: ");
      if (cl != std::string::npos && in.size() >= head_end + 4 + std::stoul(in.substr(cl + 16))) {
        break;
      }
    }
    const ssize_t n = ::recv(fd, buf, sizeof buf, 0);
    if (n <= 0) throw std::runtime_error("no answer on the keep-alive connection: " + in);
    in.append(buf, static_cast<std::size_t>(n));
  }
  if (in.rfind("HTTP/1.1 200", 0) != 0) throw std::runtime_error("healthz: " + in);
  return fd;
}

class MultiNode : public ::testing::Test {
 protected:
  // Each test gets a node of its own name, so runs of earlier second nodes (whose
  // counters went with them) are told apart.
  void SetUp() override {
    static int started = 0;
    node2_name_ = "api-node-2-" + std::to_string(++started);
    node2_ = KamsServer::Get().StartNode(node2_name_);
  }
  void TearDown() override {
    if (node2_.pid > 0) {
      EXPECT_EQ(KamsServer::StopNode(node2_), 0);
    }
  }
  KamsServer::Node node2_;
  std::string node2_name_;
};

TEST_F(MultiNode, ASessionMadeOnOneNodeWorksOnTheOtherUntilLoggedOutAnywhere) {
  Client on1 = Client::Login("kam.sz");
  Client on2 = on1;
  on2.port = node2_.port;
  EXPECT_EQ(GetJson(on2, "/api/v1/auth/me")["user"]["username"], "kam.sz");
  json created = CreateCustomer(on2, {{"name", Unique("跨节点客户")}});  // CSRF from node 1
  EXPECT_EQ(GetJson(on1, CustomerPath(created["id"]))["name"], created["name"]);
  ASSERT_EQ(on2.Post("/api/v1/auth/logout", json::object()).status, 204);
  EXPECT_EQ(on1.Get("/api/v1/auth/me").status, 401);
}

TEST_F(MultiNode, LoginThrottlingCountsFailuresOnEveryNode) {
  const std::string name = Unique("throttle-mn");
  CreateUser(name, "kam", UserUnit("kam.sh"));
  const std::string addr = FreshSourceAddr();
  const json wrong = {{"username", name}, {"password", "not-the-password-1"}};
  for (int i = 0; i < 5; ++i) {
    const int port = i % 2 ? node2_.port : KamsServer::Get().port();
    auto r = SendHttpFrom(addr, port, "POST", "/api/v1/auth/login",
                          {{"Content-Type", "application/json"}}, wrong.dump());
    ASSERT_EQ(r.status, 401) << r.body;
  }
  // The sixth failure, on node 2, locks the account on both nodes.
  auto sixth = SendHttpFrom(addr, node2_.port, "POST", "/api/v1/auth/login",
                            {{"Content-Type", "application/json"}}, wrong.dump());
  EXPECT_EQ(sixth.status, 429) << sixth.body;
  const json right = {{"username", name}, {"password", kTestPassword}};
  auto locked = SendHttpFrom(FreshSourceAddr(), KamsServer::Get().port(), "POST",
                             "/api/v1/auth/login", {{"Content-Type", "application/json"}},
                             right.dump());
  EXPECT_EQ(locked.status, 429) << locked.body;
}

TEST_F(MultiNode, ConcurrentWritesThroughBothNodesAreAllKeptAndAudited) {
  const Id audit_before = LatestAuditId();
  const std::string prefix = Unique("并发");
  constexpr int kWriters = 8, kEach = 15;
  std::mutex m;
  std::vector<std::pair<Id, std::string>> acknowledged;
  std::vector<std::string> failures;
  std::vector<std::thread> writers;
  for (int w = 0; w < kWriters; ++w) {
    writers.emplace_back([&, w] {
      Client c = Client::Login(w % 2 ? "kam.sz" : "kam.sh");
      c.port = w % 2 ? node2_.port : 0;
      for (int i = 0; i < kEach; ++i) {
        const std::string name = prefix + "-" + std::to_string(w) + "-" + std::to_string(i);
        auto r = c.Post("/api/v1/customers", {{"name", name}, {"region", "测试"}});
        std::lock_guard lock(m);
        if (r.status == 201) {
          acknowledged.emplace_back(r.Json()["id"].get<Id>(), name);
        } else {
          failures.push_back(std::to_string(r.status) + " " + r.body);
        }
      }
    });
  }
  for (auto& t : writers) t.join();
  EXPECT_TRUE(failures.empty()) << failures.front();
  ASSERT_EQ(acknowledged.size(), static_cast<std::size_t>(kWriters * kEach));
  for (const auto& [id, name] : acknowledged) {
    EXPECT_EQ(GetJson(As("admin"), CustomerPath(id))["name"], name);
  }
  // One audit row per write, in one unbroken chain.
  const auto rows = AuditSince(audit_before, "action=customer.create");
  std::set<Id> audited;
  for (const auto& r : rows) audited.insert(r["entity_id"].get<Id>());
  for (const auto& [id, name] : acknowledged) EXPECT_TRUE(audited.count(id)) << id;
  std::string out;
  EXPECT_EQ(KamsServer::Get().RunCli({"audit", "verify", "--db", KamsServer::Get().db_path()},
                                     &out),
            0)
      << out;
}

// SIGTERM in the middle of writes, reads and /metrics scrapes on every worker thread, with
// an idle keep-alive connection open: the node finishes what it is answering, closes the
// idle connection and exits 0, and every write it acknowledged is kept. (In the
// ThreadSanitizer build this runs the shutdown path against busy request threads.)
TEST_F(MultiNode, ASigtermUnderLoadKeepsWhatWasAcknowledgedAndExitsCleanly) {
  const int idle = OpenIdleKeepAlive(node2_.port);
  Client kam = Client::Login("kam.sh");  // signed in on node 1, used on node 2
  kam.port = node2_.port;
  const std::string prefix = Unique("停机");
  std::atomic<bool> stop{false};
  std::atomic<int> answered{0};
  std::mutex m;
  std::vector<std::pair<Id, std::string>> acknowledged;
  std::vector<std::string> unexpected;
  std::vector<std::thread> clients;
  for (int w = 0; w < 6; ++w) {
    clients.emplace_back([&, w] {
      for (int i = 0; !stop; ++i) {
        HttpResponse r;
        std::string name;
        try {
          if (w % 3 == 0) {
            name = prefix + "-" + std::to_string(w) + "-" + std::to_string(i);
            r = kam.Post("/api/v1/customers", {{"name", name}, {"region", "测试"}});
          } else if (w % 3 == 1) {
            r = kam.Get("/api/v1/customers?limit=20");
          } else {
            r = SendHttp(node2_.port, "GET", "/metrics", {}, "");
          }
        } catch (const std::exception&) {
          return;  // the node no longer accepts, or closed before answering
        }
        std::lock_guard lock(m);
        if (r.status == 201 && !name.empty()) {
          acknowledged.emplace_back(r.Json()["id"].get<Id>(), name);
        } else if (r.status != 200) {
          unexpected.push_back(std::to_string(r.status) + " " + r.body);
        }
        ++answered;
      }
    });
  }
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
  while (answered < 60 && std::chrono::steady_clock::now() < deadline) {
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  EXPECT_GE(answered, 60);
  EXPECT_EQ(KamsServer::StopNode(node2_), 0);
  stop = true;
  for (auto& t : clients) t.join();
  char c;
  EXPECT_EQ(::recv(idle, &c, 1, 0), 0) << "the idle keep-alive connection was not closed";
  ::close(idle);
  EXPECT_TRUE(unexpected.empty()) << unexpected.size()
                                  << " unexpected answers, first: " << unexpected.front();
  EXPECT_FALSE(acknowledged.empty());
  for (const auto& [id, name] : acknowledged) {
    EXPECT_EQ(GetJson(As("admin"), CustomerPath(id))["name"], name);
  }
}

TEST_F(MultiNode, EachPeriodicJobRunsOnExactlyOneNodePerPeriod) {
  // Both nodes tick four times a period (--job-period 1); whichever ticks first in a
  // period runs it. Wait until node 2 has won a period too.
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30);
  bool node2_ran = false;
  while (!node2_ran && std::chrono::steady_clock::now() < deadline) {
    std::this_thread::sleep_for(std::chrono::milliseconds(500));
    for (const auto& r : JobRuns("auth.purge")) node2_ran |= r.node == node2_name_;
  }
  ASSERT_TRUE(node2_ran) << "node 2 never ran auth.purge";

  const std::vector<std::pair<std::string, int>> nodes = {
      {"api-node", KamsServer::Get().port()}, {node2_name_, node2_.port}};
  std::vector<long> before, after;
  for (const auto& [name, port] : nodes) before.push_back(JobRunsCounted(port, "auth.purge"));
  const auto rows = JobRuns("auth.purge");
  for (const auto& [name, port] : nodes) after.push_back(JobRunsCounted(port, "auth.purge"));
  std::set<std::string> periods;
  std::map<std::string, long> by_node;
  for (const auto& r : rows) {
    EXPECT_TRUE(periods.insert(r.period).second) << "period " << r.period << " ran twice";
    ++by_node[r.node];
  }
  // What each node says it ran matches the runs recorded under its name: no node ran a
  // period it did not win (one run may be between its claim and its count).
  for (std::size_t k = 0; k < nodes.size(); ++k) {
    EXPECT_LE(before[k], by_node[nodes[k].first]) << nodes[k].first;
    EXPECT_LE(by_node[nodes[k].first], after[k] + 1) << nodes[k].first;
  }
}

}  // namespace
}  // namespace kams::test
