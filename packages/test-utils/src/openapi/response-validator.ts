import Ajv2020, { type ErrorObject, type ValidateFunction } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import {
  findOperation,
  pointerToken,
  type OpenApiDocument,
  type ResponseObject,
} from './find-operation';

/** One request and the response it got, as the validator needs them. */
export interface Exchange {
  method: string;
  /** The request URL: a path (`/api/users?limit=5`) or an absolute URL. */
  url: string;
  status: number;
  headers: Record<string, unknown>;
  /** The raw body; empty when the response has none. */
  text: string;
}

export interface ResponseValidator {
  /** What is wrong with the response, by the document; empty when it matches. */
  problemsWith(exchange: Exchange): string[];
  /** Throws an error naming the method, path, status and every problem found. */
  assertMatches(exchange: Exchange): void;
}

// The contract's answers to a route or method the document does not list: 404 and 405, after
// the body is read, so a body that cannot be read is refused first (400, 413).
const UNDOCUMENTED_ROUTE_STATUSES = [404, 405, 400, 413];
const DOCUMENT_ID = 'openapi.json';

function mediaTypeOf(headers: Record<string, unknown>): string {
  const value = headers['content-type'];
  return typeof value === 'string' ? value.replace(/;.*/, '').trim().toLowerCase() : '';
}

function parse(text: string): { value?: unknown; error?: string } {
  try {
    return { value: JSON.parse(text) as unknown };
  } catch {
    return { error: 'the body is not valid JSON' };
  }
}

function describeError(error: ErrorObject): string {
  const where = `body${error.instancePath.replace(/\//g, '.')}`;
  const extra = (error.params as { additionalProperty?: string }).additionalProperty;
  // Stryker disable next-line StringLiteral: equivalent, Ajv gives every error it makes a message
  return `${where} ${error.message ?? 'is invalid'}${extra ? `: ${extra}` : ''}`;
}

/**
 * The value a local JSON pointer (`#/a/b~1c`) points at in the document; undefined also
 * when the way there enters a schema with its own `$id`, where `#/…` means something else.
 */
function valueAt(document: OpenApiDocument, pointer: string): unknown {
  let value: unknown = document;
  for (const token of pointer.slice(2).split('/')) {
    const key = token.replace(/~1/g, '/').replace(/~0/g, '~');
    value = (value as Partial<Record<string, unknown>> | null | undefined)?.[key];
    // Object(): `in` on whatever the value is, a string or nothing included.
    if ('$id' in Object(value)) return undefined;
  }
  return value;
}

/**
 * The pointer to validate against: a schema that is only a `$ref` to another part of the
 * document validates exactly as its target, so each target is compiled once, not once per
 * response that names it (every problem response refers to the one Problem schema).
 */
function targetOf(document: OpenApiDocument, pointer: string): string {
  const seen = new Set<string>();
  let current = pointer;
  while (!seen.has(current)) {
    seen.add(current);
    const { $ref, ...rest } = Object(valueAt(document, current)) as { $ref?: unknown };
    if (typeof $ref !== 'string' || !$ref.startsWith('#/') || Object.keys(rest).length > 0)
      return current;
    current = $ref;
  }
  return current;
}

function describedResponse(
  responses: Record<string, ResponseObject | undefined>,
  status: number,
): [string, ResponseObject] | undefined {
  for (const key of [String(status), `${String(status)[0]}XX`, 'default']) {
    const response = responses[key];
    if (response) return [key, response];
  }
  return undefined;
}

// Both apps route `/%68ealth` as `/health` (RFC 3986 §2.3: escaped unreserved characters are
// the characters), and `/health/` as `/health`, so the document's `/health` describes both.
const ENCODED_UNRESERVED = /%(?:[46][1-9A-Fa-f]|[57][0-9Aa]|3[0-9]|2[DEde]|5[Ff]|7[Ee])/g;
const routedPath = (path: string) =>
  path
    .replace(ENCODED_UNRESERVED, (escape) => String.fromCharCode(parseInt(escape.slice(1), 16)))
    .replace(/(?<=.)\/$/, '');

// Refused before routing, with the contract's 400, as Fastify's router checks it (`%zz`, `%FF`).
// The router keeps `%25` out of the decoding (`%2525`), which changes what it decodes to but not
// whether it can be decoded: `%25` is a whole escape either way.
function isValidPercentEncoding(path: string): boolean {
  try {
    decodeURI(path);
  } catch {
    return false;
  }
  return true;
}

/**
 * Checks responses against an OpenAPI 3.1 document: the status must be one the operation
 * lists, the content type one it describes, the body valid against its JSON Schema
 * (draft 2020-12, as OpenAPI 3.1 uses, by Ajv with the formats of ajv-formats), and every
 * required header present. A path or method the document does not list may only get the
 * contract's 404 or 405, with a body valid against the document's `Problem` schema.
 */
