// The oracle for SemverDifferentialTest: the real node-semver answers each JSON line of stdin
// ({v, v2, r, loose, pre}) with one JSON line on stdout. It runs in portcullis-testkit/node-tools,
// so the package is resolved from the working directory, not from this file's location.
'use strict'
const semver = require(require.resolve('semver', { paths: [process.cwd()] }))
const readline = require('readline')

const out = []
const rl = readline.createInterface({ input: process.stdin, crlfDelay: Infinity })
rl.on('line', (line) => {
  const q = JSON.parse(line)
  const opts = { loose: q.loose, includePrerelease: q.pre }
  const a = semver.parse(q.v, opts)
  const b = semver.parse(q.v2, opts)
  out.push(JSON.stringify({
    valid: a ? a.version : null,
    valid2: b ? b.version : null,
    cmp: a && b ? a.compare(b) : null,
    range: semver.validRange(q.r, opts),
    sat: semver.satisfies(q.v, q.r, opts),
  }))
})
rl.on('close', () => {
  process.stdout.write(out.join('\n') + '\n')
})
