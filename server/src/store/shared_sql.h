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
    "c.first_deal_on, c.credit_rating, c.payment_terms_days, c.trading_notes, c.created_at, "
    "c.updated_at, c.created_by, "
    "(SELECT u.display_name FROM app_user u WHERE u.id = c.owner_id), "
    "(SELECT o.name FROM org_unit o WHERE o.id = c.org_unit_id)";

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
