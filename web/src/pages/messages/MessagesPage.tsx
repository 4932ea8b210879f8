// The bureau's messages: inbox and sent, with the number not yet read, a search within them, and
// a button to write one. The inbox is refreshed live by the event stream (MessageAlerts).
import {
  Alert,
  Badge,
  Button,
  Checkbox,
  Group,
  Loader,
  Stack,
  Tabs,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { ApiError, api } from '../../lib/api';
import { useAuth } from '../../lib/auth';
import { MessageList } from './MessageList';
import { type Box, type MessageSummary, maySendMessages, useUnreadCount } from './messagesApi';

export function MessagesPage() {
  const { t } = useTranslation();
  const { principal } = useAuth();
  const [params, setParams] = useSearchParams();
  const box: Box = params.get('box') === 'sent' ? 'sent' : 'inbox';
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search.trim(), 300);
  const q = debounced.length >= 2 ? debounced : '';
  const [unreadOnly, setUnreadOnly] = useState(false);
  const unread = useUnreadCount();
  const list = useInfiniteQuery({
    queryKey: ['messages', 'box', box, q, unreadOnly && box === 'inbox'],
    initialPageParam: '',
    queryFn: ({ pageParam }) => {
      const query = new URLSearchParams({ box, limit: '25' });
      if (q) query.set('q', q);
      if (unreadOnly && box === 'inbox') query.set('unread', 'true');
      if (pageParam) query.set('before', pageParam);
      return api.get<{ items: MessageSummary[]; next: string | null }>(`/messages?${query}`);
    },
    getNextPageParam: (last) => last.next ?? undefined,
  });
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  const count = unread.data?.count ?? 0;

  return (
    <Stack maw={1200}>
      <Group justify="space-between">
        <Title order={2} data-testid="messages-title">
          {t('messages.title')}
        </Title>
        {maySendMessages(principal) && (
          <Button component={Link} to="/messages/new" data-testid="compose">
            {t('messages.compose.open')}
          </Button>
        )}
      </Group>
      <Tabs
        value={box}
        onChange={(v) => setParams(v === 'sent' ? { box: 'sent' } : {}, { replace: true })}
        keepMounted={false}
      >
        <Tabs.List>
          <Tabs.Tab
            value="inbox"
            data-testid="tab-inbox"
            rightSection={
              count > 0 ? (
                <Badge size="sm" circle={count < 10} color="red" data-testid="inbox-unread">
                  {count}
                </Badge>
              ) : undefined
            }
          >
            {t('messages.boxes.inbox')}
          </Tabs.Tab>
          <Tabs.Tab value="sent" data-testid="tab-sent">
            {t('messages.boxes.sent')}
          </Tabs.Tab>
        </Tabs.List>
      </Tabs>
      <Group align="flex-end">
        <TextInput
          label={t('messages.list.search')}
          placeholder={t('messages.list.searchPlaceholder')}
          value={search}
          onChange={(e) => setSearch(e.currentTarget.value)}
          w={360}
          type="search"
          data-testid="message-search"
        />
        {box === 'inbox' && (
          <Checkbox
            label={t('messages.list.onlyUnread')}
            checked={unreadOnly}
            onChange={(e) => setUnreadOnly(e.currentTarget.checked)}
            mb={8}
            data-testid="only-unread"
          />
        )}
      </Group>
      {list.error && (
        <Alert color="red">{list.error instanceof ApiError ? list.error.detail : String(list.error)}</Alert>
      )}
      {list.isLoading && <Loader />}
      {!list.isLoading && items.length === 0 && (
        <Text c="dimmed" data-testid="messages-none">
          {q ? t('messages.list.noMatch') : t(`messages.list.none.${box}`)}
        </Text>
      )}
      {items.length > 0 && <MessageList items={items} box={box} testId={`messages-${box}`} />}
      {list.hasNextPage && (
        <Button
          variant="default"
          w="fit-content"
          onClick={() => list.fetchNextPage()}
          loading={list.isFetchingNextPage}
        >
          {t('messages.list.more')}
        </Button>
      )}
    </Stack>
  );
}
