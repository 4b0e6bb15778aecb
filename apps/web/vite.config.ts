import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";
import react from "@vitejs/plugin-react";
import { defineConfig, type Plugin } from "vite";

/**
 * Brotli and gzip copies of every built script, style sheet and SVG, made once at build at the
 * highest levels (too slow per request, free here); the server sends the copy the browser
 * accepts (@fastify/static preCompressed, apps/server/src/http/web.ts). Issue 13: the portal was
 * served uncompressed, 950 KiB on a first load.
 */
function precompress(): Plugin {
  let outDir = "dist";
  return {
    name: "guichet-precompress",
    apply: "build",
    configResolved(config) {
      outDir = config.build.outDir;
    },
    closeBundle() {
      const assets = join(outDir, "assets");
      for (const name of readdirSync(assets)) {
        if (!/\.(js|css|svg|json)$/.test(name)) continue;
        const bytes = readFileSync(join(assets, name));
        writeFileSync(
          join(assets, `${name}.br`),
          brotliCompressSync(bytes, {
            params: {
              [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
              [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
            },
          }),
        );
        writeFileSync(join(assets, `${name}.gz`), gzipSync(bytes, { level: 9 }));
      }
    },
  };
}

/** The portal, built into apps/web/dist where the server serves it at `/`. */
export default defineConfig({
  plugins: [react(), precompress()],
  // The server puts a fresh nonce in place of this word in each copy of index.html it serves
  // (apps/server/src/http/web.ts), for the <style> elements Mantine writes at run time: the
  // Content-Security-Policy's style-src allows those and nothing else inline.
  html: { cspNonce: "GUICHET_CSP_NONCE" },
  build: {
    outDir: "dist",
    emptyOutDir: true,
    // The password estimator chunk carries zxcvbn's dictionaries (about 1 MB) and loads only on password pages.
    chunkSizeWarningLimit: 1200,
    rolldownOptions: {
      // A page's chunk carries the small components it shares with other pages instead of asking
      // for each (a ticket page asked for 21 files of 2–4 KB: on a phone's connection, waves of
      // requests before its data could even be asked for; issue 13, first load).
      preserveEntrySignatures: false,
      output: { codeSplitting: { experimentalInlineCommonChunks: { maxSize: 16 * 1024 } } },
    },
  },
  server: {
    // `npm run dev -w @guichet/web` next to `npm start`: the API stays on the server's port.
    proxy: { "/api": "http://localhost:3000" },
  },
});
