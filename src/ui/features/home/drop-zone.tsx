// Drag-and-drop target for export files, with a button for keyboard and touch users.
import { useState, type DragEvent } from 'react';
import { useFilePicker } from '../../components/use-file-picker';

/** Drop zone that hands dropped or chosen files to `onFiles`. */
export function DropZone({ onFiles }: { onFiles: (files: File[]) => void }) {
  const [over, setOver] = useState(false);
  const pick = useFilePicker(onFiles);
  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setOver(false);
    const files = [...e.dataTransfer.files];
    if (files.length > 0) onFiles(files);
  };
  return (
    <div
      className={`dropzone${over ? ' over' : ''}`}
      onDragOver={(e) => { e.preventDefault(); setOver(true); }}
      onDragLeave={() => setOver(false)}
      onDrop={onDrop}
      data-testid="dropzone"
    >
      <h2>Drop your exports here</h2>
      <p className="muted">CSV, TSV, semicolon, pipe or aligned text · JSON · JSON Lines · gzipped (.gz) · several files at once</p>
      <p className="muted">Clickstreams (REES46, RetailRocket, Taobao, OTTO, GA4) and orders (Online Retail, Shopify) are recognised.</p>
      <button className="primary" onClick={pick}>Choose files…</button>
    </div>
  );
}
