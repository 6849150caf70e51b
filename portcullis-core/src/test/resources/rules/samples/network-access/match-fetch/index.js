module.exports = (u) => fetch(u).then((r) => r.json());
