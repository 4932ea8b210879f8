// Routes: the sign-in page for strangers, the shell with every capability for the signed-in.
import { Center, Loader } from '@mantine/core';
import { lazy, Suspense } from 'react';
import { Navigate, Route, Routes, useLocation } from 'react-router';
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
import { IcseRoutes } from './pages/icse/IcseRoutes';
import { mayUseIcse } from './pages/icse/icseApi';
import { ComposePage } from './pages/messages/ComposePage';
import { MessageAlerts } from './pages/messages/MessageAlerts';
import { MessagePage } from './pages/messages/MessagePage';
import { MessagesPage } from './pages/messages/MessagesPage';
import { mayReadMessages } from './pages/messages/messagesApi';
import { NotYetPage } from './pages/NotYetPage';
import { EditNoticePage, NewNoticePage } from './pages/notices/NoticeFormPage';
import { NoticePage } from './pages/notices/NoticePage';
import { NoticesPage } from './pages/notices/NoticesPage';
import { NewPaymentCasePage } from './pages/payments/NewPaymentCasePage';
import { PaymentCasePage } from './pages/payments/PaymentCasePage';
import { PaymentsPage } from './pages/payments/PaymentsPage';
import { mayOpenCases, mayUsePayments } from './pages/payments/paymentsApi';
import { PersonScreeningPage } from './pages/persons/PersonScreeningPage';
import { PublicRoutes } from './pages/public/PublicRoutes';
import { SignInPage } from './pages/SignInPage';
import { ScreeningPage } from './pages/screening/ScreeningPage';

// The payments figures bring the charting library: loaded when the dashboard is opened.
const FiguresPage = lazy(() =>
  import('./pages/payments/FiguresPage').then((m) => ({ default: m.FiguresPage })),
);

/** Capabilities whose pages come with later releases; each says so honestly. */
export const UPCOMING: readonly { path: string; nav: string; capability?: string }[] = [
  { path: 'networks', nav: 'nav.networks' },
  { path: 'protection', nav: 'nav.protection' },
];

function Routed() {
  const { principal, loading } = useAuth();
  const { pathname } = useLocation();
  // Public pages (the public notices) are for everyone, signed in or not, without the shell.
  if (pathname === '/public' || pathname.startsWith('/public/')) return <PublicRoutes />;
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
      {mayReadMessages(principal) && <MessageAlerts />}
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
        <Route path="/notices" element={<NoticesPage />} />
        <Route path="/notices/new" element={<NewNoticePage />} />
        <Route path="/notices/:id" element={<NoticePage />} />
        <Route path="/notices/:id/edit" element={<EditNoticePage />} />
        {mayReadMessages(principal) && <Route path="/messages" element={<MessagesPage />} />}
        {mayReadMessages(principal) && <Route path="/messages/new" element={<ComposePage />} />}
        {mayReadMessages(principal) && <Route path="/messages/:id" element={<MessagePage />} />}
        {mayUsePayments(principal) && <Route path="/payments" element={<PaymentsPage />} />}
        {mayOpenCases(principal) && <Route path="/payments/new" element={<NewPaymentCasePage />} />}
        {mayUsePayments(principal) && <Route path="/payments/cases/:id" element={<PaymentCasePage />} />}
        {mayUsePayments(principal) && (
          <Route
            path="/payments/figures"
            element={
              <Suspense fallback={<Loader />}>
                <FiguresPage />
              </Suspense>
            }
          />
        )}
        {mayUseIcse(principal) && <Route path="/icse/*" element={<IcseRoutes />} />}
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
