import { useEffect } from 'react';
import { useUiStore } from './state/uiStore';
import { Toolbar } from './components/Toolbar';
import { Banners } from './components/Banners';
import { Topology } from './components/topology/Topology';
import { ChartGrid } from './components/charts/ChartGrid';
import { SettingsPanel } from './components/settings/SettingsPanel';
import { FiguresPanel } from './components/FiguresPanel';
import { ReportPanel } from './components/ReportPanel';

/** The sandbox: toolbar, topology and charts on the left; settings and figures on the right. */
export function App() {
  const theme = useUiStore((s) => s.theme);
  useEffect(() => {
    document.documentElement.dataset.theme = theme;
  }, [theme]);
  return (
    <div className="app">
      <header className="app-header">
        <h1>CQRS Scaling Lab</h1>
        <Toolbar />
      </header>
      <Banners />
      <main className="layout">
        <div className="main">
          <Topology />
          <ReportPanel />
          <ChartGrid />
        </div>
        <div className="side">
          <SettingsPanel />
          <FiguresPanel />
        </div>
      </main>
    </div>
  );
}
