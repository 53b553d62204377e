/**
 * The OpenAPI 3.1 document of the JSON API, as a typed object. Features add their paths with `addApiPaths` when
 * their route module loads; /api/openapi.json serves the registry.
 */
export interface OpenApiOperation {
  /** Unique and stable; operations registered without one get `method + path` (see operationIdOf). */
  operationId?: string;
  summary: string;
  description?: string;
  /** `[]` for a public operation (no sign-in). */
  security?: Record<string, string[]>[];
  tags?: string[];
  parameters?: {
    name: string;
    in: 'path' | 'query' | 'header';
    required?: boolean;
    description?: string;
    schema: Record<string, unknown>;
  }[];
  requestBody?: { required?: boolean; content: Record<string, { schema: Record<string, unknown> }> };
  responses: Record<
    string,
    {
      description: string;
      headers?: Record<string, { description: string; schema: Record<string, unknown> }>;
      content?: Record<string, { schema: Record<string, unknown> }>;
    }
  >;
}
export type OpenApiPathItem = Partial<Record<'get' | 'post' | 'put' | 'delete', OpenApiOperation>>;

export interface OpenApiDocument {
  openapi: '3.1.0';
  info: {
    title: string;
    version: string;
    description: string;
    license: { name: string; identifier: string };
  };
  servers?: { url: string; description: string }[];
  tags: { name: string; description: string }[];
  components: { securitySchemes: Record<string, unknown>; schemas: Record<string, Record<string, unknown>> };
  security: Record<string, string[]>[];
  paths: Record<string, OpenApiPathItem>;
}

/** The registry (one document per process). */
export const openApiDocument: OpenApiDocument = {
  openapi: '3.1.0',
  info: {
    title: 'gongkai API',
    version: '1',
    description:
      '政务公开工作平台 JSON 接口。/api/public/ 下的开放数据接口无需登录，只返回已公开的数据（分页，带 ETag）；其余接口使用登录会话（Cookie）认证，所有写操作须在 X-CSRF-Token 请求头中携带页面上的 CSRF 令牌。错误统一返回 { error: { code, message, details } }。',
    license: { name: 'MIT', identifier: 'MIT' },
  },
  tags: [
    { name: '依申请公开', description: '政府信息公开申请的登记、办理、答复与统计（需登录）' },
    {
      name: '开放数据',
      description: '无需登录的公开数据：主动公开信息、公开目录、第二十条登记、年度报告、工作日历',
    },
  ],
  components: {
    securitySchemes: {
      session: { type: 'apiKey', in: 'cookie', name: 'gk_sid' },
      csrf: { type: 'apiKey', in: 'header', name: 'X-CSRF-Token' },
    },
    schemas: {
      Error: {
        type: 'object',
        properties: {
          error: {
            type: 'object',
            properties: { code: { type: 'string' }, message: { type: 'string' }, details: {} },
            required: ['code', 'message'],
          },
        },
      },
    },
  },
  security: [{ session: [] }],
  paths: {},
};

/** `get /api/requests/{id}/letters/{letter}` → `getRequestsByIdLettersByLetter`. */
export function operationIdOf(method: string, path: string): string {
  const words = path
    .replace(/^\/api\//, '')
    .split(/[/.-]/)
    .filter(Boolean)
    .map((w) => (w.startsWith('{') ? `By${w.slice(1, -1)}` : w))
    .map((w) => w[0]!.toUpperCase() + w.slice(1));
  return method + words.join('');
}

/**
 * The document as served: `servers` is the portal's public address (GONGKAI_PUBLIC_URL, else the request's origin),
 * and every operation has an operationId.
 */
export function openApiDocumentFor(serverUrl: string): OpenApiDocument {
  const paths: Record<string, OpenApiPathItem> = {};
  for (const [path, item] of Object.entries(openApiDocument.paths)) {
    paths[path] = Object.fromEntries(
      Object.entries(item).map(([method, op]) => [
        method,
        {
          operationId: operationIdOf(method, path),
          // Writes need the session and the page's CSRF token (checked globally, server.tsx).
          ...(method === 'get' ? {} : { security: [{ session: [], csrf: [] }] }),
          ...op,
        },
      ]),
    );
  }
  return {
    ...openApiDocument,
    servers: [{ url: serverUrl.replace(/\/$/, ''), description: '本站' }],
    paths,
  };
}

/** Add paths (and shared schemas) to the document. */
export function addApiPaths(
  paths: Record<string, OpenApiPathItem>,
  schemas: Record<string, Record<string, unknown>> = {},
): void {
  Object.assign(openApiDocument.paths, paths);
  Object.assign(openApiDocument.components.schemas, schemas);
}
