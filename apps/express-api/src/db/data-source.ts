import { DataSource } from 'typeorm';
import { EmailVerificationEntity } from './email-verification.entity';
import { LoginAttemptEntity } from './login-attempt.entity';
import { migrations } from './migrations';
import { UserEntity } from './user.entity';

export const entities = [UserEntity, EmailVerificationEntity, LoginAttemptEntity];

export interface DataSourceOptions {
  url: string;
  poolSize?: number;
}

/** The app's DataSource, not yet initialized. The schema comes from migrations only. */
export function createDataSource({ url, poolSize = 10 }: DataSourceOptions): DataSource {
  return new DataSource({
    type: 'postgres',
    url,
    entities,
    migrations,
    synchronize: false,
    migrationsRun: false,
    poolSize,
    logging: false,
  });
}
