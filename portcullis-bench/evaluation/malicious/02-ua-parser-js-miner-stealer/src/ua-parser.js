/*!@license
 * UAParser.js v0.7.29
 * Lightweight JavaScript-based User-Agent string parser
 */
(function (window, undefined) {
    'use strict';
    var LIBVERSION = '0.7.29', EMPTY = '', UNKNOWN = '?', FUNC_TYPE = 'function', UNDEF_TYPE = 'undefined',
        OBJ_TYPE = 'object', STR_TYPE = 'string', MAJOR = 'major', MODEL = 'model', NAME = 'name', TYPE = 'type',
        VENDOR = 'vendor', VERSION = 'version';
    var regexes = {
        browser : [[/(opera\smini)\/([\w\.-]+)/i], [NAME, VERSION],
                   [/(chrome)\/v?([\w\.]+)/i], [NAME, VERSION]]
    };
    var rgxMapper = function (ua, arrays) {
        var i = 0, j, k, p, q, matches, match;
        while (i < arrays.length && !matches) {
            var regex = arrays[i], props = arrays[i + 1];
            j = k = 0;
            while (j < regex.length && !matches) {
                matches = regex[j++].exec(ua);
                if (!!matches) {
                    for (p = 0; p < props.length; p++) {
                        match = matches[++k];
                        this[props[p]] = match ? match : undefined;
                    }
                }
            }
            i += 2;
        }
    };
    var UAParser = function (ua) {
        var _ua = ua || ((typeof window !== UNDEF_TYPE && window.navigator && window.navigator.userAgent) ? window.navigator.userAgent : EMPTY);
        this.getBrowser = function () {
            var browser = { name: undefined, version: undefined };
            rgxMapper.call(browser, _ua, regexes.browser);
            return browser;
        };
        this.getUA = function () { return _ua; };
        return this;
    };
    UAParser.VERSION = LIBVERSION;
    if (typeof exports !== UNDEF_TYPE) {
        if (typeof module !== UNDEF_TYPE && module.exports) {
            exports = module.exports = UAParser;
        }
        exports.UAParser = UAParser;
    }
})(typeof window === 'object' ? window : this);