export function createResponseValidator(document: OpenApiDocument): ResponseValidator {
  // Compiling is what costs, once per test file: the document is not checked against the
  // meta-schema (~40 ms; a schema Ajv cannot read still fails when its response is first
  // checked), and the generated code is not optimised (half the compile time, for code that
  // runs a few times).
  const ajv = new Ajv2020({
    allErrors: true,
    strict: false,
    // Stryker disable next-line BooleanLiteral: equivalent, the meta-schema ignores all a document has at its top (openapi, paths, components)
    validateSchema: false,
    // Stryker disable next-line ObjectLiteral,BooleanLiteral: equivalent, how far Ajv optimises the code it makes, not what that code decides
    code: { optimize: false },
  });
  addFormats(ajv);
  ajv.addSchema(document, DOCUMENT_ID);
  const compiled = new Map<string, ValidateFunction>();
  const validatorAt = (pointer: string) => {
    pointer = targetOf(document, pointer);
    let validate = compiled.get(pointer);
    if (!validate) {
      validate = ajv.compile({ $ref: `${DOCUMENT_ID}${pointer}` });
      compiled.set(pointer, validate);
    }
    return validate;
  };

  const bodyProblems = (pointer: string, exchange: Exchange): string[] => {
    const { value, error } = parse(exchange.text);
    if (error) return [error];
    const validate = validatorAt(pointer);
    validate(value);
    // Ajv leaves null there when the value is valid.
    return (validate.errors ?? []).map(describeError);
  };

  const undocumented = (
    exchange: Exchange,
    what: string,
    statuses = UNDOCUMENTED_ROUTE_STATUSES,
  ) => {
    if (!statuses.includes(exchange.status)) return [`the document describes no ${what}`];
    if (!document.components?.schemas?.Problem) return [];
    return bodyProblems('#/components/schemas/Problem', exchange);
  };

  const contentProblems = (pointer: string, response: ResponseObject, exchange: Exchange) => {
    const content = response.content ?? {};
    const described = Object.keys(content);
    if (exchange.text === '')
      return described.length > 0
        ? [`no body, but the document describes ${described.join(', ')}`]
        : [];
    if (described.length === 0) return ['a body, but the document describes none'];
    const mediaType = mediaTypeOf(exchange.headers);
    if (!described.includes(mediaType))
      return [`content-type ${mediaType || '(none)'} is not among ${described.join(', ')}`];
    const { schema } = content[mediaType] ?? {};
    if (schema === undefined) return [];
    return bodyProblems(`${pointer}/content/${pointerToken(mediaType)}/schema`, exchange);
  };

  const headerProblems = (response: ResponseObject, exchange: Exchange) =>
    Object.entries(response.headers ?? {})
      .filter(
        ([name, header]) => header.required && exchange.headers[name.toLowerCase()] === undefined,
      )
      .map(([name]) => `the required header ${name} is missing`);

  const problemsWith = (exchange: Exchange): string[] => {
    const method = exchange.method.toUpperCase();
    const pathname = routedPath(new URL(exchange.url, 'http://localhost').pathname);
    if (!isValidPercentEncoding(pathname))
      return undocumented(
        exchange,
        `${exchange.status} for a path with bad percent-encoding`,
        [400],
      );
    const found = findOperation(document, method, pathname);
    if (!found) return undocumented(exchange, `path ${pathname}`);
    if (!found.operation)
      return undocumented(
        exchange,
        `${method} on ${found.template} (only ${found.methods.join(', ')})`,
      );
    const responses = found.operation.responses ?? {};
    const match = describedResponse(responses, exchange.status);
    if (!match)
      return [`status ${exchange.status} is not among ${Object.keys(responses).join(', ')}`];
    const [key, response] = match;
    const pointer = `${found.pointer}/responses/${key}`;
    return [...contentProblems(pointer, response, exchange), ...headerProblems(response, exchange)];
  };

  return {
    problemsWith,
    assertMatches(exchange) {
      const problems = problemsWith(exchange);
      if (problems.length === 0) return;
      const { method, url, status } = exchange;
      const pathname = routedPath(new URL(url, 'http://localhost').pathname);
      const template = findOperation(document, method, pathname)?.template ?? pathname;
      throw new Error(
        `${method.toUpperCase()} ${template} → ${status} does not match the OpenAPI document` +
          ` (request: ${method.toUpperCase()} ${pathname}):\n  - ${problems.join('\n  - ')}\n` +
          `  body: ${exchange.text.slice(0, 500) || '(empty)'}`,
      );
    },
  };
}
