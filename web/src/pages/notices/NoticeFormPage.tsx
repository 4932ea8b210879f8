// Draft a notice or diffusion, or change one while it is the bureau's to change (If-Match): kind,
// type (with what it asks), the type's data from its JSON schema through the databases' form,
// recipients for a diffusion, consent to a public extract, handling and language. The server
// checks everything and names the fields at fault (`data.subject.familyName`); each message is
// shown under its field and listed above the form.
import {
  Alert,
  Badge,
  Button,
  Card,
  Checkbox,
  Group,
  List,
  Loader,
  MultiSelect,
  SegmentedControl,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Title,
  UnstyledButton,
} from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { TFunction } from 'i18next';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { ApiError, api, type Bureau } from '../../lib/api';
import { useAuth } from '../../lib/auth';
import { bureauName } from '../../lib/format';
import { LANGUAGES } from '../../lib/i18n';
import { pathLabel } from '../databases/labels';
import { errorsOf, pruneEmpty } from '../databases/recordBody';
import type { JsonSchema } from '../databases/recordsApi';
import { SchemaForm } from '../databases/SchemaForm';
import { StatusBadge, TypeLabel } from './NoticeBadges';
import {
  colourOf,
  hasNotices,
  isGs,
  NOTICE_KINDS,
  type NoticeDto,
  type NoticeTypeInfo,
  PUBLIC_EXTRACT_TYPES,
  useNoticeTypes,
} from './noticesApi';

const COUNTRY = '^[A-Z]{2}$';

/** The schema with its English hints replaced by the console's (the labels come from `fields`). */
export function localiseSchema(s: JsonSchema, t: TFunction): JsonSchema {
  let description: string | undefined;
  if (s.pattern === COUNTRY) description = t('notices.form.hints.country');
  else if (s.type === 'string' && s.pattern?.startsWith('^\\d{4}'))
    description = t('notices.form.hints.partialDate');
  else if (s.type === 'array' && s.items?.pattern === COUNTRY)
    description = t('notices.form.hints.countries');
  else if (s.type === 'array' && s.items?.type === 'string' && !s.items.enum)
    description = t('notices.form.hints.list');
  else if (s.pattern === '^[A-Z]{3}$') description = t('notices.form.hints.currency');
  return {
    ...s,
    description,
    ...(s.properties
      ? {
          properties: Object.fromEntries(
            Object.entries(s.properties).map(([k, v]) => [k, localiseSchema(v, t)]),
          ),
        }
      : {}),
    ...(s.items ? { items: localiseSchema(s.items, t) } : {}),
  };
}

/** The label of a field the server named: a part of the data, or one of the notice's own. */
export function noticeFieldLabel(t: TFunction, field: string): string {
  const p = field.replace(/^body\./, '');
  if (p.startsWith('data.')) return pathLabel(t, p);
  const head = p.split('.')[0]!;
  return t(`notices.form.${head}`, { defaultValue: head });
}

/** Only the parts the type's schema knows: a change of type leaves no stray part behind. */
function dataFor(schema: JsonSchema, data: Record<string, unknown>) {
  const known = Object.keys(schema.properties ?? {});
  const kept = Object.fromEntries(Object.entries(data).filter(([k]) => known.includes(k)));
  return (pruneEmpty(kept) as Record<string, unknown>) ?? {};
}

function TypePicker({
  types,
  value,
  onChange,
}: {
  types: NoticeTypeInfo[];
  value: string | null;
  onChange: (v: string) => void;
}) {
  const { t } = useTranslation();
  return (
    <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="sm" data-testid="type-picker">
      {types.map((ty) => {
        const c = colourOf(ty.type);
        const chosen = value === ty.type;
        return (
          <UnstyledButton
            key={ty.type}
            onClick={() => onChange(ty.type)}
            data-testid={`pick-type-${ty.type}`}
            aria-pressed={chosen}
            style={{
              borderInlineStart: `8px solid ${c.bg}`,
              borderRadius: 6,
              outline: chosen ? `2px solid ${c.bg}` : '1px solid var(--mantine-color-gray-3)',
              padding: '8px 12px',
              background: chosen ? 'var(--mantine-color-gray-0)' : undefined,
            }}
          >
            <TypeLabel type={ty.type} />
            <Text size="xs" c="dimmed" mt={4}>
              {t(`notices.types.${ty.type}.purpose`, { defaultValue: ty.purpose })}
            </Text>
          </UnstyledButton>
        );
      })}
    </SimpleGrid>
  );
}

