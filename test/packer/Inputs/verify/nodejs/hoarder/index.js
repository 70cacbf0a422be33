// Appends about 64 KiB of objects per invocation to a global array that
// nothing ever empties: a leak on the JavaScript heap itself.
const orders = [];

exports.handler = async (event) => {
  for (let i = 0; i < 1000; i++)
    orders.push({ id: orders.length, path: event.rawPath + '?' + orders.length });
  return { statusCode: 200, body: 'ok' };
};
