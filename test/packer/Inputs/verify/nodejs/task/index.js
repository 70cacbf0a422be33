// What a Node.js handler sees in verify's emulation of AWS's runtime.
const greet = require('greet');

exports.handler = async (event, context) => {
  let host = 'hidden';
  try {
    require('hostonly'); // on the NODE_PATH brisk-pack was started with
    host = 'visible';
  } catch (e) {}
  return {
    greeting: greet(event.queryStringParameters.name),
    nodePath: process.env.NODE_PATH,
    hostModule: host,
    function: context.functionName,
    timeLeft: context.getRemainingTimeInMillis() > 0,
  };
};
