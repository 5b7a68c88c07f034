import { EntitySubscriberInterface, EventSubscriber, QueryRunner, TransactionStartEvent } from 'typeorm';
import { ActionContext, currentContext } from '../common/context/request-context';

/** Puts the acting user and request into the transaction-local setting read by the audit_row_change() trigger. */
export async function setAuditContext(runner: Pick<QueryRunner, 'query'>, context: ActionContext): Promise<void> {
  await runner.query(`SELECT set_config('ejournal.ctx', $1, true)`, [JSON.stringify(context)]);
}

/**
 * Every transaction opened inside a request (or a job, or the seeder) carries that context, so the database stamps
 * each audited write with who made it. A write outside such a transaction is refused by the trigger.
 */
@EventSubscriber()
export class AuditContextSubscriber implements EntitySubscriberInterface {
  async afterTransactionStart(event: TransactionStartEvent): Promise<void> {
    const context = currentContext();
    // only the outermost transaction: savepoints share its settings
    if (!context || (event.queryRunner as QueryRunner & { transactionDepth?: number }).transactionDepth !== 1) return;
    await setAuditContext(event.queryRunner, context);
  }
}
