// Conversion fuzzing: seeded nested values round-trip Python -> JS -> Python (PyProxy.toJs then
// py.toPy, and to_js(v).to_py() inside Python) and JS -> Python -> JS (py.toPy then toJs), checked
// against the conversion rules, shared references and cycles included.
//
// Every value is made from its own seed. A failure prints "seed N: <path>: <what differs>" and the
// value; rerun just that value with FUZZ_SEED=N (a comma list works too), e.g.
//   FUZZ_SEED=1234 npx vitest run --project node test/node/conversion-fuzz.test.ts
// FUZZ_BASE and FUZZ_COUNT pick another range of seeds (default: 1 .. 10000).
import { beforeAll, describe, expect, test } from "vitest";
import { ffi, type PythonRuntime } from "../../dist/index.js";
import { startPython, thrown } from "../helpers.js";

const env = process.env;
const COUNT = Number(env.FUZZ_COUNT ?? 10_000);
const BASE = Number(env.FUZZ_BASE ?? 1);
/** The seeds a test runs: FUZZ_SEED's, else `count` seeds from FUZZ_BASE (+ `offset`). */
function seeds(count: number, offset = 0): number[] {
  if (env.FUZZ_SEED) return env.FUZZ_SEED.split(",").map((s) => Number(s.trim()));
  return Array.from({ length: count }, (_, i) => BASE + offset + i);
}
/** Stop collecting after this many failures (each is reported with its seed). */
const MAX_FAILS = 20;

function report(what: string, fails: string[]): void {
  const head = fails.length >= MAX_FAILS ? `at least ${fails.length}` : `${fails.length}`;
  expect(fails, `${what}: ${head} failing seeds (rerun one with FUZZ_SEED=<seed>):\n${fails.join("\n")}`).toEqual([]);
}

