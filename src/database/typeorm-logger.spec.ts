import { Logger as NestLogger } from '@nestjs/common';
import { Logger } from 'typeorm';
import { SafeTypeOrmLogger } from './typeorm-logger';

describe('SafeTypeOrmLogger', () => {
  it('never writes query parameters: a failed query with a password hash leaves no trace in the log', () => {
    const calls: string[] = [];
    const spies = (['log', 'warn', 'error', 'debug', 'verbose'] as const).map((level) =>
      jest.spyOn(NestLogger.prototype, level).mockImplementation((...args: unknown[]) => void calls.push(String(args[0]))),
    );
    const logger: Logger = new SafeTypeOrmLogger();
    const hash = '$argon2id$v=19$m=19456,t=2,p=1$c2FsdA$aGFzaA';
    logger.logQueryError(new Error('duplicate key'), 'INSERT INTO app_user (login, password_hash) VALUES ($1, $2)', ['x', hash]);
    logger.logQuery('SELECT 1', [hash]);
    logger.logQuerySlow(2500, 'UPDATE app_user SET password_hash = $1');
    logger.logMigration('Migration AuditTrail has been executed successfully.');
    expect(calls.join('\n')).not.toContain(hash);
    expect(calls).toEqual(['slow query (2500 ms): UPDATE app_user SET password_hash = $1', 'Migration AuditTrail has been executed successfully.']);
    spies.forEach((s) => s.mockRestore());
  });
});
