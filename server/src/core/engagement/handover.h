#pragma once
// Handover (交接): when a user leaves or changes post, everything they hold passes to one
// successor or is spread over several, in one step — the customers they own, their
// account-team seats, open next steps, the open requests they own first-contact, the
// nominations they put forward and still wait, their open visit plans and their unread
// notifications.
//
// This file holds the types and the pure planning rule; handover_service.h runs it.
//
// Who receives what:
//   - customers: `single` gives all to the one successor; `round_robin` deals them out in
//     customer-id order (customer i to successor i mod n, so counts differ by at most one);
//     `mapping` names the successor of every owned customer.
//   - every other holding tied to a customer that moved follows that customer's new owner;
//     the rest are dealt out round-robin per kind (or go to the single successor).
//
// Roles: customers may be handed only to roles that own accounts (kam, assistant, sales,
// director); other work may also go to service agents and KAM specialists. Administrators
// and executives receive nothing.

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/common/result.h"
#include "core/common/time.h"
#include "core/org/org_unit.h"
#include "core/org/role.h"

namespace kams {

enum class HandoverMode { kSingle, kRoundRobin, kMapping };
enum class HandoverKind {
  kCustomer,
  kTeamSeat,
  kNextStep,
  kRequest,
  kNomination,
  kVisitPlan,
  kNotification
};

inline constexpr HandoverKind kHandoverKinds[] = {
    HandoverKind::kCustomer, HandoverKind::kTeamSeat,   HandoverKind::kNextStep,
    HandoverKind::kRequest,  HandoverKind::kNomination, HandoverKind::kVisitPlan,
    HandoverKind::kNotification};

std::string_view HandoverModeName(HandoverMode m);
std::optional<HandoverMode> ParseHandoverMode(std::string_view s);
std::string_view HandoverKindName(HandoverKind k);
std::optional<HandoverKind> ParseHandoverKind(std::string_view s);

// Roles that may own customers, and roles that may take over any other holding.
bool CanOwnAccounts(Role role);
bool CanTakeOverWork(Role role);
// Roles a director may hand over (users of their subtree only).
bool DirectorMayHandOver(Role role);

inline constexpr std::size_t kMaxSuccessors = 50;

// One thing a user holds. entity_id: the customer (customer, team_seat), the interaction
// (next_step, request), the nomination, the visit plan or the notification.
struct Holding {
  HandoverKind kind = HandoverKind::kCustomer;
  Id entity_id = 0;
  std::optional<Id> customer_id;
};

// One thing handed over, and to whom.
struct HandoverItem {
  Id handover_id = 0;
  HandoverKind kind = HandoverKind::kCustomer;
  Id entity_id = 0;
  std::optional<Id> customer_id;
  Id to_user_id = 0;
  // A team seat on an account the successor already covers (owns after this handover, or
  // sits on the team of): the leaving user's seat is removed instead of moved.
  bool dropped = false;
  // Read with the item, not written:
  std::optional<std::string> customer_name;
  std::string to_user_name;
};

// What the client asks for, as decoded (not yet checked against each other).
struct HandoverOrder {
  std::vector<Id> to_user_ids;
  std::optional<HandoverMode> mode;
  std::optional<std::map<Id, Id>> mapping;  // customer id → successor
};

// How many items of one kind went to one successor.
struct HandoverTally {
  Id to_user_id = 0;
  std::string to_user_name;
  HandoverKind kind = HandoverKind::kCustomer;
  bool dropped = false;  // team seats removed, not moved (see HandoverItem::dropped)
  std::int64_t count = 0;
};

struct Handover {
  Id id = 0;
  Id from_user_id = 0;
  Id actor_id = 0;
  HandoverMode mode = HandoverMode::kSingle;
  Timestamp at = 0;
  // Read with the handover, not written:
  std::string from_user_name;
  std::string actor_name;
  std::vector<HandoverTally> tallies;  // by successor, then kind
  std::vector<HandoverItem> items;     // only when read one by one
};

// A customer's earlier owner: who owned it until when, who changed it, and by which
// handover (none: changed by hand).
struct OwnerHistoryEntry {
  Id id = 0;
  Id customer_id = 0;
  std::optional<Id> owner_id;
  Timestamp until_at = 0;
  std::optional<Id> changed_by;
  std::optional<Id> handover_id;
  // Read with the entry:
  std::optional<std::string> owner_name;
  std::optional<std::string> changed_by_name;
};

// An account whose contact cadence broke within 90 days of being handed over (written by
// the cadence job), with what the list shows beside it.
struct HandoverDecay {
  Id handover_id = 0;
  Id customer_id = 0;
  std::string kind;   // the cadence breach: overdue | over_contacted
  std::string since;  // YYYY-MM-DD
  Timestamp flagged_at = 0;
  std::string customer_name;
  Timestamp handed_over_at = 0;
  Id from_user_id = 0;
  std::string from_user_name;
  std::optional<Id> to_user_id;  // who received the customer in that handover
  std::optional<std::string> to_user_name;
};

// Checks the order's own shape and settles its mode: a missing mode is `single` for one
// successor; `single` takes exactly one; `mapping` needs a mapping and only it may have
// one; successors are at most kMaxSuccessors and distinct. Every problem at once, each
// naming its field (`to_user_ids[2]`, `mode`, `mapping`).
Result<HandoverMode> CheckOrder(const HandoverOrder& order);

// Who receives each holding (see the top of this file). `holdings` in any order;
// `successors` in the client's order, non-empty and distinct. Mapping problems are
// validation errors naming `mapping.<customer id>`: `required` for an owned customer left
// out, `not_owned` for a customer the user does not own, `not_a_successor` for a user not
// in to_user_ids. The items come back in kind order, then entity id.
Result<std::vector<HandoverItem>> PlanHandover(const std::vector<Holding>& holdings,
                                               HandoverMode mode, const std::vector<Id>& successors,
                                               const std::map<Id, Id>& mapping);

}  // namespace kams
