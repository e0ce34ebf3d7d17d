// Records every WebAssembly.Memory a runtime instantiates. Only Pyodide offers a (private) handle
// on its memory, so catching it at instantiation is the one way to measure all three alike.
const seen = [];

function collect(result, imports) {
  const instance = result instanceof WebAssembly.Instance ? result : result?.instance;
  const candidates = [...Object.values(instance?.exports ?? {})];
  for (const ns of Object.values(imports ?? {})) candidates.push(...Object.values(ns ?? {}));
  for (const value of candidates) {
    if (value instanceof WebAssembly.Memory && !seen.includes(value)) seen.push(value);
  }
  return result;
}

export function installMemoryProbe() {
  const { instantiate, instantiateStreaming } = WebAssembly;
  WebAssembly.instantiate = async (source, imports) => collect(await instantiate(source, imports), imports);
  if (instantiateStreaming) {
    WebAssembly.instantiateStreaming = async (source, imports) =>
      collect(await instantiateStreaming(source, imports), imports);
  }
}

/** Bytes of linear memory of every memory instantiated so far (read now: memories grow). */
export function wasmMemoryBytes() {
  return seen.length ? seen.reduce((sum, m) => sum + m.buffer.byteLength, 0) : undefined;
}
