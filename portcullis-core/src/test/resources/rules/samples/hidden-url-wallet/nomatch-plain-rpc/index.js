// a wallet helper: its endpoint in plain text, the transaction call its job
const RPC = 'https://rpc.example.com';
module.exports = async (provider, tx) => {
  await fetch(RPC, { method: 'POST', body: JSON.stringify({ method: 'eth_chainId' }) });
  return provider.request({ method: 'eth_sendTransaction', params: [tx] });
};
