import { Route, Router } from '@solidjs/router';
import { lazy } from 'solid-js';
import { MetaProvider } from './api/meta';
import { Layout } from './components/Layout';
import { I18nProvider, withMessages } from './i18n';
import Home from './pages/Home';
import NotFound from './pages/NotFound';

// Each page loads on its own, with the words of its areas (i18n/areas.ts) side by side.
// The complaint form's words come with the entry, so that it loads fastest of all.
const Report = lazy(() => import('./pages/Report'));
// The public feed and the tracking page too: neither weighs on the form or the home page.
const Feed = lazy(withMessages(['public'], () => import('./pages/Feed')));
const Track = lazy(withMessages(['public'], () => import('./pages/Track')));
// Staff administration: never downloaded by citizens.
const AdminAccounts = lazy(withMessages(['admin', 'staff'], () => import('./pages/AdminAccounts')));
const AdminSettings = lazy(withMessages(['admin', 'staff'], () => import('./pages/AdminSettings')));
/** The sections of `/admin` (as in pages/AdminSettings.tsx); other addresses are not found. */
const adminSections = ['target', 'instansi', 'kategori', 'rute', 'antrean', 'kunci-api'];
// Staff sign-in and the moderators' desk, in their own chunks too.
const SignIn = lazy(withMessages(['staff'], () => import('./pages/SignIn')));
const Moderation = lazy(withMessages(['staff', 'public', 'agency'], () => import('./pages/Moderation')));
// The agency inbox (live updates), for agency staff only.
const Inbox = lazy(withMessages(['agency', 'staff', 'public'], () => import('./pages/Inbox')));
// The public dashboard, with its charts, loads only when opened.
const Stats = lazy(withMessages(['stats'], () => import('./pages/Stats')));
// The API reference for other apps' developers.
const ApiDocs = lazy(withMessages(['apiDocs'], () => import('./pages/ApiDocs')));

/** Only pages that work today; unknown addresses get the not-found page. */
export function App() {
  return (
    <I18nProvider>
      <MetaProvider>
        <Router root={Layout}>
          <Route path="/" component={Home} />
          <Route path="/lapor" component={Report} />
          <Route path="/pengaduan" component={Feed} />
          <Route path="/lacak/:code?" component={Track} />
          <Route path="/admin/akun" component={AdminAccounts} />
          <Route path="/admin/:section?" component={AdminSettings} matchFilters={{ section: adminSections }} />
          <Route path="/masuk" component={SignIn} />
          <Route path="/moderasi" component={Moderation} />
          <Route path="/instansi/:code?" component={Inbox} />
          <Route path="/statistik" component={Stats} />
          <Route path="/dokumentasi-api" component={ApiDocs} />
          <Route path="*404" component={NotFound} />
        </Router>
      </MetaProvider>
    </I18nProvider>
  );
}
