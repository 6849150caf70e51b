// Text mining helpers: pool of workers for stratum-like layered data
module.exports = function mine(text) { return text.split(/\s+/); };
