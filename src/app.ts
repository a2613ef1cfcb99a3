import type { PropsWithChildren } from 'react';
import { initTransport } from './services/transport';
import './app.css';

initTransport();

function App({ children }: PropsWithChildren) {
  // children is the page being shown.
  return children;
}

export default App;
