import { ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { JwtService } from '@nestjs/jwt';
import { Access, PasswordChangeExempt, Public } from '../../common/access/access.decorator';
import { Actor } from '../../common/access/actor';
import { ALL_ROLES, Role } from '../../common/access/role';
import { ProblemError } from '../../common/errors/problem';
import { loadConfig } from '../../config/app-config';
import { AccessGuard } from './access.guard';
import { SessionStatus, SessionStatusService } from './sessions/session-status.service';
import { TOKEN_AUDIENCE, TOKEN_ISSUER, TokenService } from './token.service';

const SECRET = 'x'.repeat(40);
const ACTOR: Actor = {
  userId: '11111111-1111-4111-8111-111111111111',
  schoolId: '22222222-2222-4222-8222-222222222222',
  roles: [Role.Teacher],
  sessionId: '33333333-3333-4333-8333-333333333333',
};

class Routes {
  undeclared(): void {}

  @Public()
  open(): void {}

  @Access(Role.Admin, Role.Director)
  adminsOnly(): void {}

  @Access(Role.Teacher)
  teachersOnly(): void {}

  @Access(Role.Teacher)
  @PasswordChangeExempt()
  teachersEvenBeforePasswordChange(): void {}
}

@Access(Role.Admin)
class AdminController {
  inherited(): void {}

  @Public()
  openOverride(): void {}
}

type Handler = keyof Routes | keyof AdminController;
type TestRequest = { headers: { authorization?: string }; actor?: Actor };

function contextFor(cls: { prototype: object }, handler: Handler, request: TestRequest): ExecutionContext {
  const fn = (cls.prototype as Record<string, unknown>)[handler] as (...args: unknown[]) => unknown;
  return {
    getHandler: () => fn,
    getClass: () => cls,
    switchToHttp: () => ({ getRequest: () => request, getResponse: () => ({}), getNext: () => () => undefined }),
    getType: () => 'http',
    getArgs: () => [request],
    getArgByIndex: (i: number) => [request][i],
    switchToRpc: () => {
      throw new Error('not rpc');
    },
    switchToWs: () => {
      throw new Error('not ws');
    },
  } as unknown as ExecutionContext;
}

function requestWith(authorization?: string): TestRequest {
  return { headers: authorization === undefined ? {} : { authorization } };
}

async function refusal(promise: Promise<unknown>): Promise<ProblemError> {
  try {
    await promise;
  } catch (e) {
    expect(e).toBeInstanceOf(ProblemError);
    return e as ProblemError;
  }
  throw new Error('expected the guard to refuse, but it let the request through');
}

describe('AccessGuard', () => {
  const config = loadConfig({ JWT_SECRET: SECRET, DATABASE_URL: 'postgres://a@b/c' });
  const jwt = new JwtService({ secret: SECRET });
  const tokens = new TokenService(jwt, config);
  let session: SessionStatus = { active: true, mustChangePassword: false, roles: [...ALL_ROLES] };
  const status = { check: jest.fn(async () => session) } as unknown as SessionStatusService;
  const guard = new AccessGuard(new Reflector(), tokens, status);

  beforeEach(() => {
    session = { active: true, mustChangePassword: false, roles: [...ALL_ROLES] };
  });

  it('a route that declares no access is refused with 403 access-not-declared', async () => {
    const token = await tokens.sign({ ...ACTOR, roles: [Role.Admin] });
    const e = await refusal(guard.canActivate(contextFor(Routes, 'undeclared', requestWith(`Bearer ${token}`))));
    expect(e.status).toBe(403);
    expect(e.code).toBe('access-not-declared');
  });

  it('a public route lets anyone through', async () => {
    const request = requestWith();
    await expect(guard.canActivate(contextFor(Routes, 'open', request))).resolves.toBe(true);
    expect(request.actor).toBeUndefined();
    // even a garbage Authorization header does not matter on a public route
    await expect(guard.canActivate(contextFor(Routes, 'open', requestWith('Bearer !!!')))).resolves.toBe(true);
  });

  it('a method-level @Public() overrides a class-level @Access()', async () => {
    await expect(guard.canActivate(contextFor(AdminController, 'openOverride', requestWith()))).resolves.toBe(true);
  });

  it('a class-level @Access() applies to undecorated methods', async () => {
    const e = await refusal(guard.canActivate(contextFor(AdminController, 'inherited', requestWith())));
    expect(e.status).toBe(401);
    const token = await tokens.sign({ ...ACTOR, roles: [Role.Admin] });
    await expect(guard.canActivate(contextFor(AdminController, 'inherited', requestWith(`Bearer ${token}`)))).resolves.toBe(true);
  });

  it('no token → 401 unauthenticated', async () => {
    const e = await refusal(guard.canActivate(contextFor(Routes, 'teachersOnly', requestWith())));
    expect(e.status).toBe(401);
    expect(e.code).toBe('unauthenticated');
  });

  it.each([
    ['no scheme', '__TOKEN__'],
    ['Basic scheme', 'Basic dXNlcjpwYXNz'],
    ['Bearer without token', 'Bearer '],
    ['Bearer with a space inside the token', 'Bearer abc def'],
    ['empty header', ''],
  ])('a malformed Authorization header → 401 (%s)', async (_, header) => {
    const token = await tokens.sign(ACTOR);
    const e = await refusal(
      guard.canActivate(contextFor(Routes, 'teachersOnly', requestWith(header.replace('__TOKEN__', token)))),
    );
    expect(e.status).toBe(401);
    expect(e.code).toBe('unauthenticated');
  });

  it('the Bearer scheme is case-insensitive', async () => {
    const token = await tokens.sign(ACTOR);
    await expect(guard.canActivate(contextFor(Routes, 'teachersOnly', requestWith(`bearer ${token}`)))).resolves.toBe(true);
  });

  it('a token that is not a JWT → 401 invalid-token', async () => {
    const e = await refusal(guard.canActivate(contextFor(Routes, 'teachersOnly', requestWith('Bearer not.a.jwt'))));
    expect(e.status).toBe(401);
    expect(e.code).toBe('invalid-token');
  });

  it('an expired token → 401 invalid-token', async () => {
    const token = await jwt.signAsync(
      { sub: ACTOR.userId, sch: ACTOR.schoolId, roles: ACTOR.roles, exp: Math.floor(Date.now() / 1000) - 60 },
      { issuer: TOKEN_ISSUER, audience: TOKEN_AUDIENCE, algorithm: 'HS256' },
    );
    // the same token is fine apart from its expiry
    await expect(jwt.verifyAsync(token, { ignoreExpiration: true })).resolves.toMatchObject({ sub: ACTOR.userId });
    const e = await refusal(guard.canActivate(contextFor(Routes, 'teachersOnly', requestWith(`Bearer ${token}`))));
    expect(e.status).toBe(401);
    expect(e.code).toBe('invalid-token');
  });

  it('a token signed with another secret → 401 invalid-token', async () => {
    const forged = await new TokenService(new JwtService({ secret: 'y'.repeat(40) }), config).sign(ACTOR);
    const request = requestWith(`Bearer ${forged}`);
    const e = await refusal(guard.canActivate(contextFor(Routes, 'teachersOnly', request)));
    expect(e.status).toBe(401);
    expect(e.code).toBe('invalid-token');
    expect(request.actor).toBeUndefined();
  });

  it('a token for another issuer or audience → 401 invalid-token', async () => {
    const claims = { sub: ACTOR.userId, sch: ACTOR.schoolId, roles: ACTOR.roles };
    const otherIssuer = await jwt.signAsync(claims, { issuer: 'someone-else', audience: TOKEN_AUDIENCE, expiresIn: 60 });
    const otherAudience = await jwt.signAsync(claims, { issuer: TOKEN_ISSUER, audience: 'another-api', expiresIn: 60 });
    for (const token of [otherIssuer, otherAudience]) {
      const e = await refusal(guard.canActivate(contextFor(Routes, 'teachersOnly', requestWith(`Bearer ${token}`))));
      expect(e.code).toBe('invalid-token');
    }
  });

  it('a role outside the declaration → 403 forbidden', async () => {
    const token = await tokens.sign({ ...ACTOR, roles: [Role.Teacher, Role.Parent] });
    const request = requestWith(`Bearer ${token}`);
    const e = await refusal(guard.canActivate(contextFor(Routes, 'adminsOnly', request)));
    expect(e.status).toBe(403);
    expect(e.code).toBe('forbidden');
    expect(request.actor).toBeUndefined();
  });

  it('a role inside the declaration passes and the actor is put on the request', async () => {
    const actor: Actor = { ...ACTOR, roles: [Role.Parent, Role.Director] };
    const token = await tokens.sign(actor);
    const request = requestWith(`Bearer ${token}`);
    await expect(guard.canActivate(contextFor(Routes, 'adminsOnly', request))).resolves.toBe(true);
    expect(request.actor).toEqual(actor);
  });

  it('unknown roles inside a token are dropped', async () => {
    const token = await jwt.signAsync(
      { sub: ACTOR.userId, sch: ACTOR.schoolId, sid: ACTOR.sessionId, roles: ['admin', 'superuser'] },
      { issuer: TOKEN_ISSUER, audience: TOKEN_AUDIENCE, expiresIn: 60, algorithm: 'HS256' },
    );
    const request = requestWith(`Bearer ${token}`);
    await expect(guard.canActivate(contextFor(Routes, 'adminsOnly', request))).resolves.toBe(true);
    expect(request.actor?.roles).toEqual(['admin']);
    expect(request.actor?.userId).toBe(ACTOR.userId);
    expect(request.actor?.schoolId).toBe(ACTOR.schoolId);
  });

  it('a token whose only roles are unknown → 403 forbidden', async () => {
    const token = await jwt.signAsync(
      { sub: ACTOR.userId, sch: ACTOR.schoolId, sid: ACTOR.sessionId, roles: ['superuser'] },
      { issuer: TOKEN_ISSUER, audience: TOKEN_AUDIENCE, expiresIn: 60 },
    );
    const e = await refusal(guard.canActivate(contextFor(Routes, 'adminsOnly', requestWith(`Bearer ${token}`))));
    expect(e.status).toBe(403);
    expect(e.code).toBe('forbidden');
  });

  it('a token missing its claims → 401 invalid-token', async () => {
    const token = await jwt.signAsync(
      { sub: ACTOR.userId, roles: ['admin'] },
      { issuer: TOKEN_ISSUER, audience: TOKEN_AUDIENCE, expiresIn: 60 },
    );
    const e = await refusal(guard.canActivate(contextFor(Routes, 'adminsOnly', requestWith(`Bearer ${token}`))));
    expect(e.code).toBe('invalid-token');
  });
});

describe('AccessGuard and sessions', () => {
  const config = loadConfig({ JWT_SECRET: SECRET, DATABASE_URL: 'postgres://a@b/c' });
  const tokens = new TokenService(new JwtService({ secret: SECRET }), config);
  let session: SessionStatus;
  const check = jest.fn(async () => session);
  const guard = new AccessGuard(new Reflector(), tokens, { check } as unknown as SessionStatusService);

  it('a token whose session has ended (or whose user is disabled) → 401 session-ended', async () => {
    session = { active: false, mustChangePassword: false, roles: [] };
    const request = requestWith(`Bearer ${await tokens.sign(ACTOR)}`);
    const e = await refusal(guard.canActivate(contextFor(Routes, 'teachersOnly', request)));
    expect(e.status).toBe(401);
    expect(e.code).toBe('session-ended');
    expect(request.actor).toBeUndefined();
    expect(check).toHaveBeenLastCalledWith(ACTOR.sessionId, ACTOR.userId);
  });

  it('a user who must change a one-time password → 403 password-change-required, except on exempt routes', async () => {
    session = { active: true, mustChangePassword: true, roles: [...ALL_ROLES] };
    const token = await tokens.sign(ACTOR, { mustChangePassword: true });
    const e = await refusal(guard.canActivate(contextFor(Routes, 'teachersOnly', requestWith(`Bearer ${token}`))));
    expect(e.status).toBe(403);
    expect(e.code).toBe('password-change-required');
    await expect(guard.canActivate(contextFor(Routes, 'teachersEvenBeforePasswordChange', requestWith(`Bearer ${token}`)))).resolves.toBe(true);
  });

  it('a role taken away from the user stops working before the token expires; the roles still held work', async () => {
    session = { active: true, mustChangePassword: false, roles: [Role.Teacher] };
    const token = await tokens.sign({ ...ACTOR, roles: [Role.Admin, Role.Teacher] });
    const e = await refusal(guard.canActivate(contextFor(Routes, 'adminsOnly', requestWith(`Bearer ${token}`))));
    expect(e.status).toBe(403);
    expect(e.code).toBe('forbidden');
    const request = requestWith(`Bearer ${token}`);
    await expect(guard.canActivate(contextFor(Routes, 'teachersOnly', request))).resolves.toBe(true);
    expect(request.actor?.roles).toEqual([Role.Teacher]);
  });

  it('public routes do not look at sessions', async () => {
    check.mockClear();
    await expect(guard.canActivate(contextFor(Routes, 'open', requestWith()))).resolves.toBe(true);
    expect(check).not.toHaveBeenCalled();
  });
});

describe('Access()', () => {
  it('with no roles throws', () => {
    expect(() => Access()).toThrow(/at least one role/);
  });

  it('with roles returns a decorator', () => {
    expect(typeof Access(Role.Admin)).toBe('function');
  });
});
