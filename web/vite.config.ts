import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

// The dev server forwards the API to a running `kams serve` (KAMS_URL, default the run
// command's address), so the console and the API share one origin as in production.
const apiTarget = process.env.KAMS_URL ?? 'http://127.0.0.1:8080';

export default defineConfig({
  plugins: [react()],
  server: {
    proxy: { '/api': { target: apiTarget, changeOrigin: false } },
  },
  build: {
    // The console is served by `kams serve` under a CSP without 'unsafe-eval' or inline
    // scripts; hashed file names let it cache /assets/ for a long time.
    target: 'es2022',
    assetsDir: 'assets',
    chunkSizeWarningLimit: 1500,
  },
  test: {
    environment: 'node',
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx'],
    // Page tests render antd in jsdom, which is slow on a shared two-core machine.
    testTimeout: 30_000,
  },
});
