/** The masked hint shown for a stored secret: never more than its last four characters. */
import type { SecretPresence } from './types';

/** Below this length even four characters give too much away, so only the length is shown. */
const MIN_LENGTH_FOR_SUFFIX = 12;

export function presenceOf(value: string | undefined): SecretPresence {
  if (value === undefined || value === '') return { set: false };
  if (value.length < MIN_LENGTH_FOR_SUFFIX)
    return { set: true, hint: `${value.length} characters` };
  return { set: true, hint: `••••${value.slice(-4)}` };
}
