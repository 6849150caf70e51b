module.exports = { libvipsVersion: '8.15.3', path: require('path').join(__dirname, 'lib') };
