// A template for a common exchange: pick one, fill its fields, choose the language (the first
// recipient's where it can be told, else the console's), and "Fill" writes the subject and body.
import { Alert, Button, Group, Select, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, api } from '../../lib/api';
import { LANGUAGES } from '../../lib/i18n';
import { type MessageLanguage, titleIn, useTemplates } from './messagesApi';

/** Fields that take a paragraph rather than a line. */
const LONG = new Set(['informationSought', 'circumstances', 'actionTaken', 'answer', 'subjectOfRequest']);

export interface Rendered {
  template: string;
  language: MessageLanguage;
  subject: string;
  body: string;
}

export function TemplatePanel({
  defaultLanguage,
  onFill,
}: {
  defaultLanguage: MessageLanguage;
  onFill: (r: Rendered) => void;
}) {
  const { t, i18n } = useTranslation();
  const templates = useTemplates();
  const [id, setId] = useState<string | null>(null);
  const [fields, setFields] = useState<Record<string, string>>({});
  // null: follow the default (the first recipient's language), until the officer chooses.
  const [language, setLanguage] = useState<MessageLanguage | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const template = templates.data?.items.find((x) => x.id === id);
  const lang = language ?? defaultLanguage;

  const fill = async () => {
    if (!template) return;
    setBusy(true);
    setError(null);
    try {
      const r = await api.post<{ language: MessageLanguage; subject: string; body: string }>(
        `/messaging/templates/${template.id}/render`,
        { language: lang, fields },
      );
      onFill({ template: template.id, ...r });
    } catch (e) {
      setError(e instanceof ApiError ? e.detail : String(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Stack gap="sm" data-testid="template-panel">
      <Group align="flex-end" grow>
        <Select
          label={t('messages.templates.pick')}
          placeholder={t('messages.templates.none')}
          clearable
          data={(templates.data?.items ?? []).map((x) => ({
            value: x.id,
            label: titleIn(x.title, i18n.language),
          }))}
          value={id}
          onChange={(v) => {
            setId(v);
            setFields({});
          }}
          data-testid="template-select"
        />
        <Select
          label={t('messages.templates.language')}
          description={language ? undefined : t('messages.templates.languageDefault')}
          data={LANGUAGES.map((l) => ({
            value: l.code,
            label: l.label,
            disabled: template ? !template.languages.includes(l.code) : false,
          }))}
          value={lang}
          onChange={(v) => setLanguage((v as MessageLanguage | null) ?? null)}
          allowDeselect={false}
          data-testid="template-language"
        />
      </Group>
      {template && (
        <>
          <SimpleGrid cols={{ base: 1, md: 2 }}>
            {template.fields.map((f) => {
              const props = {
                label: t(`messages.templateFields.${f}`, { defaultValue: f }),
                value: fields[f] ?? '',
                'data-testid': `template-field-${f}`,
              };
              return LONG.has(f) ? (
                <Textarea
                  key={f}
                  {...props}
                  autosize
                  minRows={2}
                  onChange={(e) => setFields({ ...fields, [f]: e.currentTarget.value })}
                />
              ) : (
                <TextInput
                  key={f}
                  {...props}
                  onChange={(e) => setFields({ ...fields, [f]: e.currentTarget.value })}
                />
              );
            })}
          </SimpleGrid>
          {error && <Alert color="red">{error}</Alert>}
          <Group>
            <Button variant="light" onClick={fill} loading={busy} data-testid="template-fill">
              {t('messages.templates.fill')}
            </Button>
          </Group>
        </>
      )}
    </Stack>
  );
}
