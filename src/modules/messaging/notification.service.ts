import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { Actor } from '../../common/access/actor';
import { notFound } from '../../common/errors/problem';
import { DEFAULT_PAGE_LIMIT, keysetClause, KeysetKey, Page, pageOf } from '../../common/pagination/pagination';
import { NotificationListQuery, NotificationResponse } from './dto/notification.dto';

/** newest first: the creation time in microseconds, then the id */
const ORDER: KeysetKey[] = [
  { sql: `(extract(epoch FROM n.created_at) * 1000000)::bigint`, cast: 'bigint' },
  { sql: 'n.id', cast: 'uuid' },
];

const COLUMNS = `n.id, n.kind, n.title, n.body, n.payload, n.created_at AS "createdAt", n.read_at AS "readAt",
                 (extract(epoch FROM n.created_at) * 1000000)::bigint::text AS "orderKey"`;

/** What to tell whom: one notification per distinct recipient user. */
export interface NewNotification {
  kind: string;
  title: string;
  body: string;
  payload: Record<string, unknown>;
}

/** The notification store (the messaging module's first part): record, list own, mark read. */
@Injectable()
export class NotificationService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** Records the notification for each of `userIds` (duplicates and nulls dropped) in the caller's transaction. */
  async record(m: EntityManager, schoolId: string, userIds: Array<string | null>, n: NewNotification): Promise<number> {
    const ids = [...new Set(userIds.filter((u): u is string => u !== null))];
    if (ids.length === 0) return 0;
    await m.query(
      `INSERT INTO notification (school_id, user_id, kind, title, body, payload)
       SELECT $1, u.id, $3, $4, $5, $6::jsonb FROM app_user u WHERE u.id = ANY($2::uuid[]) AND u.school_id = $1`,
      [schoolId, ids, n.kind, n.title, n.body, JSON.stringify(n.payload)],
    );
    return ids.length;
  }

  async list(actor: Actor, q: NotificationListQuery): Promise<Page<NotificationResponse>> {
    const values: unknown[] = [actor.schoolId, actor.userId];
    const keyset = keysetClause(ORDER, q.cursor, (v) => `$${values.push(v)}`, 'desc');
    const limit = q.limit ?? DEFAULT_PAGE_LIMIT;
    const rows: Array<NotificationResponse & { orderKey: string }> = await this.db.manager.query(
      `SELECT ${COLUMNS} FROM notification n
        WHERE n.school_id = $1 AND n.user_id = $2 ${q.unread === 'true' ? 'AND n.read_at IS NULL' : ''} AND ${keyset.where}
        ORDER BY ${keyset.orderBy} LIMIT ${limit + 1}`,
      values,
    );
    return pageOf(rows, limit, (r) => [r.orderKey, r.id], ({ orderKey: _k, ...r }) => r);
  }

  /** Marks the actor's own notification read (idempotent: the first reading time stays); another user's: 404. */
  markRead(actor: Actor, id: string): Promise<NotificationResponse> {
    return this.db.transaction(async (m) => {
      // an UPDATE … RETURNING answers [rows, affected count] through TypeORM
      const [[row]] = (await m.query(
        `UPDATE notification n SET read_at = coalesce(n.read_at, now()), updated_at = now()
          WHERE n.id = $1 AND n.school_id = $2 AND n.user_id = $3 RETURNING ${COLUMNS}`,
        [id, actor.schoolId, actor.userId],
      )) as [Array<NotificationResponse & { orderKey: string }>, number];
      if (!row) throw notFound('Notification');
      const { orderKey: _k, ...rest } = row;
      return rest;
    });
  }
}
