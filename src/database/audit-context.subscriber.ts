import { isIP } from 'node:net';
import { EntitySubscriberInterface, EventSubscriber, QueryRunner, TransactionStartEvent } from 'typeorm';
import { ActionContext, currentContext } from '../common/context/request-context';
import { preparedQuery } from './prepared';

/** Lengths of the audit_event columns the context fills. */
const REQUEST_ID_MAX = 128;
const SYSTEM_MAX = 60;

/**
 * The context as the audit trail stores it. The client address comes from X-Forwarded-For when TRUST_PROXY is on,
 * so it may be anything the caller sent: only a real IP address is kept (a garbage or overlong value would make
 * every audited write fail). Request id and system name are cut to their columns for the same reason.
 */
export function auditContext(context: ActionContext): ActionContext {
  return {
    ...context,
    ip: context.ip && isIP(context.ip) ? context.ip : null,
    requestId: context.requestId ? context.requestId.slice(0, REQUEST_ID_MAX) : null,
    ...(context.system !== undefined ? { system: context.system.slice(0, SYSTEM_MAX) } : {}),
  };
}

const SET_CONTEXT = `SELECT set_config('ejournal.ctx', $1, true)`;

/** Puts the acting user and request into the transaction-local setting read by the audit_row_change() trigger. */
export async function setAuditContext(runner: Pick<QueryRunner, 'query'>, context: ActionContext): Promise<void> {
  await runner.query(SET_CONTEXT, [JSON.stringify(auditContext(context))]);
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
    // every transaction of a request starts with it: a named statement, on the transaction's connection
    await preparedQuery(event.queryRunner.manager, SET_CONTEXT, [JSON.stringify(auditContext(context))]);
  }
}