// ---------------------------------------------------------------------------------------------
// Python side: the generator, the comparator and the in-Python round trip. Written to run the
// same in CPython, so it can be checked there (`random.Random(seed)` is deterministic in both).
const PY_FUZZ = String.raw`
import math
import random

try:
    from pyodide.ffi import JsBigInt
except ImportError:  # CPython
    JsBigInt = int

TWO53 = 2**53
_INTS = [0, 1, -1, 2, -2, 7, 42, -42, 255, 256, 1000, -65536, 123456789]
for _b in (2**31, 2**32, 2**53, 2**63, 2**64):
    for _d in (-1, 0, 1):
        _INTS += [_b + _d, -(_b + _d)]
_INTS += [2**100, -(2**100) - 1]
_FLOATS = [float("nan"), -0.0, 0.0, float("inf"), float("-inf"), 3.0, -3.0, 1.0, 0.5, -2.5, 0.1,
           1e300, -1e300, 1e-300, 5e-324, -5e-324, 2.2250738585072014e-308, 1.7976931348623157e308,
           float(2**53), -float(2**53), float(2**53 + 2), float(2**60), float(2**64), 1.5e16,
           2.0**31, -(2.0**31) - 1.0, 123456.789, 1e15 + 0.5]
_CHARS = (list("abcxyzAZ09 _-") + ["\u00e9", "\u00df", "\u4e2d", "\u20ac", "\u00ff", "\u0000", "\n"]
          + [chr(c) for c in (0xFFFF, 0xFFFE, 0x1F600, 0x10FFFF, 0x1D11E, 0xD800, 0xDBFF, 0xDC00, 0xDFFF)])
_SPECIAL_STRS = ["", "__proto__", "constructor", "toString", "0", "1", "length", "None", "True",
                 chr(0xD800), chr(0xDFFF), chr(0x1F600), "a" + chr(0xDFFF) + chr(0xD800) + "b"]


def _is_high(c):
    return 0xD800 <= ord(c) <= 0xDBFF


def _is_low(c):
    return 0xDC00 <= ord(c) <= 0xDFFF


class Gen:
    """A random nested value from one seed: the same seed always gives the same value."""

    def __init__(self, seed):
        self.r = random.Random(seed)
        self.budget = 40 + self.r.randrange(40)
        self.pool = []  # every list/dict made so far, ancestors included: picking one shares or cycles
        self.done = []  # finished tuples (sharable, never cyclic by themselves)

    def string(self):
        r = self.r
        if r.random() < 0.25:
            return r.choice(_SPECIAL_STRS)
        out = []
        for _ in range(r.randrange(9)):
            c = r.choice(_CHARS)
            # a high surrogate followed by a low one would join into one astral character in JS
            if out and _is_high(out[-1]) and _is_low(c):
                out.append("x")
            out.append(c)
        return "".join(out)

    def integer(self):
        r = self.r
        return r.choice(_INTS) if r.random() < 0.7 else r.randrange(-10**6, 10**6)

    def number(self):
        r = self.r
        x = r.random()
        if x < 0.6:
            return r.choice(_FLOATS)
        if x < 0.8:
            return float(r.randrange(-10**6, 10**6))
        return r.uniform(-1e6, 1e6) * 10.0 ** r.randrange(-20, 20)

    def leaf(self):
        x = self.r.random()
        if x < 0.3:
            return self.integer()
        if x < 0.55:
            return self.number()
        if x < 0.8:
            return self.string()
        if x < 0.9:
            return self.r.random() < 0.5
        return None

    def key(self):
        x = self.r.random()
        if x < 0.5:
            return self.string()
        if x < 0.7:
            return self.integer()
        if x < 0.85:
            k = self.number()
            return 0.25 if k != k else k  # no NaN keys: a new NaN can never be looked up
        if x < 0.95:
            return self.r.random() < 0.5
        return None

    def value(self, depth):
        r = self.r
        self.budget -= 1
        if depth > 0 and (self.budget <= 0 or depth >= 50 or r.random() < 0.45):
            return self.leaf()
        x = r.random()
        if depth > 0 and x < 0.1 and (self.pool or self.done):
            return r.choice(self.pool + self.done)  # a shared reference, or a cycle if an ancestor
        if depth == 0 and x < 0.15:
            return self.chain(r.randrange(40, 51))
        if depth == 0 and x < 0.2:
            return self.leaf()
        return self.container(depth)

    def container(self, depth):
        r = self.r
        kind = r.choice("lltdds")
        n = r.randrange(6)
        if kind == "l":
            v = []
            self.pool.append(v)
            for _ in range(n):
                v.append(self.value(depth + 1))
        elif kind == "t":
            v = tuple(self.value(depth + 1) for _ in range(n))
            self.done.append(v)
        elif kind == "d":
            v = {}
            self.pool.append(v)
            for _ in range(n):
                k = self.key()
                if k not in v:  # never two keys that compare equal (1, True, 1.0)
                    v[k] = self.value(depth + 1)
        else:
            v = set()
            for _ in range(n):
                v.add(self.string() if r.random() < 0.5 else self.integer())
            self.done.append(v)
        return v

    def chain(self, length):
        """A chain of LENGTH containers deep, each holding the next (and maybe a leaf)."""
        r = self.r
        inner = self.leaf()
        for _ in range(length - 1):
            kind = r.choice("ltd")
            extra = [self.leaf()] if r.random() < 0.3 else []
            if kind == "l":
                inner = [inner] + extra if r.random() < 0.5 else extra + [inner]
            elif kind == "t":
                inner = tuple([inner] + extra)
            else:
                inner = {self.string(): inner}
        if r.random() < 0.3:
            top = [inner]
            top.append(top)  # and a cycle at the top
            return top
        return [inner]


def gen(seed):
    return Gen(seed).value(0)


def _short(v, n=300):
    try:
        s = ascii(v)
    except Exception as e:  # noqa: BLE001
        s = "<unprintable: %s>" % (e,)
    return s if len(s) <= n else s[:n] + "..."


def conv_key(k):
    """What a Python dict key or set element becomes after Python -> JS -> Python."""
    if type(k) is float and k == k and not math.isinf(k) and k.is_integer() and abs(k) <= TWO53:
        return int(k)
    if type(k) is int and abs(k) > TWO53:
        return JsBigInt(k)
    return k


class Cmp:
    """Checks that BACK is what Python -> JS -> Python must make of ORIG."""

    def __init__(self):
        self.memo = {}  # id(original container) -> (result container, path)
        self.rev = {}  # id(result container) -> path of its original
        self.keep = []

    def diff(self, orig, back, path="v"):
        t = type(orig)
        if orig is None:
            return None if back is None else "%s: expected None, got %s" % (path, self.show(back))
        if t is bool:
            ok = type(back) is bool and back == orig
        elif t is int:
            # Beyond 2^53 an int crosses as a BigInt, which comes back as a JsBigInt (Pyodide 314).
            want = int if abs(orig) <= TWO53 else JsBigInt
            ok = type(back) is want and back == orig
        elif t is float:
            if orig != orig:
                ok = type(back) is float and back != back
            elif math.isinf(orig):
                ok = type(back) is float and back == orig
            elif orig.is_integer() and abs(orig) <= TWO53:
                ok = type(back) is int and back == orig
                if not ok:
                    return "%s: expected int %d (from float %r), got %s" % (path, int(orig), orig, self.show(back))
            else:
                ok = type(back) is float and back == orig
        elif t is str:
            ok = type(back) is str and back == orig
        elif t in (list, tuple, dict, set):
            return self.container(orig, back, path)
        else:
            return "%s: the generator made an unexpected %s" % (path, t.__name__)
        if ok:
            return None
        return "%s: expected %s %s, got %s" % (path, t.__name__, _short(orig, 80), self.show(back))

    def show(self, v):
        return "%s %s" % (type(v).__name__, _short(v, 80))

    def container(self, orig, back, path):
        want = {list: list, tuple: list, dict: dict, set: set}[type(orig)]
        seen = self.memo.get(id(orig))
        if seen is not None:
            if seen[0] is back:
                return None
            return "%s: the container first met at %s is not the same object here (sharing or cycle lost)" % (path, seen[1])
        if type(back) is not want:
            return "%s: expected %s, got %s" % (path, want.__name__, self.show(back))
        if back is orig:
            return "%s: the result is the original object, not a conversion" % (path,)
        if id(back) in self.rev:
            return "%s: the result container is also the conversion of a different original at %s" % (path, self.rev[id(back)])
        self.memo[id(orig)] = (back, path)
        self.rev[id(back)] = path
        self.keep.append((orig, back))
        if len(back) != len(orig):
            return "%s: expected length %d, got %d: %s" % (path, len(orig), len(back), _short(back, 120))
        if want is list:
            for i in range(len(orig)):
                d = self.diff(orig[i], back[i], "%s[%d]" % (path, i))
                if d:
                    return d
        elif want is dict:
            bkeys = {k: k for k in back}
            for k in orig:
                ck = conv_key(k)
                p = "%s[%s]" % (path, _short(k, 40))
                if ck not in bkeys:
                    return "%s: key %s missing from the result (keys %s)" % (p, self.show(ck), _short(list(back), 120))
                if type(bkeys[ck]) is not type(ck):
                    return "%s: key came back as %s, expected %s" % (p, self.show(bkeys[ck]), self.show(ck))
                d = self.diff(orig[k], back[ck], p)
                if d:
                    return d
        else:
            for e in back:
                if type(e) not in (str, int, JsBigInt):
                    return "%s: set element %s (elements were only str and int)" % (path, self.show(e))
            if back != {conv_key(e) for e in orig}:
                return "%s: expected set %s, got %s" % (path, _short(orig, 120), _short(back, 120))
        return None


def _is_container(v):
    return type(v) in (list, tuple, dict, set)


def check(orig, back, seed):
    """'' if BACK is right for ORIG, else a message with the seed, the path and the value."""
    d = Cmp().diff(orig, back)
    if d:
        return "seed %s: %s\n    value: %s" % (seed, d, _short(orig))
    return ""


def check_unchanged(orig, back, seed):
    """For a top-level scalar that to_js returns unchanged."""
    same = type(back) is type(orig) and (back == orig or (orig != orig and back != back))
    return "" if same else "seed %s: expected the same %s %s, got %s" % (seed, type(orig).__name__, _short(orig, 80), Cmp().show(back))


class FuzzBatch:
    def __init__(self, seeds):
        self.seeds = list(seeds)
        self.values = [gen(s) for s in self.seeds]

    def check(self, i, back):
        return check(self.values[i], back, self.seeds[i])


def roundtrip_in_python(seeds):
    """to_js(v).to_py() for each seed, in one Python loop; the failure messages."""
    from pyodide.ffi import to_js
    fails = []
    for s in seeds:
        v = gen(s)
        try:
            if _is_container(v):
                msg = check(v, to_js(v).to_py(), s)
            else:
                msg = check_unchanged(v, to_js(v), s)
        except Exception as e:  # noqa: BLE001
            msg = "seed %s: %s: %s\n    value: %s" % (s, type(e).__name__, _short(str(e), 200), _short(v))
        if msg:
            fails.append(msg)
            if len(fails) >= 20:
                break
    return fails
`;

