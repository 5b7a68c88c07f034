import { INestApplication } from '@nestjs/common';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { BEARER_SCHEME } from '../access/access.decorator';
import { FieldError, PROBLEM_CONTENT_TYPE, ProblemDetails } from '../errors/problem';

const TAGS: Array<{ name: string; description: string }> = [
  { name: 'attendance', description: "Attendance: the class teacher's weekly verification, reasons and their history, missed lessons" },
  { name: 'audit', description: 'Audit trail (журнал действий), its XLSX export and usage monitoring' },
  { name: 'auth', description: 'Sign-in and the signed-in user' },
  { name: 'diary', description: "The diary (дневник) of a student: card, week, marks with averages, homework" },
  { name: 'homework', description: 'Homework set at lessons, by due date' },
  { name: 'contingent', description: 'Subjects, staff, classes, students and guardians of the school' },
  { name: 'health', description: 'Liveness and readiness probes' },
  { name: 'messaging', description: 'Notifications of the signed-in user' },
  { name: 'schedule', description: 'Rooms, the weekly timetable, its dated changes (substitutions) and views' },
  { name: 'planning', description: 'Curriculum (учебный план) and thematic plans (КТП) of teaching assignments' },
  { name: 'journal', description: "The class journal: the lesson's record (topic, marks, absences, homework), its history, the journal page, outage windows, home-schooling marks, the early warning" },
  { name: 'lessons', description: 'Dated lessons with the planned topics, and the coverage of the thematic plans' },
  { name: 'school', description: 'School, academic years, study periods, calendar, bells, mark types, settings' },
];

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.keys(value as Record<string, unknown>)
        .sort()
        .map((k) => [k, sortKeys((value as Record<string, unknown>)[k])]),
    );
  }
  return value;
}

const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options'] as const;

/**
 * The OpenAPI contract, the same for /docs and `npm run openapi`: public operations carry an empty
 * security requirement, every operation documents its problem+json errors, keys are sorted so the file diffs well.
 */
export function buildOpenApiDocument(app: INestApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('Электронный журнал — API')
    .setDescription(
      'REST API of the electronic class journal and diary (электронный журнал / дневник) for Russian schools. ' +
        'Errors are RFC 9457 problem+json with a stable `code`; lists are cursor-paginated (`limit`, `cursor`).',
    )
    .setVersion('1.0.0')
    .setLicense('MIT', 'https://opensource.org/licenses/MIT')
    .addServer('/', 'This server')
    .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' }, BEARER_SCHEME)
    .build();
  config.tags = TAGS;
  const document = SwaggerModule.createDocument(app, config, {
    extraModels: [ProblemDetails, FieldError],
    operationIdFactory: (controllerKey: string, methodKey: string) => `${controllerKey}_${methodKey}`,
  });
  for (const path of Object.values(document.paths)) {
    for (const method of METHODS) {
      const op = path[method];
      if (!op) continue;
      if (op['x-public' as keyof typeof op]) op.security = [];
      op.responses['500'] ??= {
        description: 'Unexpected error; quote the correlationId',
        content: { [PROBLEM_CONTENT_TYPE]: { schema: { $ref: '#/components/schemas/ProblemDetails' } } },
      };
    }
  }
  return sortKeys(document) as OpenAPIObject;
}
