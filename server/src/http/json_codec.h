#pragma once
// JSON ⇄ domain types, shared by http/ and the CLI. The core never sees JSON.

#include <nlohmann/json.hpp>

#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>

#include "core/access_alerts/access_alert.h"
#include "core/audit/audit_record.h"
#include "core/auth/session.h"
#include "core/common/result.h"
#include "core/contacts/contact.h"
#include "core/contracts/contract.h"
#include "core/customers/customer.h"
#include "core/org/org_service.h"
#include "core/org/org_unit.h"
#include "core/org/user.h"
#include "core/tiering/tier_scheme.h"
#include "core/nominations/nomination_service.h"
#include "core/tiering/tiering_service.h"
#include "http/json_writer.h"

namespace kams::codec {

using nlohmann::json;

// Parses a request body; malformed JSON, a non-object, a NUL character in a string or
// nesting deeper than kMaxBodyDepth is a bad_request. Every other function here may then
// recurse through the document (nlohmann's dump, copy and compare do).
inline constexpr int kMaxBodyDepth = 64;
Result<json> ParseObject(std::string_view body);

json ErrorJson(const Error& e);

// Dossiers are the hottest documents: written straight into the body, no JSON tree.
void WriteCustomer(JsonWriter& w, const Customer& c);
std::string CustomerJson(const Customer& c);
json ToJson(const Contact& c);
json ToJson(const Contract& c);
json ToJson(const User& u);
json ToJson(const OrgUnit& u);
json ToJson(const AuditRecord& r);
json ToJson(const ApiToken& t);
json ToJson(const AccountTeamMember& m);

// Apply the client's fields onto an entity. Unknown fields, read-only fields and wrong
// types are validation errors naming each field; nothing is applied on error.
Status ApplyCustomer(const json& body, Customer& c);
Status ApplyContact(const json& body, Contact& c);
Status ApplyContract(const json& body, Contract& c);
Status ApplyOrgUnit(const json& body, OrgUnit& u);
// `with_password` accepts "password" (create) and writes it to `password`.
Status ApplyUser(const json& body, User& u, std::string* password);

json ToJson(const Preferences& p);
// `locale` (string or null) and `settings` (an object); both required, as PUT replaces.
Status ApplyPreferences(const json& body, Preferences& p);

// `user_id` (a positive integer, required) and `team_role` (a string) of a new member.
Status ApplyTeamMember(const json& body, AccountTeamMember& m);

// The small request bodies of sign-in, passwords and API tokens (auth_codec.cc). Unknown
// fields and wrong types are validation errors naming each field.
struct LoginRequest {
  std::string username;
  std::string password;
};
Result<LoginRequest> DecodeLogin(const json& body);

struct PasswordChange {
  std::string current_password;  // both required (non-empty)
  std::string new_password;
};
Result<PasswordChange> DecodePasswordChange(const json& body);

// An administrator's reset: {"password": "…"}; only the first problem is reported.
Result<std::string> DecodePasswordReset(const json& body);

struct TokenRequest {
  std::string name;
  std::optional<Timestamp> expires_at;  // RFC 3339 or null: never expires
};
Result<TokenRequest> DecodeTokenRequest(const json& body);

// Tier schemes (README: "Tier schemes"); every problem is named by its path, e.g.
// "tiers[1].any[0].op".
Result<TierScheme> ParseTierScheme(const json& body);
json ToJson(const TierScheme& s);
// The bodies of the tier-scheme actions (tier_scheme_codec.cc).
// POST /tier-schemes: a scheme plus optional "active" and "primary" (booleans).
struct SchemeCreate {
  TierScheme scheme;
  SchemeSettings settings;
};
Result<SchemeCreate> DecodeSchemeCreate(const json& body);
// PATCH /tier-schemes/{id}: {"definition": scheme, "active", "primary"}, each optional;
// the definition's problems are named under "definition.".
struct SchemePatch {
  std::optional<TierScheme> definition;
  SchemeSettings settings;
};
Result<SchemePatch> DecodeSchemePatch(const json& body);
// POST …/preview and …/apply: {"as_of": "YYYY-MM-DD", "movers_limit": 0..1000,
// "definition": scheme}, each optional and null as absent; a member outside `allowed` is
// unknown_field. `options.language` is left as it is (the request's language).
struct RunRequest {
  RunOptions options;
  std::optional<TierScheme> definition;
};
Result<RunRequest> DecodeRunRequest(const json& body,
                                    std::initializer_list<std::string_view> allowed);
// Stored schemes, runs (preview/apply), tiers and tier history as the API shows them.
json ToJson(const SchemeRecord& s);
json ToJson(const SchemeVersionRecord& v);
json ToJson(const TieringRun& run);
json ToJson(const TierChange& c, const std::string& reason);
json ToJson(const CustomerTier& t);

// Nominations (with their steps when read one by one) and notifications.
json ToJson(const Nomination& n);
json ToJson(const Notification& n);
// Their request bodies (nomination_codec.cc). Unknown members are refused first, every
// one named; then problems are reported as below.
// POST /nominations: customer_id and reason required, kind ("nominate" unless "change"),
// scheme_id, proposed_tier and pinned_until ("YYYY-MM-DD") optional. The problems of
// customer_id, kind, scheme_id and reason at once, then the first of the other two.
Result<NominationDraft> DecodeNominationDraft(const json& body);
// POST /nominations/{id}/resubmit: reason (null is `required`), proposed_tier and
// pinned_until (null clears); absent members stay as they were. The first problem only.
Result<NominationChanges> DecodeNominationChanges(const json& body);
// PUT /approval-chain: {"roles": ["director", …]} (required); the first bad role is named
// ("roles[1]"). How many levels are allowed is the service's rule.
Result<std::vector<Role>> DecodeApprovalChain(const json& body);

// Bulk-access alerts and their settings (access_alert_codec.cc).
json ToJson(const AccessAlert& a);
json ToJson(const AccessAlertSettings& s);
// {"window_minutes", "thresholds": {role: integer or null, …}}: both required (PUT replaces),
// every role named; "version" is read-only. Problems name the field ("thresholds.kam").
Result<AccessAlertSettings> DecodeAccessAlertSettings(const json& body);

// A user's default team (access_alert_codec.cc beside the alerts: both came with issue 6).
json ToJson(const DefaultTeam& t);
// {"members": [{"user_id", "team_role"}, …]} (required); "version" and "user_id" read-only.
Result<std::vector<DefaultTeamMember>> DecodeDefaultTeam(const json& body);

// The scheme format of the core's port: canonical JSON text (keys in a fixed order).
class JsonSchemeFormat final : public SchemeFormat {
 public:
  Result<TierScheme> Parse(std::string_view json_text) const override;
  std::string Format(const TierScheme& scheme) const override;
};

// Cursors are opaque to clients: base64url of "v1|<sort>|<id>|<value>".
std::string EncodeCursor(std::string_view sort_name, const Cursor& c);
std::optional<Cursor> DecodeCursor(std::string_view text, std::string_view sort_name,
                                   bool numeric_value);

std::string Base64UrlEncode(std::string_view in);
std::optional<std::string> Base64UrlDecode(std::string_view in);

}  // namespace kams::codec
