'use client';

import { ShownOnceDialog } from './shown-once-dialog';

type Props = { name: string; apiKey: string; onClose: () => void };

/** The one time a new key is shown: a read-only field to copy it from, and why it will not be shown again. */
export function NewKeyDialog({ name, apiKey, onClose }: Props) {
  return (
    <ShownOnceDialog
      title={`API key “${name}” created`}
      label="API key"
      value={apiKey}
      copyLabel="Copy"
      onClose={onClose}
      hint={
        <>
          Copy it now: Kura keeps only a hash of the key and cannot show it again. Send it as{' '}
          <code>X-MICROCMS-API-KEY</code> or <code>Authorization: Bearer</code>.
        </>
      }
    />
  );
}
