// Opens the system file chooser without a visible <input>.
import { useCallback } from 'react';

/** File types the importer reads. */
export const ACCEPTED = '.csv,.tsv,.txt,.json,.jsonl,.ndjson,.gz,text/csv,application/json,application/gzip';

/** Returns a function that opens the chooser and hands the chosen files to `onFiles`. */
export function useFilePicker(onFiles: (files: File[]) => void): () => void {
  return useCallback(() => {
    const input = document.createElement('input');
    input.type = 'file';
    input.multiple = true;
    input.accept = ACCEPTED;
    input.onchange = () => {
      const files = [...(input.files ?? [])];
      if (files.length > 0) onFiles(files);
    };
    input.click();
  }, [onFiles]);
}
