import { Logger } from '@nestjs/common';
import { OutageLog } from './outage-log';

describe('OutageLog', () => {
  it('logs an outage once, however many reconnect attempts fail, and its end once', () => {
    const logger = { warn: jest.fn(), log: jest.fn() } as unknown as Logger;
    const outages = new OutageLog(logger, 'Redis');
    outages.recovered();
    for (let i = 0; i < 5; i++) outages.error(new Error('connect ECONNREFUSED 127.0.0.1:6379'));
    outages.recovered();
    outages.recovered();
    outages.error(new Error('read ECONNRESET'));
    expect((logger.warn as jest.Mock).mock.calls).toEqual([
      ['Redis is unreachable: connect ECONNREFUSED 127.0.0.1:6379'],
      ['Redis is unreachable: read ECONNRESET'],
    ]);
    expect((logger.log as jest.Mock).mock.calls).toEqual([['Redis is reachable again']]);
  });
});
