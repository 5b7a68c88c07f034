import { applyDecorators, Injectable, SetMetadata } from '@nestjs/common';
import { JobType } from './job-type';

export const JOB_HANDLER_METADATA = 'ejournal:job-handler';

/**
 * Marks a provider as the handler (processor) of a job type. The class must implement JobProcessor and be a
 * provider of a module that both the api and the worker import (see src/job-handler-modules.ts); at start-up
 * every JobType must have exactly one handler.
 */
export function JobHandler(type: JobType): ClassDecorator {
  return applyDecorators(Injectable(), SetMetadata(JOB_HANDLER_METADATA, type));
}
