// The same words as the Express twin, which checks the path itself before routing.
export const BAD_PATH_ENCODING = 'The request path is not valid percent-encoding.';

const ESCAPE = /%[0-9A-Fa-f]{2}/g;
// RFC 3986 §2.3: `%61` and `a` are the same character; any other escape may mean something.
const UNRESERVED = /[\w.~-]/;

const decodeUnreserved = (path: string): string =>
  path.replace(ESCAPE, (escape) => {
    const char = String.fromCharCode(parseInt(escape.slice(1), 16));
    return UNRESERVED.test(char) ? char : escape;
  });

/**
 * A path as the router matched it: Fastify's router (find-my-way) decodes escapes before
 * matching, so `/%68ealth` is `/health`. The not-found handler looks up a known path's
 * methods with it, and gets what the router saw. Decoding the unreserved characters is
 * enough for that: no route has any other character in its fixed part.
 */
export const routedPath = decodeUnreserved;
