/** The BullMQ queues (architecture.md, Jobs). Processors register for one of these; the worker runs them. */
export enum QueueName {
  Reports = 'reports',
  Forecasts = 'forecasts',
  Imports = 'imports',
  Notifications = 'notifications',
}

export const ALL_QUEUES: readonly QueueName[] = Object.values(QueueName);
