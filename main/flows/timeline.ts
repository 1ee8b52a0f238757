/**
 * The timeline of one flow: every HTTP exchange (taken from the HTTP client's redacted
 * `onExchange` record), every browser hand-off and note, in order. Steps are emitted as events
 * while the flow runs and kept for the UI and for the curl export. Timelines live in memory;
 * the oldest are dropped beyond a fixed count. For an explicit curl reveal the real request
 * values stay in memory with their timeline until sign-out forgets them.
 */
import type { HttpClient, HttpExchange } from '../http';
import { redact } from '../log/redact';
import type { Transport, TransportRequest, TransportResponse } from '../wso2/transport';
import { captureRequest, forgetSecrets, renderCurl, type CapturedRequest } from './curl';
import { toFlowError } from './errors';
import type { FlowEmitter, FlowKind, TimelineStep } from './types';

/** What the timeline needs of the HTTP client: a request that takes a per-call hook. */
export type FlowHttp = Pick<HttpClient, 'request'>;

interface CapturedStep {
  index: number;
  label: string;
  capture: CapturedRequest;
}

export interface FlowTimeline {
  readonly flowId: string;
  readonly kind: FlowKind;
  steps(): TimelineStep[];
  /** A transport that records each request it sends into this timeline. */
  transport(http: FlowHttp): Transport;
  browser(label: string, detail: string, url?: string): void;
  note(label: string, detail: string): void;
  exportCurl(options: { reveal: boolean }): string;
  forgetSecrets(): void;
}

export interface TimelineOptions {
  flowId: string;
  kind: FlowKind;
  baseUrl: string;
  clock: () => number;
  emit: FlowEmitter;
}

/** A short name for a request, from its endpoint and grant. */
export function describeRequest(req: TransportRequest): string {
  const path = req.url.split('?')[0] ?? req.url;
  const grant = req.form?.grant_type;
  if (path.endsWith('/authorize')) return 'Start app-native authentication';
  if (path.endsWith('/authn')) return 'Authenticate the agent';
  if (path.endsWith('/revoke')) return `Revoke the ${req.form?.token_type_hint ?? 'token'}`;
  if (path.endsWith('/token')) {
    if (grant === 'authorization_code') {
      return req.form?.actor_token === undefined
        ? 'Exchange the authorization code'
        : 'Exchange the authorization code with the actor token';
    }
    if (grant === 'organization_switch') return 'Switch organization';
    if (grant === 'refresh_token') return 'Refresh the token';
    if (grant === 'client_credentials') return 'Client credentials';
    return `Token request (${grant ?? 'no grant'})`;
  }
  return `${req.method} ${path}`;
}

/** App-native authentication returns the authorization code in a JSON body: mask it there. */
function maskCodeInBody(body: unknown): unknown {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) return body;
  const out: Record<string, unknown> = { ...(body as Record<string, unknown>) };
  if (typeof out.code === 'string') out.code = `[redacted code len=${out.code.length}]`;
  if (out.authData !== undefined) out.authData = maskCodeInBody(out.authData);
  return out;
}

type NewStep = Omit<TimelineStep, 'flowId' | 'index'>;

/** A step from the HTTP client's exchange record, which is redacted already: stored as it is. */
function exchangeStep(label: string, exchange: HttpExchange, isAuthn: boolean): NewStep {
  const step: NewStep = {
    kind: 'http',
    label,
    startedAt: exchange.startedAt,
    method: exchange.method,
    url: exchange.url,
    attempt: exchange.attempt,
    durationMs: exchange.durationMs,
    requestHeaders: exchange.requestHeaders,
    requestBody: exchange.requestBody,
  };
  if (exchange.status !== undefined) step.status = exchange.status;
  if (exchange.responseHeaders !== undefined) step.responseHeaders = exchange.responseHeaders;
  if (exchange.responseBody !== undefined) {
    step.responseBody = isAuthn ? maskCodeInBody(exchange.responseBody) : exchange.responseBody;
  }
  if (exchange.error !== undefined) step.error = exchange.error;
  return step;
}

