import { describe, expect, it } from 'vitest';
import { countRecords } from '../../src/sim/cow/cost.js';
import { mycreditapp } from '../../src/sim/vendors/mycreditapp/index.js';
import { createMyCreditApp } from '../../src/sim/vendors/mycreditapp/fixtures.js';
import type { McaData } from '../../src/sim/vendors/mycreditapp/state.js';
import { pastDate, seededFor } from '../../src/sim/seeded.js';

describe('MyCreditApp columns', () => {
  it('counts the records of its export without making them', () => {
    const s = createMyCreditApp({ seed: 2, size: 300 });
    s.connect(
      s.addOrg({ name: 'X', email: 'x@x.test', owner_email: 'x@x.test', parent_organization_id: null }).id,
      s.data.clients[0].organization_id,
      '2024-01-01T00:00:00.000Z',
    );
    expect(mycreditapp.countRecords?.(s)).toBe(countRecords(JSON.parse(JSON.stringify(s.toJSON()))));
  });

  it('keeps what a hand-made snapshot says exactly: odd timestamps, unknown parents, orphan connections', () => {
    const json = JSON.parse(JSON.stringify(createMyCreditApp({ seed: 4, size: 5 }).toJSON())) as McaData;
    const [a, b] = json.connections;
    a.updated_at = '2024-02-03T04:05:06Z';
    a.archived_at = '2024-02-03T04:05:06.123456+02:00';
    b.created_at = '0099-01-01T00:00:00.000Z';
    const org = Object.values(json.orgs)[3];
    org.parent_organization_id = '00000000-0000-4000-8000-000000000000';
    const text = JSON.stringify(json);
    const state = mycreditapp.state.fromJSON(JSON.parse(text));
    expect(JSON.stringify(mycreditapp.state.toJSON(state))).toBe(text);
    expect(state.pair(a.host_organization_id, a.guest_organization_id)).toEqual(a);
  });

  it('draws connection times as pastDate draws them', () => {
    const [x, y] = [seededFor(9, 'mycreditapp'), seededFor(9, 'mycreditapp')];
    for (let i = 0; i < 50; i++)
      expect(
        new Date(x.int(Date.parse('2019-01-01T00:00:00Z'), Date.parse('2025-05-31T00:00:00Z'))).toISOString(),
      ).toBe(pastDate(y));
  });
});
