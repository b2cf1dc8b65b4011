import '../zodWithoutEval';
import '@fontsource/be-vietnam-pro/400.css';
import '@fontsource/be-vietnam-pro/700.css';
import '@fontsource/be-vietnam-pro/800.css';
import '../styles/app.css';
import '../styles/province.css';
import { createRoot } from 'react-dom/client';
import { LangProvider } from '../i18n';
import { ProvinceApp } from './ProvinceApp';

// The province hub's own entry: none of the office's screens are loaded here.
createRoot(document.getElementById('root') as HTMLElement).render(
  <LangProvider>
    <ProvinceApp />
  </LangProvider>,
);
