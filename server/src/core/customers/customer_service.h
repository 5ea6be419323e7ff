#pragma once
// Use cases on customer dossiers and their account teams. Every method takes the acting
// principal; customers outside its scope answer not_found.

#include <functional>

#include "core/audit/audit_record.h"
#include "core/common/context.h"
#include "core/customers/customer.h"
#include "core/imports/transaction.h"
#include "core/org/user.h"

namespace kams {

// The customer if `who` may see it; else not_found, with out-of-scope probes marked as
// denials for the audit (Recorded writes them).
Result<Customer> VisibleCustomer(Tx& tx, const Principal& who, Id id);

// Adds the members of the owner's default team to the customer's account team: those who are
// active, not the owner, not on the team yet and, when `actor` is a director (or another
// subtree-scoped role), of the actor's subtree, with one audit row (account_team.apply_default)
// naming them. Returns those added (none: no audit row). Part of the caller's transaction.
std::vector<AccountTeamMember> AddOwnerDefaultTeam(Tx& tx, const CoreDeps& deps,
                                                   const RequestContext& ctx,
                                                   const Principal& actor, const Customer& c);

class CustomerService {
 public:
  explicit CustomerService(CoreDeps deps) : deps_(deps) {}

  // Every row listed is a read of that dossier for the access log ("customer_list").
  Result<Page<Customer>> List(const Principal& who, const RequestContext& ctx,
                              const CustomerFilter& filter, const SortSpec& sort,
                              const PageRequest& page);
  Result<Customer> Get(const Principal& who, const RequestContext& ctx, Id id);
  // The audit rows concerning one visible customer (its dossier, contacts, team), newest
  // first: the dossier's history, for anyone who may see the customer.
  // The customer's monthly roll-ups (revenue, orders, margin), oldest first.
  Result<std::vector<MonthDelta>> Months(const Principal& who, const RequestContext& ctx, Id id);
  Result<Page<AuditRecord>> History(const Principal& who, const RequestContext& ctx, Id id,
                                    const PageRequest& page);
  // The changes of the relationship stage and loyalty, newest first (from the audit trail,
  // each record holding only those fields).
  Result<Page<AuditRecord>> RelationshipHistory(const Principal& who, const RequestContext& ctx,
                                                Id id, const PageRequest& page);
  // `draft` holds the client's fields; id, version, key-account status and tier are set here.
  Result<Customer> Create(const Principal& who, const RequestContext& ctx, Customer draft);
  // Applies `edit` to the current dossier if its version is `expected_version`.
  using Edit = std::function<Status(Customer&)>;
  Result<Customer> Update(const Principal& who, const RequestContext& ctx, Id id,
                          std::int64_t expected_version, const Edit& edit);
  Status Delete(const Principal& who, const RequestContext& ctx, Id id,
                std::int64_t expected_version);

  // The active users who see the customer — its owner and team, the directors and service
  // agents of the units above it, every specialist, executive and administrator — by id,
  // optionally by part of the name and by role: those a request or a next step may be
  // handed to. Anyone who sees the customer may ask (404 otherwise).
  Result<Page<User>> UsersWhoSee(const Principal& who, const RequestContext& ctx, Id customer_id,
                                 std::string q, std::optional<Role> role, const PageRequest& page);
  Result<std::vector<AccountTeamMember>> Team(const Principal& who, const RequestContext& ctx,
                                              Id customer_id);
  Result<AccountTeamMember> AddTeamMember(const Principal& who, const RequestContext& ctx,
                                          AccountTeamMember member);
  Status RemoveTeamMember(const Principal& who, const RequestContext& ctx, Id customer_id,
                          Id user_id);
  // The owner's default team added to a visible customer's team (account_team.write); the
  // team as it is then. 409 when the customer has no owner.
  Result<std::vector<AccountTeamMember>> ApplyDefaultTeam(const Principal& who,
                                                          const RequestContext& ctx,
                                                          Id customer_id);

  // A user's default team: read by those who may edit it and by those who may read the user;
  // edited by the user themself, a director whose unit holds the user's, or an administrator.
  Result<DefaultTeam> DefaultTeamOf(const Principal& who, const RequestContext& ctx, Id user_id);
  // Replaces the members (412 when `expected_version` is stale); audited on the user.
  Result<DefaultTeam> PutDefaultTeam(const Principal& who, const RequestContext& ctx, Id user_id,
                                     std::int64_t expected_version,
                                     std::vector<DefaultTeamMember> members);

 private:
  Status CheckPlacement(Tx& tx, const Principal& who, const Customer& c);
  Status CheckUnique(Tx& tx, const Customer& c);
  CoreDeps deps_;
};

}  // namespace kams
