console.log('Thanks for installing gh-client');