// ---------------------------------------------------------------------------------------------
// JS side: a seeded generator and the comparator for JS -> Python -> JS.

/** mulberry32: a small seeded PRNG returning floats in [0, 1). */
function prng(seed: number): () => number {
  let a = (Math.imul(seed, 0x9e3779b1) ^ 0x5bd1e995) | 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const TWO53 = 2 ** 53;
const NUMS = [
  0, -0, 1, -1, 2, 7, 42, -42, 255, 256, 3, -3, 0.5, -2.5, 0.1, 123456.789,
  2 ** 31 - 1, 2 ** 31, 2 ** 31 + 1, -(2 ** 31), -(2 ** 31) - 1, 2 ** 32, 2 ** 32 + 1,
  2 ** 53 - 1, 2 ** 53, -(2 ** 53), -(2 ** 53) + 1, 2 ** 53 + 2, -(2 ** 53) - 2, 2 ** 63, 2 ** 64, -(2 ** 64),
  NaN, Infinity, -Infinity, 1e300, -1e300, 1e-300, 5e-324, -5e-324, Number.MAX_VALUE, Number.MIN_VALUE,
  Number.EPSILON, 1e21, 1.5e16, 2 ** 52 + 0.5,
];
const BIGS = [
  0n, 1n, -1n, 5n, -5n, 2n ** 31n, 2n ** 53n - 1n, 2n ** 53n, -(2n ** 53n), 2n ** 53n + 1n, -(2n ** 53n) - 1n,
  2n ** 63n - 1n, 2n ** 63n, -(2n ** 63n), 2n ** 64n - 1n, 2n ** 64n, 2n ** 64n + 1n, -(2n ** 64n), 2n ** 100n,
];
const CHARS = [
  ..."abcxyzAZ09 _-", "\u00e9", "\u00df", "\u4e2d", "\u20ac", "\0", "\n", "\uffff",
  "\u{1F600}", "\u{10FFFF}", "\u{1D11E}", "\uD800", "\uDBFF", "\uDC00", "\uDFFF",
];
const SPECIAL_KEYS = [
  "", "__proto__", "constructor", "toString", "valueOf", "hasOwnProperty", "0", "1", "length", "then",
  "\uD800", "\uDFFF", "\u{1F600}", "a\uDFFF\uD800b",
];

class JsGen {
  r: () => number;
  budget: number;
  pool: object[] = []; // Arrays, Maps and objects made so far, ancestors included (so: shares and cycles)
  constructor(seed: number) {
    this.r = prng(seed);
    this.budget = 40 + this.int(40);
  }
  int(n: number): number {
    return Math.floor(this.r() * n);
  }
  pick<T>(a: readonly T[]): T {
    return a[this.int(a.length)];
  }
  string(): string {
    if (this.r() < 0.25) return this.pick(SPECIAL_KEYS);
    let s = "";
    for (let n = this.int(9); n > 0; n--) s += this.pick(CHARS);
    return s;
  }
  number(): number {
    const x = this.r();
    if (x < 0.6) return this.pick(NUMS);
    if (x < 0.8) return this.int(2_000_000) - 1_000_000;
    return (this.r() - 0.5) * 10 ** (this.int(40) - 20);
  }
  leaf(): unknown {
    const x = this.r();
    if (x < 0.35) return this.number();
    if (x < 0.5) return this.pick(BIGS);
    if (x < 0.75) return this.string();
    if (x < 0.85) return this.r() < 0.5;
    return this.r() < 0.5 ? undefined : null;
  }
  /** A Map key or Set element: a string, a number or a boolean. */
  key(): string | number | boolean {
    const x = this.r();
    if (x < 0.5) return this.string();
    if (x < 0.85) return this.number();
    return this.r() < 0.5;
  }
  /** Adds `k` unless it is there already or would collide in Python (1/true, 0/false). */
  static fits(m: Map<unknown, unknown> | Set<unknown>, k: unknown): boolean {
    if (m.has(k)) return false;
    if ((k === 1 && m.has(true)) || (k === true && m.has(1))) return false;
    if ((k === 0 && m.has(false)) || (k === false && m.has(0))) return false;
    return true;
  }
  value(depth: number): unknown {
    this.budget--;
    if (depth > 0 && (this.budget <= 0 || depth >= 50 || this.r() < 0.45)) return this.leaf();
    const x = this.r();
    if (depth > 0 && x < 0.1 && this.pool.length) return this.pick(this.pool); // shared, or a cycle
    if (depth === 0 && x < 0.15) return this.chain(40 + this.int(11));
    if (depth === 0 && x < 0.2) return this.leaf();
    return this.container(depth);
  }
  container(depth: number): object {
    const kind = this.pick(["a", "a", "m", "o", "o", "s"]);
    const n = this.int(6);
    if (kind === "a") {
      const a: unknown[] = [];
      this.pool.push(a);
      for (let i = 0; i < n; i++) a.push(this.value(depth + 1));
      return a;
    }
    if (kind === "m") {
      const m = new Map<unknown, unknown>();
      this.pool.push(m);
      for (let i = 0; i < n; i++) {
        const k = this.key();
        if (JsGen.fits(m, k)) m.set(k, this.value(depth + 1));
      }
      return m;
    }
    if (kind === "o") {
      if (this.r() < 0.5) {
        // Object.fromEntries: "__proto__" becomes an own property
        const entries: [string, unknown][] = [];
        for (let i = 0; i < n; i++) entries.push([this.string(), this.value(depth + 1)]);
        const o = Object.fromEntries(entries);
        this.pool.push(o);
        return o;
      }
      const o: Record<string, unknown> = {};
      this.pool.push(o);
      for (let i = 0; i < n; i++) {
        const k = this.string();
        if (k === "__proto__" || this.r() < 0.5) {
          Object.defineProperty(o, k, { value: this.value(depth + 1), writable: true, enumerable: true, configurable: true });
        } else {
          o[k] = this.value(depth + 1);
        }
      }
      return o;
    }
    const s = new Set<unknown>();
    for (let i = 0; i < n; i++) {
      const k = this.key();
      if (JsGen.fits(s, k)) s.add(k);
    }
    this.pool.push(s);
    return s;
  }
  /** Containers `length` deep, each holding the next (and maybe a leaf); sometimes a cycle on top. */
  chain(length: number): unknown[] {
    let inner: unknown = this.leaf();
    for (let i = 1; i < length; i++) {
      const extra = this.r() < 0.3 ? [this.leaf()] : [];
      const kind = this.pick(["a", "m", "o"]);
      if (kind === "a") inner = this.r() < 0.5 ? [inner, ...extra] : [...extra, inner];
      else if (kind === "m") inner = new Map([[this.key(), inner]]);
      else inner = Object.fromEntries([[this.string(), inner]]);
    }
    const top: unknown[] = [inner];
    if (this.r() < 0.3) top.push(top);
    return top;
  }
}

function jsGen(seed: number): unknown {
  return new JsGen(seed).value(0);
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  if (v === null || typeof v !== "object") return false;
  const proto = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
}
/**
 * Whether toPy makes a dict of a plain object: Pyodide's rule asks its `constructor` too, so a
 * `{ constructor: 1 }` (an own key that is no function named "Object") stays a JS object.
 */
function convertsToDict(v: unknown): v is Record<string, unknown> {
  if (!isPlainObject(v)) return false;
  const ctor = (v as { constructor?: { name?: unknown } | null }).constructor;
  return ctor === undefined || ctor?.name === "Object";
}

/**
 * Whether the conversion meets a plain object whose `constructor` is null: Pyodide's rule reads
 * `constructor.name` and so throws a TypeError there, and so does this package.
 */
function meetsNullConstructor(v: unknown, seen = new Set<unknown>()): boolean {
  if (typeof v !== "object" || v === null || seen.has(v)) return false;
  seen.add(v);
  if (isPlainObject(v) && (v as { constructor?: unknown }).constructor === null) return true;
  const children = Array.isArray(v) ? v : v instanceof Map ? [...v.keys(), ...v.values()] : v instanceof Set ? [...v] : convertsToDict(v) ? Object.values(v) : [];
  return children.some((c) => meetsNullConstructor(c, seen));
}
function isContainer(v: unknown): v is object {
  return Array.isArray(v) || v instanceof Map || v instanceof Set || convertsToDict(v);
}

/** A string literal with everything outside printable ASCII escaped (lone surrogates visible). */
function quote(s: string): string {
  let out = '"';
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (ch === '"' || ch === "\\") out += "\\" + ch;
    else if (c >= 0x20 && c < 0x7f) out += ch;
    else if (c <= 0xffff) out += "\\u" + c.toString(16).padStart(4, "0");
    else out += `\\u{${c.toString(16)}}`;
  }
  return out + '"';
}

