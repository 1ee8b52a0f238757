/**
 * One bridge call with its answer checked: the envelope's shape, the error's shape, and the
 * value against the contract's result schema. The renderer treats the bridge's answers as
 * untrusted input like any other boundary, so a malformed answer becomes a typed error rather
 * than a crash deep inside a component.
 */
import {
  appError,
  calls,
  describeIssue,
  type AppError,
  type BridgeApi,
  type CallInput,
  type CallName,
  type CallResult,
  type Envelope,
} from '../../../preload/contract';
import { errorText } from '../../store/errorText';

function failure(code: AppError['code'], message: string): { ok: false; error: AppError } {
  return { ok: false, error: { code, message } };
}

export async function bridgeCall<N extends CallName>(
  api: BridgeApi | undefined,
  name: N,
  input: CallInput<N>,
): Promise<Envelope<CallResult<N>>> {
  if (!api) return failure('offline', 'ShareDesk is running without its main process.');
  const send = api[name] as (input: CallInput<N>) => Promise<unknown>;
  let raw: unknown;
  try {
    raw = await send(input);
  } catch (error) {
    return failure('internal', errorText(error));
  }
  if (typeof raw !== 'object' || raw === null || !('ok' in raw)) {
    return failure('internal', `The answer to ${name} was not an envelope.`);
  }
  if (raw.ok !== true) {
    const parsed = appError.safeParse('error' in raw ? raw.error : undefined);
    return parsed.success
      ? { ok: false, error: parsed.data }
      : failure('internal', `The error from ${name} was malformed.`);
  }
  const parsed = calls[name].result.safeParse('value' in raw ? raw.value : undefined);
  if (!parsed.success) {
    const issue = describeIssue(parsed.error);
    return failure('internal', `Unexpected data from ${name}: ${issue.message}`);
  }
  return { ok: true, value: parsed.data as CallResult<N> };
}
