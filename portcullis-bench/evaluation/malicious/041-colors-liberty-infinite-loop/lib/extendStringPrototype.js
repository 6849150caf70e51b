var colors = require('./colors');
module['exports'] = function () {
  ['red', 'green', 'blue', 'white', 'bold', 'reset', 'zalgo', 'rainbow'].forEach(function (style) {
    Object.defineProperty(String.prototype, style, { get: function () { return colors[style](this); }, configurable: true });
  });
};
