// The server's event stream (SSE): every event the access policy lets this session see, as one
// plain message whose data names its topic.
import { useEffect, useRef } from 'react';

export interface LiveEvent {
  id: number;
  at: string;
  topic: string;
  payload: Record<string, unknown>;
}

/** Calls `onEvent` for each event of the given topics while the component is mounted. */
export function useEvents(topics: readonly string[], onEvent: (e: LiveEvent) => void) {
  // The latest handler without reopening the stream on every render.
  const handler = useRef(onEvent);
  handler.current = onEvent;
  const key = topics.join(',');
  useEffect(() => {
    const wanted = new Set(key.split(','));
    const source = new EventSource('/api/v1/events');
    source.onmessage = (m: MessageEvent) => {
      const e = JSON.parse(m.data) as LiveEvent;
      if (wanted.has(e.topic)) handler.current(e);
    };
    return () => source.close();
  }, [key]);
}
