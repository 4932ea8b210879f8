// A notice's data, readably: one section per part (person, warrant, charges, event…) in the order
// of its type's schema, each with the labels of the form; countries with their names.
import { Card, Divider, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { TFunction } from 'i18next';
import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import { choiceLabel, fieldLabel } from '../databases/labels';
import type { JsonSchema } from '../databases/recordsApi';
import { useBureauLabel } from '../screening/useBureauLabel';

type Data = Record<string, unknown>;
const COUNTRY = '^[A-Z]{2}$';

function useShow() {
  const { t } = useTranslation();
  const country = useBureauLabel();
  const show = (v: unknown, s?: JsonSchema): string => {
    if (v === undefined || v === null || v === '') return '—';
    if (Array.isArray(v)) return v.map((x) => show(x, s?.items)).join(' · ');
    if (typeof v === 'boolean') return v ? t('common.yes') : t('common.no');
    if (typeof v === 'string' && s?.enum) return choiceLabel(t, v);
    if (typeof v === 'string' && s?.pattern === COUNTRY) return country(v);
    return String(v);
  };
  return { t, show };
}

const orderOf = (data: Data, schema?: JsonSchema) => {
  const known = Object.keys(schema?.properties ?? {});
  return [...known.filter((k) => k in data), ...Object.keys(data).filter((k) => !known.includes(k))];
};

/** Label above value, two columns; long texts across both. */
function Facts({ data, schema, testId }: { data: Data; schema?: JsonSchema; testId?: string }) {
  const { t, show } = useShow();
  const keys = orderOf(data, schema);
  const simple = keys.filter((k) => {
    const s = schema?.properties?.[k];
    const v = data[k];
    return !(s?.type === 'array' && s.items?.type === 'object') && !(typeof v === 'string' && v.length > 80);
  });
  const rest = keys.filter((k) => !simple.includes(k));
  return (
    <Stack gap="sm" data-testid={testId}>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm" verticalSpacing="xs">
        {simple.map((k) => (
          <div key={k} data-testid={`fact-${k}`}>
            <Text size="xs" c="dimmed">
              {fieldLabel(t, k, schema?.properties?.[k]?.title)}
            </Text>
            {/* Isolated: a value in another script keeps its order, the line keeps the page's side. */}
            <Text size="sm">
              <bdi>{show(data[k], schema?.properties?.[k])}</bdi>
            </Text>
          </div>
        ))}
      </SimpleGrid>
      {rest.map((k) => (
        <div key={k} data-testid={`fact-${k}`}>
          <Text size="xs" c="dimmed">
            {fieldLabel(t, k, schema?.properties?.[k]?.title)}
          </Text>
          <Nested value={data[k]} schema={schema?.properties?.[k]} />
        </div>
      ))}
    </Stack>
  );
}

/** A long text, or a list of objects (identity documents, charges) one under the other. */
function Nested({ value, schema }: { value: unknown; schema?: JsonSchema }) {
  const { show } = useShow();
  if (Array.isArray(value) && value.every((x) => x && typeof x === 'object')) {
    return (
      <Stack gap="xs">
        {(value as Data[]).map((item, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: items have no identity of their own
          <Fragment key={i}>
            {i > 0 && <Divider />}
            <Facts data={item} schema={schema?.items} />
          </Fragment>
        ))}
      </Stack>
    );
  }
  return (
    <Text size="sm" style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>
      <bdi>{show(value, schema)}</bdi>
    </Text>
  );
}

function sectionTitle(t: TFunction, name: string, s?: JsonSchema) {
  return fieldLabel(t, name, s?.title);
}

export function NoticeData({ data, schema }: { data: Data; schema?: JsonSchema }) {
  const { t } = useTranslation();
  const keys = orderOf(data, schema);
  const isPart = (k: string) => data[k] !== null && typeof data[k] === 'object';
  const parts = keys.filter(isPart);
  const texts = keys.filter((k) => !isPart(k));
  return (
    <Stack data-testid="notice-data">
      {parts.map((k) => {
        const s = schema?.properties?.[k];
        const v = data[k];
        return (
          <Card key={k} withBorder data-testid={`section-${k}`}>
            <Title order={4} mb="sm">
              {sectionTitle(t, k, s)}
            </Title>
            {Array.isArray(v) ? (
              <Stack gap="sm">
                {(v as unknown[]).map((item, i) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: items have no identity of their own
                  <Card key={i} withBorder padding="sm" bg="gray.0" data-testid={`${k}-${i}`}>
                    {item && typeof item === 'object' ? (
                      <Facts data={item as Data} schema={s?.items} />
                    ) : (
                      <Nested value={item} schema={s?.items} />
                    )}
                  </Card>
                ))}
              </Stack>
            ) : (
              <Facts data={v as Data} schema={s} />
            )}
          </Card>
        );
      })}
      {texts.length > 0 && (
        <Card withBorder data-testid="section-texts">
          <Stack gap="sm">
            {texts.map((k) => (
              <div key={k} data-testid={`fact-${k}`}>
                <Text size="xs" c="dimmed">
                  {sectionTitle(t, k, schema?.properties?.[k])}
                </Text>
                <Nested value={data[k]} schema={schema?.properties?.[k]} />
              </div>
            ))}
          </Stack>
        </Card>
      )}
    </Stack>
  );
}
