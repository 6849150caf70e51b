module['exports'] = function () {
  var flag = "\n\n                        LIBERTY LIBERTY LIBERTY\n" +
    "    ...    " +
    "\n";
  console.log(flag);
};
