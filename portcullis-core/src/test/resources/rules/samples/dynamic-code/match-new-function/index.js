module.exports = (src) => new Function('data', src);