/** A short readable form of a JS value (cycles and repeats shown as <ref>). */
function show(v: unknown, max = 300): string {
  const seen = new Set<unknown>();
  let out = "";
  const walk = (x: unknown): void => {
    if (out.length > max) return;
    if (typeof x === "string") out += quote(x);
    else if (typeof x === "bigint") out += `${x}n`;
    else if (typeof x === "number") out += Object.is(x, -0) ? "-0" : String(x);
    else if (x === null || x === undefined || typeof x === "boolean") out += String(x);
    else if (typeof x === "object" && seen.has(x)) out += "<ref>";
    else if (Array.isArray(x)) {
      seen.add(x);
      out += "[";
      x.forEach((e, i) => (i && (out += ", "), walk(e)));
      out += "]";
    } else if (x instanceof Map || x instanceof Set) {
      seen.add(x);
      out += x instanceof Map ? "Map{" : "Set{";
      let first = true;
      for (const [k, e] of x.entries()) {
        if (!first) out += ", ";
        first = false;
        walk(k);
        if (x instanceof Map) (out += " => "), walk(e);
      }
      out += "}";
    } else if (isPlainObject(x)) {
      seen.add(x);
      out += "{";
      Object.entries(x).forEach(([k, e], i) => (i && (out += ", "), (out += quote(k) + ": "), walk(e)));
      out += "}";
    } else out += `<${Object.prototype.toString.call(x)}>`;
  };
  walk(v);
  return out.length > max ? out.slice(0, max) + "..." : out;
}

