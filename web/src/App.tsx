// Routes: the sign-in page for strangers, the shell with every capability for the signed-in.
import { Center, Loader } from '@mantine/core';
import { Navigate, Route, Routes } from 'react-router';
import { Shell } from './layout/Shell';
import { AuthProvider, isAdmin, isDpo, useAuth } from './lib/auth';
import { AuditPage } from './pages/AuditPage';
import { AdminPage } from './pages/admin/AdminPage';
import { DashboardPage } from './pages/DashboardPage';
import { DatabaseRecordsPage } from './pages/databases/DatabaseRecordsPage';
import { DatabasesPage } from './pages/databases/DatabasesPage';
import { HitAlerts } from './pages/databases/HitAlerts';
import { HitsPage } from './pages/databases/HitsPage';
import { ImportPage } from './pages/databases/ImportPage';
import { EditRecordPage, NewRecordPage } from './pages/databases/RecordFormPage';
import { RecordPage } from './pages/databases/RecordPage';
import { SearchPage } from './pages/databases/SearchPage';
import { NotYetPage } from './pages/NotYetPage';
import { PersonScreeningPage } from './pages/persons/PersonScreeningPage';
import { SignInPage } from './pages/SignInPage';
import { ScreeningPage } from './pages/screening/ScreeningPage';

/** Capabilities whose pages come with later releases; each says so honestly. */
export const UPCOMING = [
  { path: 'notices', nav: 'nav.notices' },
  { path: 'messages', nav: 'nav.messages' },
  { path: 'payments', nav: 'nav.payments' },
  { path: 'icse', nav: 'nav.icse', capability: 'icse' },
  { path: 'networks', nav: 'nav.networks' },
  { path: 'protection', nav: 'nav.protection' },
] as const;

function Routed() {
  const { principal, loading } = useAuth();
  if (loading) {
    return (
      <Center h="100vh">
        <Loader />
      </Center>
    );
  }
  if (!principal) return <SignInPage />;
  return (
    <Shell>
      <HitAlerts />
      <Routes>
        <Route path="/" element={<DashboardPage />} />
        <Route path="/databases" element={<DatabasesPage />} />
        <Route path="/persons" element={<PersonScreeningPage />} />
        <Route path="/screening" element={<ScreeningPage />} />
        <Route path="/databases/search" element={<SearchPage />} />
        <Route path="/databases/hits" element={<HitsPage />} />
        <Route path="/databases/:db" element={<DatabaseRecordsPage />} />
        <Route path="/databases/:db/new" element={<NewRecordPage />} />
        <Route path="/databases/:db/import" element={<ImportPage />} />
        <Route path="/records/:id" element={<RecordPage />} />
        <Route path="/records/:id/edit" element={<EditRecordPage />} />
        {UPCOMING.map((u) => (
          <Route key={u.path} path={`/${u.path}`} element={<NotYetPage navKey={u.nav} />} />
        ))}
        {isDpo(principal) && <Route path="/audit" element={<AuditPage />} />}
        {isAdmin(principal) && <Route path="/admin" element={<AdminPage />} />}
        <Route path="*" element={<Navigate to="/" replace />} />
      </Routes>
    </Shell>
  );
}

export function App() {
  return (
    <AuthProvider>
      <Routed />
    </AuthProvider>
  );
}
