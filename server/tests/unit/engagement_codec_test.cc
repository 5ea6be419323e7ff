// The request bodies of contact records, cadence, visit plans, comments and the weekly
// review (http/engagement_codec.h): what each decoder accepts and how it names problems.
// The harnesses fuzz_json_interactions, fuzz_json_visits and fuzz_json_cadence in
// server/fuzz run the same decoders on arbitrary bytes.
#include "http/engagement_codec.h"

#include <gtest/gtest.h>

namespace kams::http {
namespace {

// "field:problem field:problem" in the order reported; "" when accepted.
template <class T>
std::string Problems(const Result<T>& r) {
  if (r.ok()) return "";
  std::string out;
  for (const auto& f : r.error().fields)
    out += (out.empty() ? "" : " ") + f.field + ":" + f.problem;
  return out;
}

struct Case {
  const char* body;
  std::string problems;
};

TEST(InteractionCodec, DraftNamesItsProblemsScalarsFirst) {
  const Case cases[] = {
      {R"({"customer_id":42,"channel":"visit","purpose":"季度业务回顾","next_step":"发送报价",
          "next_step_due":"2026-12-01","next_step_owner_id":9,
          "occurred_at":"2026-11-24T09:15:30+08:00","contact_ids":[5,6],"participant_ids":[],
          "is_request":true})",
       ""},
      {R"({"channel":"visit"})", "customer_id:required"},
      {R"({"customer_id":0,"channel":1})", "customer_id:must_be_id channel:must_be_string"},
      {R"({"customer_id":18446744073709551615})", "customer_id:must_be_id"},
      {R"({"customer_id":42,"x":1,"recorded_by":2})", "recorded_by:unknown_field x:unknown_field"},
      {R"({"customer_id":42,"occurred_at":"2026-11-24 10:00","is_request":"yes"})",
       "occurred_at:must_be_rfc3339 is_request:must_be_boolean"},
      // Dates and id lists come after the scalars, first problem only.
      {R"({"customer_id":42,"next_step_due":"2026-02-30","contact_ids":[1,0]})",
       "next_step_due:must_be_date"},
      {R"({"customer_id":42,"contact_ids":[1,0],"participant_ids":"9"})",
       "contact_ids[1]:must_be_id"},
  };
  for (const auto& c : cases)
    EXPECT_EQ(Problems(DecodeInteractionDraft(json::parse(c.body))), c.problems) << c.body;

  auto d = DecodeInteractionDraft(json::parse(
      R"({"customer_id":42,"channel":"visit","purpose":"回访","summary":null,
          "occurred_at":"2026-11-24T09:15:30.250+08:00","contact_ids":[5]})"));
  ASSERT_TRUE(d.ok());
  EXPECT_EQ(d->customer_id, 42);
  EXPECT_EQ(d->summary, "");
  EXPECT_EQ(FormatRfc3339(d->occurred_at), "2026-11-24T01:15:30Z");
  EXPECT_EQ(d->contact_ids, std::vector<Id>{5});
  EXPECT_FALSE(d->is_request);
}

TEST(InteractionCodec, PatchChangesOnlyWhatIsSent) {
  const Case cases[] = {
      {R"({})", ""},
      {R"({"customer_id":43})", "customer_id:unknown_field"},
      {R"({"next_step_done":1,"request_closed":"no"})",
       "next_step_done:must_be_boolean request_closed:must_be_boolean"},
      {R"({"first_contact_owner_id":-1})", "first_contact_owner_id:must_be_id"},
      {R"({"participant_ids":[1,"2"]})", "participant_ids[1]:must_be_id"},
  };
  for (const auto& c : cases)
    EXPECT_EQ(Problems(DecodeInteractionPatch(json::parse(c.body))), c.problems) << c.body;

  auto p = DecodeInteractionPatch(
      json::parse(R"({"summary":null,"contact_ids":null,"next_step_due":null})"));
  ASSERT_TRUE(p.ok());
  EXPECT_EQ(p->summary, "");
  EXPECT_EQ(p->contact_ids, std::vector<Id>{});
  ASSERT_TRUE(p->next_step_due.has_value());
  EXPECT_FALSE(p->next_step_due->has_value());
  EXPECT_FALSE(p->purpose.has_value());
  EXPECT_FALSE(p->participant_ids.has_value());
}

