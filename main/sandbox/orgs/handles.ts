/**
 * Organization handles. WSO2 (IS > 7.1) derives a handle from the name when none is given
 * (`ABC Builders` → `abcbuilders`) and falls back to the organization id when nothing usable
 * is left; handles are unique and never change.
 */

/** Lower-case letters and digits of the name, accents folded; '' when none remain. */
export function handleFromName(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}

/** `base`, or `base2`, `base3`, … — the first one nobody holds yet. */
export function uniqueHandle(base: string, isTaken: (handle: string) => boolean): string {
  if (!isTaken(base)) return base;
  for (let n = 2; ; n++) {
    const candidate = `${base}${n}`;
    if (!isTaken(candidate)) return candidate;
  }
}

const HANDLE = /^[a-z0-9][a-z0-9.-]{0,254}$/;

/** Handles a client may choose: lower-case letters, digits, dots and dashes. */
export function isValidHandle(handle: string): boolean {
  return HANDLE.test(handle);
}
