import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { silentLogger } from '../../../main/log/logger';
import { createAgentSharingClient } from '../../../main/wso2/agent-sharing';
import { createAgentsClient } from '../../../main/wso2/agents';
import { createWso2Api } from '../../../main/wso2/api';
import { InvalidInputError } from '../../../main/wso2/errors';
import { isUuid, requireOrgHandle } from '../../../main/wso2/ids';
import { createOrganizationsClient } from '../../../main/wso2/organizations';
import type { Transport, TransportRequest } from '../../../main/wso2/transport';
import { ORIGIN, fakeTokens } from './support';

class Sent extends Error {}

/** Records the URL of each request and stops there: only the URL is under test. */
function recorder() {
  const urls: string[] = [];
  const transport: Transport = {
    request: (request: TransportRequest) => {
      urls.push(request.url);
      return Promise.reject(new Sent());
    },
  };
  const api = createWso2Api({
    transport,
    rootOrgHandle: 'carbon.super',
    tokens: fakeTokens(),
    logger: silentLogger,
  });
  return { urls, api };
}

const segments = (url: string) => new URL(url, ORIGIN).pathname.split('/').slice(1);

/** Each call places the id in one path position; the rest of the path is fixed. */
const CASES = [
  {
    name: 'agent share',
    run: (api: ReturnType<typeof recorder>['api'], id: string) =>
      createAgentSharingClient(api).getShare(id),
    prefix: ['t', 'carbon.super', 'api', 'server', 'v1', 'agents'],
    after: ['share'],
  },
  {
    name: 'organization',
    run: (api: ReturnType<typeof recorder>['api'], id: string) =>
      createOrganizationsClient(api).get(id),
    prefix: ['t', 'carbon.super', 'api', 'server', 'v1', 'organizations'],
    after: [],
  },
  {
    name: 'agent',
    run: (api: ReturnType<typeof recorder>['api'], id: string) => createAgentsClient(api).get(id),
    prefix: ['t', 'carbon.super', 'scim2', 'Agents'],
    after: [],
  },
];

const hostile = fc.oneof(
  fc.string({ maxLength: 60 }),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.constantFrom('', '..', '.', '/', '%2e', '%2e%2e', '%2F', '\\', '?x=1', '#f', 'a'.repeat(1000)),
  fc
    .uuid()
    .chain((id) =>
      fc.constantFrom(
        `${id}/..`,
        `../${id}`,
        `${id}%2f..`,
        `${id}?`,
        `${id}#`,
        ` ${id}`,
        `${id}\n`,
      ),
    ),
  fc.uuid(),
);

async function outcome(run: () => Promise<unknown>): Promise<'refused' | 'sent'> {
  try {
    await run();
  } catch (error) {
    if (error instanceof InvalidInputError) return 'refused';
    if (error instanceof Sent) return 'sent';
    throw error;
  }
  throw new Error('the recorder never answers');
}

describe('identifiers in URL paths', () => {
  for (const { name, run, prefix, after } of CASES) {
    it(`never changes the ${name} path's prefix or segment count`, async () => {
      await fc.assert(
        fc.asyncProperty(hostile, async (id) => {
          const { urls, api } = recorder();
          const result = await outcome(() => run(api, id));
          if (result === 'refused') {
            expect(urls).toHaveLength(0);
            expect(isUuid(id)).toBe(false);
            return;
          }
          expect(isUuid(id)).toBe(true);
          const parts = segments(urls[0]!);
          expect(parts).toHaveLength(prefix.length + 1 + after.length);
          expect(parts.slice(0, prefix.length)).toEqual(prefix);
          expect(parts.slice(prefix.length + 1)).toEqual(after);
          expect(parts[prefix.length]).toBe(id);
        }),
        { numRuns: 400 },
      );
    });
  }

  it('never lets an org scope change the base path', async () => {
    await fc.assert(
      fc.asyncProperty(hostile, async (orgId) => {
        const { urls, api } = recorder();
        const result = await outcome(() => createOrganizationsClient(api).listPage({ orgId }));
        if (result === 'refused') {
          expect(urls).toHaveLength(0);
          return;
        }
        expect(segments(urls[0]!)).toEqual([
          't',
          'carbon.super',
          'o',
          'api',
          'server',
          'v1',
          'organizations',
        ]);
      }),
      { numRuns: 300 },
    );
  });

  it('refuses the classic traversal and oversize forms', () => {
    for (const bad of ['', '..', '/', '%2e', '%2e%2e/x', 'a'.repeat(1000), '../etc']) {
      expect(isUuid(bad)).toBe(false);
    }
    for (const bad of ['..', 'a/b', 'carbon.super/..', '', '-x', 'x.', 'x%2e']) {
      expect(() => requireOrgHandle(bad)).toThrow(InvalidInputError);
    }
    expect(requireOrgHandle('carbon.super')).toBe('carbon.super');
  });
});
