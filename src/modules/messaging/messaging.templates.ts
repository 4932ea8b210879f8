// Structured templates for the common exchanges, kept as data (templates.json): each fills a
// subject and body in the recipient's language where a translation exists, else in English.

import type { MessageLanguage } from './messaging.types.js';
import data from './templates.json' with { type: 'json' };

interface Template {
  id: string;
  fields: string[];
  title: Record<string, string>;
  subject: Record<string, string>;
  body: Record<string, string>;
}

export const TEMPLATES: readonly Template[] = (data as { templates: Template[] }).templates;

export function templateOf(id: string): Template | undefined {
  return TEMPLATES.find((t) => t.id === id);
}

const fill = (text: string, fields: Record<string, string>) =>
  text.replace(/\{\{(\w+)\}\}/g, (_, name: string) => fields[name] ?? '');

/** The template filled in `language` (English when it has no such translation). */
export function renderTemplate(t: Template, language: MessageLanguage, fields: Record<string, string>) {
  const used = t.body[language] ? language : 'en';
  return {
    language: used as MessageLanguage,
    subject: fill(t.subject[used]!, fields),
    body: fill(t.body[used]!, fields),
  };
}
