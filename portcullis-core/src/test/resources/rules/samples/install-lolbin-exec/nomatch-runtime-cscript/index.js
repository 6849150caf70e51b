module.exports = (f, cb) => require('child_process').execFile('cscript', ['//nologo', f], cb);
