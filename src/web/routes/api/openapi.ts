/**
 * The OpenAPI 3.1 document of the JSON API, as a typed object. Features add their paths with `addApiPaths` when
 * their route module loads; /api/openapi.json serves the registry.
 */
export interface OpenApiOperation {
  summary: string;
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
    { description: string; content?: Record<string, { schema: Record<string, unknown> }> }
  >;
}
export type OpenApiPathItem = Partial<Record<'get' | 'post' | 'put' | 'delete', OpenApiOperation>>;

export interface OpenApiDocument {
  openapi: '3.1.0';
  info: { title: string; version: string; description: string };
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
      '政务公开工作平台 JSON 接口。使用登录会话（Cookie）认证；所有写操作须在 X-CSRF-Token 请求头中携带页面上的 CSRF 令牌。错误统一返回 { error: { code, message, details } }。',
  },
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

/** Add paths (and shared schemas) to the document. */
export function addApiPaths(
  paths: Record<string, OpenApiPathItem>,
  schemas: Record<string, Record<string, unknown>> = {},
): void {
  Object.assign(openApiDocument.paths, paths);
  Object.assign(openApiDocument.components.schemas, schemas);
}
