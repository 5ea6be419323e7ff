#include "core/nominations/nomination.h"

namespace kams {

std::string_view NominationKindName(NominationKind k) {
  return k == NominationKind::kNominate ? "nominate" : "change";
}

std::string_view NominationStatusName(NominationStatus s) {
  switch (s) {
    case NominationStatus::kPending: return "pending";
    case NominationStatus::kApproved: return "approved";
    case NominationStatus::kRejected: return "rejected";
    case NominationStatus::kWithdrawn: return "withdrawn";
  }
  return "pending";
}

std::string_view StepActionName(StepAction a) {
  switch (a) {
    case StepAction::kSubmit: return "submit";
    case StepAction::kApprove: return "approve";
    case StepAction::kReject: return "reject";
    case StepAction::kWithdraw: return "withdraw";
  }
  return "submit";
}

std::optional<NominationKind> ParseNominationKind(std::string_view s) {
  if (s == "nominate") return NominationKind::kNominate;
  if (s == "change") return NominationKind::kChange;
  return std::nullopt;
}

std::optional<NominationStatus> ParseNominationStatus(std::string_view s) {
  for (auto v : {NominationStatus::kPending, NominationStatus::kApproved,
                 NominationStatus::kRejected, NominationStatus::kWithdrawn}) {
    if (NominationStatusName(v) == s) return v;
  }
  return std::nullopt;
}

std::optional<StepAction> ParseStepAction(std::string_view s) {
  for (auto v : {StepAction::kSubmit, StepAction::kApprove, StepAction::kReject,
                 StepAction::kWithdraw}) {
    if (StepActionName(v) == s) return v;
  }
  return std::nullopt;
}

}  // namespace kams
