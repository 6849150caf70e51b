export * from './utils/index.js';
export { default as qr } from './utils/qr.js';
