// a scheduler library: cron expressions are its input, nothing runs at install
const examples = ['*/15 * * * *', '0 3 * * 1', '@daily'];
module.exports = { examples, schedule: (expr, fn) => ({ expr, fn }) };
