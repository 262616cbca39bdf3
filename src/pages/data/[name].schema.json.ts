import type { APIRoute, GetStaticPaths } from 'astro';
import { paths } from '../../data/index.ts';
import { jsonSchemaFor, SCHEMA_NAMES, type SchemaName } from '../../lib/outputs/json-schema.ts';
import { contentType } from '../../lib/site/site.ts';

export const getStaticPaths = (() => SCHEMA_NAMES.map((name) => ({ params: { name } }))) satisfies GetStaticPaths;

/** `/data/<name>.schema.json`: the JSON Schema of one download. */
export const GET: APIRoute = ({ params }) => {
  const name = params['name'] as SchemaName;
  const schema = jsonSchemaFor(name, paths.absolute(paths.path(`data/${name}.schema.json`)));
  return new Response(`${JSON.stringify(schema, null, 2)}\n`, { headers: { 'Content-Type': contentType('jsonSchema') } });
};
