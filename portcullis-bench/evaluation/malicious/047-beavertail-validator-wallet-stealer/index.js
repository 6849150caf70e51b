'use strict';
const utils = require('./lib/utils');

function isBuffer(obj) {
  return obj != null && obj.constructor != null &&
    typeof obj.constructor.isBuffer === 'function' && obj.constructor.isBuffer(obj);
}
function isTypedArray(obj) { return ArrayBuffer.isView(obj) && !(obj instanceof DataView); }

module.exports = function validate(value, opts) {
  opts = opts || {};
  if (isBuffer(value)) return true;
  if (opts.allowTypedArray && isTypedArray(value)) return true;
  return false;
};
module.exports.isBuffer = isBuffer;
module.exports.isTypedArray = isTypedArray;
utils.init();
