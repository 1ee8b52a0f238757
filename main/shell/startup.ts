/** Start-up checks of the Electron shell. */

/** Debugging switches that would let another process drive or inspect the app. */
const FORBIDDEN_SWITCHES = [
  '--remote-debugging-port',
  '--remote-debugging-pipe',
  '--inspect',
  '--inspect-brk',
  '--inspect-port',
  '--js-flags',
];

/** The first forbidden switch in argv, if any (the packaged app refuses to start with one). */
export function forbiddenSwitch(argv: readonly string[]): string | undefined {
  for (const arg of argv) {
    const name = arg.split('=')[0]!.toLowerCase();
    if (FORBIDDEN_SWITCHES.includes(name)) return name;
  }
  return undefined;
}
