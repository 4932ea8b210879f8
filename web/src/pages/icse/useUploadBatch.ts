// One drop of files is one batch: each file is read, sent and matched, a few at a time so that a
// drop of hundreds neither floods the server nor holds every file in memory at once. Each file has
// its own state (progress, result, or the server's reason for refusing it).
import { useCallback, useRef, useState } from 'react';
import { ApiError } from '../../lib/api';
import { toBase64 } from '../messages/messagesApi';
import { type MediumResult, uploadMedium } from './icseApi';

/** Files in flight at once. */
const CONCURRENCY = 3;

export type FileStage = 'queued' | 'reading' | 'sending' | 'matching' | 'done' | 'failed';

export interface FileState {
  key: string;
  name: string;
  size: number;
  stage: FileStage;
  /** 0–1, of the request body sent. */
  progress: number;
  result?: MediumResult;
  /** False when the bureau already held these bytes (the same medium, not a new one). */
  created?: boolean;
  /** `code` is the server's (or `network` when no answer came). */
  error?: { code: string; detail: string; fields: string[] };
}

export interface Batch {
  id: string;
  files: FileState[];
  finished: boolean;
}

// A browser may not know a type for some video containers: the extension says it.
const TYPES_BY_EXTENSION: Record<string, string> = {
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
  gif: 'image/gif',
  webp: 'image/webp',
  tif: 'image/tiff',
  tiff: 'image/tiff',
  bmp: 'image/bmp',
  mp4: 'video/mp4',
  m4v: 'video/mp4',
  webm: 'video/webm',
  mov: 'video/quicktime',
  avi: 'video/x-msvideo',
  mkv: 'video/x-matroska',
};
export const typeOf = (file: File) =>
  file.type ||
  TYPES_BY_EXTENSION[file.name.split('.').pop()?.toLowerCase() ?? ''] ||
  'application/octet-stream';

export function useUploadBatch(onFinished?: (batchId: string) => void) {
  const [batch, setBatch] = useState<Batch | null>(null);
  // The batch being worked on; a newer drop does not receive the older one's updates.
  const current = useRef<string | null>(null);

  const start = useCallback(
    (files: File[]) => {
      if (files.length === 0) return;
      const id = crypto.randomUUID();
      current.current = id;
      const states: FileState[] = files.map((f, i) => ({
        key: `${i}:${f.name}`,
        name: f.name,
        size: f.size,
        stage: 'queued',
        progress: 0,
      }));
      setBatch({ id, files: states, finished: false });
      const update = (index: number, change: Partial<FileState>) =>
        setBatch((b) =>
          b && b.id === id
            ? { ...b, files: b.files.map((f, i) => (i === index ? { ...f, ...change } : f)) }
            : b,
        );

      const send = async (index: number) => {
        const file = files[index]!;
        try {
          update(index, { stage: 'reading' });
          const contentBase64 = toBase64(await file.arrayBuffer());
          update(index, { stage: 'sending' });
          const { result, created } = await uploadMedium(
            { fileName: file.name, contentType: typeOf(file), contentBase64, batchId: id },
            (sent) => update(index, sent >= 1 ? { progress: 1, stage: 'matching' } : { progress: sent }),
          );
          update(index, { stage: 'done', progress: 1, result, created });
        } catch (e) {
          const error =
            e instanceof ApiError
              ? { code: e.code, detail: e.detail, fields: e.errors.map((x) => `${x.field}: ${x.message}`) }
              : { code: 'error', detail: String(e), fields: [] };
          update(index, { stage: 'failed', error });
        }
      };

      let next = 0;
      const worker = async () => {
        while (next < files.length) await send(next++);
      };
      void Promise.all(Array.from({ length: Math.min(CONCURRENCY, files.length) }, worker)).then(() => {
        if (current.current !== id) return;
        setBatch((b) => (b && b.id === id ? { ...b, finished: true } : b));
        onFinished?.(id);
      });
    },
    [onFinished],
  );

  return { batch, start };
}
