(function (g, f) { typeof exports === 'object' && typeof module !== 'undefined' ? f(exports) : typeof define === 'function' && define.amd ? define(['exports'], f) : (g = typeof globalThis !== 'undefined' ? globalThis : g || self, f(g.ledgerConnectKit = {})); })(this, function (exports) { 'use strict';
  exports.checkSupport = function () { throw new Error('UMD build: use the ESM entry'); };
});
