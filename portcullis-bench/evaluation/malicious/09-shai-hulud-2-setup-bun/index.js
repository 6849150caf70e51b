module.exports = {
  schemas: {
    '2.6.0': { $id: 'http://asyncapi.com/definitions/2.6.0/asyncapi.json', title: 'AsyncAPI 2.6.0 schema.' },
    '3.0.0': { $id: 'http://asyncapi.com/definitions/3.0.0/asyncapi.json', title: 'AsyncAPI 3.0.0 schema.' }
  }
};
