// The "new …" form at the top of each administration tab: fields, a submit button, and the
// server's answer — per-field messages go on the fields, anything else below the button.
import { Button, Card, Group, Text, Title } from '@mantine/core';
import { type FormEvent, type ReactNode, useState } from 'react';
import { ApiError } from '../../lib/api';

export function useCreateForm(create: () => Promise<unknown>) {
  const [error, setError] = useState<ApiError | null>(null);
  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    try {
      await create();
    } catch (err) {
      setError(err instanceof ApiError ? err : new ApiError(0, 'error', String(err)));
    }
  };
  return { error, onSubmit };
}

export function CreateCard(props: {
  title: string;
  submitLabel: string;
  submitTestId?: string;
  error: ApiError | null;
  onSubmit: (e: FormEvent) => void;
  children: ReactNode;
}) {
  return (
    <Card withBorder>
      <form onSubmit={props.onSubmit}>
        <Title order={5} mb="sm">
          {props.title}
        </Title>
        <Group align="flex-start" wrap="wrap">
          {props.children}
        </Group>
        <Button type="submit" mt="md" data-testid={props.submitTestId}>
          {props.submitLabel}
        </Button>
        {props.error && !props.error.errors.length && (
          <Text c="red" size="sm" mt="xs">
            {props.error.detail}
          </Text>
        )}
      </form>
    </Card>
  );
}
