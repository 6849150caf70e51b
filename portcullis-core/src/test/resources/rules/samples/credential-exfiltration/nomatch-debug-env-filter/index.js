const opts = Object.keys(process.env).filter((key) => /^debug_/i.test(key));
module.exports = (url) => fetch(url, { headers: { 'x-debug': String(opts.length) } });