TEST(CadenceCodec, RulesAreNamedByTheirPosition) {
  const Case settings[] = {
      {R"({"rules":[{"tier":"A","min_interval_days":14,"max_contacts":8,"period_days":7}],"grace_days":3})",
       ""},
      {R"({"grace_days":3})", "rules:required"},
      {R"({"rules":{"tier":"A"}})", "rules:required"},
      {R"({"rules":[],"version":1})", "version:unknown_field"},
      {R"({"rules":[1,{"tier":2,"x":1},{"tier":3,"period_days":"7"}],"grace_days":1.5})",
       "grace_days:must_be_integer rules[0]:must_be_object rules[1].x:unknown_field "
       "rules[2].period_days:must_be_integer rules[2].tier:must_be_string"},
  };
  for (const auto& c : settings)
    EXPECT_EQ(Problems(DecodeCadenceSettings(json::parse(c.body))), c.problems) << c.body;
  auto s =
      DecodeCadenceSettings(json::parse(R"({"rules":[{"tier":"战略客户","max_contacts":3}]})"));
  ASSERT_TRUE(s.ok());
  EXPECT_EQ(s->grace_days, 7);
  ASSERT_EQ(s->rules.size(), 1u);
  EXPECT_EQ(s->rules[0].tier, "战略客户");
  EXPECT_EQ(s->rules[0].period_days, 7);
  EXPECT_FALSE(s->rules[0].min_interval_days.has_value());
  EXPECT_EQ(
      CadenceSettingsJson(*s)["rules"][0],
      json::parse(
          R"({"tier":"战略客户","min_interval_days":null,"max_contacts":3,"period_days":7})"));

  const Case own[] = {
      {R"({})", ""},
      {R"({"min_interval_days":21,"max_contacts":null,"period_days":14})", ""},
      {R"({"min_interval_days":1.5,"tier":"A"})", "tier:unknown_field"},
      {R"({"min_interval_days":1.5,"max_contacts":"3"})",
       "min_interval_days:must_be_integer max_contacts:must_be_integer"},
  };
  for (const auto& c : own)
    EXPECT_EQ(Problems(DecodeCadenceRule(json::parse(c.body))), c.problems) << c.body;
}

TEST(VisitPlanCodec, DraftPatchCompletionAndTexts) {
  const Case drafts[] = {
      {R"({"customer_id":42,"planned_on":"2026-11-26","start_time":"14:30","purpose":"拜访",
          "owner_id":12,"contact_ids":[5],"participant_ids":[9]})",
       ""},
      {R"({"customer_id":42})", "planned_on:required"},
      {R"({"planned_on":"2026-13-01"})", "customer_id:required planned_on:must_be_date"},
      {R"({"customer_id":42,"planned_on":"2026-11-26","start_time":930})",
       "start_time:must_be_string"},
      {R"({"customer_id":42,"planned_on":"2026-11-26","status":"completed"})",
       "status:unknown_field"},
  };
  for (const auto& c : drafts)
    EXPECT_EQ(Problems(DecodeVisitPlanDraft(json::parse(c.body))), c.problems) << c.body;

  const Case patches[] = {
      {R"({"planned_on":"2026-11-27","start_time":null,"contact_ids":[]})", ""},
      {R"({"planned_on":"27.11.2026","owner_id":0})",
       "planned_on:must_be_date owner_id:must_be_id"},
  };
  for (const auto& c : patches)
    EXPECT_EQ(Problems(DecodeVisitPlanPatch(json::parse(c.body))), c.problems) << c.body;
  auto p = DecodeVisitPlanPatch(json::parse(R"({"start_time":null})"));
  ASSERT_TRUE(p.ok() && p->start_time.has_value());
  EXPECT_FALSE(p->start_time->has_value());

  const Case completions[] = {
      {R"({"occurred_at":"2026-11-24T07:00:00+08:00","summary":"顺利","next_step_due":"2026-12-05"})",
       ""},
      {R"({"occurred_at":"tomorrow","summary":["x"]})",
       "occurred_at:must_be_rfc3339 summary:must_be_string"},
      {R"({"next_step_due":"2026-12-32","contact_ids":{}})", "next_step_due:must_be_date"},
  };
  for (const auto& c : completions)
    EXPECT_EQ(Problems(DecodeVisitCompletion(json::parse(c.body))), c.problems) << c.body;

  EXPECT_EQ(DecodeCancelReason(json::parse(R"({"reason":"客户出差"})")).value(), "客户出差");
  EXPECT_EQ(DecodeCancelReason(json::parse(R"({"reason":null})")).value(), "");
  EXPECT_EQ(Problems(DecodeCancelReason(json::parse(R"({"reason":false,"why":1})"))),
            "why:unknown_field");
  EXPECT_EQ(Problems(DecodeCancelReason(json::parse(R"({"reason":false})"))),
            "reason:must_be_string");
  EXPECT_EQ(DecodeCommentBody(json::parse(R"({})")).value(), "");
  EXPECT_EQ(Problems(DecodeCommentBody(json::parse(R"({"body":1})"))), "body:must_be_string");
}

TEST(ReviewCodec, EveryBadItemIsNamed) {
  const Case cases[] = {
      {R"({"items":[{"kind":"interaction","id":7},{"kind":"visit_plan","id":11}]})", ""},
      {R"({"items":[]})", ""},
      {R"({"items":{}})", "items:required"},
      {R"({"items":[3,{"kind":"call","id":0},{"kind":"interaction","id":1,"x":1},{"id":5}]})",
       "items[0]:must_be_object items[1].kind:invalid items[1].id:must_be_id "
       "items[2].x:unknown_field items[3].kind:invalid"},
  };
  for (const auto& c : cases)
    EXPECT_EQ(Problems(DecodeReviewItems(json::parse(c.body))), c.problems) << c.body;
  auto items = DecodeReviewItems(json::parse(R"({"items":[{"kind":"visit_plan","id":11}]})"));
  ASSERT_TRUE(items.ok() && items->size() == 1);
  EXPECT_EQ((*items)[0].kind, ReviewKind::kVisitPlan);
  EXPECT_EQ((*items)[0].id, 11);
}

}  // namespace
}  // namespace kams::http
