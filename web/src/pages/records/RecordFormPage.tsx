// Create a record in a database, or change one (If-Match): the envelope, the data from the
// database's schema, and for travel documents entry by machine-readable zone.
import { Alert, Button, Card, Group, Loader, Stack, Textarea, Title } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { ApiError, api } from '../../lib/api';
import { EMPTY_ENVELOPE, type Envelope, EnvelopeFields } from './EnvelopeFields';
import { dbName } from './labels';
import { type DatabaseInfo, type RecordDto, useDatabase } from './recordsApi';
import { pruneEmpty, SchemaForm } from './SchemaForm';

function envelopeOf(r: RecordDto): Envelope {
  return {
    reference: r.reference,
    restriction: r.restriction,
    handling: r.handling,
    purpose: r.purpose,
    legalBasis: r.legalBasis ?? '',
    reviewDate: r.reviewDate,
    sourceReliability: r.sourceReliability,
    infoAccuracy: String(r.infoAccuracy),
  };
}

/** Field errors by path: `data.vin` → `vin` (the data form's paths), envelope fields as they are. */
function errorsOf(e: ApiError | null): Record<string, string> {
  const out: Record<string, string> = {};
  for (const x of e?.errors ?? []) out[x.field.replace(/^(body|data)\./, '')] ??= x.message;
  return out;
}

function Form({ database, record }: { database: DatabaseInfo; record?: RecordDto }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [envelope, setEnvelope] = useState<Envelope>(record ? envelopeOf(record) : EMPTY_ENVELOPE);
  const [data, setData] = useState<Record<string, unknown>>(record?.data ?? {});
  const [mrz, setMrz] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const schema = { ...database.schema, properties: { ...database.schema.properties } };
  delete schema.properties.mrz;

  const submit = async () => {
    setBusy(true);
    setError(null);
    const body = {
      reference: envelope.reference.trim(),
      restriction: envelope.restriction,
      handling: envelope.handling,
      purpose: envelope.purpose.trim(),
      ...(envelope.legalBasis.trim() ? { legalBasis: envelope.legalBasis.trim() } : {}),
      ...(envelope.reviewDate ? { reviewDate: envelope.reviewDate } : {}),
      sourceReliability: envelope.sourceReliability,
      infoAccuracy: Number(envelope.infoAccuracy),
      data: {
        ...((pruneEmpty(data) as Record<string, unknown>) ?? {}),
        ...(mrz.trim() ? { mrz: mrz.trim() } : {}),
      },
    };
    try {
      const saved = record
        ? await api.patch<RecordDto>(
            `/records/${record.id}`,
            (({ reference: _r, ...rest }) => rest)(body),
            record.version,
          )
        : await api.create<RecordDto>(`/databases/${database.id}/records`, body);
      await queryClient.invalidateQueries({ queryKey: ['databases'] });
      await queryClient.invalidateQueries({ queryKey: ['record', saved.id] });
      await queryClient.invalidateQueries({ queryKey: ['history', saved.id] });
      navigate(`/records/${saved.id}`);
    } catch (e) {
      setError(e instanceof ApiError ? e : new ApiError(0, 'error', String(e)));
    } finally {
      setBusy(false);
    }
  };

  const errors = errorsOf(error);
  return (
    <Stack maw={960}>
      <Title order={2}>
        {record
          ? t('records.form.editTitle', { label: record.label })
          : t('records.form.newTitle', { db: dbName(t, database.id) })}
      </Title>
      {error && (
        <Alert color="red" title={t('records.form.refused')} data-testid="form-error">
          {error.detail}
        </Alert>
      )}
      <Card withBorder>
        <EnvelopeFields
          value={envelope}
          onChange={setEnvelope}
          errors={errors}
          legalBasisRequired={database.needsLegalBasis}
          editing={Boolean(record)}
        />
      </Card>
      {database.id === 'travel_documents' && !record && (
        <Card withBorder>
          <Textarea
            label={t('records.form.mrz')}
            description={t('records.form.mrzHelp')}
            autosize
            minRows={2}
            ff="monospace"
            value={mrz}
            error={errors.mrz}
            onChange={(e) => setMrz(e.currentTarget.value)}
            data-testid="field-mrz"
          />
        </Card>
      )}
      <Card withBorder>
        <SchemaForm schema={schema} value={data} onChange={setData} errors={errors} />
      </Card>
      <Group>
        <Button onClick={submit} loading={busy} data-testid="save-record">
          {record ? t('records.form.saveChanges') : t('records.form.create')}
        </Button>
        <Button variant="default" onClick={() => navigate(-1)}>
          {t('common.cancel')}
        </Button>
      </Group>
    </Stack>
  );
}

export function NewRecordPage() {
  const { db } = useParams();
  const { database, isLoading } = useDatabase(db);
  if (isLoading) return <Loader />;
  if (!database) return null;
  return <Form database={database} />;
}

export function EditRecordPage() {
  const { id } = useParams();
  const record = useQuery({ queryKey: ['record', id], queryFn: () => api.get<RecordDto>(`/records/${id}`) });
  const { database } = useDatabase(record.data?.database);
  if (!record.data || !database) return <Loader />;
  return <Form database={database} record={record.data} />;
}
