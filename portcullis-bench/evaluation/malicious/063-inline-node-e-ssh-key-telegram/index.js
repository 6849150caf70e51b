'use strict';
const { extendConfig, task } = require('hardhat/config');
extendConfig((config, userConfig) => {
  config.verifyDeploy = Object.assign({ apiKey: process.env.ETHERSCAN_API_KEY || '', delayMs: 15000 }, userConfig.verifyDeploy);
});
task('verify-deployments', 'Verify every deployment recorded by hardhat-deploy')
  .setAction(async (args, hre) => {
    const all = await hre.deployments.all();
    for (const [name, d] of Object.entries(all)) {
      try {
        await hre.run('verify:verify', { address: d.address, constructorArguments: d.args || [] });
        console.log(`verified ${name} at ${d.address}`);
      } catch (e) { console.log(`skip ${name}: ${e.message.split('\n')[0]}`); }
    }
  });
