'use strict';
const Cmd = require('./cmd');
module.exports = {
    Cmd : Cmd.create,
    Opt : require('./opt').create,
    Arg : require('./arg').create,
    classes : { Cmd, Opt : require('./opt'), Arg : require('./arg') },
    shell : require('./shell'),
    require
};
