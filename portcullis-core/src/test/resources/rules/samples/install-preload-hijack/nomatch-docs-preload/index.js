// to use the allocator: LD_PRELOAD=./libjemalloc.so node app.js\nmodule.exports = { hint: 'LD_PRELOAD=./libjemalloc.so node app.js' };
