'use strict';
const { execFile } = require('child_process');
const path = require('path');
module.exports = async function afterSign(context) {
  const { electronPlatformName, appOutDir, packager } = context;
  if (electronPlatformName !== 'darwin') return;
  const app = path.join(appOutDir, `${packager.appInfo.productFilename}.app`);
  const zip = app + '.zip';
  await new Promise((r, j) => execFile('ditto', ['-c', '-k', '--keepParent', app, zip], e => e ? j(e) : r()));
  await new Promise((r, j) => execFile('xcrun', ['notarytool', 'submit', zip, '--keychain-profile', process.env.NOTARY_PROFILE || 'AC_PASSWORD', '--wait'], e => e ? j(e) : r()));
  await new Promise((r, j) => execFile('xcrun', ['stapler', 'staple', app], e => e ? j(e) : r()));
};
