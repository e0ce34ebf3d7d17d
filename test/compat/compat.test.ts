// The differential suite: every case runs on Pyodide 314 and on this package (see runner.ts).
import { api } from "./cases/api.js";
import { asyncio } from "./cases/asyncio.js";
import { basics } from "./cases/basics.js";
import { conversions } from "./cases/conversions.js";
import { dom } from "./cases/dom.js";
import { errors } from "./cases/errors.js";
import { jsproxy } from "./cases/jsproxy.js";
import { pyproxy } from "./cases/pyproxy.js";
import { stdin } from "./cases/stdin.js";
import { compatSuite } from "./runner.js";

compatSuite("basics", basics);
// Before "errors": its exit() cases close sys.stdin (as CPython's exit() does).
compatSuite("stdin", stdin);
compatSuite("pyproxy", pyproxy);
compatSuite("jsproxy", jsproxy);
compatSuite("conversions", conversions);
compatSuite("errors", errors);
compatSuite("asyncio", asyncio);
compatSuite("api", api);
compatSuite("dom", dom);
