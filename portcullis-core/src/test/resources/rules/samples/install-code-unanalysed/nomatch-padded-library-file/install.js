console.log("installed");
