// The same words as the Express twin, which checks the path itself before routing.
export const BAD_PATH_ENCODING = 'The request path is not valid percent-encoding.';

// RFC 3986 §2.3: `%61` and `a` are the same character; any other escape may mean something.
const ENCODED_UNRESERVED = /%(?:[46][1-9A-Fa-f]|[57][0-9Aa]|3[0-9]|2[DEde]|5[Ff]|7[Ee])/g;

/**
 * A path as the router matched it: Fastify's router (find-my-way) decodes escapes before
 * matching, so `/%68ealth` is `/health`. The not-found handler looks up a known path's
 * methods with it, and gets what the router saw. Decoding the unreserved characters is
 * enough for that: no route has any other character in its fixed part.
 */
export const routedPath = (path: string): string =>
  path.replace(ENCODED_UNRESERVED, (escape) => String.fromCharCode(parseInt(escape.slice(1), 16)));
