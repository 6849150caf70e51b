var Extension = { Js: '.js', JsExtension: 'JsExtension' };
module.exports = Extension;
