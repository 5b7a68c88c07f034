import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { NestFastifyApplication } from '@nestjs/platform-fastify';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { AppModule } from '../app.module';
import { applyApiPrefix, createFastifyAdapter } from '../common/http/configure-app';
import { buildOpenApiDocument } from '../common/http/openapi-document';
import { loadConfig } from '../config/app-config';

/**
 * Writes openapi/openapi.json from the code, without a database or a port (Nest preview mode).
 * `--stdout` prints it instead (the drift test compares the two).
 */
async function main(): Promise<void> {
  const config = loadConfig({
    DATABASE_URL: 'postgres://preview@127.0.0.1:1/preview',
    JWT_SECRET: 'preview-mode-secret-preview-mode-secret',
    LOG_LEVEL: 'silent',
  });
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(config), createFastifyAdapter(config), {
    preview: true,
    logger: false,
    abortOnError: false,
  });
  applyApiPrefix(app);
  const text = `${JSON.stringify(buildOpenApiDocument(app), null, 2)}\n`;
  await app.close();
  if (process.argv.includes('--stdout')) {
    process.stdout.write(text);
  } else {
    const file = resolve(__dirname, '..', '..', 'openapi', 'openapi.json');
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, text);
    process.stdout.write(`Wrote ${file}\n`);
  }
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exit(1);
});
