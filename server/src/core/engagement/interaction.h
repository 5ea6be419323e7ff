#pragma once
// Contact records (客户接触记录): every contact with a customer, from any channel, with its
// purpose, outcome and next step. A record of a customer's request names its first-contact
// owner (首问负责制), who keeps it until they hand it on or close it.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/common/result.h"
#include "core/common/time.h"
#include "core/org/org_unit.h"

namespace kams {

inline constexpr std::string_view kChannels[] = {"visit",  "phone",    "email",   "meeting", "letter",
                                                 "fax",    "internet", "counter", "other"};
bool IsChannel(std::string_view s);

struct NamedRef {
  Id id = 0;
  std::string name;
};

struct Interaction {
  Id id = 0;
  Id customer_id = 0;
  std::int64_t version = 1;
  std::string channel;
  std::string purpose;
  std::string summary;
  std::string outcome;
  std::string next_step;
  std::optional<CivilDate> next_step_due;
  std::optional<Id> next_step_owner_id;
  std::optional<Timestamp> next_step_done_at;
  bool is_request = false;
  std::optional<Id> first_contact_owner_id;
  std::optional<Timestamp> request_closed_at;
  Timestamp occurred_at = 0;
  Id recorded_by = 0;
  Timestamp created_at = 0;
  Timestamp updated_at = 0;
  std::vector<Id> contact_ids;
  std::vector<Id> participant_ids;
  // Read with the record, not written:
  std::string customer_name;
  std::string recorded_by_name;
  std::optional<std::string> next_step_owner_name;
  std::optional<std::string> first_contact_owner_name;
  std::vector<NamedRef> contacts;
  std::vector<NamedRef> participants;
  std::optional<Id> visit_plan_id;  // the visit plan this record completed
};

// A contact whose birthday falls within the next days.
struct BirthdayReminder {
  Id contact_id = 0;
  std::string contact_name;
  Id customer_id = 0;
  std::string customer_name;
  std::string birthday;  // as recorded: YYYY-MM-DD or MM-DD
  CivilDate next;        // the coming birthday
  std::int64_t in_days = 0;
};

inline constexpr std::size_t kMaxPurpose = 200;
inline constexpr std::size_t kMaxSummary = 4000;
inline constexpr std::size_t kMaxOutcome = 2000;
inline constexpr std::size_t kMaxNextStep = 500;
inline constexpr std::size_t kMaxInteractionContacts = 50;
inline constexpr std::size_t kMaxParticipants = 20;

// A purpose says why the contact happened. Text without a letter, digit or CJK character
// ("-", "……") or a placeholder ("无", "n/a", "test") is not a purpose: such a contact would
// count towards the cadence without any reason.
bool IsRealPurpose(std::string_view purpose);

// Checks the record's own fields (not the references); every problem at once.
Status ValidateInteraction(const Interaction& i, Timestamp now);

}  // namespace kams
