import { DataSource } from 'typeorm';
import { ThrottleCount, ThrottleStore } from './throttle-rules';

/** One statement: opens a window or counts in the open one; an ended window is restarted in place. */
const HIT = `
  INSERT INTO login_throttle AS t (key, hits, window_start, expires_at)
  VALUES ($1, 1, now(), now() + $2 * interval '1 millisecond')
  ON CONFLICT (key) DO UPDATE SET
    hits         = CASE WHEN t.expires_at <= now() THEN 1 ELSE t.hits + 1 END,
    window_start = CASE WHEN t.expires_at <= now() THEN now() ELSE t.window_start END,
    expires_at   = CASE WHEN t.expires_at <= now() THEN EXCLUDED.expires_at ELSE t.expires_at END
  RETURNING hits, greatest(0, ceil(extract(epoch FROM (expires_at - now())) * 1000))::float8 AS reset_in_ms`;

/** Rows whose window ended are ignored by HIT; this removes them, at most every CLEANUP_EVERY_MS per process. */
const CLEANUP = `DELETE FROM login_throttle WHERE expires_at < now() - interval '1 minute'`;
const CLEANUP_EVERY_MS = 5 * 60_000;

/** Counters in the `login_throttle` table, for deployments without Redis. */
export class PgThrottleStore implements ThrottleStore {
  private lastCleanup = 0;

  constructor(private readonly db: DataSource) {}

  async hit(key: string, windowMs: number): Promise<ThrottleCount> {
    const rows: Array<{ hits: number; reset_in_ms: number }> = await this.db.transaction((m) => m.query(HIT, [key, windowMs]));
    if (Date.now() - this.lastCleanup > CLEANUP_EVERY_MS) {
      this.lastCleanup = Date.now();
      await this.db.transaction((m) => m.query(CLEANUP));
    }
    return { hits: Number(rows[0].hits), resetInMs: Number(rows[0].reset_in_ms) };
  }

  async release(key: string): Promise<void> {
    await this.db.transaction((m) =>
      m.query(`UPDATE login_throttle SET hits = hits - 1 WHERE key = $1 AND expires_at > now() AND hits > 0`, [key]),
    );
  }

  async clear(key: string): Promise<void> {
    await this.db.transaction((m) => m.query(`DELETE FROM login_throttle WHERE key = $1`, [key]));
  }
}
