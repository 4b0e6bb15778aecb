import type { paths } from "./schema";

/**
 * Types of the API's routes, read from the generated `paths` (schema.d.ts, `npm run api:generate`):
 * what a route takes and what it answers, by its documented path and method.
 */
export type Method = "get" | "post" | "delete";
export type ApiPath = keyof paths;
export type Operation<P extends ApiPath, M extends Method> = NonNullable<paths[P][M]>;

type JsonOf<R> = R extends { content: { "application/json": infer J } } ? J : undefined;
type SuccessStatus = 200 | 201 | 202 | 204;

/** The JSON body of a route. */
export type BodyOf<O> = O extends { requestBody?: { content: { "application/json": infer B } } } ? B : never;
/** The query parameters of a route. */
export type QueryOf<O> = O extends { parameters: { query?: infer Q } } ? NonNullable<Q> : never;
/** The path parameters of a route (`{organisationId}`). */
export type PathParamsOf<O> = O extends { parameters: { path?: infer T } } ? NonNullable<T> : never;
/** What a route answers on success, whichever 2xx status. */
export type AnswerOf<O> = O extends { responses: infer R }
  ? { [S in keyof R]: S extends SuccessStatus ? JsonOf<R[S]> : never }[keyof R]
  : never;

export type Body<P extends ApiPath, M extends Method = "post"> = BodyOf<Operation<P, M>>;
export type Query<P extends ApiPath, M extends Method = "get"> = QueryOf<Operation<P, M>>;
export type Answer<P extends ApiPath, M extends Method = "get"> = AnswerOf<Operation<P, M>>;
