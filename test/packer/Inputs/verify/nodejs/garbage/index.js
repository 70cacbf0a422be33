// Builds and throws away about 4 MiB of objects, strings and arrays per
// invocation, as a handler parsing an SDK response or rendering a page does:
// garbage, not a leak. V8 grows its heap for hundreds of invocations before
// collecting it all, which verify must not read as a leak.
exports.handler = async (event) => {
  const items = [];
  for (let i = 0; i < 16000; i++)
    items.push({ id: 'item-' + i, path: event.rawPath, tags: [i, i * 2, String(i)] });
  const text = JSON.stringify(items);
  const parsed = JSON.parse(text);
  return { statusCode: 200, body: String(parsed.length) };
};
