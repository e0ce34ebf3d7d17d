// Text tables of one environment's results: each runtime's median with its quartiles, and its
// ratio to Pyodide (below 1 = faster or smaller than Pyodide). Reasons and notes go to footnotes.
import { LABELS, RUNTIMES } from "./runtimes.mjs";
import { LABELS as PEER_LABELS, PEERS } from "./workers-peers.mjs";

function num(v) {
  const a = Math.abs(v);
  return v.toFixed(a >= 100 ? 0 : a >= 10 ? 1 : a >= 1 ? 2 : 3);
}

function pad(rows) {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
  return rows.map((r) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join("  ").trimEnd());
}

const central = (cell) => cell.median ?? cell.value;

export function formatEnvironment(env) {
  const notes = [];
  const footnote = (text) => {
    const i = notes.indexOf(text);
    return ` (${i < 0 ? notes.push(text) : i + 1})`;
  };
  const cellText = (cell, unit, name) => {
    if (cell.status !== "ok") return `${cell.status}${footnote(`${LABELS[name]} ${cell.status}: ${cell.reason}`)}`;
    const spread = cell.q1 === undefined ? "" : ` [${num(cell.q1)}-${num(cell.q3)}]`;
    return `${num(central(cell))} ${unit}${spread}${cell.note ? footnote(`${LABELS[name]}: ${cell.note}`) : ""}`;
  };
  const ratio = (cell, base) =>
    // A net cost at or below zero (a crossing no dearer than the Python-only loop) has no meaningful ratio.
    cell.status === "ok" && base.status === "ok" && central(base) > 0 && central(cell) > 0
      ? `${(central(cell) / central(base)).toFixed(2)}x`
      : "-";

  const others = RUNTIMES.filter((r) => r !== "pyodide");
  const header = ["case (one op)", ...RUNTIMES.map((r) => LABELS[r]), ...others.map((r) => `${r}/Pyodide`)];
  const rows = [...env.cases, ...env.derived, ...env.startup].map((row) => {
    const name = row.note ? `${row.name}${footnote(row.note)}` : row.name;
    return [
      name,
      ...RUNTIMES.map((r) => cellText(row.runtimes[r], row.unit, r)),
      ...others.map((r) => ratio(row.runtimes[r], row.runtimes.pyodide)),
    ];
  });
  const lines = [`== ${env.environment}: medians [IQR], ratio = runtime / Pyodide ==`, ...pad([header, ...rows])];
  for (const ref of env.references) lines.push(`reference: ${ref.name}: ${num(ref.median)} ms [${num(ref.q1)}-${num(ref.q3)}]`);
  notes.forEach((text, i) => lines.push(`(${i + 1}) ${text}`));
  lines.push(env.refused.length ? `network access refused: ${env.refused.join(", ")}` : "network access attempts: none");
  return lines.join("\n");
}

/**
 * The worker section: ours beside coincident, ratio = ours / coincident. For a rate (/s) above 1
 * means ours is faster, for a time (ms) below 1 does; the header says so.
 */
export function formatWorkers(env) {
  const labels = PEER_LABELS;
  if (env.error) return `== Workers (Chromium): FAILED ==\n${env.error}`;
  const notes = [];
  const footnote = (text) => {
    const i = notes.indexOf(text);
    return ` (${i < 0 ? notes.push(text) : i + 1})`;
  };
  const cellText = (cell, unit, peer) => {
    if (cell.status !== "ok") return `${cell.status}${footnote(`${labels[peer]} ${cell.status}: ${cell.reason}`)}`;
    return `${num(cell.median)} ${unit} [${num(cell.q1)}-${num(cell.q3)}]${cell.note ? footnote(`${labels[peer]}: ${cell.note}`) : ""}`;
  };
  const base = "coincident";
  const ours = "ours";
  const ratio = (row) => {
    const a = row.peers[ours];
    const b = row.peers[base];
    return a.status === "ok" && b.status === "ok" && b.median > 0 ? `${(a.median / b.median).toFixed(2)}x` : "-";
  };
  const header = ["case", ...PEERS.map((p) => labels[p]), `${ours}/${base}`];
  const rows = [...env.cases, ...env.startup].map((row) => [row.name, ...PEERS.map((p) => cellText(row.peers[p], row.unit, p)), ratio(row)]);
  const lines = [
    `== ${env.environment}: medians [IQR], ratio = ${ours} / ${base} (/s: above 1 is faster; ms: below 1 is faster) ==`,
    ...pad([header, ...rows]),
  ];
  notes.forEach((text, i) => lines.push(`(${i + 1}) ${text}`));
  lines.push(env.refused.length ? `network access refused: ${env.refused.join(", ")}` : "network access attempts: none");
  return lines.join("\n");
}
