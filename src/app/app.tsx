// The app shell: hash routes (so shared links like /#/demo work on any static host), the top bar and
// the import dialog that can open over any screen.
import { useEffect } from 'react';
import { Route, Router, Switch } from 'wouter';
import { useHashLocation } from 'wouter/use-hash-location';
import { cleanupInterruptedImports, requestPersistentStorage } from '../state/datasets';
import { TopBar } from '../ui/components/top-bar';
import { DatasetPage } from '../ui/features/dataset/dataset-route';
import { DemoRoute } from '../ui/features/demo/demo-route';
import { HomeScreen } from '../ui/features/home/home-screen';
import { ImportDialog } from '../ui/features/import/import-dialog';

/** The whole application. */
export function App() {
  useEffect(() => {
    void cleanupInterruptedImports();
    void requestPersistentStorage();
  }, []);
  return (
    <Router hook={useHashLocation}>
      <div className="shell">
        <TopBar />
        <main>
          <Switch>
            <Route path="/" component={HomeScreen} />
            <Route path="/demo" component={DemoRoute} />
            <Route path="/d/:id/:tab?/:arg?" component={DatasetPage} />
            <Route>
              <div className="panel empty">
                <h2>Page not found</h2>
                <a href="#/">Back to your datasets</a>
              </div>
            </Route>
          </Switch>
        </main>
        <ImportDialog />
      </div>
    </Router>
  );
}