/** What a JS primitive is after JS -> Python -> JS inside a container. */
function expectedPrimitive(v: unknown): unknown {
  if (typeof v === "number") return Object.is(v, -0) ? 0 : v;
  if (typeof v === "bigint") return v; // a JsBigInt in Python: a BigInt again (Pyodide 314)
  if (v === null) return undefined;
  return v;
}

/** null if `back` is what JS -> Python -> JS must make of `orig`, else "<path>: <difference>". */
function jsDiff(orig: unknown, back: unknown): string | null {
  const memo = new Map<object, { back: unknown; path: string }>();
  const rev = new Map<unknown, string>();
  const diff = (o: unknown, b: unknown, path: string): string | null => {
    if (!isContainer(o)) {
      const want = expectedPrimitive(o);
      if (typeof b === typeof want && Object.is(b, want)) return null;
      return `${path}: expected ${typeof want} ${show(want, 80)} (from ${typeof o} ${show(o, 80)}), got ${typeof b} ${show(b, 80)}`;
    }
    const seen = memo.get(o);
    if (seen) {
      return seen.back === b ? null : `${path}: the container first met at ${seen.path} is not the same object here (sharing or cycle lost)`;
    }
    const kind = Array.isArray(o) ? "Array" : o instanceof Set ? "Set" : "Map";
    const ok = kind === "Array" ? Array.isArray(b) : kind === "Set" ? b instanceof Set : b instanceof Map;
    if (!ok) return `${path}: expected ${kind}, got ${show(b, 80)}`;
    if (b === o) return `${path}: the result is the original object, not a conversion`;
    if (rev.has(b)) return `${path}: the result container is also the conversion of a different original at ${rev.get(b)}`;
    memo.set(o, { back: b, path });
    rev.set(b, path);
    if (Array.isArray(o)) {
      const a = b as unknown[];
      if (a.length !== o.length) return `${path}: expected length ${o.length}, got ${a.length}: ${show(a, 120)}`;
      for (let i = 0; i < o.length; i++) {
        if (!(i in a)) return `${path}[${i}]: a hole`;
        const d = diff(o[i], a[i], `${path}[${i}]`);
        if (d) return d;
      }
      return null;
    }
    if (o instanceof Set) {
      const s = b as Set<unknown>;
      if (s.size !== o.size) return `${path}: expected ${show(o, 120)}, got ${show(s, 120)}`;
      for (const e of o) if (!s.has(expectedPrimitive(e))) return `${path}: element ${show(e, 40)} missing from ${show(s, 120)}`;
      return null;
    }
    const m = b as Map<unknown, unknown>;
    const entries: [unknown, unknown][] = o instanceof Map ? [...o.entries()] : Object.entries(o);
    if (m.size !== entries.length) return `${path}: expected ${entries.length} entries, got ${m.size}: ${show(m, 120)}`;
    for (const [k, e] of entries) {
      const p = `${path}.get(${show(k, 40)})`;
      const ek = expectedPrimitive(k);
      if (!m.has(ek)) return `${p}: key missing from the result (keys ${show([...m.keys()], 120)})`;
      const d = diff(e, m.get(ek), p);
      if (d) return d;
    }
    return null;
  };
  return diff(orig, back, "v");
}

