import 'exh-auth-react/styles.css';
import './app.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { startMock } from './mock';

// Up while the first render runs; the client's requests wait for it anyway (src/mock.ts).
void startMock();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
