#include "core/contracts/contract_service.h"

#include "core/access/permissions.h"
#include "core/audit/audit_log.h"

namespace kams {
namespace {

Status CheckNumberFree(Tx& tx, const Contract& c) {
  if (!tx.contracts().NumberTaken(c.customer_id, c.number, c.id)) return Ok();
  Error e = Conflict("contract number " + c.number + " is already used for this customer");
  e.fields = {{"number", "taken"}};
  return e;
}

Error Stale(std::int64_t version) {
  return PreconditionFailed("contract was changed by someone else (now version " +
                            std::to_string(version) + ")");
}

}  // namespace

Result<Page<Contract>> ContractService::List(const Principal& who, const RequestContext& ctx,
                                             Id customer_id, const PageRequest& page) {
  if (page.limit < 1 || page.limit > 500) return ValidationFailed({{"limit", "out_of_range"}});
  auto listed = Recorded(deps_, ctx, who,
                         Transact(deps_.db, TxMode::kRead, [&](Tx& tx) -> Result<Page<Contract>> {
                           KAMS_TRY(Customer c, VisibleCustomer(tx, who, customer_id));
                           return tx.contracts().List(c.id, page);
                         }));
  if (listed.ok()) {
    deps_.access_log.Record(AccessEntry{deps_.clock.Now(), who.user_id, "contract_list",
                                        customer_id, customer_id, ctx.request_id,
                                        ctx.client_addr});
  }
  return listed;
}

Result<Contract> ContractService::Get(const Principal& who, const RequestContext& ctx,
                                      Id customer_id, Id id) {
  auto found = Recorded(deps_, ctx, who,
                        Transact(deps_.db, TxMode::kRead, [&](Tx& tx) -> Result<Contract> {
                          KAMS_TRY(Customer c, VisibleCustomer(tx, who, customer_id));
                          auto contract = tx.contracts().Get(c.id, id);
                          if (!contract) return NotFound("contract not found");
                          return std::move(*contract);
                        }));
  if (found.ok()) {
    deps_.access_log.Record(AccessEntry{deps_.clock.Now(), who.user_id, "contract", id,
                                        customer_id, ctx.request_id, ctx.client_addr});
  }
  return found;
}

Result<Contract> ContractService::Create(const Principal& who, const RequestContext& ctx,
                                         Contract c) {
  return Recorded(deps_, ctx, who, [&]() -> Result<Contract> {
    if (!Allows(who.role, Permission::kContractWrite)) {
      return DenyError("record contracts", "contract", std::nullopt);
    }
    c.id = 0;
    c.version = 1;
    c.created_by = who.user_id > 0 ? std::optional<Id>(who.user_id) : std::nullopt;
    c.created_at = c.updated_at = deps_.clock.Now();
    KAMS_CHECK(ValidateContract(c));
    return Transact(deps_.db, TxMode::kWrite, [&](Tx& tx) -> Result<Contract> {
      KAMS_TRY(Customer customer, VisibleCustomer(tx, who, c.customer_id));
      KAMS_CHECK(CheckNumberFree(tx, c));
      Contract created = c;
      created.id = tx.contracts().Insert(created);
      AppendAudit(tx, deps_, ctx, &who, "",
                  AuditEvent{"contract.create", "contract", created.id, customer.id,
                             DiffFields({}, ContractFieldValues(created))});
      return created;
    });
  }());
}

Result<Contract> ContractService::Update(const Principal& who, const RequestContext& ctx,
                                         Id customer_id, Id id, std::int64_t expected_version,
                                         const Edit& edit) {
  return Recorded(deps_, ctx, who, [&]() -> Result<Contract> {
    if (!Allows(who.role, Permission::kContractWrite)) {
      return DenyError("edit contracts", "contract", id);
    }
    return Transact(deps_.db, TxMode::kWrite, [&](Tx& tx) -> Result<Contract> {
      KAMS_TRY(Customer customer, VisibleCustomer(tx, who, customer_id));
      auto current = tx.contracts().Get(customer.id, id);
      if (!current) return NotFound("contract not found");
      if (current->version != expected_version) return Stale(current->version);
      Contract next = *current;
      KAMS_CHECK(edit(next));
      next.id = current->id;
      next.customer_id = current->customer_id;
      next.version = current->version;
      next.created_by = current->created_by;
      next.created_at = current->created_at;
      KAMS_CHECK(ValidateContract(next));
      auto changes = DiffFields(ContractFieldValues(*current), ContractFieldValues(next));
      if (changes.empty()) return *current;
      if (next.number != current->number) KAMS_CHECK(CheckNumberFree(tx, next));
      next.version = current->version + 1;
      next.updated_at = deps_.clock.Now();
      tx.contracts().Update(next);
      const bool terminated = current->status != "terminated" && next.status == "terminated";
      AppendAudit(tx, deps_, ctx, &who, "",
                  AuditEvent{terminated ? "contract.terminate" : "contract.update", "contract",
                             id, customer.id, std::move(changes)});
      return next;
    });
  }());
}

Status ContractService::Delete(const Principal& who, const RequestContext& ctx, Id customer_id,
                               Id id, std::int64_t expected_version) {
  return Recorded(deps_, ctx, who, [&]() -> Status {
    if (!Allows(who.role, Permission::kContractWrite)) {
      return DenyError("delete contracts", "contract", id);
    }
    return Transact(deps_.db, TxMode::kWrite, [&](Tx& tx) -> Status {
      KAMS_TRY(Customer customer, VisibleCustomer(tx, who, customer_id));
      auto current = tx.contracts().Get(customer.id, id);
      if (!current) return NotFound("contract not found");
      if (current->version != expected_version) return Stale(current->version);
      tx.contracts().Delete(customer.id, id);
      AppendAudit(tx, deps_, ctx, &who, "",
                  AuditEvent{"contract.delete", "contract", id, customer.id,
                             DiffFields(ContractFieldValues(*current), {})});
      return Ok();
    });
  }());
}

}  // namespace kams