// ---------------------------------------------------------------------------------------------

let py: PythonRuntime;
/** `py.toPy`, which the conversion work adds to the runtime. */
function toPy(v: unknown): any {
  const f = (py as any).toPy;
  if (typeof f !== "function") throw new Error("py.toPy is not a function in this build of dist/");
  return f.call(py, v);
}
/** Fails at once, with one message, while the build has no `py.toPy`. */
function needToPy(): void {
  expect(typeof (py as any).toPy, "py.toPy is missing from dist/").toBe("function");
}
function free(v: any): void {
  if (v instanceof ffi.PyProxy) v.destroy();
}

beforeAll(async () => {
  py = (await startPython()).py;
  py.runPython(PY_FUZZ);
});

describe("generators and comparators", () => {
  test("are deterministic and catch planted differences", () => {
    // Python: right conversions pass; planted differences are reported with the seed and the path
    expect(py.runPython("ascii(gen(77)) == ascii(gen(77)) and ascii(gen(77)) != ascii(gen(78))")).toBe(true);
    expect(py.runPython("check([3.0, -0.0, 2.0**53, 1e300, 2**64, (1,)], [3, 0, 2**53, 1e300, JsBigInt(2**64), [1]], 0)")).toBe("");
    expect(py.runPython("a = [1]; check([a, a], [[1], [1]], 0)")).toMatch(/^seed 0: v\[1\]: .*sharing or cycle lost/);
    expect(py.runPython("check({3.0: 1}, {3.0: 1}, 0)")).toMatch(/key came back as float/);
    expect(py.runPython("x = []; x.append(x); y = [[]]; check(x, y, 0)")).toMatch(/v\[0\]: .*sharing or cycle lost/);
    expect(py.runPython("check([chr(0xD800)], ['\\ufffd'], 0)")).toMatch(/expected str/);
    // JS
    expect(show(jsGen(77))).toBe(show(jsGen(77)));
    const v = jsGen(5);
    expect(jsDiff([v], [v])).toMatch(/the result is the original object/);
    const cyc: unknown[] = [1n, -0, null];
    cyc.push(cyc);
    const good: unknown[] = [1n, 0, undefined];
    good.push(good);
    expect(jsDiff(cyc, good)).toBeNull();
    expect(jsDiff(cyc, [1n, 0, undefined, [1n, 0, undefined, good]])).toMatch(/^v\[3\]: .*sharing or cycle lost/);
    expect(jsDiff([cyc], [[1, 0, undefined, good]])).toMatch(/^v\[0\]\[0\]: expected bigint 1/);
    expect(jsDiff({ __proto__: null, a: "\uD800" }, new Map([["a", "\uFFFD"]]))).toMatch(/^v.get\("a"\)/);
  });
});

