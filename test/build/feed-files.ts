/** Reads and validates the built feeds: RSS 2.0 (well-formed XML) and JSON Feed 1.1. */
import { XMLParser } from 'fast-xml-parser';
import { SyntaxValidator } from 'fast-xml-validator';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';

export interface RssItem { title: string; link: string; guid: { '#text': string; '@_isPermaLink': string }; pubDate: string; description: string }

export function readRss(dist: string, path: string): { channel: Record<string, unknown>; items: RssItem[] } {
  const xml = readFileSync(join(dist, path), 'utf8');
  expect(SyntaxValidator.validate(xml), path).toBe(true);
  const doc = new XMLParser({ ignoreAttributes: false, isArray: (name) => name === 'item' }).parse(xml);
  expect(doc.rss['@_version']).toBe('2.0');
  return { channel: doc.rss.channel, items: doc.rss.channel.item ?? [] };
}

export interface JsonFeed { version: string; title: string; home_page_url: string; feed_url: string; items: { id: string; url: string; title: string; content_text?: string; content_html?: string; date_published: string; date_modified?: string }[] }

export function readJsonFeed(dist: string, path: string): JsonFeed {
  const feed = JSON.parse(readFileSync(join(dist, path), 'utf8')) as JsonFeed;
  expect(feed.version).toBe('https://jsonfeed.org/version/1.1');
  expect(typeof feed.title).toBe('string');
  expect(Array.isArray(feed.items)).toBe(true);
  expect(feed.feed_url.endsWith(`/${path}`)).toBe(true);
  for (const item of feed.items) {
    expect(typeof item.id).toBe('string');
    expect(typeof (item.content_text ?? item.content_html)).toBe('string');
    expect(Number.isNaN(Date.parse(item.date_published))).toBe(false);
  }
  return feed;
}

