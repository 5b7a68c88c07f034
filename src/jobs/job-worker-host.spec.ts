import { UnrecoverableError } from 'bullmq';
import { loadConfig } from '../config/app-config';
import { JobFailure } from './job-failure';
import { JobRunner } from './job-runner';
import { JobWorkerHost } from './job-worker-host';

type Processable = { process(job: unknown): Promise<string> };

function host(run: JobRunner['run']): Processable {
  const runner = { run } as unknown as JobRunner;
  return new JobWorkerHost(runner, loadConfig({ REDIS_URL: 'redis://127.0.0.1:1' })) as unknown as Processable;
}

const bullJob = (attemptsMade: number) => ({ id: 'j1', attemptsMade, opts: { attempts: 5 }, updateProgress: jest.fn() });

describe('JobWorkerHost: BullMQ jobs to the shared runner', () => {
  it('an unrecoverable error (JobFailure) becomes BullMQ UnrecoverableError with its reason: no retry', async () => {
    const h = host(async () => {
      throw new JobFailure('Школа не найдена');
    });
    const e = await h.process(bullJob(0)).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(UnrecoverableError);
    expect((e as Error).message).toBe('Школа не найдена');
  });

  it('any other error is rethrown as is, so BullMQ retries it with backoff', async () => {
    const boom = new Error('connection reset');
    const h = host(async () => {
      throw boom;
    });
    await expect(h.process(bullJob(0))).rejects.toBe(boom);
  });

  it('tells the runner the attempt number and whether it is the last one', async () => {
    const run = jest.fn(async () => 'succeeded' as const);
    const h = host(run as unknown as JobRunner['run']);
    await h.process(bullJob(0));
    await h.process(bullJob(4));
    expect(run.mock.calls.map((c) => [(c as unknown[])[0], ((c as unknown[])[1] as { attempt: number; final: boolean }).attempt, ((c as unknown[])[1] as { final: boolean }).final])).toEqual([
      ['j1', 1, false],
      ['j1', 5, true],
    ]);
  });
});
