// Write a message (or answer one): whom to (To and Cc: bureaus, units, regions, all bureaus, the
// General Secretariat), a template to start from, subject, body, language, priority, handling
// code, files. The server checks everything and names the fields at fault; each message is shown
// at its field and listed above the form.
import {
  Alert,
  Button,
  Card,
  FileInput,
  Group,
  List,
  Loader,
  Select,
  SimpleGrid,
  Stack,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router';
import { ApiError, api } from '../../lib/api';
import { useAuth } from '../../lib/auth';
import { LANGUAGES } from '../../lib/i18n';
import { AddresseePicker, type Token, toAddressees } from './AddresseePicker';
import {
  HANDLING,
  languageOfBureau,
  MAX_ATTACHMENT_BYTES,
  MAX_ATTACHMENTS,
  MESSAGE_LANGUAGES,
  type Message,
  type MessageLanguage,
  PRIORITIES,
  toBase64,
} from './messagesApi';
import { type Rendered, TemplatePanel } from './TemplatePanel';
import { useBureaus, useUnitsOf } from './useBureaus';

interface Draft {
  to: Token[];
  cc: Token[];
  subject: string;
  body: string;
  language: MessageLanguage;
  priority: string;
  handling: string;
  handlingNote: string;
  template: string | null;
  inReplyTo: string | null;
}

const uiLanguage = (lang: string): MessageLanguage =>
  (MESSAGE_LANGUAGES as readonly string[]).includes(lang) ? (lang as MessageLanguage) : 'en';

/** The messages the server gave for `field` and anything under it (`to` takes `to.bureaus.0`). */
function errorAt(error: ApiError | null, field: string): string | undefined {
  const found = (error?.errors ?? []).filter((e) => e.field === field || e.field.startsWith(`${field}.`));
  return found.length > 0 ? found.map((e) => e.message).join('; ') : undefined;
}

function Form({ replyTo }: { replyTo?: Message }) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const { principal } = useAuth();
  const bureaus = useBureaus();
  const own = principal?.bureau.code ?? '';
  const [draft, setDraft] = useState<Draft>(() => ({
    to: replyTo ? [`bureau:${replyTo.sender.bureau}`] : [],
    cc: [],
    subject: replyTo ? t('messages.compose.replySubject', { subject: replyTo.subject }) : '',
    body: '',
    language: (replyTo?.language as MessageLanguage | undefined) ?? uiLanguage(i18n.language),
    priority: replyTo?.priority ?? 'routine',
    handling: replyTo?.handling ?? 'police_use_only',
    handlingNote: replyTo?.handlingNote ?? '',
    template: null,
    inReplyTo: replyTo?.id ?? null,
  }));
  // Fields changed since the server refused the message: their old messages no longer apply.
  const [edited, setEdited] = useState<ReadonlySet<string>>(new Set());
  const touch = (...fields: string[]) => setEdited((prev) => new Set([...prev, ...fields]));
  const set = (patch: Partial<Draft>) => {
    setDraft((d) => ({ ...d, ...patch }));
    touch(...Object.keys(patch), ...('handling' in patch ? ['handlingNote'] : []));
  };
  const [files, setFiles] = useState<File[]>([]);
  const [fileError, setFileError] = useState<string | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);

  // Units: the address book offers the units of one bureau at a time (your own at first).
  const [unitBureau, setUnitBureau] = useState<string | null>(own || null);
  const units = useUnitsOf(unitBureau);
  const [knownUnits, setKnownUnits] = useState<Map<string, string>>(new Map());
  useEffect(() => {
    const items = units.data?.items;
    if (!items) return;
    setKnownUnits((prev) => {
      const next = new Map(prev);
      for (const u of items) {
        next.set(u.id, `${u.name} — ${bureaus.label(u.bureauCode)}`);
      }
      return next;
    });
  }, [units.data, bureaus]);
  const unitOptions = useMemo(
    () => [...knownUnits.entries()].map(([value, label]) => ({ value, label })),
    [knownUnits],
  );

  // The template's language: the first recipient's, where it can be told; else the console's.
  const first = draft.to[0];
  const inferred = first?.startsWith('bureau:')
    ? languageOfBureau(first.slice(7), bureaus.byCode.get(first.slice(7))?.region)
    : first === 'region:middle_east_north_africa'
      ? 'ar'
      : null;
  const templateLanguage = inferred ?? uiLanguage(i18n.language);

  const fill = (r: Rendered) =>
    set({ subject: r.subject, body: r.body, language: r.language, template: r.template });

  const pickFiles = (picked: File[]) => {
    setFileError(null);
    touch('attachments');
    if (picked.length > MAX_ATTACHMENTS) setFileError(t('messages.files.tooMany', { max: MAX_ATTACHMENTS }));
    else if (picked.some((f) => f.size > MAX_ATTACHMENT_BYTES)) setFileError(t('messages.files.tooLarge'));
    else {
      setFiles(picked);
      return;
    }
    setFiles([]);
  };

  const submit = async () => {
    setBusy(true);
    setError(null);
    setEdited(new Set());
    try {
      const cc = toAddressees(draft.cc);
      const body = {
        to: toAddressees(draft.to),
        ...(Object.keys(cc).length > 0 ? { cc } : {}),
        subject: draft.subject,
        body: draft.body,
        language: draft.language,
        priority: draft.priority,
        handling: draft.handling,
        ...(draft.handling === 'other' && draft.handlingNote.trim()
          ? { handlingNote: draft.handlingNote.trim() }
          : {}),
        ...(draft.template ? { template: draft.template } : {}),
        ...(draft.inReplyTo ? { inReplyTo: draft.inReplyTo } : {}),
        ...(files.length > 0
          ? {
              attachments: await Promise.all(
                files.map(async (f) => ({ name: f.name, contentBase64: toBase64(await f.arrayBuffer()) })),
              ),
            }
          : {}),
      };
      const sent = await api.create<Message>('/messages', body);
      await queryClient.invalidateQueries({ queryKey: ['messages'] });
      if (replyTo) await queryClient.invalidateQueries({ queryKey: ['message', replyTo.id] });
      navigate(`/messages/${sent.id}`);
    } catch (e) {
      setError(e instanceof ApiError ? e : new ApiError(0, 'error', String(e)));
      window.scrollTo({ top: 0 });
    } finally {
      setBusy(false);
    }
  };

  const fieldError = (field: string) => (edited.has(field) ? undefined : errorAt(error, field));
  const standing = (error?.errors ?? []).filter((e) => !edited.has(e.field.split('.')[0]!));
  const fieldLabel = (field: string) =>
    t(`messages.compose.fieldNames.${field.split('.')[0]}`, { defaultValue: field });

  return (
    <Stack maw={1000}>
      <Title order={2} data-testid="compose-title">
        {replyTo ? t('messages.compose.replyTitle') : t('messages.compose.title')}
      </Title>
      {error && (error.errors.length === 0 || standing.length > 0) && (
        <Alert color="red" title={t('messages.compose.refused')} data-testid="compose-error">
          {error.errors.length === 0 ? (
            error.detail
          ) : (
            <List size="sm">
              {standing.map((e) => (
                <List.Item key={`${e.field}:${e.message}`}>
                  {fieldLabel(e.field)}: {e.message}
                </List.Item>
              ))}
            </List>
          )}
        </Alert>
      )}
      <Card withBorder>
        <Stack gap="sm">
          <AddresseePicker
            label={t('messages.compose.to')}
            value={draft.to}
            onChange={(to) => set({ to })}
            bureaus={bureaus}
            ownBureau={own}
            units={unitOptions}
            error={fieldError('to')}
            testId="compose-to"
          />
          <AddresseePicker
            label={t('messages.compose.cc')}
            value={draft.cc}
            onChange={(cc) => set({ cc })}
            bureaus={bureaus}
            ownBureau={own}
            units={unitOptions}
            error={fieldError('cc')}
            testId="compose-cc"
          />
          <Select
            label={t('messages.compose.unitsOf')}
            description={t('messages.compose.unitsOfHelp')}
            searchable
            data={bureaus.members}
            value={unitBureau}
            onChange={setUnitBureau}
            w={{ base: '100%', md: 420 }}
            data-testid="compose-unit-bureau"
          />
        </Stack>
      </Card>
      <Card withBorder>
        <TemplatePanel defaultLanguage={templateLanguage} onFill={fill} />
      </Card>
      <Card withBorder>
        <Stack gap="sm">
          <TextInput
            label={t('messages.compose.subject')}
            required
            maxLength={300}
            dir="auto"
            value={draft.subject}
            error={fieldError('subject')}
            onChange={(e) => set({ subject: e.currentTarget.value })}
            data-testid="compose-subject"
          />
          <Textarea
            label={t('messages.compose.body')}
            required
            autosize
            minRows={8}
            maxRows={24}
            dir="auto"
            value={draft.body}
            error={fieldError('body')}
            onChange={(e) => set({ body: e.currentTarget.value })}
            data-testid="compose-body"
          />
          <SimpleGrid cols={{ base: 1, md: 3 }}>
            <Select
              label={t('messages.compose.language')}
              data={LANGUAGES.map((l) => ({ value: l.code, label: l.label }))}
              value={draft.language}
              allowDeselect={false}
              error={fieldError('language')}
              onChange={(v) => set({ language: (v as MessageLanguage) ?? draft.language })}
              data-testid="compose-language"
            />
            <Select
              label={t('messages.compose.priority')}
              data={PRIORITIES.map((p) => ({ value: p, label: t(`messages.priority.${p}`) }))}
              value={draft.priority}
              allowDeselect={false}
              error={fieldError('priority')}
              onChange={(v) => set({ priority: v ?? 'routine' })}
              data-testid="compose-priority"
            />
            <Select
              label={t('messages.compose.handling')}
              data={HANDLING.map((h) => ({ value: h, label: t(`messages.handling.${h}`) }))}
              value={draft.handling}
              allowDeselect={false}
              error={fieldError('handling')}
              onChange={(v) => set({ handling: v ?? 'police_use_only' })}
              data-testid="compose-handling"
            />
          </SimpleGrid>
          {draft.handling === 'other' && (
            <TextInput
              label={t('messages.compose.handlingNote')}
              description={t('messages.compose.handlingNoteHelp')}
              maxLength={500}
              dir="auto"
              value={draft.handlingNote}
              error={fieldError('handlingNote')}
              onChange={(e) => set({ handlingNote: e.currentTarget.value })}
              data-testid="compose-handling-note"
            />
          )}
          <FileInput
            label={t('messages.files.add')}
            description={t('messages.files.addHelp', { max: MAX_ATTACHMENTS })}
            multiple
            clearable
            accept="application/pdf,image/jpeg,image/png,.an2,.eft,.nist"
            value={files}
            onChange={pickFiles}
            error={fileError ?? fieldError('attachments')}
            data-testid="compose-files"
          />
        </Stack>
      </Card>
      <Group>
        <Button onClick={submit} loading={busy} data-testid="compose-send">
          {t('messages.compose.send')}
        </Button>
        <Button variant="default" onClick={() => navigate(-1)}>
          {t('common.cancel')}
        </Button>
      </Group>
    </Stack>
  );
}

export function ComposePage() {
  const [params] = useSearchParams();
  const replyTo = params.get('replyTo');
  const parent = useQuery({
    queryKey: ['message', replyTo],
    queryFn: () => api.get<Message>(`/messages/${replyTo}`),
    enabled: Boolean(replyTo),
    retry: false,
  });
  if (replyTo && parent.isLoading) return <Loader />;
  if (replyTo && parent.error) {
    const e = parent.error;
    return <Alert color="red">{e instanceof ApiError ? e.detail : String(e)}</Alert>;
  }
  // A fresh form for each message answered.
  return <Form key={replyTo ?? 'new'} replyTo={parent.data} />;
}
