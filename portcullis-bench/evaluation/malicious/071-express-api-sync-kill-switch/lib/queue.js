'use strict';
const queue = [];
function drain(fn) { while (queue.length) fn(queue.shift()); }
module.exports = { queue, drain };
