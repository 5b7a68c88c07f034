import { Injectable, OnApplicationBootstrap, RequestMethod } from '@nestjs/common';
import { DiscoveryService, MetadataScanner, Reflector } from '@nestjs/core';
import { ACCESS_METADATA } from '../../common/access/access.decorator';

const PATH_METADATA = 'path';
const METHOD_METADATA = 'method';

/** Lists routes that declare no access rule (neither on the handler nor on its controller). */
export function undeclaredRoutes(discovery: DiscoveryService, scanner: MetadataScanner, reflector: Reflector): string[] {
  const missing: string[] = [];
  for (const wrapper of discovery.getControllers()) {
    const instance = wrapper.instance as object | undefined;
    if (!instance) continue;
    const proto = Object.getPrototypeOf(instance) as object;
    const classRule = reflector.get<unknown>(ACCESS_METADATA, instance.constructor);
    for (const name of scanner.getAllMethodNames(proto)) {
      const handler = (proto as Record<string, unknown>)[name] as (...args: unknown[]) => unknown;
      if (Reflect.getMetadata(PATH_METADATA, handler) === undefined) continue;
      if (classRule === undefined && reflector.get<unknown>(ACCESS_METADATA, handler) === undefined) {
        const method = RequestMethod[Reflect.getMetadata(METHOD_METADATA, handler) as number] ?? '?';
        missing.push(`${instance.constructor.name}.${name} (${method})`);
      }
    }
  }
  return missing;
}

/** Stops start-up when a route forgot to declare who may call it (the guard would refuse it anyway). */
@Injectable()
export class AccessDeclarationCheck implements OnApplicationBootstrap {
  constructor(
    private readonly discovery: DiscoveryService,
    private readonly scanner: MetadataScanner,
    private readonly reflector: Reflector,
  ) {}

  onApplicationBootstrap(): void {
    const missing = undeclaredRoutes(this.discovery, this.scanner, this.reflector);
    if (missing.length > 0) {
      throw new Error(`Routes without @Access() or @Public(): ${missing.join(', ')}`);
    }
  }
}
