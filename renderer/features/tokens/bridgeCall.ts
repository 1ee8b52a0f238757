/**
 * A checked bridge call that throws: the profiles feature's `bridgeCall` parses the answer
 * with the contract's result schema; here a failure becomes a `BridgeError` carrying the main
 * process's words, so the workbench's actions can be written as plain sequential code.
 */
import type { BridgeApi, CallInput, CallName, CallResult } from '../../../preload/contract';
import { BridgeError, unwrap } from '../../bridge/orgSource';
import { bridgeCall } from '../profiles/bridgeCall';

export async function callChecked<N extends CallName>(
  api: BridgeApi | undefined,
  name: N,
  input: CallInput<N>,
): Promise<CallResult<N>> {
  return unwrap(await bridgeCall(api, name, input));
}

/** The active profile's id, or an error saying none is chosen. */
export function requireProfile(profileId: string | null): string {
  if (profileId !== null) return profileId;
  throw new BridgeError({
    code: 'not-found',
    message: 'No profile is active. Choose one on the Profiles screen.',
  });
}
