import fp from 'fastify-plugin';
import type { Mailer } from './mailer';

declare module 'fastify' {
  interface FastifyInstance {
    mailer: Mailer;
  }
}

export const mailerPlugin = fp<{ mailer: Mailer }>(
  (app, { mailer }, done) => {
    app.decorate('mailer', mailer);
    done();
  },
  { name: 'mailer' },
);
