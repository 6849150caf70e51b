module.exports = (script) => require('child_process').spawnSync(process.execPath, ['-e', script], { windowsHide: true });
