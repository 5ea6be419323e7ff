import { describe, expect, it } from 'vitest';
import { customerQueryParams, parseCustomerQuery } from './listQuery';

describe('customer list query in the URL', () => {
  it('reads every filter and round-trips', () => {
    const params = new URLSearchParams(
      'q=电力&stage=active&is_key_account=true&tier=key&owner_id=8&org_unit_id=4&region=上海市&industry=制造业&sort=name&limit=50',
    );
    const query = parseCustomerQuery(params);
    expect(query).toEqual({
      q: '电力',
      stage: 'active',
      is_key_account: true,
      tier: 'key',
      owner_id: 8,
      org_unit_id: 4,
      region: '上海市',
      industry: '制造业',
      sort: 'name',
      limit: 50,
    });
    expect(parseCustomerQuery(customerQueryParams(query))).toEqual(query);
  });

  it('drops what the server would refuse', () => {
    const query = parseCustomerQuery(
      new URLSearchParams(
        'stage=lost&owner_id=-3&org_unit_id=0&sort=revenue&limit=7&is_key_account=maybe',
      ),
    );
    expect(query).toEqual({
      q: undefined,
      stage: undefined,
      is_key_account: undefined,
      tier: undefined,
      owner_id: undefined,
      org_unit_id: undefined,
      region: undefined,
      industry: undefined,
      sort: '-id',
      limit: 20,
    });
    expect(customerQueryParams(query).toString()).toBe('');
  });
});
