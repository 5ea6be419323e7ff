#pragma once
// Use cases of handovers (core/engagement/handover.h for what moves where).
//
// Who may hand over: administrators any user but themselves; directors the users of their
// org subtree in front-line roles (kam, assistant, sales, service), to successors of their
// subtree, and only when every customer the user owns is in the director's scope.
// Successors must exist, be active, differ from the leaving user and each other, and have a
// role that may take the work over (customers: roles that own accounts).
//
// Execute moves everything in one transaction, records the handover with one item per
// moved thing and one owner-history row per customer, disables the leaving user, ends
// their sessions (API tokens of a disabled user stop working too) and writes one audit
// event `user.handover`. A user who is already disabled may still be handed over while they
// hold something — that is the usual case after someone left; one who is disabled and holds
// nothing answers conflict.
//
// Who may read: handovers — administrators, executives and KAM specialists all; directors
// those of users in their subtree (items of customers outside their scope are left out;
// the tallies count everything). Owner history — whoever sees the customer. Decay flags —
// everyone, for the customers they see.

#include <optional>
#include <vector>

#include "core/common/context.h"
#include "core/engagement/handover.h"
#include "core/org/user.h"
#include "core/ports/repositories.h"

namespace kams {

// What a handover would move, and to whom.
struct HandoverPlan {
  User from_user;
  HandoverMode mode = HandoverMode::kSingle;
  std::vector<User> successors;     // in the client's order
  std::vector<HandoverItem> items;  // with names, by kind then entity id
};

class HandoverService {
 public:
  explicit HandoverService(CoreDeps deps) : deps_(deps) {}

  // Everything Execute would check and move, changing nothing.
  Result<HandoverPlan> Preview(const Principal& who, const RequestContext& ctx, Id user_id,
                               const HandoverOrder& order);
  // The handover as recorded, with its items.
  Result<Handover> Execute(const Principal& who, const RequestContext& ctx, Id user_id,
                           const HandoverOrder& order);
  Result<Page<Handover>> List(const Principal& who, const HandoverFilter& filter,
                              const PageRequest& page);
  Result<Handover> Get(const Principal& who, const RequestContext& ctx, Id id);
  // The customer's earlier owners, newest first (404 when the customer is not visible).
  Result<Page<OwnerHistoryEntry>> OwnerHistory(const Principal& who, const RequestContext& ctx,
                                               Id customer_id, const PageRequest& page);
  Result<Page<HandoverDecay>> Decay(const Principal& who, const HandoverDecayFilter& filter,
                                    const PageRequest& page);

 private:
  Result<HandoverPlan> Plan(Tx& tx, const Principal& who, Id user_id, const HandoverOrder& order);
  // Moves and records what `plan` says, in `tx`.
  Result<Handover> Carry(Tx& tx, const Principal& who, const RequestContext& ctx,
                         HandoverPlan plan);
  CoreDeps deps_;
};

}  // namespace kams
