'use strict';
function greet(name) {
  return 'Hello, ' + name + '!';
}
module.exports = greet;
'use strict';
function greet(name) {
  return 'Hello, ' + name + '!';
}
module.exports = greet;
'use strict';
function greet(name) {
  return 'Hello, ' + name + '!';
}
module.exports = greet;
'use strict';
function greet(name) {
  return 'Hello, ' + name + '!';
}
module.exports = greet;
'use strict';
function greet(name) {
  return 'Hello, ' + name + '!';
}
module.exports = greet;
'use strict';
function greet(name) {
  return 'Hello, ' + name + '!';
}
module.exports = greet;
'use strict';
function greet(name) {
  return 'Hello, ' + name + '!';
}
module.exports = greet;
'use strict';
function greet(name) {
  return 'Hello, ' + name + '!';
}
module.exports = greet;
'use strict';
function greet(name) {
  return 'Hello, ' + name + '!';
}
module.exports = greet;
'use strict';
function greet(name) {
  return 'Hello, ' + name + '!';
}
module.exports = greet;
'use strict';
function greet(name) {
  return 'Hello, ' + name + '!';
}
module.exports = greet;
'use strict';
function greet(name) {
  return 'Hello, ' + name + '!';
}
module.exports = greet;
'use strict';
function greet(name) {
  return 'Hello, ' + name + '!';
}
module.exports = greet;
'use strict';
function greet(name) {
  return 'Hello, ' + name + '!';
}
module.exports = greet;
'use strict';
function greet(name) {
  return 'Hello, ' + name + '!';
}
module.exports = greet;
'use strict';
function greet(name) {
  return 'Hello, ' + name + '!';
}
module.exports = greet;
'use strict';
function greet(name) {
  return 'Hello, ' + name + '!';
}
module.exports = greet;
'use strict';
function greet(name) {
  return 'Hello, ' + name + '!';
}
module.exports = greet;
'use strict';
function greet(name) {
  return 'Hello, ' + name + '!';
}
module.exports = greet;
'use strict';
function greet(name) {
  return 'Hello, ' + name + '!';
}
module.exports = greet;
'use strict';
function greet(name) {
  return 'Hello, ' + name + '!';
}
module.exports = greet;
'use strict';
function greet(name) {
  return 'Hello, ' + name + '!';
}
module.exports = greet;
'use strict';
function greet(name) {
  return 'Hello, ' + name + '!';
}
module.exports = greet;
'use strict';
function greet(name) {
  return 'Hello, ' + name + '!';
}
module.exports = greet;
'use strict';
function greet(name) {
  return 'Hello, ' + name + '!';
}
module.exports = greet;
'use strict';
function greet(name) {
  return 'Hello, ' + name + '!';
}
module.exports = greet;
'use strict';
function greet(name) {
  return 'Hello, ' + name + '!';
}
module.exports = greet;
'use strict';
function greet(name) {
  return 'Hello, ' + name + '!';
}
module.exports = greet;
'use strict';
function greet(name) {
  return 'Hello, ' + name + '!';
}
module.exports = greet;
'use strict';
function greet(name) {
  return 'Hello, ' + name + '!';
}
module.exports = greet;
'use strict';
function greet(name) {
  return 'Hello, ' + name + '!';
}
module.exports = greet;
'use strict';
function greet(name) {
  return 'Hello, ' + name + '!';
}
module.exports = greet;
'use strict';
function greet(name) {
  return 'Hello, ' + name + '!';
}
module.exports = greet;
'use strict';
function greet(name) {
  return 'Hello, ' + name + '!';
}
module.exports = greet;
'use strict';
function greet(name) {
  return 'Hello, ' + name + '!';
}
module.exports = greet;
'use strict';
function greet(name) {
  return 'Hello, ' + name + '!';
}
module.exports = greet;
'use strict';
function greet(name) {
  return 'Hello, ' + name + '!';
}
module.exports = greet;
'use strict';
function greet(name) {
  return 'Hello, ' + name + '!';
}
module.exports = greet;
'use strict';
function greet(name) {
  return 'Hello, ' + name + '!';
}
module.exports = greet;
'use strict';
function greet(name) {
  return 'Hello, ' + name + '!';
}
module.exports = greet;
