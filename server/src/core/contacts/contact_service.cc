#include "core/contacts/contact_service.h"

#include "core/access/permissions.h"
#include "core/audit/audit_log.h"

namespace kams {

Result<Page<Contact>> ContactService::List(const Principal& who, const RequestContext& ctx,
                                           Id customer_id, const PageRequest& page) {
  if (page.limit < 1 || page.limit > 500) return ValidationFailed({{"limit", "out_of_range"}});
  auto listed = Recorded(deps_, ctx, who,
                         Transact(deps_.db, TxMode::kRead, [&](Tx& tx) -> Result<Page<Contact>> {
                           KAMS_TRY(Customer c, VisibleCustomer(tx, who, customer_id));
                           return tx.contacts().List(c.id, page);
                         }));
  if (listed.ok()) {
    // One entry per page, whatever its length: the reads the alerts count are of customers.
    deps_.access_log.Record(AccessEntry{deps_.clock.Now(), who.user_id, "contact_list",
                                        customer_id, customer_id, ctx.request_id,
                                        ctx.client_addr});
  }
  return listed;
}

Result<Contact> ContactService::Get(const Principal& who, const RequestContext& ctx,
                                    Id customer_id, Id id) {
  auto found = Recorded(deps_, ctx, who,
                        Transact(deps_.db, TxMode::kRead, [&](Tx& tx) -> Result<Contact> {
                          KAMS_TRY(Customer c, VisibleCustomer(tx, who, customer_id));
                          auto contact = tx.contacts().Get(c.id, id);
                          if (!contact) return NotFound("contact not found");
                          return std::move(*contact);
                        }));
  if (found.ok()) {
    deps_.access_log.Record(AccessEntry{deps_.clock.Now(), who.user_id, "contact", id,
                                        customer_id, ctx.request_id, ctx.client_addr});
  }
  return found;
}

Status ContactService::CheckReportsTo(Tx& tx, const Contact& c) {
  if (!c.reports_to_id) return Ok();
  if (*c.reports_to_id == c.id) return ValidationFailed({{"reports_to_id", "self_reference"}});
  Id next = *c.reports_to_id;
  for (int depth = 0; depth < 200; ++depth) {
    auto boss = tx.contacts().Get(c.customer_id, next);
    if (!boss) {
      return depth == 0 ? ValidationFailed({{"reports_to_id", "not_found"}}) : Ok();
    }
    if (!boss->reports_to_id) return Ok();
    if (*boss->reports_to_id == c.id) return ValidationFailed({{"reports_to_id", "cycle"}});
    next = *boss->reports_to_id;
  }
  return ValidationFailed({{"reports_to_id", "cycle"}});
}

Result<Contact> ContactService::Create(const Principal& who, const RequestContext& ctx,
                                       Contact c) {
  return Recorded(deps_, ctx, who, [&]() -> Result<Contact> {
    if (!Allows(who.role, Permission::kContactWrite)) {
      return DenyError("edit contacts", "contact", std::nullopt);
    }
    c.id = 0;
    c.version = 1;
    c.created_at = c.updated_at = deps_.clock.Now();
    KAMS_CHECK(ValidateContact(c));
    return Transact(deps_.db, TxMode::kWrite, [&](Tx& tx) -> Result<Contact> {
      KAMS_TRY(Customer customer, VisibleCustomer(tx, who, c.customer_id));
      KAMS_CHECK(CheckReportsTo(tx, c));
      Contact created = c;
      created.id = tx.contacts().Insert(created);
      AppendAudit(tx, deps_, ctx, &who, "",
                  AuditEvent{"contact.create", "contact", created.id, customer.id,
                             DiffFields({}, ContactFieldValues(created))});
      return created;
    });
  }());
}

Result<Contact> ContactService::Update(const Principal& who, const RequestContext& ctx,
                                       Id customer_id, Id id, std::int64_t expected_version,
                                       const Edit& edit) {
  return Recorded(deps_, ctx, who, [&]() -> Result<Contact> {
    if (!Allows(who.role, Permission::kContactWrite)) {
      return DenyError("edit contacts", "contact", id);
    }
    return Transact(deps_.db, TxMode::kWrite, [&](Tx& tx) -> Result<Contact> {
      KAMS_TRY(Customer customer, VisibleCustomer(tx, who, customer_id));
      auto current = tx.contacts().Get(customer.id, id);
      if (!current) return NotFound("contact not found");
      if (current->version != expected_version) {
        return PreconditionFailed("contact was changed by someone else (now version " +
                                  std::to_string(current->version) + ")");
      }
      Contact next = *current;
      KAMS_CHECK(edit(next));
      next.id = current->id;
      next.customer_id = current->customer_id;
      next.version = current->version;
      next.created_at = current->created_at;
      KAMS_CHECK(ValidateContact(next));
      auto changes = DiffFields(ContactFieldValues(*current), ContactFieldValues(next));
      if (changes.empty()) return *current;
      if (next.reports_to_id != current->reports_to_id) KAMS_CHECK(CheckReportsTo(tx, next));
      next.version = current->version + 1;
      next.updated_at = deps_.clock.Now();
      tx.contacts().Update(next);
      AppendAudit(tx, deps_, ctx, &who, "",
                  AuditEvent{"contact.update", "contact", id, customer.id, std::move(changes)});
      return next;
    });
  }());
}

Status ContactService::Delete(const Principal& who, const RequestContext& ctx, Id customer_id,
                              Id id, std::int64_t expected_version) {
  return Recorded(deps_, ctx, who, [&]() -> Status {
    if (!Allows(who.role, Permission::kContactWrite)) {
      return DenyError("edit contacts", "contact", id);
    }
    return Transact(deps_.db, TxMode::kWrite, [&](Tx& tx) -> Status {
      KAMS_TRY(Customer customer, VisibleCustomer(tx, who, customer_id));
      auto current = tx.contacts().Get(customer.id, id);
      if (!current) return NotFound("contact not found");
      if (current->version != expected_version) {
        return PreconditionFailed("contact was changed by someone else (now version " +
                                  std::to_string(current->version) + ")");
      }
      tx.contacts().Delete(customer.id, id);
      AppendAudit(tx, deps_, ctx, &who, "",
                  AuditEvent{"contact.delete", "contact", id, customer.id,
                             DiffFields(ContactFieldValues(*current), {})});
      return Ok();
    });
  }());
}

}  // namespace kams
