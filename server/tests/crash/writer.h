#pragma once
// A writer of the crash test: one thread that creates and edits its own customers and
// contacts and imports transactions for them, one request at a time, recording every
// write and its outcome in its ledger. Between rounds it parks, so that the coordinator
// can kill, restart and verify while nothing is in flight.

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <mutex>
#include <random>
#include <string>

#include "harness.h"
#include "ledger.h"

namespace kams::crash {

// Shared by the coordinator and all writers.
class Gate {
 public:
  // Writers: blocks while paused; returns false when the run is over.
  bool WaitOpen();
  // Coordinator: stop writers from starting new requests / let them go on / end.
  void Pause();
  void Open(int port);
  void Stop();
  // Coordinator: waits until all `writers` are parked (their last requests are finished).
  void WaitParked(int writers);
  int port() const { return port_.load(); }

 private:
  std::mutex mu_;
  std::condition_variable open_cv_, parked_cv_;
  bool paused_ = true;
  bool stop_ = false;
  int parked_ = 0;
  std::atomic<int> port_{0};
};

// Signs in over HTTP (session cookie + CSRF token); throws std::runtime_error on failure.
test::Client SignIn(int port, const std::string& username, const std::string& password);

class Writer {
 public:
  Writer(int w, const std::string& tag, std::uint64_t seed, Gate& gate, std::string username,
         std::string password);
  // The session to write with (signed in by the coordinator; the writer signs in again
  // by itself only after a 401).
  void SetClient(test::Client client) { client_ = std::move(client); }
  // The thread's body: writes until the gate stops.
  void Run();
  WriterLedger& ledger() { return ledger_; }

 private:
  void WriteOnce();
  void CreateCustomer();
  void EditCustomer(CustomerModel& c);
  void CreateContact(CustomerModel& c);
  void EditContact(CustomerModel& c, ContactModel& k);
  void Import();
  // Sends one write; the outcome is kUnknown when no answer came.
  Outcome Send(const std::string& method, const std::string& target,
               std::vector<std::pair<std::string, std::string>> headers, const std::string& body,
               Op& op, test::HttpResponse* response);
  CustomerModel* PickCustomer();
  void Record(Op op);

  Gate& gate_;
  std::string username_, password_;
  test::Client client_;
  std::mt19937_64 rng_;
  WriterLedger ledger_;
};

}  // namespace kams::crash
