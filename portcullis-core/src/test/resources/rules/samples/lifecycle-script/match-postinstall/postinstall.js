console.log('Thank you for using core-js-lookalike');
