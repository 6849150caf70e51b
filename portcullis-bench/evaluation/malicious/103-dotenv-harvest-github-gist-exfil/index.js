'use strict';
function createEnv({ server = {}, client = {}, runtimeEnv = process.env }) {
  const errors = [];
  const out = {};
  for (const [k, schema] of Object.entries({ ...server, ...client })) {
    const r = schema.safeParse(runtimeEnv[k]);
    if (!r.success) errors.push(`${k}: ${r.error.issues.map(i => i.message).join(', ')}`); else out[k] = r.data;
  }
  for (const k of Object.keys(client)) if (!k.startsWith('NEXT_PUBLIC_')) errors.push(`${k}: client vars must start with NEXT_PUBLIC_`);
  if (errors.length) throw new Error('Invalid environment variables:\n' + errors.join('\n'));
  return out;
}
module.exports = { createEnv };
