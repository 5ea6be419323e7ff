// Visit-plan bodies (POST /visit-plans, PATCH /visit-plans/{id}, …/cancel, …/complete),
// comments under records and plans (POST …/comments) and the weekly review's marks
// (POST /weekly-review/mark and /unmark): bytes → ParseObject → DecodeVisitPlanDraft,
// DecodeVisitPlanPatch, DecodeCancelReason, DecodeVisitCompletion, DecodeCommentBody,
// DecodeReviewItems; then the checks the services make before they read the database:
// ValidateVisitPlan (the patch applied onto a full plan), the record a completion writes
// through ValidateInteraction, the length rules of reasons and comments, the batch bound.
// Properties: a refused body names its fields (fuzz_json.h); a decoded plan holds only
// positive ids, renders as JSON with what was read and decodes again from its own rendering
// to the same plan; a plan the rules pass starts on its own business day; review items
// keep their order and kinds.
#include <set>

#include "core/common/validation.h"
#include "fuzz_json.h"
#include "http/engagement_codec.h"

namespace kams::http {
namespace {

using codec::json;

// 2026-11-24T02:00:00Z: Tuesday 24 November in Beijing.
constexpr Timestamp kNow = 1'795'485'600LL * kMicrosPerSecond;
const CivilDate kToday = BusinessDay(kNow);

constexpr std::initializer_list<std::string_view> kPlanFields = {
    "customer_id", "planned_on",  "start_time",      "purpose",
    "owner_id",    "contact_ids", "participant_ids", "reason"};
constexpr std::initializer_list<std::string_view> kCompletionFields = {
    "occurred_at",        "summary",     "outcome",         "next_step", "next_step_due",
    "next_step_owner_id", "contact_ids", "participant_ids", "channel",   "purpose"};

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

VisitPlan FullPlan() {
  VisitPlan p;
  p.id = 11;
  p.customer_id = 42;
  p.owner_id = 9;
  p.version = 2;
  p.planned_on = CivilDate{2026, 11, 26};
  p.start_time = "14:30";
  p.purpose = "年度合同续签";
  p.created_by = 9;
  p.created_at = p.updated_at = kNow - 86'400LL * kMicrosPerSecond;
  p.contact_ids = {5};
  p.participant_ids = {9, 12};
  return p;
}

json PlanBody(const VisitPlan& d) {
  json body = {{"customer_id", d.customer_id},        {"planned_on", FormatCivilDate(d.planned_on)},
               {"start_time", OptJson(d.start_time)}, {"purpose", d.purpose},
               {"contact_ids", d.contact_ids},        {"participant_ids", d.participant_ids}};
  if (d.owner_id != 0) body["owner_id"] = d.owner_id;
  return body;
}

// What the service checks of a plan it writes (`day_changed`: new or moved).
void CheckPlanRules(VisitPlan p, bool day_changed) {
  p.purpose = TrimSpace(p.purpose);
  p.contact_ids = Unique(p.contact_ids);
  p.participant_ids = Unique(p.participant_ids);
  const Status st = ValidateVisitPlan(p, kToday, day_changed);
  fuzz::CheckRules(st, kPlanFields);
  if (!st.ok()) return;
  FUZZ_CHECK(!p.purpose.empty() && Utf8Length(p.purpose) <= kMaxPurpose);
  FUZZ_CHECK(!p.start_time || ParseStartTime(*p.start_time));
  if (day_changed) {
    FUZZ_CHECK(p.planned_on >= kToday);
    FUZZ_CHECK(DaysFromCivil(p.planned_on) - DaysFromCivil(kToday) <= kMaxPlanAheadDays);
  }
  FUZZ_CHECK(BusinessDay(PlanStart(p.planned_on, p.start_time)) == p.planned_on);
  FUZZ_CHECK(EffectiveStatus(p, kToday) == VisitStatus::kPlanned || p.planned_on < kToday);
  const json out = VisitPlanJson(p, kToday);
  FUZZ_CHECK(json::parse(out.dump()) == out);
  FUZZ_CHECK(ParseVisitStatus(out["status"].get<std::string>()).has_value());
}

void Draft(const json& body) {
  auto draft = DecodeVisitPlanDraft(body);
  if (!draft.ok()) {
    fuzz::CheckRefusal(draft.error(), body, kPlanFields);
    return;
  }
  const VisitPlan& d = *draft;
  FUZZ_CHECK(d.customer_id >= 1 && d.owner_id >= 0);
  FUZZ_CHECK(AllIds(d.contact_ids) && AllIds(d.participant_ids));
  FUZZ_CHECK(ParseCivilDate(FormatCivilDate(d.planned_on)) == d.planned_on);
  const json out = VisitPlanJson(d, kToday);
  FUZZ_CHECK(json::parse(out.dump()) == out);
  FUZZ_CHECK(out["purpose"] == d.purpose && out["start_time"] == OptJson(d.start_time));

  auto again = DecodeVisitPlanDraft(PlanBody(d));
  FUZZ_CHECK(again.ok());
  FUZZ_CHECK(again->customer_id == d.customer_id && again->owner_id == d.owner_id);
  FUZZ_CHECK(again->planned_on == d.planned_on && again->start_time == d.start_time);
  FUZZ_CHECK(again->purpose == d.purpose);
  FUZZ_CHECK(again->contact_ids == d.contact_ids && again->participant_ids == d.participant_ids);

  VisitPlan checked = d;
  if (checked.owner_id == 0) checked.owner_id = 9;
  CheckPlanRules(std::move(checked), /*day_changed=*/true);
}

void Patch(const json& body) {
  auto patch = DecodeVisitPlanPatch(body);
  if (!patch.ok()) {
    fuzz::CheckRefusal(patch.error(), body, kPlanFields);
    return;
  }
  const VisitPlanPatch& p = *patch;
  FUZZ_CHECK(!p.owner_id || *p.owner_id >= 1);
  FUZZ_CHECK(!p.contact_ids || AllIds(*p.contact_ids));
  FUZZ_CHECK(!p.participant_ids || AllIds(*p.participant_ids));
  FUZZ_CHECK(p.start_time.has_value() == body.contains("start_time"));
  FUZZ_CHECK(p.contact_ids.has_value() == body.contains("contact_ids"));
  FUZZ_CHECK(!p.planned_on || body.contains("planned_on"));

  const VisitPlan before = FullPlan();
  VisitPlan next = before;
  if (p.planned_on) next.planned_on = *p.planned_on;
  if (p.start_time) next.start_time = *p.start_time;
  if (p.purpose) next.purpose = *p.purpose;
  if (p.owner_id) next.owner_id = *p.owner_id;
  if (p.contact_ids) next.contact_ids = *p.contact_ids;
  if (p.participant_ids) next.participant_ids = *p.participant_ids;
  const bool moved = next.planned_on != before.planned_on;
  CheckPlanRules(std::move(next), moved);
}

void Complete(const json& body) {
  auto done = DecodeVisitCompletion(body);
  if (!done.ok()) {
    fuzz::CheckRefusal(done.error(), body, kCompletionFields);
    return;
  }
  const VisitCompletion& c = *done;
  FUZZ_CHECK(!c.next_step_owner_id || *c.next_step_owner_id >= 1);
  FUZZ_CHECK(!c.contact_ids || AllIds(*c.contact_ids));
  FUZZ_CHECK(!c.participant_ids || AllIds(*c.participant_ids));
  // The record the service writes for it (VisitPlanService::Complete, RecordContact).
  const VisitPlan plan = FullPlan();
  Interaction d;
  d.customer_id = plan.customer_id;
  d.channel = "visit";
  d.purpose = TrimSpace(plan.purpose);
  d.summary = TrimSpace(c.summary);
  d.outcome = TrimSpace(c.outcome);
  d.next_step = TrimSpace(c.next_step);
  d.next_step_due = c.next_step_due;
  d.next_step_owner_id = c.next_step_owner_id;
  d.occurred_at =
      c.occurred_at.value_or(std::min(kNow, PlanStart(plan.planned_on, plan.start_time)));
  d.contact_ids = Unique(c.contact_ids.value_or(plan.contact_ids));
  d.participant_ids = Unique(c.participant_ids.value_or(plan.participant_ids));
  const Status st = ValidateInteraction(d, kNow);
  fuzz::CheckRules(st, kCompletionFields);
  if (st.ok()) {
    FUZZ_CHECK(d.occurred_at <= kNow + 600 * kMicrosPerSecond);
    const json out = InteractionJson(d);
    FUZZ_CHECK(json::parse(out.dump()) == out);
  }
}

// A reason or a comment: trimmed, required, at most `max` characters.
void OneText(const json& body, Result<std::string> (*decode)(const json&), const char* name,
             std::size_t max) {
  auto text = decode(body);
  if (!text.ok()) {
    fuzz::CheckRefusal(text.error(), body, {name});
    return;
  }
  FUZZ_CHECK(text->empty() || (body.contains(name) && body.at(name) == *text));
  const std::string trimmed = TrimSpace(*text);
  FUZZ_CHECK(TrimSpace(trimmed) == trimmed);
  Validator v;
  v.Required(name, trimmed);
  v.MaxLength(name, trimmed, max);
  fuzz::CheckRules(v.ToStatus(), {name});
  if (v.ok()) {
    Comment c;
    c.body = trimmed;
    FUZZ_CHECK(json::parse(CommentJson(c).dump())["body"] == trimmed);
  }
}

void ReviewItems(const json& body) {
  auto items = DecodeReviewItems(body);
  if (!items.ok()) {
    fuzz::CheckRefusal(items.error(), body, {"items"});
    return;
  }
  const json& sent = body.at("items");
  FUZZ_CHECK(items->size() == sent.size());
  for (std::size_t k = 0; k < items->size(); ++k) {
    const ReviewRef& ref = (*items)[k];
    FUZZ_CHECK(ref.id >= 1 && sent[k].at("id") == ref.id);
    FUZZ_CHECK(sent[k].at("kind") == std::string(ReviewKindName(ref.kind)));
    FUZZ_CHECK(ParseReviewKind(ReviewKindName(ref.kind)) == ref.kind);
  }
  Validator v;
  v.Check(!items->empty(), "items", "required");
  v.Check(items->size() <= kMaxReviewBatch, "items", "too_many");
  fuzz::CheckRules(v.ToStatus(), {"items"});
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
  Complete(*body);
  OneText(*body, DecodeCancelReason, "reason", kMaxCancelReason);
  OneText(*body, DecodeCommentBody, "body", kMaxCommentBody);
  ReviewItems(*body);
  return 0;
}
