require('./src/metrics').load();
module.exports = { family: 'Inter Display Variable', css: require.resolve('./index.css') };
