// `npm run playground`: serves the playground page (playground/) and the built package (dist/)
// from 127.0.0.1. Builds dist/ first (the fast development build) when it is missing.
//   node scripts/playground.mjs [--port N]   (default 8787, or $PORT; 0 picks a free port)
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { createServer } from "node:http";
import { extname, join, resolve, sep } from "node:path";

const root = resolve(import.meta.dirname, "..");
const portArg = process.argv.indexOf("--port");
const port = Number(portArg > 0 ? process.argv[portArg + 1] : (process.env.PORT ?? 8787));
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`playground: --port must be a port number, not ${process.argv[portArg + 1] ?? process.env.PORT}`);
  process.exit(2);
}

if (!existsSync(join(root, "dist/index.js")) || !existsSync(join(root, "dist/wasm/core_bg.wasm"))) {
  console.log("playground: dist/ is missing; building it (scripts/build.sh --dev)");
  const build = spawnSync("bash", ["scripts/build.sh", "--dev"], { cwd: root, stdio: "inherit" });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

const MIME = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".wasm": "application/wasm",
  ".bin": "application/octet-stream",
};

// URL path prefix -> folder; anything else is 404.
const MOUNTS = [
  ["/playground/", join(root, "playground")],
  ["/dist/", join(root, "dist")],
];

/** The file a request path names, or undefined (outside the mounts, or `..` escaping one). */
function fileFor(pathname) {
  if (pathname === "/" || pathname === "/index.html") return join(root, "playground/index.html");
  for (const [prefix, dir] of MOUNTS) {
    if (!pathname.startsWith(prefix)) continue;
    const file = resolve(dir, decodeURIComponent(pathname.slice(prefix.length)));
    return file.startsWith(dir + sep) ? file : undefined;
  }
  return undefined;
}

const server = createServer(async (req, res) => {
  let file;
  try {
    file = fileFor(new URL(req.url ?? "/", "http://127.0.0.1").pathname);
  } catch {
    file = undefined; // a malformed %-escape
  }
  if (file === undefined || (req.method !== "GET" && req.method !== "HEAD")) {
    res.writeHead(404).end("Not found");
    return;
  }
  try {
    const body = await readFile(file);
    res.writeHead(200, { "content-type": MIME[extname(file)] ?? "application/octet-stream", "cache-control": "no-cache" });
    res.end(req.method === "HEAD" ? undefined : body);
  } catch {
    res.writeHead(404).end("Not found");
  }
});

server.on("error", (e) => {
  console.error(`playground: ${e.code === "EADDRINUSE" ? `port ${port} is in use (pass --port N)` : e.message}`);
  process.exit(1);
});
server.listen(port, "127.0.0.1", () => {
  console.log(`Playground: http://127.0.0.1:${server.address().port}/`);
});
