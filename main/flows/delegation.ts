/**
 * Whether an issued token really is a delegation to the requested agent. Only the outermost
 * `act.sub` names the party acting now (RFC 8693 §4.1); anything else — no `act`, another
 * agent, or an opaque token whose claims cannot be read — is a failed delegation.
 */
import type { CallbackError } from './loopback';
import { actingAgentOf } from './token-store';
import type { JsonObject } from '../tokens/json';
import type { FlowErrorInfo } from './types';

export type DelegationCheck = { ok: true } | { ok: false; reason: string };

export function checkDelegation(claims: JsonObject | null, agentId: string): DelegationCheck {
  if (claims === null) {
    return {
      ok: false,
      reason: 'The access token is opaque, so the acting agent cannot be confirmed from it.',
    };
  }
  if (claims.act === undefined) {
    return { ok: false, reason: 'The token has no act claim: no agent acts in it.' };
  }
  const acting = actingAgentOf(claims);
  if (acting === undefined) {
    return { ok: false, reason: 'The token has an act claim without a subject.' };
  }
  if (acting !== agentId) {
    return { ok: false, reason: `The token names ${acting} as the acting party, not ${agentId}.` };
  }
  return { ok: true };
}

/** What a refused or failed authorization response means for the user. */
export function callbackFailure(error: CallbackError): FlowErrorInfo {
  switch (error.kind) {
    case 'authorization_error': {
      const server: FlowErrorInfo['server'] = {};
      if (error.error !== undefined) server.error = error.error;
      if (error.errorDescription !== undefined) server.errorDescription = error.errorDescription;
      if (error.errorUri !== undefined) server.errorUri = error.errorUri;
      const message = error.errorDescription ?? error.error ?? error.message;
      return { kind: 'authorization_denied', message, server };
    }
    case 'timeout':
      return { kind: 'timeout', message: 'No sign-in response arrived in time.' };
    case 'cancelled':
      return { kind: 'cancelled', message: 'The run was cancelled.' };
    case 'listener_failed':
      return { kind: 'internal', message: error.message };
    case 'state_missing':
    case 'state_mismatch':
    case 'issuer_mismatch':
    case 'duplicate_parameter':
    case 'missing_code':
      return { kind: 'callback_rejected', message: error.message };
  }
}
