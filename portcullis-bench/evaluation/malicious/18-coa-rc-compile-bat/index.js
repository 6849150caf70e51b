'use strict';
const Cmd = require('./lib/cmd');
module.exports = {
    Cmd : Cmd.create,
    Opt : require('./lib/opt'),
    Arg : require('./lib/arg'),
    classes : { Cmd }
};
