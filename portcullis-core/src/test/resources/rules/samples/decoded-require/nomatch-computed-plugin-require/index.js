module.exports = (name) => require('./plugins/' + name);
