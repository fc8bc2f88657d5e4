import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The web app: src/web → dist/web, served by `rapport serve`. Heavy pages (charts, the graph)
// are loaded on demand, so their libraries land in their own chunks.
export default defineConfig({
  root: 'src/web',
  base: '/',
  plugins: [react()],
  build: {
    outDir: '../../dist/web',
    emptyOutDir: true,
    chunkSizeWarningLimit: 1200,
    reportCompressedSize: false,
  },
  logLevel: 'warn',
});
