import swagger from '@fastify/swagger';
import fp from 'fastify-plugin';
import { jsonSchemaTransform, jsonSchemaTransformObject } from 'fastify-type-provider-zod';
import type { OpenAPIV3_1 } from 'openapi-types';
import { z } from 'zod';
import { problemResponses } from '../http/problem';

type TransformObject = typeof jsonSchemaTransformObject;
type Transform = typeof jsonSchemaTransform;
type Responses = Record<string, { headers?: unknown } | undefined> | undefined;

/** The zod transform drops a response's `headers` (`Location` on a 201): put them back. */
const withResponseHeaders: Transform = (input) => {
  const result = jsonSchemaTransform(input);
  const original = (input.schema as { response?: Responses } | undefined)?.response;
  const transformed = (result.schema as { response?: Responses }).response;
  // Stryker disable OptionalChaining,ConditionalExpression,LogicalOperator: equivalent, the transform keeps every status, and `headers` copied as undefined is dropped from the JSON
  for (const [status, response] of Object.entries(original ?? {})) {
    const target = transformed?.[status];
    if (response?.headers && target) target.headers = response.headers;
  }
  // Stryker restore all
  return result;
};

/**
 * The zod transform adds an input and an output copy of every schema with an id; only the
 * ones some route refers to belong in the document.
 */
const withoutUnusedSchemas: TransformObject = (document) => {
  const result = jsonSchemaTransformObject(document) as OpenAPIV3_1.Document;
  const paths = JSON.stringify(result.paths ?? {});
  // Stryker disable next-line OptionalChaining: equivalent, the transform always writes `components`
  const used = Object.entries(result.components?.schemas ?? {}).filter(([name]) =>
    paths.includes(`"#/components/schemas/${name}"`),
  );
  return { ...result, components: { ...result.components, schemas: Object.fromEntries(used) } };
};

/**
 * The OpenAPI 3.1 document, made from the same zod schemas that validate requests and
 * serialize responses, so it cannot drift from what the routes do.
 */
export const openapiPlugin = fp(
  async (app) => {
    await app.register(swagger, {
      openapi: {
        openapi: '3.1.0',
        info: {
          title: 'fastify-api',
          description: 'The testbed user/auth API (Fastify + Drizzle).',
          version: '1.0.0',
        },
        components: {
          securitySchemes: { bearerAuth: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } },
        },
      },
      transform: withResponseHeaders,
      transformObject: withoutUnusedSchemas,
    });
    const OpenApiDocument = z.looseObject({
      openapi: z.string(),
      paths: z.record(z.string(), z.unknown()),
    });
    app.get(
      '/openapi.json',
      {
        schema: {
          tags: ['operations'],
          summary: 'This document',
          response: { 200: OpenApiDocument, ...problemResponses() },
        },
      },
      () => app.swagger(),
    );
  },
  // Stryker disable next-line ObjectLiteral,StringLiteral: no plugin depends on this one by name
  { name: 'openapi' },
);
