// Customers: find a user by id and see their portrait.
import { useEffect, useState } from 'react';
import { useLocation } from 'wouter';
import { findUsers, usePortrait } from '../../../state/analysis';
import { PortraitView } from './portrait-view';
import { RecommendationsPanel } from './recommendations-panel';

/** Search box and the chosen user's portrait. */
export function CustomersScreen({ id, user }: { id: string; user: string | null }) {
  const [query, setQuery] = useState(user ?? '');
  const [matches, setMatches] = useState<{ code: number; id: string }[]>([]);
  const [, navigate] = useLocation();
  const portrait = usePortrait(id, user);
  useEffect(() => {
    let live = true;
    const q = query.trim();
    const timer = setTimeout(() => {
      if (q) void findUsers(id, q).then((m) => live && setMatches(m));
    }, 150);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [id, query]);
  const open = (u: string) => navigate(`/d/${id}/customers/${encodeURIComponent(u)}`);
  const shown = query.trim() ? matches : [];
  return (
    <div className="stack">
      <section className="panel">
        <h2>Find a customer</h2>
        <form className="row" onSubmit={(e) => { e.preventDefault(); const first = shown[0]; if (first) open(first.id); }}>
          <input type="search" aria-label="User id" placeholder="User id, e.g. 17850" value={query} onChange={(e) => setQuery(e.target.value)} style={{ minWidth: '18rem' }} />
          <button className="primary" type="submit" disabled={shown.length === 0}>Open</button>
        </form>
        {shown.length > 0 && (
          <ul className="row" style={{ listStyle: 'none', padding: 0, margin: '0.6rem 0 0' }} aria-label="Matching users">
            {shown.map((m) => <li key={m.code}><a href={`#/d/${id}/customers/${encodeURIComponent(m.id)}`} className="badge">{m.id}</a></li>)}
          </ul>
        )}
        {query.trim() !== '' && shown.length === 0 && <p className="muted">No user id matches “{query.trim()}”.</p>}
      </section>
      {user && portrait.status === 'error' && <div className="notice bad" role="alert">{portrait.message}</div>}
      {user && portrait.status === 'ready' && portrait.data === null && <div className="panel empty">There is no user “{user}” in this dataset.</div>}
      {user && portrait.status !== 'error' && portrait.data && <PortraitView p={portrait.data} />}
      {user && portrait.status !== 'error' && portrait.data && <RecommendationsPanel id={id} user={user} />}
      {!user && <div className="panel empty">Search for a user id to see their timeline, orders, favourite categories, active hours and segment.</div>}
    </div>
  );
}
