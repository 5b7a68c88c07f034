import { Injectable, OnModuleInit } from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';
import { JOB_HANDLER_METADATA } from './job-handler.decorator';
import { checkJobHandlers, FoundHandler } from './job-handler-check';
import { ALL_JOB_TYPES } from './job-type';
import { JobProcessor } from './job-processor';

/** Finds the @JobHandler providers at start-up and refuses to start unless every JobType has exactly one. */
@Injectable()
export class JobHandlerRegistry implements OnModuleInit {
  private readonly handlers = new Map<string, JobProcessor>();

  constructor(private readonly discovery: DiscoveryService) {}

  onModuleInit(): void {
    const found: Array<FoundHandler & { instance: JobProcessor }> = [];
    for (const wrapper of this.discovery.getProviders()) {
      const type = wrapper.metatype ? (Reflect.getMetadata(JOB_HANDLER_METADATA, wrapper.metatype) as string | undefined) : undefined;
      if (!type || !wrapper.instance) continue;
      found.push({ type, name: (wrapper.metatype as { name: string }).name, instance: wrapper.instance as JobProcessor });
    }
    checkJobHandlers(ALL_JOB_TYPES, found);
    for (const h of found) this.handlers.set(h.type, h.instance);
  }

  get(type: string): JobProcessor | undefined {
    return this.handlers.get(type);
  }
}
