// "Enter fields": a traveller whose document has no readable MRZ, typed field by field. The
// server's reasons for an invalid entry are shown under the fields they name.
import { Alert, Button, Card, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../lib/api';
import { choiceLabel, fieldLabel } from '../databases/labels';
import { PersonInputs, type PersonQuery } from '../databases/SearchForms';
import { ResultCard } from './ResultCard';
import { screenTravellers, type TravellerItem } from './screeningApi';

const DOCUMENT_TYPES = ['passport', 'identity_card', 'visa', 'residence_permit', 'travel_document', 'other'];

interface DocumentQuery {
  number: string;
  issuingCountry: string;
  type: string;
}

function itemOf(d: DocumentQuery, p: PersonQuery): TravellerItem {
  const doc = {
    ...(d.number.trim() ? { number: d.number.trim() } : {}),
    ...(d.issuingCountry.trim() ? { issuingCountry: d.issuingCountry.trim() } : {}),
    ...(d.type ? { type: d.type } : {}),
  };
  const person = {
    ...(p.name.trim() ? { name: p.name.trim() } : {}),
    ...(p.dateOfBirth.trim() ? { dateOfBirth: p.dateOfBirth.trim() } : {}),
    ...(p.nationality.trim() ? { nationality: p.nationality.trim() } : {}),
    ...(p.sex ? { sex: p.sex } : {}),
  };
  return {
    ...(Object.keys(doc).length > 0 ? { document: doc } : {}),
    ...(Object.keys(person).length > 0 ? { person } : {}),
  };
}

export function FieldsCheck() {
  const { t } = useTranslation();
  const [doc, setDoc] = useState<DocumentQuery>({ number: '', issuingCountry: '', type: '' });
  const [person, setPerson] = useState<PersonQuery>({ name: '', dateOfBirth: '', nationality: '', sex: '' });
  const check = useMutation({ mutationFn: (item: TravellerItem) => screenTravellers([item]) });
  const item = itemOf(doc, person);
  const empty = Object.keys(item).length === 0;
  const result = check.data?.items[0];
  // The reasons of an invalid entry, placed under their fields (document.number, person.name…).
  const reasons = result?.status === 'invalid' ? (result.reasons ?? []) : [];
  const docError = (f: string) => reasons.find((r) => r.field === `document.${f}`)?.message;
  const personErrors = new ApiError(
    200,
    'invalid',
    '',
    reasons.filter((r) => r.field.startsWith('person.')),
  );
  const error = check.error instanceof ApiError ? check.error.detail : check.error && String(check.error);

  return (
    <Stack>
      <Card withBorder padding="sm">
        <Text fw={600} mb="xs">
          {t('screening.fields.document')}
        </Text>
        <SimpleGrid cols={{ base: 1, md: 3 }} style={{ alignItems: 'end' }}>
          <TextInput
            label={fieldLabel(t, 'documentNumber')}
            value={doc.number}
            onChange={(e) => setDoc({ ...doc, number: e.currentTarget.value.toUpperCase() })}
            error={docError('number')}
            styles={{ input: { fontFamily: 'monospace' } }}
            dir="ltr"
            data-testid="doc-number"
          />
          <TextInput
            label={fieldLabel(t, 'issuingCountry')}
            description={t('screening.fields.countryHelp')}
            placeholder="FR"
            maxLength={3}
            value={doc.issuingCountry}
            onChange={(e) => setDoc({ ...doc, issuingCountry: e.currentTarget.value.toUpperCase() })}
            error={docError('issuingCountry')}
            data-testid="doc-country"
          />
          <Select
            label={fieldLabel(t, 'documentType')}
            placeholder={t('screening.fields.anyType')}
            clearable
            data={DOCUMENT_TYPES.map((v) => ({ value: v, label: choiceLabel(t, v) }))}
            value={doc.type || null}
            onChange={(v) => setDoc({ ...doc, type: v ?? '' })}
            error={docError('type')}
            data-testid="doc-type"
          />
        </SimpleGrid>
      </Card>
      <Card withBorder padding="sm">
        <Text fw={600} mb="xs">
          {t('screening.fields.person')}
        </Text>
        <PersonInputs value={person} onChange={setPerson} error={personErrors} />
      </Card>
      <Text size="sm" c="dimmed">
        {t('screening.fields.help')}
      </Text>
      <Button
        size="md"
        w="fit-content"
        onClick={() => check.mutate(item)}
        loading={check.isPending}
        disabled={empty}
        data-testid="fields-check"
      >
        {t('screening.run')}
      </Button>
      {error && (
        <Alert color="red" title={t('screening.failed')} data-testid="screen-error">
          {error}
        </Alert>
      )}
      {result && !check.isPending && <ResultCard item={result} source="fields" />}
    </Stack>
  );
}
