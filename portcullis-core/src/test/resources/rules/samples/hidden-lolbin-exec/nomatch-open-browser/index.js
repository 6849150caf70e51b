// opening a URL the way browser launchers do: visible, not detached
const { spawn } = require('child_process');
module.exports = (url) => spawn('rundll32', ['url.dll,FileProtocolHandler', url], { stdio: 'inherit' });
