/**
 * Scenario 3 — token exchanges: `organization_switch` calls through the flow service (input
 * schemas, the held admin token, the timeline with curl export, the token store, claim checks)
 * against bare undici requests with the same form bodies, both at 16 in flight. Goal ≤ 1.10×.
 */
import { createFlowService } from '../../../main/flows';
import { silentLogger } from '../../../main/log/logger';
import { DEMO } from '../../../main/sandbox/data/demo-ids';
import { ADMIN, ADMIN_BASIC, startHarness } from '../lib/harness';
import { alternate, time } from '../lib/measure';
import { pool } from '../lib/pool';
import { row } from '../lib/report';
import type { Scenario } from './types';

const CONCURRENCY = 16;
const SCOPES = ['internal_org_organization_view'];
const ORGS: readonly string[] = Object.values(DEMO.orgs);

export const tokenExchangeScenario: Scenario = {
  id: 'tokens',
  title: 'Token exchanges',
  run: async (context) => {
    const calls = context.quick ? 100 : 1_000;
    const h = await startHarness({ data: 'demo' });
    const flows = createFlowService({
      http: h.http,
      baseUrl: h.sandbox.url,
      rootOrgHandle: DEMO.rootOrgHandle,
      secrets: {
        agentSecret: () => Promise.resolve(undefined),
        clientSecret: (id) =>
          Promise.resolve(id === ADMIN.clientId ? ADMIN.clientSecret : undefined),
      },
      opener: { open: () => Promise.reject(new Error('no browser in the benchmark')) },
      logger: silentLogger,
      admin: { clientId: ADMIN.clientId },
    });
    try {
      // The same root token request the flow service makes for its admin application.
      const rootToken = await h.bare.postForm(
        '/oauth2/token',
        { grant_type: 'client_credentials', scope: '' },
        ADMIN_BASIC,
      );
      const token = (rootToken.body as { access_token: string }).access_token;

      const viaService = (index: number): Promise<void> =>
        flows
          .switchOrganization({
            from: { admin: true },
            organizationId: ORGS[index % ORGS.length]!,
            scopes: SCOPES,
            fresh: true,
          })
          .then((result) => {
            if (!result.ok) throw new Error(`switch failed: ${result.error.message}`);
          });
      const bare = async (index: number): Promise<void> => {
        const response = await h.bare.postForm(
          '/oauth2/token',
          {
            grant_type: 'organization_switch',
            token,
            switching_organization: ORGS[index % ORGS.length]!,
            scope: SCOPES.join(' '),
          },
          ADMIN_BASIC,
        );
        if (response.status !== 200) throw new Error(`bare switch: HTTP ${response.status}`);
      };

      const samples = await alternate(
        [
          { label: 'service', run: () => time(() => pool(calls, CONCURRENCY, viaService)) },
          { label: 'bare', run: () => time(() => pool(calls, CONCURRENCY, bare)) },
        ],
        { reps: context.quick ? 2 : 5, warmup: context.quick ? 1 : 2 },
      );
      const scenario = `3 organization_switch ×${calls.toLocaleString('en-US')}`;
      const note = `${CONCURRENCY} in flight; a fresh switch per call across ${ORGS.length} organizations`;
      return [
        row({
          scenario,
          metric: 'flow service vs bare',
          unit: 'ms',
          samples: samples.wall('service'),
          baseline: { label: 'bare undici requests', samples: samples.wall('bare') },
          goal: { kind: 'at-most-times', target: 1.1 },
          note,
        }),
        row({
          scenario,
          metric: 'flow service vs bare, CPU time',
          unit: 'ms',
          samples: samples.cpu('service'),
          baseline: { label: 'bare undici requests', samples: samples.cpu('bare') },
          goal: { kind: 'at-most-times', target: 1.1 },
          note: 'CPU time of the whole process (the in-process sandbox signing tokens included)',
        }),
      ];
    } finally {
      await flows.dispose();
      await h.stop();
    }
  },
};
