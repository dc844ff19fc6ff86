/** The parts of an OpenAPI 3.1 document the response validator reads. */
export interface OpenApiDocument {
  openapi: string;
  paths?: Record<string, PathItem | undefined>;
  components?: { schemas?: Record<string, unknown> };
}

export type PathItem = Record<string, unknown>;

export interface MediaType {
  schema?: unknown;
}

export interface ResponseObject {
  content?: Record<string, MediaType | undefined>;
  headers?: Record<string, { required?: boolean }>;
}

export interface Operation {
  responses?: Record<string, ResponseObject | undefined>;
}

export interface FoundOperation {
  /** The path as the document writes it: `/api/users/{id}`. */
  template: string;
  /** JSON pointer to the operation inside the document. */
  pointer: string;
  operation: Operation | undefined;
  /** The methods the document gives this path, for the message when `operation` is missing. */
  methods: string[];
}

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

/** `~` and `/` escaped as a JSON pointer (RFC 6901) token needs. */
export const pointerToken = (token: string) => token.replace(/~/g, '~0').replace(/\//g, '~1');

function matches(template: string, pathname: string): boolean {
  const pattern = template
    .split(/(\{[^}]+\})/)
    .map((part) => (part.startsWith('{') ? '[^/]+' : part.replace(/[.*+?^$()|[\]\\]/g, '\\$&')))
    .join('');
  return new RegExp(`^${pattern}$`).test(pathname);
}

/**
 * The document's path item for a request path: an exact path wins over a template
 * (`/api/users/me` before `/api/users/{id}`), as OpenAPI says.
 */
export function findOperation(
  document: OpenApiDocument,
  method: string,
  pathname: string,
): FoundOperation | undefined {
  const paths = document.paths ?? {};
  const templates = Object.keys(paths);
  const template =
    templates.find((candidate) => candidate === pathname) ??
    templates.find((candidate) => matches(candidate, pathname));
  if (template === undefined) return undefined;
  const item = paths[template] ?? {};
  const key = method.toLowerCase();
  return {
    template,
    pointer: `#/paths/${pointerToken(template)}/${key}`,
    operation: item[key] as Operation | undefined,
    methods: METHODS.filter((name) => name in item).map((name) => name.toUpperCase()),
  };
}
