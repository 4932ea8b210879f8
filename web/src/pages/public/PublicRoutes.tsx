// The pages anyone may read without signing in, under /public, outside the signed-in shell.
import { Navigate, Route, Routes } from 'react-router';
import { PublicNoticeDetailPage } from './PublicNoticeDetailPage';
import { PublicNoticesPage } from './PublicNoticesPage';

export function PublicRoutes() {
  return (
    <Routes>
      <Route path="/public/notices" element={<PublicNoticesPage />} />
      <Route path="/public/notices/:kind/:id" element={<PublicNoticeDetailPage />} />
      <Route path="*" element={<Navigate to="/public/notices" replace />} />
    </Routes>
  );
}
