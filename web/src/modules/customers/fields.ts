// The dossier (客户资料卡) as the console shows and edits it: the four sections of the
// server's `x-section` (basic, profile, business, trading) and each field's kind and
// limits, mirrored from ValidateCustomer (server/src/core/customers/customer.cc).
// fields.test.ts checks the sections against the OpenAPI document.
import type { Customer } from '../../api/types';

export const SECTIONS = ['basic', 'profile', 'business', 'trading'] as const;
export type Section = (typeof SECTIONS)[number];

export type FieldKind =
  | 'text'
  | 'textarea'
  | 'enum'
  | 'date'
  | 'integer'
  | 'money'
  | 'creditCode'
  | 'phone'
  | 'orgUnit'
  | 'owner';

export type EditableField = Exclude<
  keyof Customer,
  | 'id'
  | 'version'
  | 'is_key_account'
  | 'tier'
  | 'created_at'
  | 'updated_at'
  | 'created_by'
  | 'owner_name'
  | 'org_unit_name'
>;

export type FieldSpec = {
  name: EditableField;
  kind: FieldKind;
  /** Longest text in code points (`too_long` beyond). */
  maxChars?: number;
  required?: boolean;
  /** Null (not set) is allowed and sent for an empty input. */
  nullable?: boolean;
  options?: readonly string[];
  min?: number;
  max?: number;
  /** Changing it needs `customer.assign` (owner and org unit). */
  assign?: boolean;
};

export const STAGES = ['prospect', 'target', 'active'] as const;
export const OWNERSHIPS = [
  'state_owned',
  'private',
  'foreign',
  'joint_venture',
  'public_institution',
  'government',
  'other',
] as const;
export const SCALES = ['large', 'medium', 'small', 'micro'] as const;
export const POTENTIALS = ['high', 'medium', 'low'] as const;
// The relationship ladder (关系阶段) and the loyalty pyramid (忠诚度), lowest first.
export const RELATIONSHIP_STAGES = [
  'observer',
  'supplier',
  'preferred_supplier',
  'business_advisor',
  'strategic_partner',
] as const;
export const LOYALTY_LEVELS = ['lost', 'watcher', 'new', 'regular', 'loyal'] as const;
export const CREDIT_RATINGS = ['AAA', 'AA', 'A', 'B', 'C'] as const;
/** Tier codes of the glossary's schemes; the list filter offers these. */
export const TIERS = ['strategic', 'key', 'standard', 'class1', 'class2', 'class3'] as const;

export const SECTION_FIELDS: Record<Section, readonly FieldSpec[]> = {
  basic: [
    { name: 'name', kind: 'text', required: true, maxChars: 200 },
    { name: 'external_ref', kind: 'text', maxChars: 64, nullable: true },
    { name: 'stage', kind: 'enum', required: true, options: STAGES },
    { name: 'credit_code', kind: 'creditCode', nullable: true },
    { name: 'industry', kind: 'text', maxChars: 64 },
    { name: 'region', kind: 'text', maxChars: 64 },
    { name: 'address', kind: 'text', maxChars: 300 },
    { name: 'phone', kind: 'phone' },
    { name: 'website', kind: 'text', maxChars: 200 },
    { name: 'org_unit_id', kind: 'orgUnit', required: true, assign: true },
    { name: 'owner_id', kind: 'owner', nullable: true, assign: true },
  ],
  profile: [
    { name: 'ownership', kind: 'enum', nullable: true, options: OWNERSHIPS },
    { name: 'scale', kind: 'enum', nullable: true, options: SCALES },
    { name: 'employees', kind: 'integer', nullable: true, min: 0, max: 10_000_000 },
    { name: 'founded_on', kind: 'date', nullable: true },
    { name: 'characteristics', kind: 'textarea', maxChars: 2000 },
  ],
  business: [
    { name: 'annual_revenue_fen', kind: 'money', nullable: true },
    { name: 'main_business', kind: 'textarea', maxChars: 500 },
    { name: 'competitors', kind: 'textarea', maxChars: 500 },
    { name: 'potential', kind: 'enum', nullable: true, options: POTENTIALS },
    { name: 'relationship_stage', kind: 'enum', nullable: true, options: RELATIONSHIP_STAGES },
    { name: 'loyalty', kind: 'enum', nullable: true, options: LOYALTY_LEVELS },
    { name: 'business_notes', kind: 'textarea', maxChars: 2000 },
  ],
  trading: [
    { name: 'first_deal_on', kind: 'date', nullable: true },
    { name: 'credit_rating', kind: 'enum', nullable: true, options: CREDIT_RATINGS },
    { name: 'payment_terms_days', kind: 'integer', nullable: true, min: 0, max: 365 },
    { name: 'trading_notes', kind: 'textarea', maxChars: 2000 },
  ],
};
