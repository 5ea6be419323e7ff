#pragma once
// SQL text both adapters run unchanged (portable SQL, no placeholders).

namespace kams {

// Every customer column, in the order both adapters read them (alias `c`), then the
// owner's and the org unit's names.
inline constexpr const char* kCustomerColumns =
    "c.id, c.version, c.external_ref, c.name, c.stage, c.credit_code, c.industry, "
    "c.region, c.address, c.phone, c.website, c.org_unit_id, c.owner_id, c.is_key_account, "
    "c.tier, c.ownership, c.scale, c.employees, c.founded_on, c.characteristics, "
    "c.annual_revenue_fen, c.main_business, c.competitors, c.potential, c.business_notes, "
    "c.relationship_stage, c.loyalty, "
    "c.first_deal_on, c.credit_rating, c.payment_terms_days, c.trading_notes, c.created_at, "
    "c.updated_at, c.created_by, "
    "(SELECT u.display_name FROM app_user u WHERE u.id = c.owner_id), "
    "(SELECT o.name FROM org_unit o WHERE o.id = c.org_unit_id)";

namespace sql {

// A stored tier scheme with its current version's definition (alias `s`).
inline constexpr const char* kSchemeColumns =
    "SELECT s.id, s.name, s.kind, s.current_version, s.active, s.is_primary, s.version, "
    "s.created_at, s.created_by, s.updated_at, s.last_applied_at, s.last_applied_version, "
    "s.last_applied_as_of, v.definition FROM tier_scheme s "
    "JOIN tier_scheme_version v ON v.scheme_id = s.id AND v.version = s.current_version";

// A tier change with its scheme's and actor's names (alias `t`).
inline constexpr const char* kTierChangeColumns =
    "SELECT t.id, t.customer_id, t.scheme_id, t.scheme_version, t.old_tier, t.new_tier, t.kind, "
    "t.source, t.note, t.facts, t.actor_id, t.effective_on, t.pinned_until, t.created_at, "
    "(SELECT s.name FROM tier_scheme s WHERE s.id = t.scheme_id), "
    "(SELECT u.display_name FROM app_user u WHERE u.id = t.actor_id) FROM tier_change t";

}  // namespace sql

// Recomputes org_unit_closure from org_unit.parent_id (after `DELETE FROM org_unit_closure`).
inline constexpr const char* kRebuildOrgClosureSql =
    "WITH RECURSIVE up(descendant_id, ancestor_id, depth) AS ("
    "  SELECT id, id, 0 FROM org_unit"
    "  UNION ALL"
    "  SELECT up.descendant_id, o.parent_id, up.depth + 1 FROM up"
    "  JOIN org_unit o ON o.id = up.ancestor_id WHERE o.parent_id IS NOT NULL)"
    " INSERT INTO org_unit_closure (ancestor_id, descendant_id, depth)"
    " SELECT ancestor_id, descendant_id, depth FROM up";

}  // namespace kams