function Form({ types, notice }: { types: NoticeTypeInfo[]; notice?: NoticeDto }) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { principal } = useAuth();
  const [kind, setKind] = useState<string>(notice?.kind ?? 'notice');
  const [type, setType] = useState<string | null>(notice?.type ?? null);
  const [data, setData] = useState<Record<string, unknown>>(notice?.data ?? {});
  const [recipients, setRecipients] = useState<string[]>(notice?.recipients ?? []);
  const [publicExtract, setPublicExtract] = useState(notice?.publicExtract ?? false);
  const [handling, setHandling] = useState<string>(notice?.handling ?? 'official');
  const [language, setLanguage] = useState<string>(
    notice?.language ?? (LANGUAGES.some((l) => l.code === i18n.language) ? i18n.language : 'en'),
  );
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const bureaus = useQuery({
    queryKey: ['bureaus'],
    queryFn: () => api.get<{ items: Bureau[] }>('/bureaus'),
    staleTime: Number.POSITIVE_INFINITY,
  });
  // United Nations special notices are issued by the General Secretariat alone.
  const offered = types.filter((ty) => ty.type !== 'un' || isGs(principal) || notice?.type === 'un');
  const info = types.find((ty) => ty.type === type);
  const schema = useMemo(() => (info ? localiseSchema(info.schema, t) : null), [info, t]);
  const extractAllowed = kind === 'notice' && type !== null && PUBLIC_EXTRACT_TYPES.includes(type);

  const submit = async () => {
    if (!info || !type) return;
    setBusy(true);
    setError(null);
    const common = {
      data: dataFor(info.schema, data),
      publicExtract: extractAllowed && publicExtract,
      handling,
      language,
      ...(kind === 'diffusion' ? { recipients } : {}),
    };
    try {
      const saved = notice
        ? await api.patch<NoticeDto>(`/notices/${notice.id}`, common, notice.version)
        : await api.create<NoticeDto>('/notices', { kind, type, ...common });
      queryClient.setQueryData(['notice', saved.id], saved);
      await queryClient.invalidateQueries({ queryKey: ['notices'] });
      navigate(`/notices/${saved.id}`);
    } catch (e) {
      setError(e instanceof ApiError ? e : new ApiError(0, 'error', String(e)));
      window.scrollTo({ top: 0 });
    } finally {
      setBusy(false);
    }
  };

  const errors = errorsOf(error);
  const fieldError = (name: string) =>
    Object.entries(errors).find(([k]) => k === name || k.startsWith(`${name}.`))?.[1];
  return (
    <Stack maw={1000}>
      <Title order={2} data-testid="notice-form-title">
        {notice ? t('notices.form.editTitle', { title: notice.title }) : t('notices.form.newTitle')}
      </Title>
      {notice?.status === 'approved' && (
        <Alert color="yellow" data-testid="back-to-draft">
          {t('notices.form.approvedBackToDraft')}
        </Alert>
      )}
      {error && (
        <Alert color="red" title={t('notices.form.refused')} data-testid="form-error">
          {error.errors.length === 0 ? (
            error.detail
          ) : (
            <List size="sm" data-testid="form-error-list">
              {error.errors.map((e) => (
                <List.Item key={`${e.field}:${e.message}`}>
                  {noticeFieldLabel(t, e.field)}: {e.message}
                </List.Item>
              ))}
            </List>
          )}
        </Alert>
      )}
      <Card withBorder>
        <Stack gap="sm">
          {notice ? (
            <Group gap="sm">
              <TypeLabel type={notice.type} size="md" />
              <Badge variant="outline">{t(`notices.kinds.${notice.kind}`)}</Badge>
              <StatusBadge kind={notice.kind} status={notice.status} />
            </Group>
          ) : (
            <>
              <Stack gap={4}>
                <Text size="sm" fw={500}>
                  {t('notices.form.kind')}
                </Text>
                <SegmentedControl
                  w="fit-content"
                  value={kind}
                  onChange={setKind}
                  data={NOTICE_KINDS.map((k) => ({ value: k, label: t(`notices.kinds.${k}`) }))}
                  data-testid="field-kind"
                />
                <Text size="xs" c="dimmed">
                  {t(`notices.form.kindHelp.${kind}`)}
                </Text>
              </Stack>
              <Stack gap={4}>
                <Text size="sm" fw={500}>
                  {t('notices.form.type')}
                </Text>
                <TypePicker types={offered} value={type} onChange={setType} />
                {errors.type && (
                  <Text size="xs" c="red">
                    {errors.type}
                  </Text>
                )}
              </Stack>
            </>
          )}
        </Stack>
      </Card>
      {!schema ? (
        <Text c="dimmed">{t('notices.form.chooseType')}</Text>
      ) : (
        <>
          <Card withBorder>
            <SchemaForm schema={schema} value={data} onChange={setData} errors={errors} />
          </Card>
          <Card withBorder>
            <Stack gap="sm">
              {kind === 'diffusion' && (
                <MultiSelect
                  searchable
                  required
                  label={t('notices.form.recipients')}
                  description={t('notices.form.recipientsHelp')}
                  data={(bureaus.data?.items ?? [])
                    .filter((b) => b.code !== principal?.bureau.code)
                    .map((b) => ({ value: b.code, label: `${b.code} — ${bureauName(b.names, b.code)}` }))}
                  value={recipients}
                  error={fieldError('recipients')}
                  onChange={setRecipients}
                  data-testid="field-recipients"
                />
              )}
              {extractAllowed && (
                <Checkbox
                  label={t('notices.form.publicExtract')}
                  description={t('notices.form.publicExtractHelp')}
                  checked={publicExtract}
                  error={errors.publicExtract}
                  onChange={(e) => setPublicExtract(e.currentTarget.checked)}
                  data-testid="field-publicExtract"
                />
              )}
              <SimpleGrid cols={{ base: 1, sm: 2 }}>
                <Select
                  label={t('notices.form.handling')}
                  description={t('notices.form.handlingHelp')}
                  data={['official', 'restricted'].map((h) => ({
                    value: h,
                    label: t(`records.handling.${h}`),
                  }))}
                  value={handling}
                  error={errors.handling}
                  onChange={(v) => setHandling(v ?? 'official')}
                  data-testid="field-handling"
                />
                <Select
                  label={t('notices.form.language')}
                  description={t('notices.form.languageHelp')}
                  data={LANGUAGES.map((l) => ({ value: l.code, label: l.label }))}
                  value={language}
                  onChange={(v) => setLanguage(v ?? 'en')}
                  data-testid="field-language"
                />
              </SimpleGrid>
            </Stack>
          </Card>
        </>
      )}
      <Group>
        <Button onClick={submit} loading={busy} disabled={!schema} data-testid="save-notice">
          {notice ? t('notices.form.save') : t('notices.form.create')}
        </Button>
        <Button variant="default" onClick={() => navigate(-1)}>
          {t('common.cancel')}
        </Button>
      </Group>
    </Stack>
  );
}

export function NewNoticePage() {
  const { t } = useTranslation();
  const { principal } = useAuth();
  const types = useNoticeTypes();
  if (!hasNotices(principal)) return <Alert color="gray">{t('notices.notAllowed')}</Alert>;
  if (types.isLoading) return <Loader />;
  if (types.error) return <Alert color="red">{String(types.error)}</Alert>;
  return <Form types={types.data?.items ?? []} />;
}

export function EditNoticePage() {
  const { id } = useParams();
  const types = useNoticeTypes();
  const notice = useQuery({ queryKey: ['notice', id], queryFn: () => api.get<NoticeDto>(`/notices/${id}`) });
  if (notice.error) {
    const e = notice.error;
    return <Alert color="red">{e instanceof ApiError ? e.detail : String(e)}</Alert>;
  }
  if (!notice.data || !types.data) return <Loader />;
  // A fresh form per version: the fields start from what the server holds now.
  return <Form key={notice.data.version} types={types.data.items} notice={notice.data} />;
}
