import { Module, OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { ProblemError } from '../../common/errors/problem';
import { AppConfig } from '../../config/app-config';
import { ClassListImportHandler } from './class-list-import.handler';
import { ExportsController } from './exports.controller';
import { ExportsService } from './exports.service';
import { ImportUpload } from './import-upload.entity';
import { IMPORT_ROUTES, ImportsController } from './imports.controller';
import { acceptRawBody, acceptsRawBody } from './raw-body-routes';
import { IMPORT_CONTENT_TYPES, ImportsService } from './imports.service';
import { StaffImportHandler } from './staff-import.handler';

/**
 * The secretary's imports and exports (R-CON-6): upload routes, templates, exports and the two job handlers.
 * Loaded by the api and by the worker (src/job-handler-modules.ts); needs the global AuditModule and JobsModule.
 */
@Module({
  imports: [TypeOrmModule.forFeature([ImportUpload])],
  controllers: [ImportsController, ExportsController],
  providers: [ImportsService, ExportsService, ClassListImportHandler, StaffImportHandler],
})
export class ImportsModule implements OnModuleInit {
  constructor(
    private readonly adapterHost: HttpAdapterHost,
    private readonly config: AppConfig,
  ) {}

  /**
   * The import routes (and those other modules name with acceptRawBody, e.g. the plan import) take the file as the
   * raw body (XLSX, CSV or octet-stream) up to IMPORT_MAX_FILE_BYTES. The parser is registered on the one Fastify
   * instance but refuses (415) these media types on every other route before reading the body; the worker has no HTTP
   * adapter and skips this.
   */
  onModuleInit(): void {
    acceptRawBody(...IMPORT_ROUTES);
    const fastify = this.adapterHost?.httpAdapter?.getInstance?.() as FastifyInstance | undefined;
    if (!fastify || typeof fastify.addContentTypeParser !== 'function') return;
    const limit = this.config.IMPORT_MAX_FILE_BYTES;
    fastify.addContentTypeParser([...IMPORT_CONTENT_TYPES], (request: FastifyRequest, payload, done) => {
      const url = request.routeOptions?.url;
      if (url === undefined) {
        done(null, undefined); // no such route: its 404 answers, the body is never read
        return;
      }
      if (!acceptsRawBody(url)) {
        done(new ProblemError(415, 'unsupported-media-type', 'Unsupported media type', `Content-Type ${request.headers['content-type']} is not accepted here`), undefined);
        return;
      }
      const tooLarge = () =>
        new ProblemError(413, 'payload-too-large', 'Payload too large', `The file may have at most ${limit} bytes (IMPORT_MAX_FILE_BYTES)`);
      if (Number(request.headers['content-length']) > limit) {
        done(tooLarge(), undefined);
        return;
      }
      const chunks: Buffer[] = [];
      let size = 0;
      let finished = false;
      const finish = (err: Error | null, body?: Buffer) => {
        if (finished) return;
        finished = true;
        payload.removeAllListeners('data');
        done(err, body);
      };
      payload.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > limit) finish(tooLarge());
        else chunks.push(chunk);
      });
      payload.on('end', () => finish(null, Buffer.concat(chunks)));
      payload.on('error', (e: Error) => finish(e));
    });
  }
}
