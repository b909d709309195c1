import { Route, Router } from '@solidjs/router';
import { MetaProvider } from './api/meta';
import { Layout } from './components/Layout';
import { I18nProvider } from './i18n';
import Home from './pages/Home';
import NotFound from './pages/NotFound';

/** Only pages that work today; unknown addresses get the not-found page. */
export function App() {
  return (
    <I18nProvider>
      <MetaProvider>
        <Router root={Layout}>
          <Route path="/" component={Home} />
          <Route path="*404" component={NotFound} />
        </Router>
      </MetaProvider>
    </I18nProvider>
  );
}
