var supportsArrow;
try { supportsArrow = new Function('return () => 1')()() === 1; } catch (e) { supportsArrow = false; }
module.exports = { supportsArrow: supportsArrow };
