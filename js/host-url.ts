// Where a URL the user gives (in PyScript's configuration) points, and its bytes: relative URLs
// resolve against the page in browsers and against the working directory in Node, whose fetch
// cannot read file: URLs.

function isNode(): boolean {
  return typeof process !== "undefined" && typeof process.versions?.node === "string";
}

const HAS_SCHEME = /^[a-zA-Z][a-zA-Z\d+.-]*:/;

/** `url` resolved: against `document.baseURI` in a page, the working directory in Node. */
export async function resolveHostUrl(url: string): Promise<URL> {
  if (HAS_SCHEME.test(url) && !/^[a-zA-Z]:[\\/]/.test(url)) return new URL(url);
  const document = (globalThis as { document?: { baseURI?: string } }).document;
  if (document?.baseURI) return new URL(url, document.baseURI);
  if (isNode()) {
    const urlModule = "node:url";
    const { pathToFileURL } = await import(/* @vite-ignore */ /* webpackIgnore: true */ urlModule);
    const base = pathToFileURL(`${process.cwd()}/`);
    return new URL(url.replaceAll("\\", "/"), base);
  }
  const location = (globalThis as { location?: { href?: string } }).location;
  if (location?.href) return new URL(url, location.href);
  throw new TypeError(`cannot resolve the relative URL ${JSON.stringify(url)}: there is no page or working directory`);
}

/** The bytes at `url`; an Error naming the URL when there are none (HTTP status included). */
export async function fetchBytes(url: URL): Promise<Uint8Array> {
  if (url.protocol === "file:" && isNode()) {
    const fsModule = "node:fs/promises";
    const { readFile } = await import(/* @vite-ignore */ /* webpackIgnore: true */ fsModule);
    return new Uint8Array(await readFile(url));
  }
  const response = await fetch(url);
  if (!response.ok) throw new Error(`HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ""}`);
  return new Uint8Array(await response.arrayBuffer());
}
