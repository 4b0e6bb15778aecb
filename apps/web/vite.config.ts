import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

/** The portal, built into apps/web/dist where the server serves it at `/`. */
export default defineConfig({
  plugins: [react()],
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
