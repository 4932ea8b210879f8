// What the receiving bureau does with its part, as far as the server allows it now: acknowledge
// the request, and forward it to one of its own units with the payments capability (its
// financial intelligence unit), chosen from the bureau's units.
import { Alert, Button, Group, Select } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, api, type Unit } from '../../lib/api';
import { useAuth } from '../../lib/auth';
import { type PaymentPart, paymentsApi } from './paymentsApi';

export function PartActions({ part }: { part: PaymentPart }) {
  const { t } = useTranslation();
  const { principal } = useAuth();
  const queryClient = useQueryClient();
  const [unitId, setUnitId] = useState<string | null>(null);
  const mayForward = part.actions.includes('forward');
  const units = useQuery({
    queryKey: ['units', principal?.bureau.code],
    queryFn: () => api.get<{ items: Unit[] }>(`/bureaus/${principal!.bureau.code}/units`),
    enabled: mayForward && Boolean(principal),
    staleTime: 60_000,
  });
  const financial = (units.data?.items ?? []).filter((u) => u.active && u.capabilities.includes('payments'));
  const done = async () => queryClient.invalidateQueries({ queryKey: ['payments'] });
  const acknowledge = useMutation({ mutationFn: () => paymentsApi.acknowledge(part.id), onSuccess: done });
  const forward = useMutation({
    mutationFn: (unit: string) => paymentsApi.forward(part.id, unit),
    onSuccess: async () => {
      setUnitId(null);
      await done();
    },
  });
  const error = acknowledge.error ?? forward.error;
  if (part.actions.length === 0) return null;
  return (
    <>
      <Group align="flex-end" gap="sm">
        {part.actions.includes('acknowledge') && (
          <Button
            onClick={() => acknowledge.mutate()}
            loading={acknowledge.isPending}
            data-testid="acknowledge"
          >
            {t('payments.actions.acknowledge')}
          </Button>
        )}
        {mayForward && (
          <>
            <Select
              label={t('payments.actions.forwardTo')}
              placeholder={
                units.isSuccess && financial.length === 0
                  ? t('payments.actions.noUnit')
                  : t('payments.actions.pickUnit')
              }
              data={financial.map((u) => ({ value: u.id, label: u.name }))}
              value={unitId}
              onChange={setUnitId}
              disabled={financial.length === 0}
              w={280}
              data-testid="forward-unit"
            />
            <Button
              variant="light"
              disabled={!unitId}
              onClick={() => unitId && forward.mutate(unitId)}
              loading={forward.isPending}
              data-testid="forward"
            >
              {t('payments.actions.forward')}
            </Button>
          </>
        )}
      </Group>
      {error && (
        <Alert color="red" mt="xs" data-testid="part-action-error">
          {error instanceof ApiError ? error.detail : String(error)}
        </Alert>
      )}
    </>
  );
}
