// The console speaks four languages: every text exists in each, none is left empty.
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';

type Tree = { [k: string]: string | Tree };
const load = (l: string, dir = '') =>
  JSON.parse(fs.readFileSync(`web/src/locales/${dir}${l}.json`, 'utf8')) as Tree;
const keys = (t: Tree, prefix = ''): string[] =>
  Object.entries(t).flatMap(([k, v]) =>
    typeof v === 'string' ? [`${prefix}${k}`] : keys(v, `${prefix}${k}.`),
  );
const value = (t: Tree, key: string) =>
  key.split('.').reduce<string | Tree>((n, k) => (n as Tree)[k]!, t) as string;

describe('console translations', () => {
  const en = load('en');
  it.each(['ar', 'fr', 'es'])('%s has every English key, and no empty text', (lang) => {
    const other = load(lang);
    expect(keys(other).sort()).toEqual(keys(en).sort());
    for (const k of keys(other)) expect(value(other, k).trim(), k).not.toBe('');
  });

  it.each(['ar', 'fr', 'es'])('%s labels every database field and choice English labels', (lang) => {
    const enFields = load('en', 'fields/');
    const other = load(lang, 'fields/');
    expect(keys(other).sort()).toEqual(keys(enFields).sort());
    for (const k of keys(other)) expect(value(other, k).trim(), k).not.toBe('');
  });

  it('Arabic texts are written in Arabic script', () => {
    const ar = load('ar');
    const arabic = keys(ar).filter((k) => /[\u0600-\u06FF]/.test(value(ar, k)));
    expect(arabic.length / keys(ar).length).toBeGreaterThan(0.9);
  });

  it('no component hard-codes a visible English sentence', () => {
    const files = fs.readdirSync('web/src', { recursive: true }).filter((f) => String(f).endsWith('.tsx'));
    for (const f of files) {
      const src = fs.readFileSync(`web/src/${f}`, 'utf8');
      // Text between JSX tags that is not an expression: >Some words</
      const literal = src.match(/>\s*[A-Za-z][A-Za-z ,.'’-]{3,}\s*<\//g);
      expect(literal, String(f)).toBeNull();
    }
  });
});
