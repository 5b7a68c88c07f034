import { Controller, Get, Header, Param, ParseUUIDPipe, StreamableFile } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { Access, CurrentActor } from '../../common/access/access.decorator';
import { Actor } from '../../common/access/actor';
import { Role } from '../../common/access/role';
import { ApiProblems } from '../../common/errors/api-problems.decorator';
import { ExportsService } from './exports.service';
import { xlsxFile } from './imports.controller';
import { XLSX_CONTENT_TYPE } from './xlsx-files';

const XLSX_OK = {
  description: 'The XLSX file in exactly the import format, with `Content-Disposition: attachment`',
  content: { [XLSX_CONTENT_TYPE]: { schema: { type: 'string', format: 'binary' } } },
};

/** Exports of the current lists in the import format (recorded as personal-data reads). */
@ApiTags('imports')
@Controller()
export class ExportsController {
  constructor(private readonly exports: ExportsService) {}

  @Get('academic-years/:yearId/class-lists/export')
  @Access(Role.Admin, Role.Secretary, Role.Director, Role.Deputy)
  @ApiOperation({
    operationId: 'exportClassLists',
    summary: 'The current class lists of the year (students and up to two guardians) as XLSX in the import format',
  })
  @ApiProduces(XLSX_CONTENT_TYPE)
  @ApiOkResponse(XLSX_OK)
  @ApiProblems(400, 404)
  @Header('cache-control', 'no-store')
  async classLists(@CurrentActor() actor: Actor, @Param('yearId', ParseUUIDPipe) yearId: string): Promise<StreamableFile> {
    return xlsxFile(await this.exports.classLists(actor, yearId));
  }

  @Get('staff/export')
  @Access(Role.Admin, Role.Secretary, Role.Director, Role.Deputy)
  @ApiOperation({ operationId: 'exportStaff', summary: 'The staff list (not archived) as XLSX in the import format' })
  @ApiProduces(XLSX_CONTENT_TYPE)
  @ApiOkResponse(XLSX_OK)
  @ApiProblems(400)
  @Header('cache-control', 'no-store')
  async staff(@CurrentActor() actor: Actor): Promise<StreamableFile> {
    return xlsxFile(await this.exports.staff(actor));
  }
}