describe("Python -> JS -> Python", () => {
  const all = seeds(COUNT);
  const inPython = seeds(Math.min(COUNT, 1000), 1_000_000);
  test(`${all.length} values through PyProxy.toJs() and py.toPy()`, () => {
    needToPy();
    const fails: string[] = [];
    for (let start = 0; start < all.length && fails.length < MAX_FAILS; start += 500) {
      const chunk = all.slice(start, start + 500);
      const batch = py.runPython(`FuzzBatch([${chunk.join(", ")}])`);
      const values = batch.values;
      const check = batch.check;
      for (let i = 0; i < chunk.length && fails.length < MAX_FAILS; i++) {
        let item: any, js: unknown, back: unknown;
        try {
          item = values.get(i);
          js = item instanceof ffi.PyProxy ? item.toJs() : item;
          back = toPy(js);
          const msg = check(i, back);
          if (msg) fails.push(msg);
        } catch (e) {
          fails.push(`seed ${chunk[i]}: threw ${String(e).split("\n").slice(-2).join(" ")}\n    value (as JS): ${show(js)}`);
        } finally {
          free(item);
          free(back);
        }
      }
      check.destroy();
      values.destroy();
      batch.destroy();
    }
    report("Python -> JS -> Python", fails);
  });

  test(`${inPython.length} values through to_js(v).to_py() inside Python`, () => {
    expect(py.runPython("from pyodide.ffi import to_js as _t\ncallable(getattr(_t([1]), 'to_py', None))"), "JsProxy.to_py is missing from dist/").toBe(true);
    const result = py.runPython(`roundtrip_in_python([${inPython.join(", ")}])`);
    const fails: string[] = result.toJs();
    result.destroy();
    report("to_js(v).to_py()", fails);
  });
});

