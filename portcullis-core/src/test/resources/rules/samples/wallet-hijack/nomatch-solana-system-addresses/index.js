// token constants a multi-chain SDK names: the USDT contract and Solana's wrapped-SOL mint
const USDT = '0xdac17f958d2ee523a2206206994597c13d831ec7';
const WSOL = 'So11111111111111111111111111111111111111112';
module.exports = async (rpc) => (await fetch(rpc, { method: 'POST', body: JSON.stringify({ USDT, WSOL }) })).json();
