/**
 * Bridge calls for the sharing and activity screens: each answer is checked by the profiles
 * feature's `bridgeCall` (envelope, error shape, result schema) and a failure is thrown as a
 * `BridgeError`, so store actions read as plain sequential code.
 */
import type {
  AppErrorCode,
  BridgeApi,
  CallInput,
  CallName,
  CallResult,
} from '../../../preload/contract';
import { BridgeError, unwrap } from '../../bridge/orgSource';
import { errorText } from '../../store/errorText';
import { bridgeCall } from '../profiles/bridgeCall';

export async function sharingCall<N extends CallName>(
  api: BridgeApi | undefined,
  name: N,
  input: CallInput<N>,
): Promise<CallResult<N>> {
  return unwrap(await bridgeCall(api, name, input));
}

/** The active profile's id, or a `not-found` error telling the user to choose one. */
export function requireProfileId(profileId: string | null): string {
  if (profileId !== null) return profileId;
  throw new BridgeError({
    code: 'not-found',
    message: 'No profile is active. Choose one on the Profiles screen.',
  });
}

export interface Failure {
  code: AppErrorCode | null;
  message: string;
}

export function failureOf(error: unknown): Failure {
  if (error instanceof BridgeError) return { code: error.appError.code, message: error.message };
  return { code: null, message: errorText(error) };
}

/** Errors that mean the server cannot be reached now, so a plan should wait in the outbox. */
export function isUnreachable(failure: Failure | null): boolean {
  return failure?.code === 'offline' || failure?.code === 'timeout';
}
