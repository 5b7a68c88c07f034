/**
 * The media type of an answer a service passes on as JSON text built by PostgreSQL (`@Header('Content-Type',
 * JSON_TEXT)` on a handler returning a string): the same as Fastify gives a serialised object.
 */
export const JSON_TEXT = 'application/json; charset=utf-8';
