/// <reference types="vitest/config" />
import { vitePlugin as remix } from "@remix-run/dev";
import tailwindcss from "@tailwindcss/vite";
import { defineConfig } from "vite";
import tsconfigPaths from "vite-tsconfig-paths";

declare module "@remix-run/node" {
  interface Future {
    v3_singleFetch: true;
  }
}

export default defineConfig({
  plugins: [
    tailwindcss(),
    // The Remix plugin is not meant for Vitest runs (Remix docs).
    !process.env.VITEST &&
      remix({
        future: {
          v3_fetcherPersist: true,
          v3_lazyRouteDiscovery: true,
          v3_relativeSplatPath: true,
          v3_routeConfig: true,
          v3_singleFetch: true,
          v3_throwAbortReason: true,
        },
      }),
    tsconfigPaths(),
  ],
  server: { port: 3000 },
  // The browser's dependencies, bundled when the dev server starts: found later, at a first
  // request, Vite re-bundles them and answers the page's imports "504 Outdated Optimize Dep".
  optimizeDeps: { include: ["zod", "date-fns", "date-fns/locale", "react-markdown"] },
  ssr: { external: ["better-sqlite3", "@node-rs/argon2"] },
  test: {
    include: ["app/**/*.test.ts", "db/**/*.test.ts"],
    environment: "node",
    // Each test file gets its own empty in-memory database, migrated on first use.
    env: { DATABASE_PATH: ":memory:" },
  },
});
