/**
 * The JSON Schemas of the data downloads, generated from the zod schemas of the data contract
 * (`src/schemas/export.ts`), and a flat field list for documenting them.
 */
import { z } from 'astro/zod';
import { entriesExportSchema, exportEntrySchema, measuresExportSchema, sourcesExportSchema, vendorsExportSchema } from '../../schemas/export.ts';

/** The published schemas, by the name in `/data/<name>.schema.json`. */
export const SCHEMA_NAMES = ['entries', 'entry', 'vendors', 'sources', 'measures'] as const;

/** A published schema name. */
export type SchemaName = (typeof SCHEMA_NAMES)[number];

const SCHEMAS = { entries: entriesExportSchema, entry: exportEntrySchema, vendors: vendorsExportSchema, sources: sourcesExportSchema, measures: measuresExportSchema } as const;

/** A JSON Schema document. */
export type JsonSchema = Record<string, unknown>;

/**
 * The JSON Schema (draft 2020-12) of one download, with `$id` set to where it is published.
 * @example jsonSchemaFor('entry', 'https://x.org/data/entry.schema.json').$id // 'https://x.org/data/entry.schema.json'
 */
export function jsonSchemaFor(name: SchemaName, id: string): JsonSchema {
  const generated = z.toJSONSchema(SCHEMAS[name], { target: 'draft-2020-12' }) as JsonSchema;
  const { $schema, ...rest } = generated;
  return { $schema, $id: id, ...rest };
}

/** One documented field: its dotted path, its JSON type and its description. */
export interface FieldDoc {
  path: string;
  type: string;
  description: string;
}

type Node = Record<string, unknown>;

function resolve(node: Node, root: Node): Node {
  const ref = node['$ref'];
  if (typeof ref === 'string' && ref.startsWith('#/$defs/')) {
    const defs = root['$defs'] as Record<string, Node> | undefined;
    const target = defs?.[ref.slice('#/$defs/'.length)];
    if (target) return { ...target, ...Object.fromEntries(Object.entries(node).filter(([k]) => k !== '$ref')) };
  }
  return node;
}

function typeOf(node: Node, root: Node): string {
  const n = resolve(node, root);
  if (Array.isArray(n['anyOf'])) return (n['anyOf'] as Node[]).map((a) => typeOf(a, root)).join(' or ');
  if ('const' in n) return JSON.stringify(n['const']);
  if (Array.isArray(n['enum'])) return (n['enum'] as unknown[]).map((v) => JSON.stringify(v)).join(' | ');
  if (n['type'] === 'array') return `array of ${typeOf((n['items'] as Node | undefined) ?? {}, root)}`;
  if (n['type'] === 'string' && typeof n['format'] === 'string') return `string (${n['format']})`;
  if (n['type'] === 'string' && typeof n['pattern'] === 'string') return 'string';
  return typeof n['type'] === 'string' ? n['type'] : 'value';
}

/**
 * Every field of a schema, depth first, with nested objects and arrays of objects as
 * `parent.child` and `parent[].child`, in the order of the schema.
 * @example documentFields(jsonSchemaFor('entry', 'x')).find((f) => f.path === 'sources[].url')?.type // 'string (uri) or null'
 */
export function documentFields(schema: JsonSchema): FieldDoc[] {
  const out: FieldDoc[] = [];
  const walk = (node: Node, prefix: string) => {
    const n = resolve(node, schema);
    const props = n['properties'] as Record<string, Node> | undefined;
    if (!props) return;
    for (const [key, child] of Object.entries(props)) {
      const c = resolve(child, schema);
      const path = prefix ? `${prefix}.${key}` : key;
      out.push({ path, type: typeOf(child, schema), description: String(c['description'] ?? '') });
      if (c['type'] === 'object') walk(c, path);
      if (c['type'] === 'array') walk((c['items'] as Node | undefined) ?? {}, `${path}[]`);
    }
  };
  walk(schema, '');
  return out;
}
