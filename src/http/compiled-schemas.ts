import type { FastifySchemaCompiler, FastifySerializerCompiler } from 'fastify';
import { ResponseSerializationError, validatorCompiler } from 'fastify-type-provider-zod';
import { type $ZodType, compile, safeParse } from 'zod/v4/core';

// zod's compiled parsers: a route's schema is compiled into code written for its shape on the
// route's first request (compiling all 240 at start-up held 20 MB more, for routes a server may
// never answer), and falls back to zod's own parser for whatever the compiled code cannot model
// and to report what failed, so messages and errors stay zod's. Only parsing forwards is
// compiled; encoding, which the library checks answers with, always runs the generic parser.

/** Requests checked as the library checks them, through the compiled parser of each schema. */
export const requestValidator: FastifySchemaCompiler<$ZodType> = (route) => {
  let validate: ReturnType<typeof validatorCompiler> | undefined;
  return (data) => (validate ??= validatorCompiler({ ...route, schema: compile(route.schema) }))(data);
};

/**
 * Answers checked by parsing rather than encoding: the same JSON for schemas without codecs or
 * transforms (answers have none: a test walks every route's answers for them), in about a fifth
 * of the time for a page of 50 cases. A check that fails is the library's error, a 500.
 */
export const answerSerializer: FastifySerializerCompiler<$ZodType> = ({ schema, method, url }) => {
  let check: $ZodType | undefined;
  return (data) => {
    const result = safeParse((check ??= compile(schema)), data);
    if (!result.success) throw new ResponseSerializationError(method, url, { cause: result.error });
    return JSON.stringify(result.data);
  };
};
