// Nomination bodies (POST /nominations, …/resubmit), the approval chain (PUT
// /approval-chain), decision and acknowledgement comments (POST /nominations/{id}/approve,
// reject, withdraw; POST /access-alerts/{id}/acknowledge) and the empty bodies of the
// notification actions (POST /notifications/{id}/read, /notifications/read-all): bytes →
// ReadComment (the raw body, as the handler gets it), and → ParseObject →
// DecodeNominationDraft, DecodeNominationChanges, DecodeApprovalChain, OnlyFields; then the
// length rules the services apply to reasons and comments.
// Properties: a refused body names its fields (fuzz_json.h); a decoded draft holds only
// positive ids, renders inside a nomination as JSON with what was read and decodes again
// from its own values to the same draft; changes name only what the body sent; roles keep
// their order and names; a comment is the body's own.
#include <algorithm>

#include "core/common/validation.h"
#include "fuzz_json.h"
#include "http/handler_util.h"

namespace kams {
namespace {

using codec::json;

constexpr std::initializer_list<std::string_view> kDraftFields = {
    "customer_id", "kind", "scheme_id", "proposed_tier", "reason", "pinned_until"};

json DraftBody(const NominationDraft& d) {
  json body = {{"customer_id", d.customer_id},
               {"kind", std::string(NominationKindName(d.kind))},
               {"reason", d.reason}};
  if (d.scheme_id) body["scheme_id"] = *d.scheme_id;
  if (d.proposed_tier) body["proposed_tier"] = *d.proposed_tier;
  if (d.pinned_until) body["pinned_until"] = FormatCivilDate(*d.pinned_until);
  return body;
}

void Draft(const json& body) {
  auto draft = codec::DecodeNominationDraft(body);
  if (!draft.ok()) {
    fuzz::CheckRefusal(draft.error(), body, kDraftFields);
    return;
  }
  const NominationDraft& d = *draft;
  FUZZ_CHECK(d.customer_id >= 1 && (!d.scheme_id || *d.scheme_id >= 1));
  FUZZ_CHECK(ParseNominationKind(NominationKindName(d.kind)) == d.kind);
  FUZZ_CHECK(body.at("reason") == d.reason);
  if (d.pinned_until)
    FUZZ_CHECK(ParseCivilDate(FormatCivilDate(*d.pinned_until)) == d.pinned_until);

  auto again = codec::DecodeNominationDraft(DraftBody(d));
  FUZZ_CHECK(again.ok());
  FUZZ_CHECK(again->customer_id == d.customer_id && again->kind == d.kind);
  FUZZ_CHECK(again->scheme_id == d.scheme_id && again->proposed_tier == d.proposed_tier);
  FUZZ_CHECK(again->reason == d.reason && again->pinned_until == d.pinned_until);

  // NominationService::Create before the database: the reason trimmed, required, bounded.
  Nomination n;
  n.customer_id = d.customer_id;
  n.kind = d.kind;
  n.scheme_id = d.scheme_id;
  n.proposed_tier = d.proposed_tier;
  n.reason = TrimSpace(d.reason);
  n.pinned_until = d.pinned_until;
  Validator v;
  v.Required("reason", n.reason);
  v.MaxLength("reason", n.reason, kMaxNominationReason);
  fuzz::CheckRules(v.ToStatus(), kDraftFields);
  if (!v.ok()) return;
  const json out = codec::ToJson(n);
  FUZZ_CHECK(json::parse(out.dump()) == out);
  FUZZ_CHECK(out["reason"] == n.reason);
  FUZZ_CHECK(out["proposed_tier"] == (n.proposed_tier ? json(*n.proposed_tier) : json(nullptr)));
}

void Changes(const json& body) {
  auto changes = codec::DecodeNominationChanges(body);
  if (!changes.ok()) {
    fuzz::CheckRefusal(changes.error(), body, {"reason", "proposed_tier", "pinned_until"});
    return;
  }
  const NominationChanges& c = *changes;
  FUZZ_CHECK(c.reason.has_value() == body.contains("reason"));
  FUZZ_CHECK(!c.reason || body.at("reason") == *c.reason);
  FUZZ_CHECK(c.proposed_tier.has_value() == body.contains("proposed_tier"));
  FUZZ_CHECK(c.pinned_until.has_value() == body.contains("pinned_until"));
  if (c.reason) {
    const std::string reason = TrimSpace(*c.reason);
    FUZZ_CHECK(TrimSpace(reason) == reason);
  }
}

void Chain(const json& body) {
  auto roles = codec::DecodeApprovalChain(body);
  if (!roles.ok()) {
    fuzz::CheckRefusal(roles.error(), body, {"roles"});
    return;
  }
  const json& sent = body.at("roles");
  FUZZ_CHECK(roles->size() == sent.size());
  json names = json::array();
  for (std::size_t i = 0; i < roles->size(); ++i) {
    const Role r = (*roles)[i];
    FUZZ_CHECK(sent[i] == std::string(RoleName(r)) && ParseRole(RoleName(r)) == r);
    names.push_back(std::string(RoleName(r)));
  }
  auto again = codec::DecodeApprovalChain(json{{"roles", names}});
  FUZZ_CHECK(again.ok() && *again == *roles);
}

// ReadComment takes the raw body: empty, or an object with at most "comment".
void DecisionComment(std::string_view raw) {
  http::Request req;
  req.body = std::string(raw);
  auto comment = http::ReadComment(req);
  if (!comment.ok()) {
    if (comment.error().code == ErrorCode::kBadRequest) {
      FUZZ_CHECK(!codec::ParseObject(raw).ok());
      return;
    }
    auto body = codec::ParseObject(raw);
    FUZZ_CHECK(body.ok());
    fuzz::CheckRefusal(comment.error(), *body, {"comment"});
    return;
  }
  if (!comment->empty()) {
    auto body = codec::ParseObject(raw);
    FUZZ_CHECK(body.ok() && body->at("comment") == *comment);
  }
  // Decisions and acknowledgements: trimmed, at most 2 000 characters.
  const std::string trimmed = TrimSpace(*comment);
  FUZZ_CHECK(TrimSpace(trimmed) == trimmed);
  Validator v;
  v.MaxLength("comment", trimmed, std::max(kMaxDecisionComment, kMaxAlertComment));
  fuzz::CheckRules(v.ToStatus(), {"comment"});
  NominationStep step;
  step.comment = trimmed;
  Nomination n;
  n.steps.push_back(step);
  (void)codec::ToJson(n).dump();
}

// The notification actions take no members.
void Empty(const json& body) {
  const Status st = http::OnlyFields(body, {});
  FUZZ_CHECK(st.ok() == body.empty());
  if (!st.ok()) {
    fuzz::CheckRefusal(st.error(), body, {});
    FUZZ_CHECK(st.error().fields.size() == body.size());
  }
}

}  // namespace
}  // namespace kams

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace kams;
  DecisionComment(fuzz::Text(data, size));
  auto body = codec::ParseObject(fuzz::Text(data, size));
  if (!body.ok()) return 0;
  Draft(*body);
  Changes(*body);
  Chain(*body);
  Empty(*body);
  return 0;
}
