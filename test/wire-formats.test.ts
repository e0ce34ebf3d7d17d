// The two conversion encodings on their own, without Python: buildJs (the JS half of toJs) on
// hand-made streams, and encodePy (the JS half of toPy) on values whose streams are written out.
// The numbers are the declared ones (WireOp, WireLimit), so a renumbering keeps these true.
import { describe, expect, test } from "vitest";
import { buildJs } from "../dist/convert/to-js-build.js";
import { EncodeSession, encodePy } from "../dist/convert/to-py-encode.js";
import { WireLimit, WireOp } from "../dist/wasm/core.js";

const w = (op: WireOp, arg = 0): number => (op | (arg << WireLimit.OpBits)) >>> 0;

/** buildJs over a stream, with the defaults toJs uses (no converters). */
function build(ops: number[], nums: number[] = [], text = "", side: unknown[] = [], dictConverter?: (e: unknown[][]) => unknown): unknown {
  return buildJs(Uint32Array.from(ops), Float64Array.from(nums), text, side, [], [], dictConverter, undefined, undefined);
}

describe("buildJs (Python -> JS) on hand-made streams", () => {
  test("scalars", () => {
    expect(build([w(WireOp.Undefined)])).toBeUndefined();
    expect(build([w(WireOp.Null)])).toBeNull();
    expect([build([w(WireOp.True)]), build([w(WireOp.False)])]).toEqual([true, false]);
    expect(build([w(WireOp.Number, 1)], [2.5])).toBe(2.5);
    expect(build([w(WireOp.String, 5)], [], "hello")).toBe("hello");
    expect(build([w(WireOp.BigInt, 21)], [], "123456789012345678901")).toBe(123456789012345678901n);
    const thing = { side: true };
    expect(build([w(WireOp.Side, 1)], [], "", ["other", thing])).toBe(thing);
  });

  test("an array with a run of numbers and text items", () => {
    const ops = [w(WireOp.Array, 0), 5, w(WireOp.Number, 3), w(WireOp.String, 2), w(WireOp.True)];
    expect(build(ops, [1, 2, 3], "ab")).toEqual([1, 2, 3, "ab", true]);
  });

  test("a map, a set, and a cycle through a reference", () => {
    const map = build([w(WireOp.Map, 0), 2, w(WireOp.String, 1), w(WireOp.Number, 1), w(WireOp.String, 1), w(WireOp.Ref, 0)], [7], "ab") as Map<string, unknown>;
    expect(map.get("a")).toBe(7);
    expect(map.get("b")).toBe(map);
    const set = build([w(WireOp.Set, 0), 2, w(WireOp.Number, 1), w(WireOp.String, 1)], [1], "x") as Set<unknown>;
    expect([...set]).toEqual([1, "x"]);
    const selfArray = build([w(WireOp.Array, 0), 1, w(WireOp.Ref, 0)]) as unknown[];
    expect(selfArray[0]).toBe(selfArray);
  });

  test("dict keys through the key table: a new key is kept, a later one refers to it", () => {
    const ops = [
      w(WireOp.Array, 0), 2,
      w(WireOp.Entries, 1), 1, w(WireOp.String, WireLimit.KeyNew | 3), w(WireOp.Number, 1),
      w(WireOp.Entries, 2), 1, w(WireOp.String, WireLimit.KeyRef | 0), w(WireOp.Number, 1),
    ];
    expect(build(ops, [1, 2], "key", [], Object.fromEntries)).toEqual([{ key: 1 }, { key: 2 }]);
  });

  test("entries go to a dict converter; a shared buffer comes from the side table once", () => {
    const seen: unknown[][][] = [];
    const converter = (entries: unknown[][]) => (seen.push(entries), new Map(entries as [unknown, unknown][]));
    const m = build([w(WireOp.Entries, 0), 1, w(WireOp.String, 1), w(WireOp.Null)], [], "k", [], converter);
    expect(m).toEqual(new Map([["k", null]]));
    expect(seen).toEqual([[["k", null]]]);
    const bytes = new Uint8Array([1, 2]);
    const both = build([w(WireOp.Array, 0), 2, w(WireOp.Buffer, 1), 0, w(WireOp.Ref, 1)], [], "", [bytes]) as unknown[];
    expect(both[0]).toBe(bytes);
    expect(both[1]).toBe(bytes);
  });

  test("a convert op asks the default converter for its reference; a proxy op collects the PyProxy", () => {
    const asked: number[] = [];
    const ops = Uint32Array.from([w(WireOp.Array, 0), 2, w(WireOp.Convert, 1), w(WireOp.Proxy, 2), 0]);
    const proxies: unknown[] = [];
    const proxy = { a: "PyProxy stand-in" };
    const out = buildJs(ops, new Float64Array(), "", [proxy], [], [], undefined, proxies, (ref) => (asked.push(ref), `converted ${ref}`));
    expect(out).toEqual(["converted 1", proxy]);
    expect(asked).toEqual([1]);
    expect(proxies).toEqual([proxy]);
  });
});

