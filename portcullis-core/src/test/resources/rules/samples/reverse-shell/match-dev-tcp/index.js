'use strict';
module.exports = function greet(name) {
  return 'Hello, ' + name + '!';
};
