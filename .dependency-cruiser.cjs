// Dependency rules of gongkai's layers (docs/architecture.md, "Layers"). Run by `npm run check`.
const FEATURES =
  '(requests|publications|annual-report|villages|supervision|inquiries|dashboards|open-data|feeds|county)';
// Composition roots: they may import anything (they wire features into the web app, the CLI and the worker).
const ROOTS = [
  '^src/main\\.ts$',
  '^src/features\\.ts$',
  '^src/feature\\.ts$',
  '^src/setup\\.ts$',
  '^src/.+/feature\\.ts$',
  '^src/demo/load-demo\\.ts$',
];

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment:
        'No import cycles. Type-only imports vanish at run time, and a dynamic import() runs after every module has ' +
        'finished evaluating, so neither can expose a half-built module; the CLI uses import() to reach set-up.',
      from: { path: '^src/' },
      to: {
        circular: true,
        dependencyTypesNot: ['type-only', 'dynamic-import'],
        viaOnly: { dependencyTypesNot: ['type-only', 'dynamic-import'] },
      },
    },
    {
      name: 'not-into-web',
      severity: 'error',
      comment: 'Nothing below src/web/ imports src/web/ (features expose use cases; the web presents them).',
      from: { path: '^src/', pathNot: ['^src/web/', '^src/cli/', ...ROOTS] },
      to: { path: '^src/web/', dependencyTypesNot: ['type-only'] },
    },
    {
      name: 'feature-through-index',
      severity: 'error',
      comment: "A feature imports another feature only through that feature's index.ts.",
      from: { path: `^src/${FEATURES}/`, pathNot: ROOTS },
      to: {
        path: `^src/${FEATURES}/`,
        pathNot: ['^src/$1/', `^src/${FEATURES}/index\\.ts$`],
        dependencyTypesNot: ['type-only'],
      },
    },
    {
      name: 'shared-imports-no-feature',
      severity: 'error',
      comment:
        'Shared pieces (db, audit, calendar, org, auth, jobs, notifications, documents, …) import no feature.',
      from: {
        path: '^src/',
        pathNot: [`^src/${FEATURES}/`, '^src/web/', '^src/cli/', '^src/demo/', ...ROOTS],
      },
      to: { path: `^src/${FEATURES}/`, dependencyTypesNot: ['type-only'] },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: ['node_modules', '\\.test\\.tsx?$', '^test/', '^e2e/', '^bench/'] },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.tsx', '.js'] },
  },
};