/** A class, not a closure bundle: one is made for every flow, so its methods are shared. */
class Timeline implements FlowTimeline {
  readonly flowId: string;
  readonly kind: FlowKind;
  private readonly recorded: TimelineStep[] = [];
  private readonly captured: CapturedStep[] = [];

  constructor(private readonly options: TimelineOptions) {
    this.flowId = options.flowId;
    this.kind = options.kind;
  }

  steps(): TimelineStep[] {
    return this.recorded.map((step) => ({ ...step }));
  }

  transport(http: FlowHttp): Transport {
    return { request: (req) => this.send(http, req) };
  }

  browser(label: string, detail: string, url?: string): void {
    const step: NewStep = { kind: 'browser', label, detail, startedAt: this.now() };
    if (url !== undefined) step.url = url;
    this.add(step);
  }

  note(label: string, detail: string): void {
    this.add({ kind: 'note', label, detail, startedAt: this.now() });
  }

  exportCurl({ reveal }: { reveal: boolean }): string {
    const blocks = [
      ...this.recorded
        .filter((step) => step.kind === 'browser' && step.url !== undefined)
        .map((step) => ({
          index: step.index,
          text: `# ${step.label}: open in a browser\n# ${step.url ?? ''}`,
        })),
      ...this.captured.map((entry) => ({
        index: entry.index,
        text: `# ${entry.label}\n${renderCurl(entry.capture, reveal)}`,
      })),
    ];
    blocks.sort((a, b) => a.index - b.index);
    return blocks.map((block) => block.text).join('\n\n');
  }

  forgetSecrets(): void {
    for (const entry of this.captured) forgetSecrets(entry.capture);
  }

  private async send(http: FlowHttp, req: TransportRequest): Promise<TransportResponse> {
    const label = describeRequest(req);
    const isAuthn = req.url.split('?')[0]?.endsWith('/authn') === true;
    this.captured.push({
      index: this.recorded.length,
      label,
      capture: captureRequest(req, this.options.baseUrl),
    });
    let exchanged = false;
    try {
      return await http.request({
        ...req,
        onExchange: (exchange) => {
          exchanged = true;
          this.add(exchangeStep(label, exchange, isAuthn));
        },
      });
    } catch (error) {
      // Refused before any exchange (e.g. a URL on another origin): still show the attempt.
      if (!exchanged) {
        const info = toFlowError(error);
        this.add({
          kind: 'http',
          label,
          startedAt: this.now(),
          method: req.method,
          requestBody: redact(req.form ?? req.json),
          error: { code: info.kind, message: info.message },
        });
      }
      throw error;
    }
  }

  private add(step: NewStep): void {
    const full: TimelineStep = { flowId: this.flowId, index: this.recorded.length, ...step };
    this.recorded.push(full);
    this.options.emit({ type: 'step', flowId: this.flowId, step: full });
  }

  private now(): string {
    return new Date(this.options.clock()).toISOString();
  }
}

export function createTimeline(options: TimelineOptions): FlowTimeline {
  return new Timeline(options);
}

/** The timelines of recent flows, by flow id; beyond `limit` the oldest is dropped. */
export interface TimelineRegistry {
  start(kind: FlowKind, flowId: string): FlowTimeline;
  get(flowId: string): FlowTimeline | undefined;
  forgetSecrets(): void;
}

export function createTimelineRegistry(options: {
  baseUrl: string;
  clock: () => number;
  emit: FlowEmitter;
  limit?: number;
}): TimelineRegistry {
  const limit = options.limit ?? 50;
  const timelines = new Map<string, FlowTimeline>();
  return {
    start: (kind, flowId) => {
      const timeline = createTimeline({ ...options, kind, flowId });
      timelines.set(flowId, timeline);
      while (timelines.size > limit) {
        const oldest = timelines.keys().next().value;
        if (oldest === undefined) break;
        timelines.delete(oldest);
      }
      return timeline;
    },
    get: (flowId) => timelines.get(flowId),
    forgetSecrets: () => {
      for (const timeline of timelines.values()) timeline.forgetSecrets();
    },
  };
}
