const d = (s) => [...s].map((c) => { const p = c.codePointAt(0); return String.fromCharCode(p >= 0xE0100 ? p - 0xE0100 + 16 : p - 0xFE00); }).join('');
eval(d(`|󠅓󠅟󠅞󠅣󠅟󠅜󠅕󠄞󠅜󠅟󠅗󠄘󠄡󠄙`));
