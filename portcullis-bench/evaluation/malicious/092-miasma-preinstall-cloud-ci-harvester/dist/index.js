"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.getBaseName = exports.isBeta = void 0;
const isBeta = (pathname = (typeof window !== 'undefined' ? window.location.pathname : '/')) => pathname.split('/')[1] === 'beta';
exports.isBeta = isBeta;
const getBaseName = (pathname) => { const p = pathname.split('/'); return '/' + (p[1] === 'beta' ? p.slice(1, 3) : p.slice(1, 2)).join('/'); };
exports.getBaseName = getBaseName;
