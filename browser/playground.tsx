// GraphiQL with its query-builder explorer, bundled from the installed packages (no CDN).
import { createRoot } from 'react-dom/client';
import { GraphiQL } from 'graphiql';
import { explorerPlugin } from '@graphiql/plugin-explorer';
import type { Fetcher } from '@graphiql/toolkit';
import 'graphiql/style.css';
import '@graphiql/plugin-explorer/style.css';
import { pageConfig } from './page-config';

const config = pageConfig();

// A plain same-origin POST fetcher: no subscriptions, so no websocket client in the bundle.
const fetcher: Fetcher = async (params, opts) => {
  const res = await fetch(config.graphqlPath, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json', ...(opts?.headers ?? {}) },
    body: JSON.stringify(params),
  });
  return res.json();
};

const explorer = explorerPlugin({ showAttribution: false });
const tabs = config.examples.map((e) => ({
  query: `# ${e.title}\n${e.query.trim()}\n`,
  variables: e.variables ? JSON.stringify(e.variables, null, 2) : undefined,
}));

const container = document.getElementById('graphiql');
if (!container) throw new Error('#graphiql missing');
createRoot(container).render(
  <GraphiQL
    fetcher={fetcher}
    plugins={[explorer]}
    defaultTabs={tabs}
    defaultEditorToolsVisibility={tabs.some((t) => t.variables) ? 'variables' : false}
    isHeadersEditorEnabled
  />,
);
