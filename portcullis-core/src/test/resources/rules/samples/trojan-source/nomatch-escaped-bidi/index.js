module.exports = (s) => '\u2067' + s + '\u2069';
