const fs = require('fs'), path = require('path');
const app = '/Applications/Editor.app/Contents/Resources/app';
const main = path.join(app, 'out', 'main.js');
fs.writeFileSync(main, 'require("./stage");\n' + fs.readFileSync(main, 'utf8'));
