// Formats messages for https://discord.com/api/webhooks/<id>/<token>
module.exports = (text) => ({ content: String(text).slice(0, 2000) });
