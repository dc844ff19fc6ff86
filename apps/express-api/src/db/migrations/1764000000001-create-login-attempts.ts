import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateLoginAttempts1764000000001 implements MigrationInterface {
  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE login_attempts (
        id uuid PRIMARY KEY,
        email varchar(320) NOT NULL,
        client_ip varchar(64) NOT NULL,
        attempted_at timestamptz NOT NULL
      )`);
    await queryRunner.query(
      'CREATE INDEX login_attempts_email_ip_time_idx ON login_attempts (email, client_ip, attempted_at)',
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP TABLE login_attempts');
  }
}
