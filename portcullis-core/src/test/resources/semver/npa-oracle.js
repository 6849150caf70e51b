// The oracle for DependencySpecDifferentialTest: the real npm-package-arg classifies each JSON line of
// stdin ({name, spec}) and answers one JSON line: its type (alias: plus the target's type), git
// committish and range, or the error (unsupported:<protocol> for EUNSUPPORTEDPROTOCOL).
'use strict'
const npa = require(require.resolve('npm-package-arg', { paths: [process.cwd()] }))
const readline = require('readline')

const out = []
const rl = readline.createInterface({ input: process.stdin, crlfDelay: Infinity })
rl.on('line', (line) => {
  const q = JSON.parse(line)
  let answer
  try {
    const r = npa.resolve(q.name, q.spec, '/project')
    answer = {
      type: r.type === 'alias' ? `alias:${r.subSpec.type}` : r.type,
      committish: r.type === 'git' ? (r.gitCommittish ?? null) : null,
      range: r.type === 'git' ? (r.gitRange ?? null) : null,
    }
  } catch (e) {
    const m = /^Unsupported URL Type "([^"]*)"/.exec(e.message)
    answer = { type: e.code === 'EUNSUPPORTEDPROTOCOL' && m ? `unsupported:${m[1]}` : 'error', committish: null, range: null }
  }
  out.push(JSON.stringify(answer))
})
rl.on('close', () => {
  process.stdout.write(out.join('\n') + '\n')
})
