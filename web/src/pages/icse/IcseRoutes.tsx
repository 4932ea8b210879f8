// The ICSE pages under /icse, for users of child-protection units (App.tsx mounts them only then).
import { Navigate, Route, Routes } from 'react-router';
import { ImportPage } from './ImportPage';
import { MediumPage } from './MediumPage';
import { SeriesListPage } from './SeriesListPage';
import { SeriesPage } from './SeriesPage';
import { SubjectPage } from './SubjectPage';
import { UploadPage } from './UploadPage';

export function IcseRoutes() {
  return (
    <Routes>
      <Route index element={<UploadPage />} />
      <Route path="media/:id" element={<MediumPage />} />
      <Route path="series" element={<SeriesListPage />} />
      <Route path="series/:id" element={<SeriesPage />} />
      <Route path="subjects/:id" element={<SubjectPage />} />
      <Route path="import" element={<ImportPage />} />
      <Route path="*" element={<Navigate to="/icse" replace />} />
    </Routes>
  );
}
