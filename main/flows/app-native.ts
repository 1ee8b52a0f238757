/**
 * App-native (API-based) authentication, as an agent signs in with its id and secret
 * (reference §4): `POST /oauth2/authorize` with `response_mode=direct` opens a flow, and
 * `POST /oauth2/authn` answers the username & password step. Each request is paired with
 * the check of its response; failures keep the server's own messages.
 */
import { z } from 'zod';
import { mapTransportError } from '../wso2/errors';
import { parseResponse } from '../wso2/schema';
import type { Transport, TransportRequest, TransportResponse } from '../wso2/transport';
import { FlowFailure } from './errors';
import type { ServerMessage } from './types';

/** WSO2's id of the username & password authenticator: base64("BasicAuthenticator:LOCAL"). */
export const BASIC_AUTHENTICATOR_ID = 'QmFzaWNBdXRoZW50aWNhdG9yOkxPQ0FM';

const messageSchema = z.looseObject({
  type: z.string().optional(),
  messageId: z.string().optional(),
  message: z.string().optional(),
  i18nKey: z.string().optional(),
  context: z.array(z.looseObject({ key: z.string(), value: z.string() })).optional(),
});
type FlowMessage = z.infer<typeof messageSchema>;

const authResponseSchema = z.looseObject({
  flowId: z.string().min(1),
  flowStatus: z.string(),
  nextStep: z
    .looseObject({
      stepType: z.string().optional(),
      authenticators: z
        .array(
          z.looseObject({
            authenticatorId: z.string().min(1),
            requiredParams: z.array(z.string()).optional(),
          }),
        )
        .optional(),
      messages: z.array(messageSchema).optional(),
    })
    .optional(),
});

const authorizationSchema = z.looseObject({
  code: z.string().min(1),
  state: z.string().optional(),
});

export interface AppNativeStart {
  clientId: string;
  redirectUri: string;
  scopes: readonly string[];
  state: string;
  codeChallenge: string;
  resource?: string;
}

export interface AppNativeFlow {
  flowId: string;
  authenticatorId: string;
}

async function send(transport: Transport, request: TransportRequest): Promise<TransportResponse> {
  try {
    return await transport.request(request);
  } catch (error) {
    throw mapTransportError(error, 'api');
  }
}

/** Opens the flow and picks the username & password step. */
export async function startAppNativeFlow(
  transport: Transport,
  basePath: string,
  start: AppNativeStart,
): Promise<AppNativeFlow> {
  const form: Record<string, string> = {
    client_id: start.clientId,
    response_type: 'code',
    redirect_uri: start.redirectUri,
    scope: start.scopes.join(' '),
    response_mode: 'direct',
    state: start.state,
    code_challenge: start.codeChallenge,
    code_challenge_method: 'S256',
  };
  if (start.resource !== undefined) form.resource = start.resource;
  const response = await send(transport, {
    method: 'POST',
    url: `${basePath}/authorize`,
    headers: { Accept: 'application/json' },
    form,
  });

  const body = parseResponse(authResponseSchema, response.body, 'app-native authorize');
  const basic = body.nextStep?.authenticators?.find(
    (a) =>
      a.authenticatorId === BASIC_AUTHENTICATOR_ID ||
      (a.requiredParams?.includes('username') === true && a.requiredParams.includes('password')),
  );
  if (basic === undefined) {
    throw new FlowFailure(
      'unexpected_response',
      'The server offers no username & password step for this application.',
    );
  }
  return { flowId: body.flowId, authenticatorId: basic.authenticatorId };
}

/** Submits the agent's id and secret; resolves with the authorization code. */
export async function submitCredentials(
  transport: Transport,
  basePath: string,
  flow: AppNativeFlow,
  credentials: { username: string; password: string; expectedState: string },
): Promise<string> {
  const response = await send(transport, {
    method: 'POST',
    url: `${basePath}/authn`,
    json: {
      flowId: flow.flowId,
      selectedAuthenticator: {
        authenticatorId: flow.authenticatorId,
        params: { username: credentials.username, password: credentials.password },
      },
    },
  });

  // IS answers the bare protocol response, or wraps it as `authData`; both are read.
  const raw = response.body;
  const wrapped =
    raw !== null && typeof raw === 'object' && 'authData' in raw ? raw.authData : undefined;
  const direct = authorizationSchema.safeParse(raw);
  const success = direct.success ? direct.data : authorizationSchema.safeParse(wrapped).data;
  if (success !== undefined) {
    if (success.state !== undefined && success.state !== credentials.expectedState) {
      throw new FlowFailure(
        'callback_rejected',
        'The response belongs to another sign-in attempt.',
      );
    }
    return success.code;
  }
  throw failureOf(parseResponse(authResponseSchema, raw, 'app-native authn'));
}

function contextValue(message: FlowMessage, key: string): string | undefined {
  return message.context?.find((entry) => entry.key === key)?.value;
}

function failureOf(body: z.infer<typeof authResponseSchema>): FlowFailure {
  const messages = body.nextStep?.messages ?? [];
  const server = {
    messages: messages.map((m): ServerMessage => {
      const out: ServerMessage = {};
      if (m.messageId !== undefined) out.messageId = m.messageId;
      if (m.message !== undefined) out.message = m.message;
      if (m.i18nKey !== undefined) out.i18nKey = m.i18nKey;
      return out;
    }),
  };
  const first = messages[0];
  const text = first?.message ?? `Authentication did not complete (${body.flowStatus}).`;
  const locked = messages.some((m) => /lock/i.test(`${m.messageId ?? ''} ${m.i18nKey ?? ''}`));
  if (locked) return new FlowFailure('account_locked', text, { server });

  const remaining = messages
    .map((m) => Number.parseInt(contextValue(m, 'remainingAttempts') ?? '', 10))
    .find((n) => Number.isInteger(n) && n >= 0);
  return new FlowFailure(
    'authentication_failed',
    text,
    remaining === undefined ? { server } : { server, remainingAttempts: remaining },
  );
}
