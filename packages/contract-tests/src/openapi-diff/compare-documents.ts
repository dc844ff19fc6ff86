import { normalize } from './normalize-schema';

type Json = unknown;
type Document = { paths?: Record<string, Record<string, Json>> } & Record<string, Json>;

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

interface Parameter {
  name: string;
  in: string;
}

/** The schemes a security requirement names, by what they are rather than by their names. */
function securityOf(requirements: Json, document: Document): Json {
  const schemes = (document.components as { securitySchemes?: Record<string, Json> } | undefined)
    ?.securitySchemes;
  return ((requirements ?? []) as Record<string, Json>[]).map((requirement) =>
    Object.keys(requirement).map((name) => normalize(schemes?.[name], document)),
  );
}

/** One operation as a client sees it: parameters by place and name, body, responses. */
function operationsOf(document: Document): Map<string, Json> {
  const operations = new Map<string, Json>();
  for (const [path, item] of Object.entries(document.paths ?? {})) {
    const shared = normalize(item.parameters ?? [], document) as Parameter[];
    for (const method of METHODS.filter((name) => name in item)) {
      const operation = normalize(item[method], document) as Record<string, Json>;
      const parameters = Object.fromEntries(
        [...shared, ...((operation.parameters ?? []) as Parameter[])].map((p) => [
          `${p.in} ${p.name}`,
          p,
        ]),
      );
      operations.set(`${method.toUpperCase()} ${path}`, {
        parameters,
        requestBody: operation.requestBody,
        responses: operation.responses,
        security: securityOf(operation.security ?? document.security, document),
      });
    }
  }
  return operations;
}

function show(value: Json): string {
  if (value === undefined) return 'absent';
  const text = JSON.stringify(value);
  return text.length > 120 ? `${text.slice(0, 119)}…` : text;
}

function differences(a: Json, b: Json, where: string): string[] {
  if (JSON.stringify(a) === JSON.stringify(b)) return [];
  const isObject = (value: Json) =>
    typeof value === 'object' && value !== null && !Array.isArray(value);
  if (!isObject(a) || !isObject(b)) return [`${where}: ${show(a)} ≠ ${show(b)}`];
  const left = a as Record<string, Json>;
  const right = b as Record<string, Json>;
  const keys = [...new Set([...Object.keys(left), ...Object.keys(right)])].sort();
  return keys.flatMap((key) => differences(left[key], right[key], `${where} ${key}`));
}

/**
 * What differs between two OpenAPI documents for a client: paths, methods, parameters,
 * request bodies, status codes, headers, content types and schemas. Ordering, wording and
 * where a schema is written (inline or `$ref`) do not count. Each line starts with the
 * method, path and, for a response, the status: `GET /api/users responses 200 …`.
 */
export function compareOpenApiDocuments(
  named: [string, Document],
  other: [string, Document],
): string[] {
  const [leftName, left] = named;
  const [rightName, right] = other;
  const a = operationsOf(left);
  const b = operationsOf(right);
  const keys = [...new Set([...a.keys(), ...b.keys()])].sort();
  return keys.flatMap((key) => {
    if (!a.has(key)) return [`${key}: only in ${rightName}`];
    if (!b.has(key)) return [`${key}: only in ${leftName}`];
    return differences(a.get(key), b.get(key), key).map(
      (line) => `${line}  (${leftName} ≠ ${rightName})`,
    );
  });
}