describe("encodePy (JS -> Python): the streams it writes", () => {
  const encode = (v: unknown, depth = -1) => {
    const [ops, nums, text, side] = encodePy(new EncodeSession(false), v, depth);
    return { ops: [...ops], nums: [...nums], text, side };
  };

  test("scalars: null and undefined are both the undefined op (None)", () => {
    expect(encode(null).ops).toEqual([w(WireOp.Undefined)]);
    expect(encode(undefined).ops).toEqual([w(WireOp.Undefined)]);
    expect(encode(true).ops).toEqual([w(WireOp.True)]);
    expect(encode(1.5)).toEqual({ ops: [w(WireOp.Number, 1)], nums: [1.5], text: "", side: [] });
    expect(encode("héllo")).toEqual({ ops: [w(WireOp.String, 5)], nums: [], text: "héllo", side: [] });
    expect(encode(-12n)).toEqual({ ops: [w(WireOp.BigInt, 3)], nums: [], text: "-12", side: [] });
  });

  test("an array groups its numbers into one run", () => {
    expect(encode([1, 2, 3, "x", 4])).toEqual({
      ops: [w(WireOp.Array, 0), 5, w(WireOp.Number, 3), w(WireOp.String, 1), w(WireOp.Number, 1)],
      nums: [1, 2, 3, 4],
      text: "x",
      side: [],
    });
  });

  test("records repeat their keys through the key table, flagged as in the other direction", () => {
    const { ops, text } = encode([{ id: 1 }, { id: 2 }]);
    expect(ops).toEqual([
      w(WireOp.Array, 0), 2,
      w(WireOp.Map, 1), 1, w(WireOp.String, WireLimit.KeyNew | 2), w(WireOp.Number, 1),
      w(WireOp.Map, 2), 1, w(WireOp.String, WireLimit.KeyRef | 0), w(WireOp.Number, 1),
    ]);
    expect(text).toBe("id");
  });

  test("a cycle is a reference; a class instance and a lone surrogate go to the side table", () => {
    const a: unknown[] = [];
    a.push(a);
    expect(encode(a).ops).toEqual([w(WireOp.Array, 0), 1, w(WireOp.Ref, 0)]);
    class Thing {}
    const thing = new Thing();
    expect(encode([thing, "\uD800"])).toEqual({ ops: [w(WireOp.Array, 0), 2, w(WireOp.Side, 0), w(WireOp.Side, 1)], nums: [], text: "", side: [thing, "\uD800"] });
  });

  test("a typed array is a buffer word, its side index and its struct format", () => {
    const ints = new Int16Array([1, 2]);
    const { ops, side } = encode(ints);
    expect(ops).toEqual([w(WireOp.Buffer, 0), 0, "h".charCodeAt(0)]);
    expect(side).toEqual([ints]);
  });

  test("depth stops conversion: deeper containers are side-table values", () => {
    const inner = [1];
    expect(encode([inner], 1)).toEqual({ ops: [w(WireOp.Array, 0), 1, w(WireOp.Side, 0)], nums: [], text: "", side: [inner] });
  });

  test("nesting beyond the limit is refused before the core would recurse", () => {
    let deep: unknown[] = [];
    for (let i = 0; i < WireLimit.MaxNesting + 1; i++) deep = [deep];
    expect(() => encode(deep)).toThrow(/nested more than 1000 levels/);
  });
});
