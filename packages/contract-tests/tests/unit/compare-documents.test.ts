// Unit tests of the document comparison: what counts as a difference, and how it is named.
import { compareOpenApiDocuments } from '../../src';

const user = {
  type: 'object',
  required: ['id', 'name'],
  properties: { id: { type: 'string', format: 'uuid' }, name: { type: 'string' } },
};

function document(responses: Record<string, unknown>, extra: Record<string, unknown> = {}) {
  return {
    openapi: '3.1.0',
    paths: {
      '/api/users/{id}': {
        get: {
          summary: 'One user',
          responses: {
            '200': { description: 'The user', content: { 'application/json': responses } },
          },
        },
        ...extra,
      },
    },
    components: { schemas: { User: user } },
  };
}

describe('compareOpenApiDocuments', () => {
  it('finds nothing between a $ref and the same schema inline, worded and ordered differently', () => {
    const a = document({ schema: { $ref: '#/components/schemas/User' } });
    const b = document({
      schema: {
        ...user,
        title: 'User',
        required: ['name', 'id'],
        properties: {
          id: { type: 'string', format: 'uuid', pattern: '^[0-9a-f-]+$' },
          name: { type: 'string' },
        },
      },
    });

    expect(compareOpenApiDocuments(['a', a], ['b', b])).toEqual([]);
  });

  it('names the method, path and status of a schema that differs', () => {
    const a = document({ schema: user });
    const b = document({
      schema: { ...user, properties: { ...user.properties, name: { type: 'integer' } } },
    });

    expect(compareOpenApiDocuments(['a', a], ['b', b])).toEqual([
      'GET /api/users/{id} responses 200 content application/json schema properties name type: "string" ≠ "integer"  (a ≠ b)',
    ]);
  });

  it('compares security schemes by what they are, not by their names', () => {
    const secured = (name: string, scheme: object) => ({
      ...document({ schema: user }),
      security: [{ [name]: [] }],
      components: { schemas: { User: user }, securitySchemes: { [name]: scheme } },
    });
    const bearer = { type: 'http', scheme: 'bearer' };

    expect(
      compareOpenApiDocuments(['a', secured('bearer', bearer)], ['b', secured('jwt', bearer)]),
    ).toEqual([]);
    expect(
      compareOpenApiDocuments(
        ['a', secured('bearer', bearer)],
        ['b', secured('key', { type: 'apiKey' })],
      ),
    ).toHaveLength(1);
  });

  it('names an operation that only one document has', () => {
    const a = document({ schema: user });
    const b = document(
      { schema: user },
      { delete: { responses: { '204': { description: 'Gone' } } } },
    );

    expect(compareOpenApiDocuments(['a', a], ['b', b])).toEqual([
      'DELETE /api/users/{id}: only in b',
    ]);
  });
});
