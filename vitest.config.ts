import { defineConfig } from 'vitest/config'
import { fileURLToPath } from 'node:url'

const BUILD_TESTS = '**/*.build.test.ts'

export default defineConfig({
  resolve: { alias: { '@': fileURLToPath(new URL('./', import.meta.url)) } },
  test: {
    exclude: ['node_modules', '.next', 'e2e'],
    environment: 'node',
    testTimeout: 20_000,
    hookTimeout: 30_000,
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['{app,components,lib,server,scripts,bench}/**/*.test.{ts,tsx}', 'test/**/*.test.ts'],
          exclude: ['node_modules', '.next', 'e2e', BUILD_TESTS],
          sequence: { groupOrder: 0 },
        },
      },
      {
        // Real `next build` runs: after the unit group, one at a time (each compiles for ~25 s).
        extends: true,
        test: { name: 'build', include: [`{app,components,lib,server,scripts}/${BUILD_TESTS}`], fileParallelism: false, sequence: { groupOrder: 1 } },
      },
    ],
  },
})
