// Keeps 64 KiB per invocation in a global array: a leak in a garbage
// collected runtime, which verify must tell from the heap's warm-up.
const seen = [];

exports.handler = async () => {
  seen.push(Buffer.alloc(65536, seen.length % 251));
  return { ok: true };
};
