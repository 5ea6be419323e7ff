import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Customer } from '../../api/types';
import { changedFields, toFormValues, toPatch } from './dossierForm';
import { SECTION_FIELDS, SECTIONS } from './fields';

type Property = { 'x-section'?: string; readOnly?: boolean; maxLength?: number };
const openapi = JSON.parse(
  readFileSync(new URL('../../../../server/src/http/openapi.json', import.meta.url), 'utf8'),
) as { components: { schemas: { Customer: { properties: Record<string, Property> } } } };
const properties = openapi.components.schemas.Customer.properties;

describe('dossier sections', () => {
  it.each(SECTIONS)('%s holds the writable fields the OpenAPI document puts there', (section) => {
    const documented = Object.entries(properties)
      .filter(([, p]) => p['x-section'] === section && !p.readOnly)
      .map(([name]) => name)
      .sort();
    expect(SECTION_FIELDS[section].map((f) => f.name).sort()).toEqual(documented);
  });

  it('uses the documented length limits', () => {
    for (const field of SECTIONS.flatMap((s) => SECTION_FIELDS[s])) {
      if (field.maxChars !== undefined) {
        expect([field.name, field.maxChars]).toEqual([
          field.name,
          properties[field.name]?.maxLength,
        ]);
      }
    }
  });
});

const customer = {
  id: 22,
  version: 4,
  name: '上海捷尚机械制造有限公司',
  external_ref: 'C000022',
  stage: 'prospect',
  credit_code: null,
  industry: '制造业',
  region: '上海市',
  address: '',
  phone: '021-58087249',
  website: '',
  org_unit_id: 6,
  owner_id: 8,
  annual_revenue_fen: 37901000000,
  main_business: '',
  competitors: '',
  potential: null,
  business_notes: '',
} as unknown as Customer;

describe('toPatch', () => {
  const basic = SECTION_FIELDS.basic;
  const business = SECTION_FIELDS.business;

  it('sends nothing when nothing changed', () => {
    expect(toPatch(toFormValues(customer, basic), customer, basic)).toEqual({});
    expect(toPatch(toFormValues(customer, business), customer, business)).toEqual({});
  });

  it('sends only the changed fields, trimmed, with empty nullable text as null', () => {
    const values = {
      ...toFormValues(customer, basic),
      name: '\u3000上海捷尚机械 ',
      external_ref: '',
    };
    expect(toPatch(values, customer, basic)).toEqual({ name: '上海捷尚机械', external_ref: null });
  });

  it('converts yuan to exact fen', () => {
    const values = { ...toFormValues(customer, business), annual_revenue_fen: '1234.29' };
    expect(toPatch(values, customer, business)).toEqual({ annual_revenue_fen: 123429 });
    expect(toFormValues(customer, business).annual_revenue_fen).toBe('379010000.00');
  });

  it('clears money with an empty input', () => {
    const values = { ...toFormValues(customer, business), annual_revenue_fen: '' };
    expect(toPatch(values, customer, business)).toEqual({ annual_revenue_fen: null });
  });
});

describe('changedFields', () => {
  it('names the fields that differ between two versions', () => {
    const latest = { ...customer, version: 5, phone: '021-1234567', name: '新名称' } as Customer;
    expect(changedFields(customer, latest, SECTION_FIELDS.basic).map((f) => f.name)).toEqual([
      'name',
      'phone',
    ]);
  });
});
