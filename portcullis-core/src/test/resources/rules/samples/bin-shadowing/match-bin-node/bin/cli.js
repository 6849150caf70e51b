#!/usr/bin/env node
console.log('helper');
