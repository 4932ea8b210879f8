// Shared data and helpers of the administration tabs.
import { notifications } from '@mantine/notifications';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError, api, type Meta, type Unit } from '../../lib/api';
import i18n from '../../lib/i18n';

export function useMeta() {
  return useQuery({
    queryKey: ['meta'],
    queryFn: () => api.get<Meta>('/meta'),
    staleTime: Number.POSITIVE_INFINITY,
  });
}

export function useUnits(bureau: string) {
  return useQuery({
    queryKey: ['units', bureau],
    queryFn: () => api.get<{ items: Unit[] }>(`/bureaus/${bureau}/units`),
    enabled: Boolean(bureau),
  });
}

export function useRefresh(...key: string[]) {
  const qc = useQueryClient();
  return () => qc.invalidateQueries({ queryKey: key });
}

/** Runs an action; says "saved" or shows the server's problem detail. */
export async function act(fn: () => Promise<unknown>, after?: () => unknown): Promise<boolean> {
  try {
    await fn();
    notifications.show({ color: 'green', message: i18n.t('admin.saved') });
    await after?.();
    return true;
  } catch (e) {
    showProblem(e);
    return false;
  }
}

export function showProblem(e: unknown) {
  const detail = e instanceof ApiError ? e.detail : String(e);
  notifications.show({ color: 'red', message: i18n.t('common.error', { detail }) });
}
