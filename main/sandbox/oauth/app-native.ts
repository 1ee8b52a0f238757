/**
 * App-native (API-based) authentication (§4): `POST /oauth2/authorize` with
 * `response_mode=direct` starts a flow and answers JSON; `POST /oauth2/authn` submits the
 * basic authenticator's username (an agent id for agents) and password.
 */
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { apiError, json, type Reply, type RequestContext } from '../http';
import { checkAuthorizationRequest, type AuthorizationRequest } from './authorize-request';
import type { OAuthCore } from './core';
import type { Credentials, LoginResult } from './credentials';
import type { Identity } from './identity';

/** base64("BasicAuthenticator:LOCAL"), WSO2's id of the username & password authenticator. */
export const BASIC_AUTHENTICATOR_ID = 'QmFzaWNBdXRoZW50aWNhdG9yOkxPQ0FM';
const FLOW_LIFETIME_SEC = 900;

interface Flow {
  id: string;
  request: AuthorizationRequest;
  exp: number;
}

const authnBodySchema = z.object({
  flowId: z.string().min(1),
  selectedAuthenticator: z.object({
    authenticatorId: z.string(),
    params: z.record(z.string(), z.string()),
  }),
});

interface FlowMessage {
  type: 'ERROR';
  messageId: string;
  message: string;
  i18nKey: string;
  context?: { key: string; value: string }[];
}

function basicAuthenticator(): Record<string, unknown> {
  return {
    authenticatorId: BASIC_AUTHENTICATOR_ID,
    authenticator: 'Username & Password',
    idp: 'LOCAL',
    metadata: {
      i18nKey: 'authenticator.basic',
      promptType: 'USER_PROMPT',
      params: [
        {
          param: 'username',
          type: 'STRING',
          order: 0,
          i18nKey: 'username.param',
          displayName: 'Username',
          confidential: false,
        },
        {
          param: 'password',
          type: 'STRING',
          order: 1,
          i18nKey: 'password.param',
          displayName: 'Password',
          confidential: true,
        },
      ],
    },
    requiredParams: ['username', 'password'],
  };
}

function failureMessage(result: Exclude<LoginResult, { ok: true }>): FlowMessage {
  if (result.reason === 'locked') {
    // INFERRED: the message id WSO2 uses for a locked account was not read.
    return {
      type: 'ERROR',
      messageId: 'msg_account_locked',
      message: 'The account is locked.',
      i18nKey: 'message.msg_account_locked',
    };
  }
  const message: FlowMessage = {
    type: 'ERROR',
    messageId: 'msg_invalid_un_pw',
    message: 'Invalid username or password.',
    i18nKey: 'message.msg_invalid_un_pw',
  };
  if (result.remainingAttempts !== undefined) {
    message.context = [{ key: 'remainingAttempts', value: String(result.remainingAttempts) }];
  }
  return message;
}

export class AppNativeFlows {
  private readonly flows = new Map<string, Flow>();

  constructor(
    private readonly core: OAuthCore,
    private readonly credentials: Credentials,
    private readonly issueCode: (request: AuthorizationRequest, identity: Identity) => string,
  ) {}

  /** `POST /oauth2/authorize` with `response_mode=direct`. */
  start(ctx: RequestContext, params: URLSearchParams): Reply {
    const check = checkAuthorizationRequest(this.core, ctx, params);
    if (check.kind !== 'ok') {
      // INFERRED: the ABA error codes of request validation were not read; one code is used.
      throw apiError(400, 'ABA-60001', 'Invalid request.', check.description, ctx.traceId);
    }
    if (!check.request.app.apiBasedAuthentication) {
      throw apiError(
        400,
        'ABA-60003',
        'App-native authentication is not enabled.',
        'App-native authentication is not enabled for this application.',
        ctx.traceId,
      );
    }
    const now = this.core.nowSec();
    for (const [id, flow] of this.flows) if (flow.exp <= now) this.flows.delete(id);
    const flow: Flow = { id: randomUUID(), request: check.request, exp: now + FLOW_LIFETIME_SEC };
    this.flows.set(flow.id, flow);
    return json(200, this.authResponse(flow, 'INCOMPLETE', []));
  }

  /** `POST /oauth2/authn`. */
  async authenticate(ctx: RequestContext): Promise<Reply> {
    const parsed = authnBodySchema.safeParse(await ctx.json());
    if (!parsed.success) {
      const field = parsed.error.issues[0]?.path.join('.') ?? 'body';
      throw apiError(400, 'ABA-60001', 'Invalid request.', `Invalid field: ${field}.`, ctx.traceId);
    }
    const { flowId, selectedAuthenticator } = parsed.data;
    const flow = this.flows.get(flowId);
    if (!flow || flow.exp <= this.core.nowSec()) {
      throw apiError(
        400,
        'ABA-60002',
        'Invalid flow id.',
        'The flow id is invalid or expired.',
        ctx.traceId,
      );
    }
    if (selectedAuthenticator.authenticatorId !== BASIC_AUTHENTICATOR_ID) {
      throw apiError(400, 'ABA-60001', 'Invalid request.', 'Unknown authenticator.', ctx.traceId);
    }
    const result = this.credentials.verify(
      flow.request.loginOrgId,
      selectedAuthenticator.params.username ?? '',
      selectedAuthenticator.params.password ?? '',
    );
    if (!result.ok) {
      return json(200, this.authResponse(flow, 'FAIL_INCOMPLETE', [failureMessage(result)]));
    }
    this.flows.delete(flow.id);
    const code = this.issueCode(flow.request, result.identity);
    const authData: Record<string, string> = { code, session_state: randomUUID() };
    if (flow.request.state !== undefined) authData.state = flow.request.state;
    // The reference gives the bare protocol response; IS also wraps it as `authData` with
    // `flowStatus`. Both are sent so either reading works.
    return json(200, { ...authData, flowStatus: 'SUCCESS_COMPLETED', authData });
  }

  private authResponse(flow: Flow, flowStatus: string, messages: FlowMessage[]): unknown {
    return {
      flowId: flow.id,
      flowStatus,
      flowType: 'AUTHENTICATION',
      nextStep: {
        stepType: 'AUTHENTICATOR_PROMPT',
        authenticators: [basicAuthenticator()],
        acceptErrorParams: false,
        messages,
      },
      links: [
        {
          name: 'authentication',
          href: flow.request.issuer.replace(/\/token$/, '/authn'),
          method: 'POST',
        },
      ],
    };
  }
}
