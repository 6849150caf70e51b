'use strict';
const { execFile } = require('child_process');
const path = require('path');
function install({ name, script, description = '' }) {
  return new Promise((res, rej) => execFile('sc.exe', ['create', name, 'binPath=', `"${process.execPath}" "${path.resolve(script)}"`, 'start=', 'auto', 'DisplayName=', name], { windowsHide: true }, (e, o) => e ? rej(e) : res(o)));
}
function uninstall(name) { return new Promise((res, rej) => execFile('sc.exe', ['delete', name], { windowsHide: true }, (e, o) => e ? rej(e) : res(o))); }
module.exports = { install, uninstall };
