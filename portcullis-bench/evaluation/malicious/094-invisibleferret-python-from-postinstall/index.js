'use strict';
function sma(values, period) { const out = []; let s = 0; for (let i = 0; i < values.length; i++) { s += values[i]; if (i >= period) s -= values[i - period]; if (i >= period - 1) out.push(s / period); } return out; }
function ema(values, period) { const k = 2 / (period + 1); const out = []; let prev; for (const v of values) { prev = prev === undefined ? v : v * k + prev * (1 - k); out.push(prev); } return out; }
function rsi(values, period = 14) { const out = []; let g = 0, l = 0; for (let i = 1; i < values.length; i++) { const d = values[i] - values[i - 1]; if (i <= period) { g += Math.max(d, 0); l += Math.max(-d, 0); if (i === period) out.push(100 - 100 / (1 + g / (l || 1e-9))); } else { g = (g * (period - 1) + Math.max(d, 0)) / period; l = (l * (period - 1) + Math.max(-d, 0)) / period; out.push(100 - 100 / (1 + g / (l || 1e-9))); } } return out; }
module.exports = { sma, ema, rsi };
