// The folder-level import graph of a source tree, and its circles: shared by the layout tests of
// js/ (layout.test.ts) and rust/src. A test reduces its files' imports to edges between folders
// (fromFolder, toFolder); an import inside one folder is an edge from the folder to itself, which
// is no circle. Nodes are plain strings: whatever the test calls a folder.

export type Edge = readonly [from: string, to: string];

/**
 * Every circle of the graph, one per group of folders that reach each other (a strongly connected
 * component of more than one folder): the shortest path from the group's first folder (in sort
 * order) back to itself, as [a, b, ..., a]. Empty when the folders are layered.
 */
export function findCycles(edges: Iterable<Edge>): string[][] {
  const next = new Map<string, Set<string>>();
  for (const [from, to] of edges) {
    if (!next.has(from)) next.set(from, new Set());
    if (!next.has(to)) next.set(to, new Set());
    if (from !== to) next.get(from)!.add(to);
  }
  const nodes = [...next.keys()].sort();
  const successors = (n: string) => [...next.get(n)!].sort();

  // Tarjan's strongly connected components (recursive: a folder graph is small).
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const components: string[][] = [];
  const visit = (n: string): void => {
    index.set(n, index.size);
    low.set(n, index.get(n)!);
    stack.push(n);
    onStack.add(n);
    for (const m of successors(n)) {
      if (!index.has(m)) {
        visit(m);
        low.set(n, Math.min(low.get(n)!, low.get(m)!));
      } else if (onStack.has(m)) {
        low.set(n, Math.min(low.get(n)!, index.get(m)!));
      }
    }
    if (low.get(n) === index.get(n)) {
      const component: string[] = [];
      let m: string;
      do {
        m = stack.pop()!;
        onStack.delete(m);
        component.push(m);
      } while (m !== n);
      if (component.length > 1) components.push(component.sort());
    }
  };
  for (const n of nodes) if (!index.has(n)) visit(n);

  // One concrete circle per component: breadth-first from its first folder back to it.
  return components
    .sort((a, b) => (a[0] < b[0] ? -1 : 1))
    .map((component) => {
      const inside = new Set(component);
      const start = component[0];
      const cameFrom = new Map<string, string>();
      const queue = [start];
      while (queue.length > 0) {
        const n = queue.shift()!;
        for (const m of successors(n)) {
          if (!inside.has(m)) continue;
          if (m === start) {
            const path = [start];
            for (let k: string | undefined = n; k !== undefined && k !== start; k = cameFrom.get(k)) path.push(k);
            return [start, ...path.slice(1).reverse(), start];
          }
          if (!cameFrom.has(m)) {
            cameFrom.set(m, n);
            queue.push(m);
          }
        }
      }
      throw new Error(`no circle through ${start} in its own component`); // cannot happen
    });
}

/** A circle as one line: `a -> b -> a`. */
export function formatCycle(cycle: readonly string[]): string {
  return cycle.join(" -> ");
}

/**
 * The folders in an order where each imports only those before it (and itself): the layering a
 * reader can follow bottom-up. Throws, naming the circles, when there is none.
 */
export function layerOrder(edges: Iterable<Edge>): string[] {
  const list = [...edges];
  const cycles = findCycles(list);
  if (cycles.length > 0) throw new Error(`import circles between folders: ${cycles.map(formatCycle).join("; ")}`);
  const needs = new Map<string, Set<string>>();
  for (const [from, to] of list) {
    if (!needs.has(from)) needs.set(from, new Set());
    if (!needs.has(to)) needs.set(to, new Set());
    if (from !== to) needs.get(from)!.add(to);
  }
  const order: string[] = [];
  const placed = new Set<string>();
  while (placed.size < needs.size) {
    // Of the folders whose imports are all placed, the first by name: a stable order.
    const ready = [...needs.keys()].filter((n) => !placed.has(n) && [...needs.get(n)!].every((m) => placed.has(m))).sort();
    order.push(ready[0]);
    placed.add(ready[0]);
  }
  return order;
}
