// A DNA profile in the record form: rows of locus name and its one or two alleles (the schema's
// map of locus → alleles), added and removed freely; the server checks names and alleles.
import { ActionIcon, Button, Fieldset, Group, Stack, TagsInput, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';

export function LociInput(props: {
  label: string;
  path: string;
  value: Record<string, string[]>;
  onChange: (v: Record<string, string[]>) => void;
  errors: Record<string, string>;
}) {
  const { t } = useTranslation();
  const { label, path, value, onChange, errors } = props;
  const entries = Object.entries(value);
  const write = (list: [string, string[]][]) => onChange(Object.fromEntries(list));
  return (
    <Fieldset legend={label} data-testid={`field-${path}`}>
      <Stack gap="xs">
        {errors[path] && (
          <Text size="xs" c="red">
            {errors[path]}
          </Text>
        )}
        {entries.map(([locus, alleles], i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: a locus being renamed keeps its row
          <Group key={i} align="flex-end" wrap="nowrap">
            <TextInput
              label={t('records.form.locus')}
              value={locus}
              onChange={(e) => write(entries.map((x, j) => (j === i ? [e.currentTarget.value, x[1]] : x)))}
            />
            <TagsInput
              label={t('records.form.alleles')}
              value={alleles}
              maxTags={2}
              onChange={(v) => write(entries.map((x, j) => (j === i ? [x[0], v] : x)))}
              error={errors[`${path}.${locus}`]}
            />
            <ActionIcon
              variant="subtle"
              color="red"
              aria-label={t('records.form.remove')}
              onClick={() => write(entries.filter((_, j) => j !== i))}
            >
              ×
            </ActionIcon>
          </Group>
        ))}
        <Button size="xs" variant="light" w="fit-content" onClick={() => write([...entries, ['', []]])}>
          {t('records.form.addLocus')}
        </Button>
      </Stack>
    </Fieldset>
  );
}
