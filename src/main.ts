import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { SwaggerModule } from '@nestjs/swagger';
import { AppModule } from './app.module';
import { configureApp, createFastifyAdapter } from './common/http/configure-app';
import { buildOpenApiDocument } from './common/http/openapi-document';
import { AppConfig, ConfigError, loadConfig } from './config/app-config';
import { hasPendingMigrations, prepareRuntime, Runtime, runMigrations } from './database/runtime';
import { DemoLogin, DemoSeeder } from './database/seed/demo-seeder';

const say = (m: string) => process.stdout.write(`${m}\n`);

/** Migrations: applied automatically to the embedded database; with DATABASE_URL they are `npm run migration:run`'s job. */
async function ensureSchema(runtime: Runtime): Promise<void> {
  const url = runtime.config.DATABASE_URL as string;
  if (runtime.embedded) {
    const applied = await runMigrations(url);
    if (applied.length > 0) say(`Applied migrations: ${applied.join(', ')}`);
  } else if (await hasPendingMigrations(url)) {
    throw new ConfigError(['DATABASE_URL: the database lacks migrations of this version; run "npm run migration:run" first']);
  }
}

async function createApi(config: AppConfig): Promise<NestFastifyApplication> {
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(config), createFastifyAdapter(config), {
    bufferLogs: true,
  });
  await configureApp(app, config);
  SwaggerModule.setup('docs', app, () => buildOpenApiDocument(app), {
    jsonDocumentUrl: 'docs/openapi.json',
    customSiteTitle: 'Электронный журнал — API',
  });
  return app;
}

function printBanner(runtime: Runtime, logins: DemoLogin[]): void {
  const { config } = runtime;
  const base = `http://localhost:${config.PORT}`;
  say('');
  say(`Электронный журнал is running at ${base}`);
  say(`  API:        ${base}/api/v1`);
  say(`  Swagger UI: ${base}/docs`);
  say(`  Health:     ${base}/health/ready`);
  if (runtime.embedded) say(`  Database:   embedded PostgreSQL, data in ${config.EMBEDDED_PG_DIR}`);
  if (logins.length > 0) {
    say('  Demo logins (login / password / role):');
    for (const l of logins) say(`    ${l.login.padEnd(12)} ${l.password.padEnd(24)} ${l.role}`);
  }
  say('');
}

async function bootstrap(): Promise<void> {
  const runtime = await prepareRuntime(loadConfig(), say, { allowEmbedded: true });
  let app: NestFastifyApplication | undefined;
  let closing = false;
  const stop = async (signal: string) => {
    if (closing) return;
    closing = true;
    say(`${signal}: stopping`);
    setTimeout(() => process.exit(1), 15_000).unref();
    await app?.close().catch(() => undefined);
    await runtime.embedded?.stop().catch(() => undefined);
    process.exit(0);
  };
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));

  try {
    await ensureSchema(runtime);
    app = await createApi(runtime.config);
    const logins = runtime.seedDemo ? await app.get(DemoSeeder).seedIfEmpty() : [];
    await app.listen({ port: runtime.config.PORT, host: runtime.config.HOST });
    printBanner(runtime, logins);
  } catch (e) {
    await app?.close().catch(() => undefined);
    await runtime.embedded?.stop().catch(() => undefined);
    throw e;
  }
}

bootstrap().catch((e: unknown) => {
  process.stderr.write(
    e instanceof ConfigError ? `${e.message}\n` : `Start-up failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`,
  );
  process.exit(1);
});
