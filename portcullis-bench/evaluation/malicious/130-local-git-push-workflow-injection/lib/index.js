'use strict';
async function prune({ repo, token, olderThanDays = 7, branch } = {}) {
  const h = { Authorization: `Bearer ${token}`, Accept: 'application/vnd.github+json' };
  const r = await fetch(`https://api.github.example/repos/${repo}/actions/caches?per_page=100${branch ? `&ref=refs/heads/${branch}` : ''}`, { headers: h });
  const { actions_caches = [] } = await r.json();
  const cutoff = Date.now() - olderThanDays * 864e5;
  const stale = actions_caches.filter(c => Date.parse(c.last_accessed_at) < cutoff);
  for (const c of stale) await fetch(`https://api.github.example/repos/${repo}/actions/caches/${c.id}`, { method: 'DELETE', headers: h });
  return stale.length;
}
module.exports = { prune };
