/** dist/banli.html's entry: the standalone page alone (no office.js), for opening from disk or any folder. */
import * as React from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';

const root = document.getElementById('root');
if (root) createRoot(root).render(<App host={null} />);
