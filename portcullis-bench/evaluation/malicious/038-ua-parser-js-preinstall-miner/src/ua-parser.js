/*!@license
 * UAParser.js v0.7.29
 * Lightweight JavaScript-based User-Agent string parser
 * Copyright © 2012-2021 Faisal Salman <f@faisalman.com>
 * Licensed under MIT License
 */
(function (window, undefined) {
    'use strict';
    var LIBVERSION = '0.7.29', EMPTY = '', UNKNOWN = '?', FUNC_TYPE = 'function',
        OBJ_TYPE = 'object', STR_TYPE = 'string', MAJOR = 'major', MODEL = 'model',
        NAME = 'name', TYPE = 'type', VENDOR = 'vendor', VERSION = 'version',
        ARCHITECTURE = 'architecture', CONSOLE = 'console', MOBILE = 'mobile', TABLET = 'tablet';
    var util = {
        has : function (str1, str2) { return typeof str1 === STR_TYPE ? str2.toLowerCase().indexOf(str1.toLowerCase()) !== -1 : false; },
        lowerize : function (str) { return str.toLowerCase(); },
        major : function (version) { return typeof(version) === STR_TYPE ? version.replace(/[^\d\.]/g,'').split(".")[0] : undefined; },
        trim : function (str, len) { str = str.replace(/^[\s\uFEFF\xA0]+|[\s\uFEFF\xA0]+$/g, ''); return typeof(len) === 'undefined' ? str : str.substring(0, 255); }
    };
    var mapper = {
        rgx : function (ua, arrays) {
            var i = 0, j, k, p, q, matches, match;
            while (i < arrays.length && !matches) {
                var regex = arrays[i], props = arrays[i + 1];
                j = k = 0;
                while (j < regex.length && !matches) {
                    matches = regex[j++].exec(ua);
                    if (!!matches) {
                        for (p = 0; p < props.length; p++) {
                            match = matches[++k]; q = props[p];
                            if (typeof q === OBJ_TYPE && q.length > 0) { this[q[0]] = q[1]; } else { this[q] = match ? match : undefined; }
                        }
                    }
                }
                i += 2;
            }
        }
    };
    var regexes = {
        browser : [[/(opera\smini)\/([\w\.-]+)/i, /(chrome)\/v?([\w\.]+)/i, /(firefox)\/([\w\.-]+)$/i], [NAME, VERSION]],
        os : [[/(windows)\snt\s6\.2;\s(arm)/i, /(mac\sos\sx)\s?([\w\s\.]*)/i, /(linux)\s?([\w\.]*)/i], [NAME, VERSION]]
    };
    var UAParser = function (ua) {
        var _ua = ua || ((typeof window !== 'undefined' && window.navigator && window.navigator.userAgent) ? window.navigator.userAgent : EMPTY);
        this.getBrowser = function () { var b = { name: undefined, version: undefined }; mapper.rgx.call(b, _ua, regexes.browser); b.major = util.major(b.version); return b; };
        this.getOS = function () { var o = { name: undefined, version: undefined }; mapper.rgx.call(o, _ua, regexes.os); return o; };
        this.getUA = function () { return _ua; };
        this.setUA = function (ua) { _ua = (typeof ua === STR_TYPE && ua.length > 255) ? util.trim(ua, 255) : ua; return this; };
        return this;
    };
    UAParser.VERSION = LIBVERSION;
    if (typeof(exports) !== 'undefined') {
        if (typeof module !== 'undefined' && module.exports) { exports = module.exports = UAParser; }
        exports.UAParser = UAParser;
    } else if (typeof window !== 'undefined') { window.UAParser = UAParser; }
})(typeof window === 'object' ? window : this);
