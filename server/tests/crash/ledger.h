#pragma once
// The crash test's model of what its writers sent and what the server answered. Each
// writer owns its customers (and their contacts and transactions), sends one request at a
// time, and records here every write with its outcome; after each restart the verifier
// compares the server with this model and resolves the writes whose answer was lost.
//
// Not thread-safe: a writer changes its own ledger while it runs; the verifier reads and
// resolves it only while every writer is parked.

#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace kams::crash {

using Id = long long;

// kAcked: a 2xx answer; the write must be there, complete, after any later restart.
// kUnknown: no answer (the server died mid-request): applied completely or not at all.
// kRefused: an error answer; a request that fails writes nothing, so it must be absent.
enum class Outcome { kAcked, kUnknown, kRefused };

enum class OpKind { kCreateCustomer, kEditCustomer, kCreateContact, kEditContact, kImport };

const char* ActionOf(OpKind kind);  // the audit action it writes, e.g. "customer.update"

// One write of the current round (cleared after each verification).
struct Op {
  OpKind kind = OpKind::kCreateCustomer;
  Outcome outcome = Outcome::kAcked;
  int status = 0;               // HTTP status; 0 without an answer
  std::string request_id;       // X-Request-Id of an answered write
  int customer_n = 0;           // the writer's number of the customer
  int contact_k = 0;            // the customer's number of the contact
  int rev = 0;                  // the revision an edit wrote
  int batch = 0;                // import: the writer's batch number
  int rows = 0;                 // import: rows sent
  Id entity_id = 0;             // customer or contact id, once known
  std::optional<bool> applied;  // outcome kUnknown: decided by the verifier
};

// Revisions: every edit writes revision r into fields that must change together (a
// customer's name, business_notes, trading_notes and employees; a contact's title,
// department and notes), so a half-applied edit shows as fields that disagree.
struct ContactModel {
  int k = 0;
  Id id = 0;    // 0 while its create is unknown
  int rev = 0;  // the acknowledged (or resolved) revision
  long long version = 1;
  int next_rev = 1;
  bool create_pending = false;     // create sent, answer lost
  std::optional<int> pending_rev;  // edit sent, answer lost
  std::set<int> refused_revs;      // edits answered with an error this round
};

// One import batch's share of one customer: a batch writes one calendar month (unique
// per writer), so the customer's roll-up for that month is exactly this or absent.
struct MonthPart {
  int batch = 0;
  long long revenue_fen = 0;
  long long margin_fen = 0;
  long long orders = 0;
  Outcome outcome = Outcome::kAcked;
  bool resolved = true;  // false while an unknown batch is undecided
};

struct CustomerModel {
  int n = 0;
  Id id = 0;  // 0 while its create is unknown
  int rev = 0;
  long long version = 1;
  int next_rev = 1;
  bool create_pending = false;
  std::optional<int> pending_rev;
  std::set<int> refused_revs;
  bool dirty = true;                     // written since the last verification
  bool suspect = false;                  // an answer was lost or refused: no writes until verified
  std::map<int, ContactModel> contacts;  // by k
  std::set<int> refused_contacts;        // creates answered with an error this round
  int next_contact = 1;
  std::map<std::string, MonthPart> months;  // "YYYY-MM" -> the batch that wrote it
};

struct WriterLedger {
  int w = 0;
  std::string tag;                         // run tag: names are unique per run
  std::map<int, CustomerModel> customers;  // by n
  std::set<int> refused_customers;         // creates answered with an error this round
  int next_customer = 1;
  int next_batch = 1;
  std::vector<Op> ops;  // this round's writes
  // Totals over the whole run.
  long long acked = 0, unknown = 0, refused = 0, unknown_applied = 0;
  std::map<OpKind, long long> acked_by_kind;
  std::map<int, long long> refused_by_status;
  long long relogins = 0;
  long long in_doubt = 0;  // 503 answers marked in_doubt (counted as unknown too)
};

// Names and values the writers write and the verifier parses back.
std::string CustomerName(const std::string& tag, int w, int n, int rev);
// Parses a CustomerName; false for any other name.
bool ParseCustomerName(const std::string& tag, const std::string& name, int* w, int* n, int* rev);
std::string ExternalRef(const std::string& tag, int w, int n);
std::string ContactName(int w, int n, int k);
std::string RevText(const std::string& prefix, int rev);  // prefix + "r" + rev
// The revision in a RevText with that prefix; nullopt if it is not one.
std::optional<int> ParseRev(const std::string& prefix, const std::string& text);
// The month an import batch writes: "YYYY-MM" from the year 1000 on (far from "today", so
// tiering and dashboards never see these customers as trading).
std::string BatchMonth(int batch);

}  // namespace kams::crash
