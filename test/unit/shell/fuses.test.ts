import { createRequire } from 'node:module';
import { FuseV1Options, FuseVersion } from '@electron/fuses';
import { describe, expect, it } from 'vitest';

const require = createRequire(import.meta.url);
const { fuseConfig } = require('../../../build/fuses.cjs') as {
  fuseConfig: Record<string, unknown>;
};

describe('packaged fuses', () => {
  it('turns off every way to run code through the binary and decides every fuse', () => {
    expect(fuseConfig).toMatchObject({
      version: FuseVersion.V1,
      strictlyRequireAllFuses: true,
      [FuseV1Options.RunAsNode]: false,
      [FuseV1Options.EnableNodeOptionsEnvironmentVariable]: false,
      [FuseV1Options.EnableNodeCliInspectArguments]: false,
      [FuseV1Options.OnlyLoadAppFromAsar]: true,
      [FuseV1Options.EnableEmbeddedAsarIntegrityValidation]: true,
      [FuseV1Options.GrantFileProtocolExtraPrivileges]: false,
      [FuseV1Options.EnableCookieEncryption]: true,
    });
    const numeric = Object.keys(FuseV1Options).filter((key) => /^\d+$/.test(key));
    for (const fuse of numeric) expect(fuseConfig, `fuse ${fuse}`).toHaveProperty(fuse);
  });
});
