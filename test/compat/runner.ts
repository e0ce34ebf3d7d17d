// Runs each case on Pyodide 314 and on this package and asserts the same observable outcome.
// A case that touches a deviation of the policy table states both outcomes instead, and each
// runtime must give exactly its own. A case marked `known` (a divergence not yet fixed) must still
// differ, so that fixing it fails the test until the mark is removed.

import { beforeAll, describe, expect, test } from "vitest";
import { loadBoth, POLICY, type CaseContext, type PolicyId, type RuntimeKind } from "./adapter.js";
import { outcomeOf } from "./observe.js";

export interface CompatCase {
  /** One behaviour, said as a sentence. */
  name: string;
  /**
   * The snippet: JS set-up, Python code, JS checks. It returns what is observed (described by
   * observe.ts) or throws. An async snippet must not return a PyProxy that is awaitable (the
   * Promise would adopt it): return plain data or an array instead.
   */
  run: (c: CaseContext) => unknown;
  /** Needs a DOM: runs in the browser project only. */
  dom?: boolean;
  /** A deviation of the policy table this case shows, with the outcome each runtime must give. */
  policy?: PolicyId;
  expect?: Record<RuntimeKind, unknown>;
  /**
   * A divergence from Pyodide not yet fixed: what differs. The case must still differ (so a fix
   * fails it until this field is removed); each one is a bug, never a decision.
   */
  known?: string;
}

const hasDom = typeof document !== "undefined";
let both: Promise<Record<RuntimeKind, CaseContext>> | undefined;

/** The outcome of one case on one runtime, as observe.ts describes it. */
export async function outcome(c: CompatCase, ctx: CaseContext): Promise<unknown> {
  ctx.stdout.length = 0;
  return outcomeOf(() => c.run(ctx), ctx);
}

export function compatSuite(group: string, cases: CompatCase[]): void {
  describe(group, () => {
    let rt: Record<RuntimeKind, CaseContext>;
    beforeAll(async () => {
      both ??= loadBoth();
      rt = await both;
    });
    const names = new Set<string>();
    for (const c of cases) {
      if (names.has(c.name)) throw new Error(`compat case named twice in ${group}: ${c.name}`);
      names.add(c.name);
      const key = `${group} > ${c.name}`;
      const applies = c.dom ? hasDom : !hasDom;
      test.skipIf(!applies)(c.name, async () => {
        const reference = await outcome(c, rt.pyodide);
        const ours = await outcome(c, rt.ours);
        if (c.policy) {
          if (!(c.policy in POLICY) || !c.expect) throw new Error(`${key}: a policy case needs a known policy and expect`);
          expect(reference, "Pyodide's outcome is not the one the policy table states").toEqual(c.expect.pyodide);
          expect(ours, "our outcome is not the deviation the policy table states").toEqual(c.expect.ours);
          expect(ours).not.toEqual(reference);
        } else if (c.known) {
          expect(ours, `${key} now matches Pyodide: remove its "known" field`).not.toEqual(reference);
        } else {
          expect({ ours }, `differs from Pyodide 314\n  Pyodide: ${JSON.stringify(reference)}\n  ours:    ${JSON.stringify(ours)}`).toEqual({ ours: reference });
        }
      });
    }
  });
}
