// Bundles the compiled CLI into a few files so `rapport` starts fast: loading Kysely's
// hundreds of ES modules one by one costs ~100 ms; bundled it is ~10 ms.
// The native SQLite addon and the PostgreSQL driver stay external (pg loads only when used).
export default {
  input: 'dist/src/cli/main.js',
  platform: 'node',
  // fastify and its plugins stay external: only `rapport serve` loads them, and Swagger UI
  // serves its files from beside its own module.
  external: ['better-sqlite3', 'pg', 'pg-native', 'fastify', /^@fastify\//],
  output: { dir: 'dist/bundle', cleanDir: true, format: 'esm', entryFileNames: 'rapport.mjs', chunkFileNames: '[name]-[hash].mjs' },
};
