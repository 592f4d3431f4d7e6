import './dashboard/mf-sign-in.ts';
import './dashboard/mf-dashboard.ts';
import { loadSession, type Session } from './dashboard/session-api.ts';

// The hosted dashboard's entry (web/dist/dashboard/app/dashboard.js, served at `/` by the
// server): the sign-in page until there is a session, then the dashboard. Views load as
// chunks of their own, so the first paint needs only this file and the shell.

const root = document.getElementById('mindflow-dashboard');

// `/` opens Today: fetch its chunk while the session is being checked, not after.
if (!location.hash || location.hash.startsWith('#/today'))
  void import('./dashboard/mf-view-today.ts');

function show(session: Session | null): void {
  if (!root) return;
  if (session) {
    const app = document.createElement('mf-dashboard');
    app.session = session;
    root.replaceChildren(app);
  } else {
    root.replaceChildren(document.createElement('mf-sign-in'));
  }
}

document.addEventListener('mf-signed-in', (e) => show((e as CustomEvent<Session>).detail));
document.addEventListener('mf-signed-out', () => show(null));

loadSession().then(show, (error: unknown) => {
  if (!root) return;
  const p = document.createElement('p');
  p.className = 'boot';
  p.setAttribute('role', 'alert');
  p.textContent = `Could not reach MindFlow: ${error instanceof Error ? error.message : String(error)}. Reload to try again.`;
  root.replaceChildren(p);
});
