/**
 * The citation files of every entry: `/entries/<id>/citation.bib`, `.ris` and `.json`, so the
 * download links of the cite box work without JavaScript on any static host.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getSiteData, paths } from '../../../data/index.ts';
import { CITATION_DOWNLOADS, citationFile, toCitationInput, type CitationDownload } from '../../../lib/citation.ts';
import { isoDay } from '../../../lib/dates.ts';

export const getStaticPaths = (async () => {
  const site = await getSiteData();
  return site.entries.flatMap((entry) =>
    CITATION_DOWNLOADS.map((download) => ({
      params: { id: entry.id, format: download.ext },
      props: { input: toCitationInput(entry, { url: paths.absolute(paths.entry(entry.id)), accessed: isoDay(site.buildDate) }), download },
    })),
  );
}) satisfies GetStaticPaths;

export const GET: APIRoute<{ input: ReturnType<typeof toCitationInput>; download: CitationDownload }> = ({ props }) =>
  new Response(citationFile(props.input, props.download.ext), { headers: { 'Content-Type': props.download.contentType } });
