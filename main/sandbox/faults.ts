/**
 * Fault injection for reliability tests: per-route latency, 5xx errors, throttling (429 with
 * `Retry-After`), dropped connections and truncated bodies. Decisions come from a seeded
 * generator and per-rule counters ("fail the next N requests"), so a test sees the same faults
 * on every run. Injected replies carry `X-Sandbox-Fault` so tests can observe them.
 */
import type { ServerResponse } from 'node:http';
import { z } from 'zod';
import { createPrng, type Prng } from './data/prng';
import { apiError, oauthError, scimError, type Reply, type RequestContext } from './http';
import { writeReply } from './server';

export const CONTROL_PREFIX = '/sandbox/control/';

export const faultRuleSchema = z
  .object({
    kind: z.enum(['latency', 'error', 'throttle', 'drop', 'truncate']),
    /** Prefix of the request path as received, e.g. `/t/carbon.super/api/server/v1/organizations`. */
    path: z.string().max(2000).default('/'),
    /** Optional regular expression the request path must also match. */
    pathRegex: z
      .string()
      .max(500)
      .refine((source) => {
        try {
          new RegExp(source);
          return true;
        } catch {
          return false;
        }
      }, 'not a valid regular expression')
      .optional(),
    method: z.string().max(10).optional(),
    /** Probability in [0, 1] that a matching request is hit. */
    rate: z.number().min(0).max(1).default(1),
    /** Hit at most this many more requests; absent means no limit. */
    count: z.number().int().min(0).optional(),
    latencyMs: z.number().int().min(0).max(120_000).default(0),
    status: z.number().int().min(500).max(599).default(503),
    retryAfterSeconds: z.number().int().min(0).max(3600).default(1),
  })
  .strict();

export const faultConfigSchema = z
  .object({
    seed: z.number().int().default(1),
    rules: z.array(faultRuleSchema).max(100).default([]),
  })
  .strict();

export type FaultRule = z.infer<typeof faultRuleSchema>;
export type FaultConfig = z.infer<typeof faultConfigSchema>;
export type FaultConfigInput = z.input<typeof faultConfigSchema>;

export interface FaultDeps {
  sleep: (ms: number) => Promise<void>;
}

const realSleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

function faultReply(ctx: RequestContext, status: number, what: string): Reply {
  if (ctx.path.startsWith('/oauth2/')) {
    return oauthError(status >= 500 ? 'server_error' : 'temporarily_unavailable', what, status)
      .reply;
  }
  if (ctx.path.startsWith('/scim2/')) return scimError(status, what).reply;
  return apiError(
    status,
    `SBX-${status}00`,
    what,
    'Injected by the sandbox fault settings.',
    ctx.traceId,
  ).reply;
}

export class FaultInjector {
  private config: FaultConfig = faultConfigSchema.parse({});
  private compiled: (RegExp | undefined)[] = [];
  private prng: Prng = createPrng(1);
  private readonly notes = new WeakMap<RequestContext, string[]>();
  private readonly truncate = new WeakSet<RequestContext>();

  constructor(private readonly deps: FaultDeps = { sleep: realSleep }) {}

  /** Replaces every rule and restarts the generator from the config's seed. */
  set(input: FaultConfigInput): FaultConfig {
    this.config = faultConfigSchema.parse(input);
    this.compiled = this.config.rules.map((r) =>
      r.pathRegex ? new RegExp(r.pathRegex) : undefined,
    );
    this.prng = createPrng(this.config.seed);
    return this.get();
  }

  /** The current rules, with counters showing how many hits remain. */
  get(): FaultConfig {
    return structuredClone(this.config);
  }

  private hits(rule: FaultRule, index: number, ctx: RequestContext): boolean {
    if (!ctx.rawPath.startsWith(rule.path)) return false;
    if (this.compiled[index] && !this.compiled[index].test(ctx.rawPath)) return false;
    if (rule.method && rule.method.toUpperCase() !== ctx.method) return false;
    if (rule.count === 0) return false;
    if (rule.rate < 1 && this.prng.next() >= rule.rate) return false;
    if (rule.count !== undefined) rule.count--;
    return true;
  }

  private note(ctx: RequestContext, text: string): void {
    this.notes.set(ctx, [...(this.notes.get(ctx) ?? []), text]);
  }

  /** The `beforeDispatch` hook: may delay, answer, or drop the request. */
  async beforeDispatch(ctx: RequestContext): Promise<'continue' | 'handled'> {
    if (ctx.rawPath.startsWith(CONTROL_PREFIX)) return 'continue';
    for (const [index, rule] of this.config.rules.entries()) {
      if (!this.hits(rule, index, ctx)) continue;
      switch (rule.kind) {
        case 'latency':
          this.note(ctx, `latency=${rule.latencyMs}ms`);
          await this.deps.sleep(rule.latencyMs);
          break;
        case 'error':
          this.note(ctx, `error=${rule.status}`);
          this.write(ctx, faultReply(ctx, rule.status, 'Service temporarily unavailable.'));
          return 'handled';
        case 'throttle': {
          this.note(ctx, 'throttle');
          const reply = faultReply(ctx, 429, 'Too many requests.');
          reply.headers = { ...reply.headers, 'Retry-After': String(rule.retryAfterSeconds) };
          if (ctx.path.startsWith('/oauth2/'))
            reply.body = { error: 'slow_down', error_description: 'Too many requests.' };
          this.write(ctx, reply);
          return 'handled';
        }
        case 'drop':
          ctx.req.socket.destroy();
          return 'handled';
        case 'truncate':
          this.truncate.add(ctx);
          break;
      }
    }
    return 'continue';
  }

  /** The `writeReply` hook: marks injected faults and cuts truncated bodies short. */
  write(
    ctx: RequestContext,
    reply: Reply,
    write: (reply: Reply) => void = (r) => writeReply(ctx.res, r),
  ): void {
    if (this.truncate.has(ctx)) this.note(ctx, 'truncate');
    const notes = this.notes.get(ctx);
    const marked: Reply = notes
      ? { ...reply, headers: { ...reply.headers, 'X-Sandbox-Fault': notes.join(', ') } }
      : reply;
    if (this.truncate.has(ctx)) truncated(ctx.res, marked);
    else write(marked);
  }
}

/** Declares the full `Content-Length`, sends half the body, then closes the connection. */
function truncated(res: ServerResponse, reply: Reply): void {
  const text =
    reply.body === undefined
      ? ''
      : typeof reply.body === 'string'
        ? reply.body
        : JSON.stringify(reply.body);
  const payload = Buffer.from(text, 'utf8');
  if (payload.length === 0) {
    res.socket?.destroy();
    return;
  }
  res.writeHead(reply.status, {
    ...reply.headers,
    'Content-Type': reply.contentType ?? 'application/json',
    'Content-Length': String(payload.length),
  });
  res.write(payload.subarray(0, Math.floor(payload.length / 2)), () => res.destroy());
}
