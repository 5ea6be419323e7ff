#pragma once
// Contact records, cadence rules and breaches, visit plans and review comments as the API
// shows them; the request bodies of those endpoints decoded (the fuzz harnesses call these);
// and the small readers of JSON members they share (each adds a field error naming the
// member instead of failing the whole body).

#include <nlohmann/json.hpp>

#include "core/engagement/engagement_service.h"
#include "core/engagement/visit_service.h"

namespace kams::http {

using nlohmann::json;

json OptJson(const std::optional<Id>& v);
json OptJson(const std::optional<std::string>& v);
json TimeJson(const std::optional<Timestamp>& t);
json DateJson(const std::optional<CivilDate>& d);
json RefsJson(const std::vector<NamedRef>& refs);
json InteractionJson(const Interaction& i);
json BreachJson(const CadenceBreach& b);
// `today` decides whether an open plan shows as missed.
json VisitPlanJson(const VisitPlan& p, const CivilDate& today);
// A rule, with its tier only when `with_tier` (the rules of PUT /cadence-rules).
json CadenceRuleJson(const CadenceRule& r, bool with_tier);
json CadenceSettingsJson(const CadenceSettings& s);
json CommentJson(const Comment& c);

// Request bodies. The decoders check shapes only, the services the rules
// (ValidateInteraction, …). Unknown members are refused first, each named `unknown_field`;
// then the problems of the scalar members (ids, texts, booleans, instants, numbers, planned
// days) are reported together; nullable dates and texts and id lists are read after those,
// and only their first problem is reported.

// POST /interactions: customer_id required; texts absent or null are "".
Result<Interaction> DecodeInteractionDraft(const json& body);
// PATCH /interactions/{id}: absent members stay unchanged; null texts are "".
Result<InteractionPatch> DecodeInteractionPatch(const json& body);
// PUT /cadence-rules: {"rules": [{"tier", "min_interval_days", "max_contacts",
// "period_days"}, …] (required), "grace_days" (default 7)}; problems inside a rule are
// named "rules[k].member".
Result<CadenceSettings> DecodeCadenceSettings(const json& body);
// PUT /customers/{id}/cadence: {"min_interval_days", "max_contacts", "period_days"}, each
// optional (period_days defaults to 7); the tier is left empty.
Result<CadenceRule> DecodeCadenceRule(const json& body);

// POST /visit-plans: customer_id and planned_on ("YYYY-MM-DD") required; owner_id 0 when
// absent (the service makes the caller the owner).
Result<VisitPlan> DecodeVisitPlanDraft(const json& body);
// PATCH /visit-plans/{id}: absent members stay unchanged.
Result<VisitPlanPatch> DecodeVisitPlanPatch(const json& body);
// POST /visit-plans/{id}/complete with a body (an empty body completes with defaults).
Result<VisitCompletion> DecodeVisitCompletion(const json& body);
// POST /visit-plans/{id}/cancel: {"reason": "…"}; absent or null is "" (the service
// requires one).
Result<std::string> DecodeCancelReason(const json& body);
// POST …/comments: {"body": "…"}; absent or null is "".
Result<std::string> DecodeCommentBody(const json& body);
// POST /weekly-review/mark and /unmark: {"items": [{"kind", "id"}, …]} (required); every
// bad item is named ("items[2].kind").
Result<std::vector<ReviewRef>> DecodeReviewItems(const json& body);

// Optional members: null or absent leave `out` unchanged (ReadText: null is "").
Status ReadInt(const json& body, const char* name, std::int64_t min, std::int64_t max,
               std::optional<std::int64_t>& out, std::vector<FieldError>& problems,
               const std::string& prefix = "");
Status ReadText(const json& body, const char* name, std::optional<std::string>& out,
                std::vector<FieldError>& problems);
Status ReadBool(const json& body, const char* name, std::optional<bool>& out,
                std::vector<FieldError>& problems);
Status ReadId(const json& body, const char* name, std::optional<Id>& out,
              std::vector<FieldError>& problems);
Status ReadInstant(const json& body, const char* name, std::optional<Timestamp>& out,
                   std::vector<FieldError>& problems);
// An array of ids (absent or null: empty); the first bad element is the error.
Result<std::vector<Id>> ReadIds(const json& body, const char* name);
// The same for a patch: absent stays nullopt (unchanged), null is an empty list.
Result<std::optional<std::vector<Id>>> ReadIdsIfPresent(const json& body, const char* name);

}  // namespace kams::http
