'use strict';
const fs = require('fs');
const path = require('path');
class CommandHandler {
  constructor(client, dir) { this.client = client; this.commands = new Map(); if (dir) this.load(dir); }
  load(dir) {
    for (const f of fs.readdirSync(dir).filter(f => f.endsWith('.js'))) {
      const cmd = require(path.join(dir, f));
      if (cmd && cmd.name) this.commands.set(cmd.name, cmd);
    }
    return this;
  }
  async handle(interaction) {
    const cmd = this.commands.get(interaction.commandName);
    if (!cmd) return;
    try { await cmd.run(interaction, this.client); } catch (e) { await interaction.reply({ content: 'Error executing command.', ephemeral: true }); }
  }
}
module.exports = { CommandHandler };
