var colors = require('./colors');
module['exports'] = function() {
  var addProperty = function(color, func) {
    String.prototype.__defineGetter__(color, func);
  };
  addProperty('zalgo', function() { return colors.zalgo(this); });
  addProperty('yellow', function() { return colors.stylize(this, 'yellow'); });
  addProperty('america', function() { return colors.stylize(this, 'red'); });
};