describe("JS -> Python -> JS", () => {
  const all = seeds(COUNT);
  test(`${all.length} values through py.toPy() and PyProxy.toJs()`, () => {
    needToPy();
    const fails: string[] = [];
    for (const seed of all) {
      const v = jsGen(seed);
      let p: any;
      try {
        if (meetsNullConstructor(v)) {
          expect(() => toPy(v)).toThrow(new TypeError("Cannot read properties of null (reading 'name')"));
          continue;
        }
        p = toPy(v);
        const back = p instanceof ffi.PyProxy ? p.toJs() : p;
        // toPy returns a primitive unchanged; inside containers the rules apply
        const msg = isContainer(v)
          ? jsDiff(v, back)
          : typeof back === typeof v && Object.is(back, v) ? null : `v: expected ${show(v)} unchanged, got ${show(back)}`;
        if (msg) fails.push(`seed ${seed}: ${msg}\n    value: ${show(v)}`);
      } catch (e) {
        fails.push(`seed ${seed}: threw ${String(e).split("\n").slice(-2).join(" ")}\n    value: ${show(v)}`);
      } finally {
        free(p);
      }
      if (fails.length >= MAX_FAILS) break;
    }
    report("JS -> Python -> JS", fails);
  });
});

describe("targeted cases", () => {
  test("a Map with both 1 and true as keys cannot become a dict", () => {
    needToPy();
    const e = thrown(() => toPy(new Map<unknown, unknown>([[1, "a"], [true, "b"]])));
    expect(String(e?.message ?? e)).toContain("Cannot faithfully convert Map into Python since it contains both 1 and true as keys");
    const fromPython = py.runPython(
      "import js\ntry:\n    js.eval('new Map([[1, \"a\"], [true, \"b\"]])').to_py()\n    r = 'no error'\nexcept Exception as e:\n    r = str(e)\nr",
    );
    expect(fromPython).toContain("Cannot faithfully convert Map into Python since it contains both 1 and true as keys");
  });
  test("a Map with both 0 and false, and a Set with both 1 and true, cannot convert either", () => {
    needToPy();
    expect(String(thrown(() => toPy(new Map<unknown, unknown>([[false, 1], [0, 2]]))).message)).toContain(
      "Cannot faithfully convert Map into Python since it contains both 0 and false as keys",
    );
    expect(String(thrown(() => toPy(new Set([true, 1]))).message)).toContain(
      "Cannot faithfully convert Set into Python since it contains both 1 and true as keys",
    );
  });
  test("a self-containing list becomes a self-containing Array and comes back self-containing", () => {
    needToPy();
    const proxy = py.runPython("selfie = [1]; selfie.append(selfie); selfie");
    const js = proxy.toJs();
    proxy.destroy();
    expect(Array.isArray(js) && js.length === 2 && js[0] === 1 && js[1] === js).toBe(true);
    const back = toPy(js);
    expect(py.runPython("lambda b: type(b) is list and len(b) == 2 and b[0] == 1 and b[1] is b and b is not selfie")(back)).toBe(true);
    const again = back.toJs();
    back.destroy();
    expect(again !== js && again[1] === again).toBe(true);
  });
});
