// Basic implicit conversions and runPython results (Pyodide's type-translation page).
import type { CompatCase } from "../runner.js";

export const basics: CompatCase[] = [
  { name: "runPython returns an int as a Number", run: (c) => c.run("1 + 1") },
  { name: "a statement gives undefined", run: (c) => c.run("x = 1") },
  { name: "a trailing semicolon gives undefined", run: (c) => c.run("1 + 1;") },
  { name: "a str becomes a string", run: (c) => c.run("'héllo'") },
  { name: "True becomes true", run: (c) => c.run("True") },
  { name: "None becomes undefined", run: (c) => c.run("None") },
  { name: "a float becomes a Number", run: (c) => c.run("1.5") },
  { name: "float('nan') becomes NaN", run: (c) => c.run("float('nan')") },
  { name: "-0.0 stays negative zero", run: (c) => c.run("-0.0") },
  { name: "a big int becomes a BigInt", run: (c) => c.run("2**64") },
  {
    name: "2**53 is a Number on ours and a BigInt on Pyodide",
    run: (c) => c.run("2**53"),
    policy: "int53",
    expect: { pyodide: { value: { bigint: "9007199254740992" } }, ours: { value: 9007199254740992 } },
  },
  { name: "a list becomes a PyProxy", run: (c) => c.run("[1, 2]") },
  { name: "a ValueError becomes a PythonError", run: (c) => c.run("raise ValueError('bad')") },
];
