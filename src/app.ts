import type { PropsWithChildren } from 'react';
import { initTransport } from './services/transport';
import { startAutoSend } from './services/outbox';
import { startAppShell } from './services/app-shell';
import './app.css';
// On a PC screen every page is one centred column at the phone's scale (browser build only).
import './pc';

initTransport();
// Records saved offline go out on start, on every app show and when the network returns.
startAutoSend();
// The browser build keeps its files for use without a network and explains a page it cannot load.
startAppShell();

function App({ children }: PropsWithChildren) {
  // children is the page being shown.
  return children;
}

export default App;
