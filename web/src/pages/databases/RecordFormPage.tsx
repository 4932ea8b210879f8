// Create a record in a database, or change one (If-Match): the envelope, the data from the
// database's schema, and for travel documents entry by machine-readable zone. The server checks
// everything and names the fields at fault; each message is shown under its field and listed
// above the form, so one that belongs to no visible field is not lost.
import { Alert, Button, Card, Group, List, Loader, Stack, Textarea, Title } from '@mantine/core';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { ApiError, api } from '../../lib/api';
import { EMPTY_ENVELOPE, type Envelope, EnvelopeFields } from './EnvelopeFields';
import { dbName, recordFieldLabel } from './labels';
import { changesOf, createBody, envelopeOf, errorsOf } from './recordBody';
import { type DatabaseInfo, type RecordDto, useDatabase } from './recordsApi';
import { SchemaForm } from './SchemaForm';

function Form({ database, record }: { database: DatabaseInfo; record?: RecordDto }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const [envelope, setEnvelope] = useState<Envelope>(record ? envelopeOf(record) : EMPTY_ENVELOPE);
  const [data, setData] = useState<Record<string, unknown>>(record?.data ?? {});
  const [mrz, setMrz] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  // The MRZ is entered apart (above), not as one of the document's fields.
  const schema = { ...database.schema, properties: { ...database.schema.properties } };
  delete schema.properties.mrz;

  const submit = async () => {
    setBusy(true);
    setError(null);
    try {
      const saved = record
        ? await api.patch<RecordDto>(
            `/records/${record.id}`,
            changesOf(record, envelope, data),
            record.version,
          )
        : await api.create<RecordDto>(`/databases/${database.id}/records`, createBody(envelope, data, mrz));
      await queryClient.invalidateQueries({ queryKey: ['databases'] });
      await queryClient.invalidateQueries({ queryKey: ['records', database.id] });
      await queryClient.invalidateQueries({ queryKey: ['record', saved.id] });
      await queryClient.invalidateQueries({ queryKey: ['history', saved.id] });
      navigate(`/records/${saved.id}`);
    } catch (e) {
      setError(e instanceof ApiError ? e : new ApiError(0, 'error', String(e)));
      window.scrollTo({ top: 0 });
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
          {error.errors.length === 0 ? (
            error.detail
          ) : (
            <List size="sm" data-testid="form-error-list">
              {error.errors.map((e) => (
                <List.Item key={`${e.field}:${e.message}`}>
                  {recordFieldLabel(t, e.field)}: {e.message}
                </List.Item>
              ))}
            </List>
          )}
        </Alert>
      )}
      <Card withBorder>
        <EnvelopeFields
          value={envelope}
          onChange={setEnvelope}
          errors={errors}
          legalBasisRequired={database.needsLegalBasis}
          reviewYears={database.reviewYears}
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
            maxRows={3}
            styles={{ input: { fontFamily: 'monospace' } }}
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
  // A fresh form per version: the fields start from what the server holds now.
  return <Form key={record.data.version} database={database} record={record.data} />;
}
