import { defineConfig } from "vitest/config";
import react from "@vitejs/plugin-react";

// The Tauri window loads the built files from ui/dist; `npm run dev` serves
// them on the devUrl in tauri.conf.json.
export default defineConfig({
  plugins: [react()],
  clearScreen: false,
  server: { port: 5173, strictPort: true },
  build: { target: "safari16", outDir: "dist", emptyOutDir: true },
  test: {
    environment: "jsdom",
    setupFiles: ["./src/test-setup.ts"],
  },
});
