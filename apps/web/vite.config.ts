import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

/** The portal, built into apps/web/dist where the server serves it at `/`. */
export default defineConfig({
  plugins: [react()],
  // The server puts a fresh nonce in place of this word in each copy of index.html it serves
  // (apps/server/src/http/web.ts), for the <style> elements Mantine writes at run time: the
  // Content-Security-Policy's style-src allows those and nothing else inline.
  html: { cspNonce: "GUICHET_CSP_NONCE" },
  build: {
    outDir: "dist",
    emptyOutDir: true,
    // The password estimator chunk carries zxcvbn's dictionaries (about 1 MB) and loads only on password pages.
    chunkSizeWarningLimit: 1200,
  },
  server: {
    // `npm run dev -w @guichet/web` next to `npm start`: the API stays on the server's port.
    proxy: { "/api": "http://localhost:3000" },
  },
});
