'use client';

import { useCallback, useEffect, useRef, useState } from 'react';
import type { MediaRecord } from '@/lib/media/present';
import { isAbortError, sendUpload } from '@/components/media/send-upload';
import { fileRefusal, mediaRefusal, type MediaRules } from './media-rules';
import { useLatest } from './use-latest';

export type UploadProgressState = { fileName: string; loaded: number; size: number; index: number; count: number };

/**
 * Uploads files one after another for a media field, refusing early what the field cannot take.
 * `uploadFiles` resolves with the messages to show (refusals, failures, and whatever `onAccepted` returns).
 */
export function useMediaUpload(rules: MediaRules) {
  const [progress, setProgress] = useState<UploadProgressState | null>(null);
  const controller = useRef<AbortController | null>(null);
  const latestRules = useLatest(rules);

  useEffect(() => () => controller.current?.abort(), []);

  const uploadFiles = useCallback(
    async (files: File[], onAccepted: (item: MediaRecord) => string | null | void): Promise<string[]> => {
      controller.current?.abort();
      const own = new AbortController();
      controller.current = own;
      const messages: string[] = [];
      for (const [index, file] of files.entries()) {
        const refusal = fileRefusal(file, latestRules.current);
        if (refusal) {
          messages.push(refusal);
          continue;
        }
        setProgress({ fileName: file.name, loaded: 0, size: file.size, index, count: files.length });
        try {
          const item = await sendUpload(file, {
            signal: own.signal,
            onProgress: (loaded) => setProgress((p) => p && { ...p, loaded }),
          });
          const message = mediaRefusal(item, latestRules.current) ?? onAccepted(item);
          if (message) messages.push(message);
        } catch (err) {
          if (isAbortError(err)) break;
          messages.push(`${file.name}: ${err instanceof Error ? err.message : 'the upload failed'}`);
        }
      }
      if (controller.current === own) {
        controller.current = null;
        setProgress(null);
      }
      return messages;
    },
    [latestRules],
  );

  const cancel = useCallback(() => controller.current?.abort(), []);

  return { progress, busy: progress !== null, uploadFiles, cancel };
}
