/** The rows of a three-way conflict: base, server now and the plan, changed rows first. */
import { describe, expect, it } from 'vitest';
import { threeWayRows } from '../../../../renderer/features/activity/threeWay';
import { BUSINESS, ORG_VIEWER, outboxEntry, plan, RETAIL, snapshot } from '../sharing/fixtures';

const retailShared = {
  orgId: RETAIL,
  orgName: 'Retail',
  parentOrgId: 'root',
  depth: 1,
  policy: { policy: 'SELECTED_ORG_WITH_ALL_EXISTING_AND_FUTURE_CHILDREN', roles: [] },
  roles: [],
};

describe('threeWayRows', () => {
  it('puts the org both sides touched first and says what each side holds', () => {
    const entry = outboxEntry({
      status: 'conflict',
      plan: plan({
        desired: {
          mode: 'selected',
          organizations: [{ orgId: RETAIL, policy: 'SELECTED_ORG_ONLY', roles: [ORG_VIEWER] }],
        },
        blastRadius: {
          ...plan().blastRadius,
          gained: [{ orgId: RETAIL, orgName: 'Retail' }],
        },
      }),
      conflict: {
        detectedAt: '2026-01-01T11:00:00.000Z',
        server: snapshot({
          organizations: [
            retailShared,
            { ...retailShared, orgId: 'retail-online', orgName: 'Retail Online', policy: null },
          ],
        }),
      },
    });
    const rows = threeWayRows(entry);
    expect(rows.map((row) => row.name)).toEqual(['Retail', 'Retail Online']);
    expect(rows[0]).toEqual({
      orgId: RETAIL,
      name: 'Retail',
      base: 'not shared',
      server: 'shared; roles: no roles · holds “and children” policy',
      plan: 'share; roles: Org Viewer',
      changedOnServer: true,
    });
    expect(rows[1]).toMatchObject({ plan: 'no change', changedOnServer: true });
  });

  it('adds a row for the "all organizations" policy when a side has it', () => {
    const entry = outboxEntry({
      status: 'conflict',
      conflict: {
        detectedAt: '2026-01-01T11:00:00.000Z',
        server: snapshot({
          allOrgs: { policy: 'ALL_EXISTING_AND_FUTURE_ORGS', roles: [ORG_VIEWER] },
        }),
      },
    });
    const all = threeWayRows(entry).find((row) => row.orgId === null);
    expect(all).toMatchObject({
      base: 'none',
      server: 'ALL_EXISTING_AND_FUTURE_ORGS; roles: Org Viewer',
      changedOnServer: true,
    });
  });

  it('marks nothing changed when the server was not read', () => {
    const rows = threeWayRows(outboxEntry());
    expect(rows.find((row) => row.orgId === BUSINESS)).toMatchObject({
      server: 'not read',
      changedOnServer: false,
    });
  });
});
