const mod = await import('./lib/x.mjs');
export default mod;
