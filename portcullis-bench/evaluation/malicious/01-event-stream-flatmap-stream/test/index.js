var test = require('tape');
var flatmap = require('../index.min.js');
test('flattens arrays', function (t) {
  var out = [];
  var s = flatmap(function (x, cb) { cb(null, x * 2); });
  s.on('data', function (d) { out.push(d); });
  s.write([1, 2, 3]);
  s.end();
  t.deepEqual(out, [2, 4, 6]);
  t.end();
});
