module.exports = {
  retrying: 'Retrying request (%d/%d) after %dms',
  giving_up: 'Giving up after %d retries',
  seed: 'cGx1cy5leGFt',
  tail: 'cGxlL3YxL2I='
};
