/**
 * The sandbox's own control API, guarded by a per-start bearer token: read and replace the
 * fault settings (`/sandbox/control/faults`), and put the data back to how it started
 * (`/sandbox/control/reset`). A reset does not cancel sharing work accepted just before it;
 * that work may still land on the fresh data when its delay ends.
 */
import { timingSafeEqual } from 'node:crypto';
import type { FaultInjector } from './faults';
import { faultConfigSchema } from './faults';
import { apiError, json, type Reply, type RequestContext } from './http';
import type { Router } from './router';

export interface ControlDeps {
  controlToken: string;
  faults: FaultInjector;
  /** Restores the initial data and clears faults. */
  reset: () => void;
}

function authorize(ctx: RequestContext, token: string): void {
  const match = /^Bearer\s+(\S+)$/i.exec(ctx.req.headers.authorization ?? '');
  const given = Buffer.from(match?.[1] ?? '', 'utf8');
  const expected = Buffer.from(token, 'utf8');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    throw apiError(
      401,
      'SBX-40100',
      'Unauthorized',
      'The sandbox control token is missing or wrong.',
      ctx.traceId,
    );
  }
}

export function registerControlRoutes(router: Router, deps: ControlDeps): void {
  router.add('GET', '/sandbox/control/faults', (ctx): Reply => {
    authorize(ctx, deps.controlToken);
    return json(200, deps.faults.get());
  });

  router.add('PUT', '/sandbox/control/faults', async (ctx): Promise<Reply> => {
    authorize(ctx, deps.controlToken);
    const parsed = faultConfigSchema.safeParse(await ctx.json());
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      const field = issue.path.join('.') || 'body';
      throw apiError(
        400,
        'SBX-40002',
        'Invalid fault settings.',
        `${field}: ${issue.message}`,
        ctx.traceId,
      );
    }
    return json(200, deps.faults.set(parsed.data));
  });

  router.add('POST', '/sandbox/control/reset', (ctx): Reply => {
    authorize(ctx, deps.controlToken);
    deps.reset();
    return json(200, { status: 'reset' });
  });
}
