import { describe, expect, it } from 'vitest';
import { forbiddenSwitch } from '../../../main/shell/startup';

describe('start-up switches', () => {
  it('refuses remote debugging and inspector switches', () => {
    expect(forbiddenSwitch(['/app/sharedesk', '--remote-debugging-port=9222'])).toBe(
      '--remote-debugging-port',
    );
    expect(forbiddenSwitch(['/app/sharedesk', '--INSPECT=0.0.0.0:9229'])).toBe('--inspect');
    expect(forbiddenSwitch(['/app/sharedesk', '--remote-debugging-pipe'])).toBe(
      '--remote-debugging-pipe',
    );
  });

  it('accepts ordinary arguments', () => {
    expect(forbiddenSwitch(['/app/sharedesk', '--enable-logging', 'file.txt'])).toBeUndefined();
  });
});
