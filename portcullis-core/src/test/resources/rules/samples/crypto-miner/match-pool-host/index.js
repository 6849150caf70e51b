const POOL = 'pool.supportxmr.com:443';
module.exports = POOL;
