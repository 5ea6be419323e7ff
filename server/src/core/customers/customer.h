#pragma once
// The customer dossier (客户资料卡): basic data, characteristics (profile), business
// status and transaction status (trading), held as flat typed fields.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/audit/field_change.h"
#include "core/common/result.h"
#include "core/common/time.h"
#include "core/org/org_unit.h"

namespace kams {

struct Customer {
  Id id = 0;
  std::int64_t version = 1;
  // basic (基础资料)
  std::optional<std::string> external_ref;  // the customer's id in another system; unique
  std::string name;
  std::string stage = "prospect";           // prospect | target | active
  std::optional<std::string> credit_code;   // 统一社会信用代码; unique
  std::string industry;
  std::string region;
  std::string address;
  std::string phone;
  std::string website;
  Id org_unit_id = 0;
  std::optional<Id> owner_id;               // the KAM
  bool is_key_account = false;              // set by the key-account lifecycle, not by edits
  std::optional<std::string> tier;          // set by tiering, not by edits
  // profile (客户特征)
  std::string ownership;  // state_owned | private | foreign | joint_venture | public_institution | government | other | ""
  std::string scale;      // large | medium | small | micro | ""
  std::optional<std::int64_t> employees;
  std::string founded_on;  // YYYY-MM-DD or ""
  std::string characteristics;
  // business (业务状况)
  std::optional<std::int64_t> annual_revenue_fen;
  std::string main_business;
  std::string competitors;
  std::string potential;  // high | medium | low | ""
  std::string business_notes;
  // Where the relationship stands (own history: GET /customers/{id}/relationship-history).
  std::string relationship_stage;  // observer | supplier | preferred_supplier |
                                   // business_advisor | strategic_partner | ""
  std::string loyalty;             // lost | watcher | new | regular | loyal | ""
  // trading (交易现状)
  std::string first_deal_on;  // YYYY-MM-DD or ""
  std::string credit_rating;  // AAA | AA | A | B | C | ""
  std::optional<std::int64_t> payment_terms_days;
  std::string trading_notes;
  // bookkeeping
  Timestamp created_at = 0;
  Timestamp updated_at = 0;
  std::optional<Id> created_by;
  // read-only, derived from owner_id and org_unit_id
  std::optional<std::string> owner_name;
  std::string org_unit_name;
};

// Every rule a dossier must satisfy, reported per field.
Status ValidateCustomer(const Customer& c);

// The fields as (name, text) pairs, for audit diffs: an absent value is nullopt.
std::vector<FieldValue> CustomerFieldValues(const Customer& c);

bool IsValidStage(std::string_view s);
// The relationship ladder (observer → … → strategic_partner) and the loyalty pyramid
// (lost → watcher → new → regular → loyal), lowest first.
inline constexpr std::string_view kRelationshipStages[] = {
    "observer", "supplier", "preferred_supplier", "business_advisor", "strategic_partner"};
inline constexpr std::string_view kLoyaltyLevels[] = {"lost", "watcher", "new", "regular", "loyal"};
bool IsRelationshipStage(std::string_view s);
bool IsLoyaltyLevel(std::string_view s);

enum class CustomerSort { kId, kName, kCreatedAt, kUpdatedAt };
struct SortSpec {
  CustomerSort field = CustomerSort::kId;
  bool descending = false;
};
std::optional<SortSpec> ParseCustomerSort(std::string_view text);  // "name", "-updated_at"
std::string_view CustomerSortName(CustomerSort s);

// Position after the last row of a page: the sort key's value and the id.
struct Cursor {
  std::string sort_value;
  Id id = 0;
};

struct CustomerFilter {
  std::optional<std::string> stage;
  std::optional<bool> is_key_account;
  std::optional<std::string> tier;
  std::optional<Id> owner_id;
  std::optional<Id> org_unit_id;  // the unit's whole subtree
  std::optional<std::string> region;
  std::optional<std::string> industry;
  std::string q;                  // any part of the name
};

struct PageRequest {
  int limit = 50;
  std::optional<Cursor> after;
};

template <class T>
struct Page {
  std::vector<T> items;
  std::optional<Cursor> next;
};

// The cursor for the row that ends a page under a sort.
Cursor CursorFor(const Customer& c, const SortSpec& sort);

struct AccountTeamMember {
  Id customer_id = 0;
  Id user_id = 0;
  std::string team_role;  // assistant | specialist | sales | service | technical | finance | other
  Timestamp added_at = 0;
  std::string user_name;  // read with the member (the user's display name), not written
};
bool IsValidTeamRole(std::string_view role);

// A user's default account team: the members added to a customer the user owns when asked
// (POST /customers/{id}/team/apply-default) and when the customer becomes a key account.
struct DefaultTeamMember {
  Id user_id = 0;
  std::string team_role;     // as AccountTeamMember
  std::string display_name;  // read with the team
};
struct DefaultTeam {
  Id owner_id = 0;
  std::int64_t version = 1;  // 1 and no members until first set
  std::vector<DefaultTeamMember> members;
  Timestamp updated_at = 0;
};
inline constexpr std::size_t kMaxDefaultTeamMembers = 20;

}  // namespace kams
