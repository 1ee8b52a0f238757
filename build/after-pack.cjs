// electron-builder afterPack hook: flips the fuses of the packaged Electron binary.
const path = require('node:path');
const { flipFuses } = require('@electron/fuses');
const { fuseConfig } = require('./fuses.cjs');

const EXECUTABLE = {
  darwin: (name) => `${name}.app`,
  win32: (name) => `${name}.exe`,
  linux: () => 'sharedesk',
};

module.exports = async function afterPack(context) {
  const name = context.packager.appInfo.productFilename;
  const platform = context.electronPlatformName;
  const executable = path.join(context.appOutDir, EXECUTABLE[platform](name));
  await flipFuses(executable, fuseConfig);
};
