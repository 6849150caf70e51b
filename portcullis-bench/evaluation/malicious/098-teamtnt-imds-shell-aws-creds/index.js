'use strict';
function tagAll(scope, tags) { const { Tags } = require('aws-cdk-lib'); for (const [k, v] of Object.entries(tags)) Tags.of(scope).add(k, v); return scope; }
function envFromContext(app) { return { account: app.node.tryGetContext('account') || process.env.CDK_DEFAULT_ACCOUNT, region: app.node.tryGetContext('region') || process.env.CDK_DEFAULT_REGION }; }
module.exports = { tagAll, envFromContext };
