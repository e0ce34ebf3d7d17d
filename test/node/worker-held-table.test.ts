// The reference tables of the worker mode (js/worker/held-table.ts): an object lent to the other
// side lives while any of its sends is unreleased; a release for an older generation of a slot,
// or a second release, does nothing.

import { expect, test } from "vitest";
import { HeldTable } from "../../dist/worker/held-table.js";

test("one stable reference per object; it lives until every send is released", () => {
  const table = new HeldTable();
  const a = {};
  const first = table.send(a);
  const second = table.send(a);
  expect(second).toEqual(first);
  table.release(first, 1);
  expect(table.get(first)).toBe(a);
  table.release(first, 1);
  expect(table.get(first)).toBeUndefined();
  expect(table.size).toBe(0);
});

test("a stale release (an older generation of a reused slot) does nothing", () => {
  const table = new HeldTable();
  const old = table.send({});
  table.release(old, 1);
  const b = {};
  const reused = table.send(b);
  expect(reused.id).toBe(old.id);
  expect(reused.gen).not.toBe(old.gen);
  table.release(old, 1);
  expect(table.get(reused)).toBe(b);
  expect(table.get(old)).toBeUndefined();
});

test("pinned objects survive releases; freed entries are reported once", () => {
  const table = new HeldTable();
  const freed: object[] = [];
  table.onFree((v) => freed.push(v));
  const pinned = table.pin(globalThis);
  table.release(pinned, 5);
  expect(table.get(pinned)).toBe(globalThis);
  const c = {};
  const ref = table.send(c);
  table.release(ref, 1);
  table.release(ref, 1);
  expect(freed).toEqual([c]);
});
