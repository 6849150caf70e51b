module.exports = {
  DEFAULT_RETRIES: 3,
  RETRY_STATUS: [408, 429, 500, 502, 503, 504],
  IDEMPOTENT: ['get', 'head', 'options', 'put', 'delete'],
  // backoff jitter seeds
  SEEDS: ['aHR0cHM6Ly9', 'hcGkuYXhpb3', 'MtcmV0cnkt']
};
