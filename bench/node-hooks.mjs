// Module-loader hooks, run on Node's loader thread: they report the size of every module file the
// cold-start child imports, which its fs wrappers cannot see (ES modules are not read through fs).
let port;
const loaded = [];

export function initialize(data) {
  port = data.port;
  // Answering on the same port means every earlier load has been counted by the time the reply arrives.
  port.on("message", () => port.postMessage(loaded));
  port.unref();
}

export async function load(url, context, nextLoad) {
  const result = await nextLoad(url, context);
  if (url.startsWith("file:") && result.source != null) {
    const bytes = typeof result.source === "string" ? Buffer.byteLength(result.source) : result.source.byteLength;
    loaded.push({ url, bytes });
  }
  return result;
}
