import type { MigrationInterface, QueryRunner } from 'typeorm';

/** For the throttle's rule per client across emails, and for pruning by age alone. */
export class IndexLoginAttemptsByClientAndTime1764000000002 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(
      'CREATE INDEX login_attempts_ip_time_idx ON login_attempts (client_ip, attempted_at)',
    );
    await queryRunner.query(
      'CREATE INDEX login_attempts_time_idx ON login_attempts (attempted_at)',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX login_attempts_time_idx');
    await queryRunner.query('DROP INDEX login_attempts_ip_time_idx');
  }
}
