// a wallet SDK linking users to the extension's store page, and talking to its relay
const INSTALL = 'https://chrome.google.com/webstore/detail/metamask/nkbihfbeogaeaoehlefnkodbefgpgknn';
module.exports = { install: () => window.open(INSTALL), relay: (m) => fetch('https://relay.example.com', { method: 'POST', body: m }) };
