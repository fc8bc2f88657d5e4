// Bundles the compiled CLI into a few files so `rapport` starts fast: loading Kysely's
// hundreds of ES modules one by one costs ~100 ms; bundled it is ~10 ms.
// The native SQLite addon and the PostgreSQL driver stay external (pg loads only when used).
// The import worker (parsing beside the database writes) is a second entry: a worker thread
// starts from a file of its own, which services/import-parsing.ts finds next to itself as
// `import-worker.mjs`; code both entries use goes into shared chunks.
export default {
  input: { rapport: 'dist/src/cli/main.js', 'import-worker': 'dist/src/services/import-worker.js' },
  platform: 'node',
  // fastify and its plugins stay external: only `rapport serve` loads them, and Swagger UI
  // serves its files from beside its own module.
  external: ['better-sqlite3', 'pg', 'pg-native', 'fastify', /^@fastify\//],
  output: { dir: 'dist/bundle', cleanDir: true, format: 'esm', entryFileNames: '[name].mjs', chunkFileNames: '[name]-[hash].mjs' },
};
