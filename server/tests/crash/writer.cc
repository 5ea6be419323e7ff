#include "writer.h"

#include <algorithm>
#include <chrono>
#include <map>
#include <stdexcept>
#include <thread>

namespace kams::crash {

using test::json;

bool Gate::WaitOpen() {
  std::unique_lock lock(mu_);
  if (paused_ && !stop_) {
    ++parked_;
    parked_cv_.notify_all();
    open_cv_.wait(lock, [this] { return !paused_ || stop_; });
    --parked_;
  }
  return !stop_;
}

void Gate::Pause() {
  std::lock_guard lock(mu_);
  paused_ = true;
}

void Gate::Open(int port) {
  std::lock_guard lock(mu_);
  port_.store(port);
  paused_ = false;
  open_cv_.notify_all();
}

void Gate::Stop() {
  std::lock_guard lock(mu_);
  stop_ = true;
  open_cv_.notify_all();
}

void Gate::WaitParked(int writers) {
  std::unique_lock lock(mu_);
  parked_cv_.wait(lock, [&] { return parked_ >= writers; });
}

test::Client SignIn(int port, const std::string& username, const std::string& password) {
  auto r =
      test::SendHttp(port, "POST", "/api/v1/auth/login", {{"Content-Type", "application/json"}},
                     json{{"username", username}, {"password", password}}.dump());
  if (r.status != 200) {
    throw std::runtime_error("sign-in of " + username + " answered " + std::to_string(r.status) +
                             ": " + r.body.substr(0, 300));
  }
  test::Client c;
  const std::string cookie = r.Header("set-cookie");
  c.cookie = cookie.substr(0, cookie.find(';'));
  c.csrf = r.Json().at("csrf_token").get<std::string>();
  c.port = port;
  return c;
}

Writer::Writer(int w, const std::string& tag, std::uint64_t seed, Gate& gate, std::string username,
               std::string password)
    : gate_(gate),
      username_(std::move(username)),
      password_(std::move(password)),
      rng_(seed * 1'000'003 + static_cast<std::uint64_t>(w)) {
  ledger_.w = w;
  ledger_.tag = tag;
}

void Writer::Run() {
  while (gate_.WaitOpen()) {
    client_.port = gate_.port();
    if (client_.cookie.empty()) {
      try {
        client_ = SignIn(client_.port, username_, password_);
      } catch (const std::exception&) {
        // The server died during the sign-in (the gate then parks us), or refused it.
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
        continue;
      }
    }
    WriteOnce();
  }
}

Outcome Writer::Send(const std::string& method, const std::string& target,
                     std::vector<std::pair<std::string, std::string>> headers,
                     const std::string& body, Op& op, test::HttpResponse* response) {
  try {
    *response = client_.Send(method, target, std::move(headers), body);
  } catch (const std::exception&) {
    op.status = 0;
    op.outcome = Outcome::kUnknown;
    return op.outcome;
  }
  op.status = response->status;
  op.request_id = response->Header("x-request-id");
  op.outcome = response->status / 100 == 2 ? Outcome::kAcked : Outcome::kRefused;
  if (response->status == 503) {
    // The storage failed while committing and the server cannot tell whether the write
    // was kept ("in_doubt"): like a lost answer, applied completely or not at all.
    const json j = json::parse(response->body, nullptr, false);
    if (j.is_object() && j.contains("error") && j["error"].value("in_doubt", false)) {
      op.outcome = Outcome::kUnknown;
      ++ledger_.in_doubt;
    }
  }
  if (response->status == 401) {
    // The session is gone (it must not be: it was acknowledged); sign in again.
    client_.cookie.clear();
    ++ledger_.relogins;
  }
  return op.outcome;
}

void Writer::Record(Op op) {
  switch (op.outcome) {
    case Outcome::kAcked:
      ++ledger_.acked;
      ++ledger_.acked_by_kind[op.kind];
      break;
    case Outcome::kUnknown:
      ++ledger_.unknown;
      break;
    case Outcome::kRefused:
      ++ledger_.refused;
      ++ledger_.refused_by_status[op.status];
      break;
  }
  ledger_.ops.push_back(std::move(op));
}

CustomerModel* Writer::PickCustomer() {
  if (ledger_.customers.empty()) return nullptr;
  for (int attempt = 0; attempt < 8; ++attempt) {
    // Half the time one of the newest (their contacts and edits pile up), else any.
    const int newest = ledger_.customers.rbegin()->first;
    std::uniform_int_distribution<int> any(1, newest);
    std::uniform_int_distribution<int> recent(std::max(1, newest - 20), newest);
    const int n = (rng_() & 1) ? any(rng_) : recent(rng_);
    auto it = ledger_.customers.lower_bound(n);
    if (it == ledger_.customers.end()) continue;
    CustomerModel& c = it->second;
    if (c.id != 0 && !c.suspect) return &c;
  }
  return nullptr;
}

void Writer::WriteOnce() {
  std::uniform_int_distribution<int> percent(0, 99);
  const int p = percent(rng_);
  CustomerModel* c = ledger_.customers.size() < 3 || p < 15 ? nullptr : PickCustomer();
  if (!c) return CreateCustomer();
  if (p < 45) return EditCustomer(*c);
  if (p < 80) {
    std::vector<ContactModel*> known;
    for (auto& [k, contact] : c->contacts) {
      if (contact.id != 0) known.push_back(&contact);
    }
    if (known.empty() || p < 60) return CreateContact(*c);
    std::uniform_int_distribution<std::size_t> pick(0, known.size() - 1);
    return EditContact(*c, *known[pick(rng_)]);
  }
  return Import();
}

void Writer::CreateCustomer() {
  const int w = ledger_.w;
  const int n = ledger_.next_customer++;
  Op op;
  op.kind = OpKind::kCreateCustomer;
  op.customer_n = n;
  const json body{{"name", CustomerName(ledger_.tag, w, n, 0)},
                  {"external_ref", ExternalRef(ledger_.tag, w, n)},
                  {"stage", "target"},
                  {"region", "崩溃测试"},
                  {"industry", "测试"},
                  {"business_notes", RevText("", 0)},
                  {"trading_notes", RevText("", 0)},
                  {"employees", 0}};
  test::HttpResponse r;
  CustomerModel c;
  c.n = n;
  switch (Send("POST", "/api/v1/customers", {{"Content-Type", "application/json"}}, body.dump(), op,
               &r)) {
    case Outcome::kAcked: {
      const json j = json::parse(r.body, nullptr, false);
      c.id = j.is_object() ? j.value("id", 0LL) : 0;
      c.version = j.is_object() ? j.value("version", 0LL) : 0;
      op.entity_id = c.id;
      ledger_.customers.emplace(n, std::move(c));
      break;
    }
    case Outcome::kUnknown:
      c.create_pending = true;
      c.suspect = true;
      ledger_.customers.emplace(n, std::move(c));
      break;
    case Outcome::kRefused:
      ledger_.refused_customers.insert(n);
      break;
  }
  Record(std::move(op));
}

void Writer::EditCustomer(CustomerModel& c) {
  const int rev = c.next_rev++;
  Op op;
  op.kind = OpKind::kEditCustomer;
  op.customer_n = c.n;
  op.rev = rev;
  op.entity_id = c.id;
  const json body{{"name", CustomerName(ledger_.tag, ledger_.w, c.n, rev)},
                  {"business_notes", RevText("", rev)},
                  {"trading_notes", RevText("", rev)},
                  {"employees", rev}};
  test::HttpResponse r;
  c.dirty = true;
  switch (Send(
      "PATCH", "/api/v1/customers/" + std::to_string(c.id),
      {{"Content-Type", "application/json"}, {"If-Match", "\"" + std::to_string(c.version) + "\""}},
      body.dump(), op, &r)) {
    case Outcome::kAcked: {
      const json j = json::parse(r.body, nullptr, false);
      c.rev = rev;
      c.version = j.is_object() ? j.value("version", 0LL) : 0;
      break;
    }
    case Outcome::kUnknown:
      c.pending_rev = rev;
      c.suspect = true;
      break;
    case Outcome::kRefused:
      c.refused_revs.insert(rev);
      c.suspect = true;
      break;
  }
  Record(std::move(op));
}

void Writer::CreateContact(CustomerModel& c) {
  const int k = c.next_contact++;
  Op op;
  op.kind = OpKind::kCreateContact;
  op.customer_n = c.n;
  op.contact_k = k;
  const json body{{"name", ContactName(ledger_.w, c.n, k)},
                  {"title", RevText("职位 ", 0)},
                  {"department", RevText("部门 ", 0)},
                  {"notes", RevText("", 0)}};
  test::HttpResponse r;
  c.dirty = true;
  ContactModel contact;
  contact.k = k;
  switch (Send("POST", "/api/v1/customers/" + std::to_string(c.id) + "/contacts",
               {{"Content-Type", "application/json"}}, body.dump(), op, &r)) {
    case Outcome::kAcked: {
      const json j = json::parse(r.body, nullptr, false);
      contact.id = j.is_object() ? j.value("id", 0LL) : 0;
      contact.version = j.is_object() ? j.value("version", 0LL) : 0;
      op.entity_id = contact.id;
      c.contacts.emplace(k, contact);
      break;
    }
    case Outcome::kUnknown:
      contact.create_pending = true;
      c.contacts.emplace(k, contact);
      c.suspect = true;
      break;
    case Outcome::kRefused:
      c.refused_contacts.insert(k);
      c.suspect = true;
      break;
  }
  Record(std::move(op));
}

void Writer::EditContact(CustomerModel& c, ContactModel& k) {
  const int rev = k.next_rev++;
  Op op;
  op.kind = OpKind::kEditContact;
  op.customer_n = c.n;
  op.contact_k = k.k;
  op.rev = rev;
  op.entity_id = k.id;
  const json body{{"title", RevText("职位 ", rev)},
                  {"department", RevText("部门 ", rev)},
                  {"notes", RevText("", rev)}};
  test::HttpResponse r;
  c.dirty = true;
  switch (Send(
      "PATCH", "/api/v1/customers/" + std::to_string(c.id) + "/contacts/" + std::to_string(k.id),
      {{"Content-Type", "application/json"}, {"If-Match", "\"" + std::to_string(k.version) + "\""}},
      body.dump(), op, &r)) {
    case Outcome::kAcked: {
      const json j = json::parse(r.body, nullptr, false);
      k.rev = rev;
      k.version = j.is_object() ? j.value("version", 0LL) : 0;
      break;
    }
    case Outcome::kUnknown:
      k.pending_rev = rev;
      c.suspect = true;
      break;
    case Outcome::kRefused:
      k.refused_revs.insert(rev);
      c.suspect = true;
      break;
  }
  Record(std::move(op));
}

namespace {

std::string Yuan(long long fen) {
  std::string cents = std::to_string(fen % 100);
  if (cents.size() < 2) cents = "0" + cents;
  return std::to_string(fen / 100) + "." + cents;
}

}  // namespace

// One batch of 1-4 rows over one or two of the writer's customers, all in the batch's own
// month: the batch is one database transaction, so each customer's roll-up for that
// month is the batch's whole share or nothing.
void Writer::Import() {
  std::vector<CustomerModel*> targets;
  const int want = (rng_() % 2) + 1;
  for (int i = 0; i < 4 && static_cast<int>(targets.size()) < want; ++i) {
    CustomerModel* c = PickCustomer();
    if (c && std::find(targets.begin(), targets.end(), c) == targets.end()) targets.push_back(c);
  }
  if (targets.empty()) return CreateCustomer();
  const int batch = ledger_.next_batch++;
  const std::string month = BatchMonth(batch);
  const int rows = static_cast<int>(targets.size()) + static_cast<int>(rng_() % 3);
  Op op;
  op.kind = OpKind::kImport;
  op.batch = batch;
  op.rows = rows;
  std::string csv = "txn_id,customer_id,date,amount,margin\n";
  std::map<CustomerModel*, MonthPart> parts;
  std::uniform_int_distribution<long long> amount(1, 9'999'999);
  for (int i = 0; i < rows; ++i) {
    CustomerModel* c = targets[static_cast<std::size_t>(i) % targets.size()];
    const long long fen = amount(rng_);
    const long long margin = fen / 7;
    const int day = 1 + i;
    csv += "CR-" + ledger_.tag + "-w" + std::to_string(ledger_.w) + "-b" + std::to_string(batch) +
           "-" + std::to_string(i) + "," + ExternalRef(ledger_.tag, ledger_.w, c->n) + "," + month +
           "-0" + std::to_string(day) + "," + Yuan(fen) + "," + Yuan(margin) + "\n";
    MonthPart& part = parts[c];
    part.batch = batch;
    part.revenue_fen += fen;
    part.margin_fen += margin;
    part.orders += 1;
  }
  test::HttpResponse r;
  const Outcome outcome = Send("POST", "/api/v1/transactions/import",
                               {{"Content-Type", "text/csv; charset=utf-8"}}, csv, op, &r);
  if (outcome == Outcome::kAcked) {
    // A 200 with rejected rows would be a test bug (or a lost customer): count it as a
    // refusal of the rows, which the verifier then finds missing.
    const json j = json::parse(r.body, nullptr, false);
    if (!j.is_object() || j.value("imported", -1) != rows) {
      op.outcome = Outcome::kRefused;
      op.status = 299;  // "2xx with rejects", shown apart in the summary
    }
  }
  for (auto& [c, part] : parts) {
    part.outcome = op.outcome;
    part.resolved = op.outcome == Outcome::kAcked;
    c->months[month] = part;
    c->dirty = true;
  }
  Record(std::move(op));
}

}  // namespace kams::crash
