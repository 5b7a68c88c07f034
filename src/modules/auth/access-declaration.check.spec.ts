import { Controller, Get, INestApplication, Post, Type } from '@nestjs/common';
import { DiscoveryModule, DiscoveryService, MetadataScanner, Reflector } from '@nestjs/core';
import { FastifyAdapter } from '@nestjs/platform-fastify';
import { Test } from '@nestjs/testing';
import { Access, Public } from '../../common/access/access.decorator';
import { Role } from '../../common/access/role';
import { AccessDeclarationCheck, undeclaredRoutes } from './access-declaration.check';

@Controller('declared')
class DeclaredController {
  @Get()
  @Public()
  list(): string[] {
    return [];
  }

  @Post()
  @Access(Role.Admin)
  create(): void {}

  /** Not a route: needs no declaration. */
  helper(): number {
    return 1;
  }
}

@Controller('class-level')
@Access(Role.Teacher, Role.Deputy)
class ClassLevelController {
  @Get()
  list(): string[] {
    return [];
  }

  @Post()
  create(): void {}
}

@Controller('leaky')
class LeakyController {
  @Get()
  @Public()
  list(): string[] {
    return [];
  }

  @Post('forgotten')
  forgottenRoute(): void {}
}

async function build(controllers: Type<unknown>[]): Promise<INestApplication> {
  const moduleRef = await Test.createTestingModule({
    imports: [DiscoveryModule],
    controllers,
    providers: [AccessDeclarationCheck],
  }).compile();
  // the project's HTTP adapter; init() never listens, so no port is opened
  return moduleRef.createNestApplication(new FastifyAdapter(), { logger: false });
}

describe('AccessDeclarationCheck', () => {
  let app: INestApplication | undefined;

  afterEach(async () => {
    await app?.close().catch(() => undefined);
    app = undefined;
  });

  it('start-up fails naming a route without @Access() or @Public()', async () => {
    app = await build([DeclaredController, LeakyController]);
    const failure = app.init();
    await expect(failure).rejects.toThrow(/Routes without @Access\(\) or @Public\(\)/);
    await expect(failure).rejects.toThrow(/LeakyController\.forgottenRoute \(POST\)/);
    // only the undeclared route is named
    const message = await failure.then(
      () => '',
      (e: unknown) => (e as Error).message,
    );
    expect(message).not.toContain('DeclaredController');
    expect(message).not.toContain('LeakyController.list');
  });

  it('a fully declared application starts', async () => {
    app = await build([DeclaredController, ClassLevelController]);
    await expect(app.init()).resolves.toBe(app);
  });
});

describe('undeclaredRoutes', () => {
  async function routesOf(controllers: Type<unknown>[]): Promise<string[]> {
    const moduleRef = await Test.createTestingModule({ imports: [DiscoveryModule], controllers }).compile();
    try {
      return undeclaredRoutes(moduleRef.get(DiscoveryService), moduleRef.get(MetadataScanner), moduleRef.get(Reflector));
    } finally {
      await moduleRef.close();
    }
  }

  it('returns [] for a class-level @Access', async () => {
    await expect(routesOf([ClassLevelController])).resolves.toEqual([]);
  });

  it('returns [] for methods that each declare access, ignoring non-route methods', async () => {
    await expect(routesOf([DeclaredController])).resolves.toEqual([]);
  });

  it('names each undeclared route with its controller, method and HTTP verb', async () => {
    await expect(routesOf([DeclaredController, ClassLevelController, LeakyController])).resolves.toEqual([
      'LeakyController.forgottenRoute (POST)',
    ]);
  });
});
