module.exports = { isCI: () => Boolean(process.env.CI) };
