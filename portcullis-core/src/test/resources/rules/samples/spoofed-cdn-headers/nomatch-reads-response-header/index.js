module.exports = (response) => ({ requestId: response.headers['x-amzn-requestid'], cfId: response.headers['x-amz-cf-id'] });
