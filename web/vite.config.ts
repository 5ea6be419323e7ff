import react from '@vitejs/plugin-react';
import { createHash } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build, type Plugin } from 'vite';
import { defineConfig } from 'vitest/config';

// The dev server forwards the API to a running `kams serve` (KAMS_URL, default the run
// command's address), so the console and the API share one origin as in production.
const apiTarget = process.env.KAMS_URL ?? 'http://127.0.0.1:8080';

/**
 * antd's styles for the console's first views as a CSS file made at build time
 * (src/app/staticStyles.tsx renders those views in Node), linked first in index.html. antd
 * then inserts no <style> element for a style the file has; inserting them one by one during
 * the first render made the browser work out the page's styles again for each.
 */
function antdStaticStyles(): Plugin {
  let fileName = '';
  return {
    name: 'kams:antd-static-styles',
    apply: 'build',
    async buildStart() {
      const outDir = await mkdtemp(join(tmpdir(), 'kams-styles-'));
      try {
        await build({
          configFile: false,
          logLevel: 'error', // its one warning: pages it imports are loaded lazily in the console
          mode: 'production',
          plugins: [react()],
          // Bundled whole, so Node runs the same antd modules the browser gets.
          ssr: { noExternal: true },
          define: { 'process.env.NODE_ENV': JSON.stringify('production') },
          build: { ssr: 'src/app/staticStyles.tsx', outDir, emptyOutDir: true },
        });
        const module = (await import(pathToFileURL(join(outDir, 'staticStyles.js')).href)) as {
          renderStaticStyles: () => Promise<string>;
        };
        const css = await module.renderStaticStyles();
        const hash = createHash('sha256').update(css).digest('hex').slice(0, 8);
        fileName = `assets/antd-${hash}.css`;
        this.emitFile({ type: 'asset', fileName, source: css });
      } finally {
        await rm(outDir, { recursive: true, force: true });
      }
    },
    transformIndexHtml: () => [
      { tag: 'link', attrs: { rel: 'stylesheet', href: `/${fileName}` }, injectTo: 'head-prepend' },
    ],
  };
}

export default defineConfig({
  plugins: [react(), antdStaticStyles()],
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
