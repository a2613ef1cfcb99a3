import type { PropsWithChildren } from 'react';
import { initTransport } from './services/transport';
import { startAutoSend } from './services/outbox';
import './app.css';

initTransport();
// Records saved offline go out on start, on every app show and when the network returns.
startAutoSend();

function App({ children }: PropsWithChildren) {
  // children is the page being shown.
  return children;
}

export default App;
