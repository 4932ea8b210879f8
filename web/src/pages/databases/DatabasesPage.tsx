// The catalogue of the 19 databases: what each holds, how many records one's bureau owns, and
// the ways in (browse, record, import), with search and the hit inbox at the top.
import { Alert, Badge, Button, Card, Group, Loader, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { dbDescription, dbName } from './labels';
import { useCatalogue } from './recordsApi';

export function DatabasesPage() {
  const { t } = useTranslation();
  const catalogue = useCatalogue();
  if (catalogue.isLoading) return <Loader />;
  if (catalogue.error) return <Alert color="red">{String(catalogue.error)}</Alert>;
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>{t('records.catalogue.title')}</Title>
        <Group>
          <Button component={Link} to="/databases/search" data-testid="open-search">
            {t('records.catalogue.search')}
          </Button>
          <Button component={Link} to="/databases/hits" variant="light" data-testid="open-hits">
            {t('records.catalogue.hits')}
          </Button>
        </Group>
      </Group>
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} data-testid="catalogue">
        {catalogue.data?.items.map((d) => (
          <Card key={d.id} withBorder data-testid={`db-${d.id}`}>
            <Stack gap={6} h="100%">
              <Group justify="space-between" wrap="nowrap" align="flex-start">
                <Text fw={600}>
                  {d.number}. {dbName(t, d.id)}
                </Text>
                {d.capability !== 'databases' && (
                  <Badge variant="light" style={{ flex: 'none' }}>
                    {t(`records.capability.${d.capability}`)}
                  </Badge>
                )}
              </Group>
              <Text size="sm" c="dimmed" style={{ flexGrow: 1 }}>
                {dbDescription(t, d.id)}
              </Text>
              {d.managedBy ? (
                <Text size="sm">{t('records.catalogue.managedBy')}</Text>
              ) : !d.canRead ? (
                <Text size="sm" c="dimmed">
                  {t('records.catalogue.noCapability')}
                </Text>
              ) : (
                <>
                  <Text size="sm">{t('records.catalogue.own', { count: d.ownRecords })}</Text>
                  <Group gap="xs">
                    <Button size="xs" variant="light" component={Link} to={`/databases/${d.id}`}>
                      {t('records.catalogue.browse')}
                    </Button>
                    {d.canCreate && (
                      <Button
                        size="xs"
                        variant="light"
                        component={Link}
                        to={`/databases/${d.id}/new`}
                        data-testid={`new-${d.id}`}
                      >
                        {t('records.catalogue.new')}
                      </Button>
                    )}
                    {d.canCreate && (
                      <Button size="xs" variant="subtle" component={Link} to={`/databases/${d.id}/import`}>
                        {t('records.catalogue.import')}
                      </Button>
                    )}
                  </Group>
                </>
              )}
            </Stack>
          </Card>
        ))}
      </SimpleGrid>
    </Stack>
  );
}
