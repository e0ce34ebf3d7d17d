// How much JS stack this realm has, in plain JS frames: the core sizes Python's recursion limit
// and its Python -> JS nesting budget from it, so Python raises RecursionError before the engine
// throws a RangeError through the interpreter. Measured once per realm (about a millisecond).

let measured: number | undefined;

export function stackFrames(): number {
  if (measured !== undefined) return measured;
  let depth = 0;
  const probe = (): void => {
    depth++;
    probe();
  };
  try {
    probe();
  } catch {
    // RangeError (V8, SpiderMonkey's InternalError): the depth reached is the measure.
  }
  measured = depth;
  return depth;
}
