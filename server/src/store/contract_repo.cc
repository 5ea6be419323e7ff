#include "store/contract_repo.h"

namespace kams {
namespace {

constexpr const char* kSelect =
    "SELECT id, customer_id, version, number, title, status, signed_on, starts_on, ends_on, "
    "amount_fen, terminated_on, termination_reason, notes, created_by, created_at, updated_at "
    "FROM contract";

Contract Read(const SqlRow& r) {
  Contract c;
  c.id = r.Int(0);
  c.customer_id = r.Int(1);
  c.version = r.Int(2);
  c.number = r.Text(3);
  c.title = r.Text(4);
  c.status = r.Text(5);
  c.signed_on = r.OptText(6).value_or("");
  c.starts_on = r.Text(7);
  c.ends_on = r.OptText(8).value_or("");
  c.amount_fen = r.OptInt(9);
  c.terminated_on = r.OptText(10).value_or("");
  c.termination_reason = r.Text(11);
  c.notes = r.Text(12);
  c.created_by = r.OptInt(13);
  c.created_at = r.Int(14);
  c.updated_at = r.Int(15);
  return c;
}

std::optional<std::string> OptDate(const std::string& s) {
  if (s.empty()) return std::nullopt;
  return s;
}

}  // namespace

Page<Contract> SqlContractRepository::List(Id customer_id, const PageRequest& page) {
  SqlBinder b(run_.dialect());
  std::string sql = std::string(kSelect) + " WHERE customer_id = " + b.Add(customer_id);
  if (page.after) {
    const std::string v = b.Add(page.after->sort_value);
    sql += " AND (starts_on < " + v + " OR (starts_on = " + v + " AND id < " +
           b.Add(page.after->id) + "))";
  }
  sql += " ORDER BY starts_on DESC, id DESC LIMIT " + b.Add(std::int64_t{page.limit} + 1);
  Page<Contract> out;
  run_.Run(b, sql, [&](const SqlRow& r) { out.items.push_back(Read(r)); });
  if (static_cast<int>(out.items.size()) > page.limit) {
    out.items.pop_back();
    out.next = Cursor{out.items.back().starts_on, out.items.back().id};
  }
  return out;
}

std::optional<Contract> SqlContractRepository::Get(Id customer_id, Id contract_id) {
  SqlBinder b(run_.dialect());
  std::optional<Contract> out;
  run_.Run(b,
           std::string(kSelect) + " WHERE id = " + b.Add(contract_id) +
               " AND customer_id = " + b.Add(customer_id),
           [&](const SqlRow& r) { out = Read(r); });
  return out;
}

bool SqlContractRepository::NumberTaken(Id customer_id, const std::string& number, Id except_id) {
  SqlBinder b(run_.dialect());
  bool taken = false;
  run_.Run(b,
           "SELECT 1 FROM contract WHERE customer_id = " + b.Add(customer_id) +
               " AND number = " + b.Add(number) + " AND id <> " + b.Add(except_id),
           [&](const SqlRow&) { taken = true; });
  return taken;
}

Id SqlContractRepository::Insert(const Contract& c) {
  SqlBinder b(run_.dialect());
  const std::string sql =
      "INSERT INTO contract (customer_id, version, number, title, status, signed_on, starts_on, "
      "ends_on, amount_fen, terminated_on, termination_reason, notes, created_by, created_at, "
      "updated_at) VALUES (" +
      b.Add(c.customer_id) + ", " + b.Add(c.version) + ", " + b.Add(c.number) + ", " +
      b.Add(c.title) + ", " + b.Add(c.status) + ", " + AddOpt(b, OptDate(c.signed_on)) + ", " +
      b.Add(c.starts_on) + ", " + AddOpt(b, OptDate(c.ends_on)) + ", " + AddOpt(b, c.amount_fen) +
      ", " + AddOpt(b, OptDate(c.terminated_on)) + ", " + b.Add(c.termination_reason) + ", " +
      b.Add(c.notes) + ", " + AddOpt(b, c.created_by) + ", " + b.Add(c.created_at) + ", " +
      b.Add(c.updated_at) + ") RETURNING id";
  Id id = 0;
  run_.Run(b, sql, [&](const SqlRow& r) { id = r.Int(0); });
  return id;
}

void SqlContractRepository::Update(const Contract& c) {
  SqlBinder b(run_.dialect());
  const std::string sql =
      "UPDATE contract SET version = " + b.Add(c.version) + ", number = " + b.Add(c.number) +
      ", title = " + b.Add(c.title) + ", status = " + b.Add(c.status) +
      ", signed_on = " + AddOpt(b, OptDate(c.signed_on)) + ", starts_on = " + b.Add(c.starts_on) +
      ", ends_on = " + AddOpt(b, OptDate(c.ends_on)) + ", amount_fen = " + AddOpt(b, c.amount_fen) +
      ", terminated_on = " + AddOpt(b, OptDate(c.terminated_on)) +
      ", termination_reason = " + b.Add(c.termination_reason) + ", notes = " + b.Add(c.notes) +
      ", updated_at = " + b.Add(c.updated_at) + " WHERE id = " + b.Add(c.id) +
      " AND customer_id = " + b.Add(c.customer_id);
  run_.Run(b, sql);
}

void SqlContractRepository::Delete(Id customer_id, Id contract_id) {
  SqlBinder b(run_.dialect());
  run_.Run(b, "DELETE FROM contract WHERE id = " + b.Add(contract_id) +
                  " AND customer_id = " + b.Add(customer_id));
}

std::vector<ContractReminder> SqlContractRepository::Ending(Id user_id, const std::string& from,
                                                           const std::string& to,
                                                           std::int64_t limit) {
  SqlBinder b(run_.dialect());
  const std::string user = b.Add(user_id);
  std::vector<ContractReminder> out;
  run_.Run(b,
           "SELECT k.id, k.number, k.title, c.id, c.name, k.ends_on FROM contract k "
           "JOIN customer c ON c.id = k.customer_id WHERE c.deleted_at IS NULL AND "
           "k.status = 'active' AND k.ends_on BETWEEN " + b.Add(from) + " AND " + b.Add(to) +
               " AND (c.owner_id = " + user +
               " OR c.id IN (SELECT customer_id FROM account_team WHERE user_id = " + user +
               ")) ORDER BY k.ends_on, k.id LIMIT " + b.Add(limit),
           [&](const SqlRow& r) {
             ContractReminder x;
             x.contract_id = r.Int(0);
             x.number = r.Text(1);
             x.title = r.Text(2);
             x.customer_id = r.Int(3);
             x.customer_name = r.Text(4);
             x.ends_on = ParseCivilDate(r.Text(5)).value_or(CivilDate{});
             out.push_back(std::move(x));
           });
  return out;
}

}  // namespace kams
