#pragma once
// Use cases on nominations: put a customer forward as a key account (or ask for a tier change
// by hand), decide level by level up the org tree, withdraw, resubmit after a rejection; and
// the notification inbox the decisions reach.
//
// The approval chain is a list of roles, one per level (by default director, then
// specialist). The unit deciding at level k is the lowest unit, from the customer's own unit
// up to the root, that has an active user of that role and is not below the unit of level
// k-1 (strictly above it when the role repeats). A level without such a unit is skipped;
// when no level finds one, administrators decide. Administrators may decide at any level;
// nobody decides their own request.

#include <optional>
#include <string>
#include <vector>

#include "core/common/context.h"
#include "core/customers/customer.h"
#include "core/nominations/nomination.h"
#include "core/notifications/notification.h"
#include "core/org/user.h"
#include "core/ports/repositories.h"
#include "core/tiering/tiering_service.h"

namespace kams {

struct NominationDraft {
  Id customer_id = 0;
  NominationKind kind = NominationKind::kNominate;
  std::optional<Id> scheme_id;               // change: required; nominate: the primary scheme
  std::optional<std::string> proposed_tier;  // change: null revokes
  std::string reason;
  std::optional<CivilDate> pinned_until;     // default: a year after the decision
};

// What a resubmission changes (at least one must differ from the rejected request).
struct NominationChanges {
  std::optional<std::string> reason;
  std::optional<std::optional<std::string>> proposed_tier;
  std::optional<std::optional<CivilDate>> pinned_until;
};

class NominationService {
 public:
  NominationService(CoreDeps deps, const SchemeFormat& format) : deps_(deps), format_(format) {}

  Result<Nomination> Create(const Principal& who, const RequestContext& ctx, NominationDraft d);
  // With its steps. Visible to its nominator, its current deciders, and whoever sees the
  // customer.
  Result<Nomination> Get(const Principal& who, const RequestContext& ctx, Id id);
  Result<Page<Nomination>> List(const Principal& who, const NominationFilter& filter,
                                const PageRequest& page);
  Result<Nomination> Approve(const Principal& who, const RequestContext& ctx, Id id,
                             const std::string& comment);
  Result<Nomination> Reject(const Principal& who, const RequestContext& ctx, Id id,
                            const std::string& comment);
  Result<Nomination> Withdraw(const Principal& who, const RequestContext& ctx, Id id,
                              const std::string& comment);
  Result<Nomination> Resubmit(const Principal& who, const RequestContext& ctx, Id id,
                              const NominationChanges& changes);

  Result<std::vector<Role>> ApprovalChain(const Principal& who);
  Result<std::vector<Role>> SetApprovalChain(const Principal& who, const RequestContext& ctx,
                                             const std::vector<Role>& roles);

 private:
  Result<Nomination> Decide(const Principal& who, const RequestContext& ctx, Id id,
                            StepAction action, const std::string& comment);
  CoreDeps deps_;
  const SchemeFormat& format_;
};

class NotificationService {
 public:
  explicit NotificationService(CoreDeps deps) : deps_(deps) {}
  Result<Page<Notification>> List(const Principal& who, bool unread_only, const PageRequest& page);
  Result<std::int64_t> UnreadCount(const Principal& who);
  Status MarkRead(const Principal& who, Id id);
  Result<std::int64_t> MarkAllRead(const Principal& who);

 private:
  CoreDeps deps_;
};

inline constexpr std::size_t kMaxApprovalLevels = 5;

}  // namespace kams
