var nonASCII = '\u00aa\u00b5\u00ba\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u02c1\u02c6-\u02d1';
var re = new RegExp('[' + nonASCII + ']');
var global = Function('return this')();
module.exports = { re: re, global: global };
