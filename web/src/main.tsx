import './styles.ts';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { meQueryOptions } from './api/auth.ts';
import { queryClient } from './api/queryClient.ts';
import { App } from './App.tsx';
import { initI18n } from './i18n/index.ts';

// Entry point. The session check and the language file are fetched in parallel, before the first
// render, so a slow link pays one round trip for both instead of two in a row.
const root = document.getElementById('root');
if (!root) throw new Error('#root is missing from index.html');

void queryClient.prefetchQuery(meQueryOptions);
void initI18n().then(() => {
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
});
