import { DataSource } from 'typeorm';
import { DEFAULT_DATABASE_TIMEOUTS, type DatabaseTimeouts } from '../config';
import { EmailVerificationEntity } from './email-verification.entity';
import { LoginAttemptEntity } from './login-attempt.entity';
import { migrations } from './migrations';
import { UserEntity } from './user.entity';

export const entities = [UserEntity, EmailVerificationEntity, LoginAttemptEntity];

export interface DataSourceOptions {
  url: string;
  poolSize?: number;
  timeouts?: DatabaseTimeouts;
  /** Told when an idle connection drops (a restart, a failover); the pool replaces it. */
  onConnectionLost?: (error: Error) => void;
}

/**
 * The app's DataSource, not yet initialized. The schema comes from migrations only, which
 * migrate() runs: unless told to, TypeORM runs none on initialize and logs no query. Its limits
 * turn a slow or missing database into an error the app answers with 503 instead of a request
 * that hangs: PostgreSQL cancels a statement that runs past `statementMs` (waiting for a lock
 * included), and a connection not had within `connectMs` (the server gone, or every connection
 * busy) is given up.
 */
export function createDataSource({
  url,
  poolSize = 10,
  timeouts = DEFAULT_DATABASE_TIMEOUTS,
  onConnectionLost = () => undefined,
}: DataSourceOptions): DataSource {
  return new DataSource({
    type: 'postgres',
    url,
    entities,
    migrations,
    synchronize: false,
    poolSize,
    applicationName: 'express-api',
    connectTimeoutMS: timeouts.connectMs,
    extra: { statement_timeout: timeouts.statementMs },
    // Instead of TypeORM's own console warning: the app's logger, or nothing in tests.
    poolErrorHandler: onConnectionLost,
  });
}
