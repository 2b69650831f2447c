// First-load weight of a page: the HTML's module scripts (modulepreload links and module script
// sources) and stylesheets, fetched as a browser would and measured gzip-compressed.
import { gzipSync } from "node:zlib";

export interface PageWeight {
  page: string;
  path: string;
  jsGzipKb: number;
  cssGzipKb: number;
  files: number;
}

const ASSET = /<(?:link|script)\b[^>]*?(?:href|src)="(\/assets\/[^"]+\.(?:js|css))"/g;

export async function pageWeight(
  origin: string,
  page: string,
  path: string,
  cookie: string | null,
): Promise<PageWeight> {
  const response = await fetch(`${origin}${path}`, { headers: cookie ? { cookie } : {}, redirect: "manual" });
  if (response.status !== 200) throw new Error(`${path} svarede ${response.status}`);
  const html = await response.text();
  const assets = new Set([...html.matchAll(ASSET)].map((m) => m[1] as string));
  let js = 0;
  let css = 0;
  for (const asset of assets) {
    const body = new Uint8Array(await (await fetch(`${origin}${asset}`)).arrayBuffer());
    const size = gzipSync(body).byteLength;
    if (asset.endsWith(".css")) css += size;
    else js += size;
  }
  return { page, path, jsGzipKb: js / 1024, cssGzipKb: css / 1024, files: assets.size };
}
