// Contact-record bodies (POST /interactions, PATCH /interactions/{id}): bytes → ParseObject
// → DecodeInteractionDraft, DecodeInteractionPatch; then what the service does before it
// reads the database: texts trimmed, ids made unique, the patch applied onto a full record,
// ValidateInteraction.
// Properties: a refused body names its fields (fuzz_json.h); a decoded record holds only
// positive ids, renders as JSON with what was read, prints its instant and date back to
// what was read (to the second), and decodes again from its own rendering to the same
// record; the rules refuse only with the record's field names, and what they pass is
// within their bounds.
#include <set>

#include "core/common/validation.h"
#include "fuzz_json.h"
#include "http/engagement_codec.h"

namespace kams::http {
namespace {

using codec::json;

// 2026-11-24T02:00:00Z, a Tuesday morning in Beijing.
constexpr Timestamp kNow = 1'795'485'600LL * kMicrosPerSecond;

constexpr std::initializer_list<std::string_view> kRecordFields = {
    "customer_id",     "channel",
    "purpose",         "summary",
    "outcome",         "next_step",
    "next_step_due",   "next_step_owner_id",
    "occurred_at",     "contact_ids",
    "participant_ids", "is_request",
    "next_step_done",  "first_contact_owner_id",
    "request_closed"};

std::vector<Id> Unique(const std::vector<Id>& ids) {
  std::vector<Id> out;
  std::set<Id> seen;
  for (Id id : ids) {
    if (seen.insert(id).second) out.push_back(id);
  }
  return out;
}

bool AllIds(const std::vector<Id>& ids) {
  for (Id id : ids) {
    if (id < 1) return false;
  }
  return true;
}

Timestamp ToSecond(Timestamp t) {
  return t - ((t % kMicrosPerSecond) + kMicrosPerSecond) % kMicrosPerSecond;
}

Interaction FullRecord() {
  Interaction i;
  i.id = 7;
  i.customer_id = 42;
  i.version = 3;
  i.channel = "visit";
  i.purpose = "季度业务回顾";
  i.summary = "讨论了明年的采购计划";
  i.outcome = "客户同意试点";
  i.next_step = "发送报价";
  i.next_step_due = CivilDate{2026, 12, 1};
  i.next_step_owner_id = 9;
  i.is_request = true;
  i.first_contact_owner_id = 9;
  i.occurred_at = kNow - 86'400LL * kMicrosPerSecond;
  i.recorded_by = 9;
  i.created_at = i.updated_at = i.occurred_at;
  i.contact_ids = {5, 6};
  i.participant_ids = {9};
  return i;
}

// The body a client would send to create `d` again.
json DraftBody(const Interaction& d) {
  json body = {{"customer_id", d.customer_id},
               {"channel", d.channel},
               {"purpose", d.purpose},
               {"summary", d.summary},
               {"outcome", d.outcome},
               {"next_step", d.next_step},
               {"next_step_due", DateJson(d.next_step_due)},
               {"next_step_owner_id", OptJson(d.next_step_owner_id)},
               {"contact_ids", d.contact_ids},
               {"participant_ids", d.participant_ids},
               {"is_request", d.is_request}};
  if (d.occurred_at != 0) body["occurred_at"] = FormatRfc3339(d.occurred_at);
  return body;
}

// What the service checks of every record it writes.
void CheckRecordRules(Interaction i) {
  i.purpose = TrimSpace(i.purpose);
  i.summary = TrimSpace(i.summary);
  i.outcome = TrimSpace(i.outcome);
  i.next_step = TrimSpace(i.next_step);
  i.contact_ids = Unique(i.contact_ids);
  i.participant_ids = Unique(i.participant_ids);
  const Status st = ValidateInteraction(i, kNow);
  fuzz::CheckRules(st, kRecordFields);
  if (!st.ok()) return;
  FUZZ_CHECK(IsChannel(i.channel));
  FUZZ_CHECK(!i.purpose.empty() && Utf8Length(i.purpose) <= kMaxPurpose);
  FUZZ_CHECK(IsRealPurpose(i.purpose));
  FUZZ_CHECK(Utf8Length(i.summary) <= kMaxSummary && Utf8Length(i.outcome) <= kMaxOutcome);
  FUZZ_CHECK(Utf8Length(i.next_step) <= kMaxNextStep);
  FUZZ_CHECK(!i.next_step_due || !i.next_step.empty());
  FUZZ_CHECK(i.occurred_at <= kNow + 600 * kMicrosPerSecond);
  FUZZ_CHECK(i.contact_ids.size() <= kMaxInteractionContacts);
  FUZZ_CHECK(i.participant_ids.size() <= kMaxParticipants);
  // What a saved record shows.
  const json out = InteractionJson(i);
  FUZZ_CHECK(json::parse(out.dump()) == out);
}

void Draft(const json& body) {
  auto draft = DecodeInteractionDraft(body);
  if (!draft.ok()) {
    fuzz::CheckRefusal(draft.error(), body, kRecordFields);
    return;
  }
  const Interaction& d = *draft;
  FUZZ_CHECK(d.customer_id >= 1);
  FUZZ_CHECK(!d.next_step_owner_id || *d.next_step_owner_id >= 1);
  FUZZ_CHECK(AllIds(d.contact_ids) && AllIds(d.participant_ids));
  const json out = InteractionJson(d);
  FUZZ_CHECK(json::parse(out.dump()) == out);
  FUZZ_CHECK(out["purpose"] == d.purpose && out["summary"] == d.summary);
  FUZZ_CHECK(out["channel"] == d.channel && out["next_step"] == d.next_step);
  FUZZ_CHECK(ParseRfc3339(out["occurred_at"].get<std::string>()) == ToSecond(d.occurred_at));
  if (d.next_step_due) {
    FUZZ_CHECK(ParseCivilDate(out["next_step_due"].get<std::string>()) == d.next_step_due);
  }

  // Decoded again from what it renders to: the same record (instants to the second).
  auto again = DecodeInteractionDraft(DraftBody(d));
  FUZZ_CHECK(again.ok());
  FUZZ_CHECK(again->customer_id == d.customer_id && again->channel == d.channel);
  FUZZ_CHECK(again->purpose == d.purpose && again->summary == d.summary);
  FUZZ_CHECK(again->outcome == d.outcome && again->next_step == d.next_step);
  FUZZ_CHECK(again->next_step_due == d.next_step_due);
  FUZZ_CHECK(again->next_step_owner_id == d.next_step_owner_id);
  FUZZ_CHECK(again->occurred_at == ToSecond(d.occurred_at));
  FUZZ_CHECK(again->contact_ids == d.contact_ids);
  FUZZ_CHECK(again->participant_ids == d.participant_ids);
  FUZZ_CHECK(again->is_request == d.is_request);

  Interaction checked = d;
  if (checked.occurred_at == 0) checked.occurred_at = kNow;
  CheckRecordRules(std::move(checked));
}

void Patch(const json& body) {
  auto patch = DecodeInteractionPatch(body);
  if (!patch.ok()) {
    fuzz::CheckRefusal(patch.error(), body, kRecordFields);
    return;
  }
  const InteractionPatch& p = *patch;
  FUZZ_CHECK(!p.next_step_owner_id || *p.next_step_owner_id >= 1);
  FUZZ_CHECK(!p.first_contact_owner_id || *p.first_contact_owner_id >= 1);
  FUZZ_CHECK(!p.contact_ids || AllIds(*p.contact_ids));
  FUZZ_CHECK(!p.participant_ids || AllIds(*p.participant_ids));
  // Only what the body names changes.
  FUZZ_CHECK(p.channel.has_value() == body.contains("channel"));
  FUZZ_CHECK(p.next_step_due.has_value() == body.contains("next_step_due"));
  FUZZ_CHECK(p.contact_ids.has_value() == body.contains("contact_ids"));
  if (p.occurred_at)
    FUZZ_CHECK(ParseRfc3339(FormatRfc3339(*p.occurred_at)) == ToSecond(*p.occurred_at));

  Interaction next = FullRecord();
  if (p.channel) next.channel = *p.channel;
  if (p.purpose) next.purpose = *p.purpose;
  if (p.summary) next.summary = *p.summary;
  if (p.outcome) next.outcome = *p.outcome;
  if (p.next_step) next.next_step = *p.next_step;
  if (p.next_step_due) next.next_step_due = *p.next_step_due;
  if (p.occurred_at) next.occurred_at = *p.occurred_at;
  if (p.contact_ids) next.contact_ids = *p.contact_ids;
  if (p.participant_ids) next.participant_ids = *p.participant_ids;
  if (p.next_step_owner_id) next.next_step_owner_id = *p.next_step_owner_id;
  if (p.first_contact_owner_id) next.first_contact_owner_id = *p.first_contact_owner_id;
  if (p.next_step_done)
    next.next_step_done_at = *p.next_step_done ? std::optional(kNow) : std::nullopt;
  if (p.request_closed)
    next.request_closed_at = *p.request_closed ? std::optional(kNow) : std::nullopt;
  CheckRecordRules(std::move(next));
}

}  // namespace
}  // namespace kams::http

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace kams;
  using namespace kams::http;
  auto body = codec::ParseObject(fuzz::Text(data, size));
  if (!body.ok()) return 0;
  Draft(*body);
  Patch(*body);
  return 0;
}
