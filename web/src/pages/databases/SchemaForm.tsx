// A form rendered from a database's JSON schema: the console has one form component for all
// 19 databases, and each database's validation stays on the server, which names the field at
// fault (`data.plates.0.number`); the message is shown under that field.
import {
  Button,
  Card,
  Checkbox,
  Fieldset,
  Group,
  MultiSelect,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  TagsInput,
  Textarea,
  TextInput,
} from '@mantine/core';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { LociInput } from './LociInput';
import { choiceLabel, fieldLabel } from './labels';
import type { JsonSchema } from './recordsApi';

type Data = Record<string, unknown>;
type Errors = Record<string, string>;

function Field(props: {
  t: TFunction;
  name: string;
  path: string;
  schema: JsonSchema;
  required: boolean;
  value: unknown;
  onChange: (v: unknown) => void;
  errors: Errors;
}) {
  const { t, name, path, schema, required, value, onChange, errors } = props;
  const label = fieldLabel(t, name, schema.title);
  const error = errors[path];
  const common = { label, required, error, description: schema.description, 'data-testid': `field-${path}` };
  if (schema.type === 'string' && schema.enum) {
    return (
      <Select
        {...common}
        clearable
        data={schema.enum.map((v) => ({ value: v, label: choiceLabel(t, v) }))}
        value={(value as string) ?? null}
        onChange={(v) => onChange(v ?? undefined)}
      />
    );
  }
  if (schema.type === 'string') {
    if ((schema.maxLength ?? 0) > 300) {
      return (
        <Textarea
          {...common}
          maxLength={schema.maxLength}
          autosize
          minRows={2}
          value={(value as string) ?? ''}
          onChange={(e) => onChange(e.currentTarget.value)}
        />
      );
    }
    return (
      <TextInput
        {...common}
        maxLength={schema.maxLength}
        type={schema.format === 'date' ? 'date' : 'text'}
        value={(value as string) ?? ''}
        onChange={(e) => onChange(e.currentTarget.value)}
      />
    );
  }
  if (schema.type === 'integer' || schema.type === 'number') {
    return (
      <NumberInput
        {...common}
        min={schema.minimum}
        max={schema.maximum}
        allowDecimal={schema.type === 'number'}
        value={(value as number) ?? ''}
        onChange={(v) => onChange(typeof v === 'number' ? v : undefined)}
      />
    );
  }
  if (schema.type === 'boolean') {
    return (
      <Checkbox
        label={label}
        error={error}
        checked={Boolean(value)}
        onChange={(e) => onChange(e.currentTarget.checked)}
      />
    );
  }
  if (schema.type === 'array' && schema.items?.type === 'object') {
    return <ObjectList {...props} label={label} />;
  }
  if (schema.type === 'array' && schema.items?.enum) {
    return (
      <MultiSelect
        {...common}
        data={schema.items.enum.map((v) => ({ value: v, label: choiceLabel(t, v) }))}
        value={(value as string[]) ?? []}
        onChange={onChange}
      />
    );
  }
  if (schema.type === 'array') {
    return <TagsInput {...common} value={((value as unknown[]) ?? []).map(String)} onChange={onChange} />;
  }
  if (schema.type === 'object' && schema.patternProperties) {
    return (
      <LociInput
        label={label}
        path={path}
        value={(value as Record<string, string[]>) ?? {}}
        onChange={onChange}
        errors={errors}
      />
    );
  }
  if (schema.type === 'object') {
    return (
      <Fieldset legend={label}>
        <FieldGrid
          t={t}
          schema={schema}
          prefix={path}
          value={(value as Data) ?? {}}
          onChange={onChange}
          errors={errors}
        />
      </Fieldset>
    );
  }
  return null;
}

function ObjectList(props: Parameters<typeof Field>[0] & { label: string }) {
  const { t, path, schema, value, onChange, errors, label } = props;
  const items = (value as Data[]) ?? [];
  const set = (i: number, v: Data) => onChange(items.map((x, j) => (j === i ? v : x)));
  return (
    <Fieldset legend={label} data-testid={`field-${path}`}>
      <Stack gap="xs">
        {items.map((item, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: items have no identity of their own
          <Card key={i} withBorder padding="xs">
            <FieldGrid
              t={t}
              schema={schema.items!}
              prefix={`${path}.${i}`}
              value={item}
              onChange={(v) => set(i, v as Data)}
              errors={errors}
            />
            <Group justify="flex-end" mt="xs">
              <Button
                size="xs"
                variant="subtle"
                color="red"
                onClick={() => onChange(items.filter((_, j) => j !== i))}
              >
                {t('records.form.remove')}
              </Button>
            </Group>
          </Card>
        ))}
        {items.length < (schema.maxItems ?? 20) && (
          <Button
            size="xs"
            variant="light"
            onClick={() => onChange([...items, {}])}
            data-testid={`add-${path}`}
          >
            {t('records.form.add', { what: label })}
          </Button>
        )}
      </Stack>
    </Fieldset>
  );
}

export function FieldGrid({
  t,
  schema,
  prefix,
  value,
  onChange,
  errors,
}: {
  t: TFunction;
  schema: JsonSchema;
  prefix: string;
  value: Data;
  onChange: (v: Data) => void;
  errors: Errors;
}) {
  const props = Object.entries(schema.properties ?? {});
  // Groups and long texts take the full width, below the two columns of simple fields.
  const wide = (s: JsonSchema) =>
    s.type === 'object' || (s.type === 'array' && s.items?.type === 'object') || (s.maxLength ?? 0) > 300;
  const field = ([name, s]: [string, JsonSchema]) => (
    <Field
      key={name}
      t={t}
      name={name}
      path={prefix ? `${prefix}.${name}` : name}
      schema={s}
      required={schema.required?.includes(name) ?? false}
      value={value[name]}
      onChange={(v) => onChange({ ...value, [name]: v })}
      errors={errors}
    />
  );
  return (
    <Stack gap="sm">
      <SimpleGrid cols={{ base: 1, md: 2 }}>{props.filter(([, s]) => !wide(s)).map(field)}</SimpleGrid>
      {props.filter(([, s]) => wide(s)).map(field)}
    </Stack>
  );
}

/** The data part of a record, from its database's schema. */
export function SchemaForm({
  schema,
  value,
  onChange,
  errors,
}: {
  schema: JsonSchema;
  value: Data;
  onChange: (v: Data) => void;
  errors: Errors;
}) {
  const { t } = useTranslation();
  return <FieldGrid t={t} schema={schema} prefix="" value={value} onChange={onChange} errors={errors} />;
}
