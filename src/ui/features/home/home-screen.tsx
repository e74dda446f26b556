// Home: import area, the demo store, and the datasets kept in this browser.
import { useImportStore } from '../../../state/import-store';
import { DatasetList } from './dataset-list';
import { DropZone } from './drop-zone';

/** The start screen. */
export function HomeScreen() {
  const chooseFiles = useImportStore((s) => s.chooseFiles);
  return (
    <div className="stack">
      <section className="hero">
        <DropZone onFiles={chooseFiles} />
        <div className="panel stack">
          <h2>New here?</h2>
          <p className="muted">
            Explore a generated shop: 120 days of sessions, carts and orders from loyal, bargain-hunting, one-off and churning
            customers, with a promotion spike, a few bots and fraud-like accounts.
          </p>
          <div><a className="button" href="#/demo">Try the demo store →</a></div>
          <p className="muted">Everything runs in this browser. Your files are stored on this machine only and work offline.</p>
        </div>
      </section>
      <DatasetList />
    </div>
  );
}
