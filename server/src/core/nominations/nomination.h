#pragma once
// Nominations (提报): anyone may put a customer in their scope forward as a key account, or
// ask for a customer's tier under a scheme to change by hand; the request climbs an approval
// chain up the org tree, level by level, and every decision is recorded and notified.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/common/result.h"
#include "core/common/time.h"
#include "core/org/org_unit.h"
#include "core/org/role.h"

namespace kams {

enum class NominationKind { kNominate, kChange };
enum class NominationStatus { kPending, kApproved, kRejected, kWithdrawn };
enum class StepAction { kSubmit, kApprove, kReject, kWithdraw };

std::string_view NominationKindName(NominationKind k);
std::string_view NominationStatusName(NominationStatus s);
std::string_view StepActionName(StepAction a);
std::optional<NominationKind> ParseNominationKind(std::string_view s);
std::optional<NominationStatus> ParseNominationStatus(std::string_view s);
std::optional<StepAction> ParseStepAction(std::string_view s);

struct NominationStep {
  Id id = 0;
  Id nomination_id = 0;
  Id customer_id = 0;
  std::int64_t submission = 1;
  int level = 1;
  StepAction action = StepAction::kSubmit;
  std::optional<Id> actor_id;
  std::string comment;
  Timestamp at = 0;
  std::optional<std::string> actor_name;  // read with the step
};

struct Nomination {
  Id id = 0;
  Id customer_id = 0;
  Id nominator_id = 0;
  NominationKind kind = NominationKind::kNominate;
  std::optional<Id> scheme_id;
  std::optional<std::string> proposed_tier;
  std::string reason;
  std::optional<CivilDate> pinned_until;
  std::int64_t revenue_12m_fen = 0;
  std::int64_t orders_12m = 0;
  std::int64_t margin_12m_fen = 0;
  NominationStatus status = NominationStatus::kPending;
  int level = 1;
  int levels = 1;
  std::optional<Role> approver_role;
  std::optional<Id> approver_unit_id;
  std::int64_t submissions = 1;
  std::int64_t version = 1;
  Timestamp created_at = 0;
  Timestamp updated_at = 0;
  std::optional<Timestamp> decided_at;
  // Read with the nomination (joins), not written:
  std::string customer_name;
  std::string nominator_name;
  std::optional<std::string> scheme_name;
  std::optional<std::string> approver_unit_name;
  std::vector<NominationStep> steps;  // only when read one by one
};

inline constexpr std::size_t kMaxNominationReason = 2000;
inline constexpr std::size_t kMaxDecisionComment = 2000;

}  // namespace kams
