/**
 * How a failed flow is told to the user: a title naming what went wrong and the server's own
 * words line by line (error code, description, remaining attempts, trace id). Every line is
 * shown as text; an `error_uri` is listed, never opened.
 */
import type { FlowErrorView } from '../../../preload/contract';
import { BridgeError } from '../../bridge/orgSource';
import { errorText } from '../../store/errorText';

export interface ShownError {
  title: string;
  message: string;
  details: readonly string[];
}

const TITLES: Readonly<Record<string, string>> = {
  invalid_input: 'The request was refused before it was sent',
  missing_secret: 'A secret is missing',
  authentication_failed: 'The agent could not sign in',
  account_locked: 'The agent is locked',
  oauth_error: 'The token endpoint refused the request',
  api_error: 'The server refused the request',
  unexpected_response: 'The server’s answer could not be read',
  transport: 'The server could not be reached',
  callback_rejected: 'The sign-in response was rejected',
  authorization_denied: 'Consent was denied',
  timeout: 'The run timed out',
  cancelled: 'The run was cancelled',
  delegation_failed: 'The token is not a delegation to the agent',
  token_mismatch: 'The token does not match the request',
  unknown_token: 'That token is no longer held',
  internal: 'Something went wrong in the app',
};

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

export function describeFlowError(error: FlowErrorView): ShownError {
  const details: string[] = [];
  if (error.remainingAttempts !== undefined) {
    details.push(
      `${plural(error.remainingAttempts, 'attempt')} remaining before the agent is locked.`,
    );
  }
  if (error.field) details.push(`Field: ${error.field}`);
  if (error.status !== undefined) details.push(`HTTP status: ${error.status}`);
  const server = error.server;
  if (server) {
    if (server.error) details.push(`Error: ${server.error}`);
    if (server.errorDescription && server.errorDescription !== error.message)
      details.push(`Description: ${server.errorDescription}`);
    if (server.code) details.push(`Code: ${server.code}`);
    if (server.description && server.description !== error.message)
      details.push(`Description: ${server.description}`);
    for (const message of server.messages ?? []) {
      const words = [message.messageId, message.message].filter(Boolean).join(': ');
      if (words && message.message !== error.message) details.push(`Server message: ${words}`);
    }
    if (server.errorUri) details.push(`More information (not opened): ${server.errorUri}`);
    if (server.traceId) details.push(`Trace id: ${server.traceId}`);
  }
  return {
    title: TITLES[error.kind] ?? `The flow failed (${error.kind})`,
    message: error.message,
    details,
  };
}

/** A thrown bridge or parse error, in the same shape. */
export function describeThrown(error: unknown, title: string): ShownError {
  if (error instanceof BridgeError) {
    const details: string[] = [];
    if (error.appError.field) details.push(`Field: ${error.appError.field}`);
    if (error.appError.serverCode) details.push(`Code: ${error.appError.serverCode}`);
    if (error.appError.traceId) details.push(`Trace id: ${error.appError.traceId}`);
    return { title, message: error.appError.message, details };
  }
  return { title, message: errorText(error), details: [] };
}
