import { createBrowserRouter, Navigate, type RouteObject } from 'react-router';
import { paths, ROUTE_PATTERNS } from '../ui/paths';
import { AppLayout } from './AppLayout';
import { NotFoundPage } from './NotFoundPage';
import { PageLoading } from './PageLoading';
import { RouteError } from './RouteError';

// Each page's code loads when the page is first visited (route `lazy`), so the first load after login carries
// the layout and the page it opens on, not the wizards (decision 045).
export const routes: RouteObject[] = [
  {
    element: <AppLayout />,
    errorElement: <RouteError />,
    hydrateFallbackElement: <PageLoading />,
    children: [
      { index: true, element: <Navigate to={paths.vms()} replace /> },
      { path: ROUTE_PATTERNS.vms, lazy: () => import('./pages/VmsListPage').then((m) => ({ Component: m.VmsListPage })) },
      { path: ROUTE_PATTERNS.vm, lazy: () => import('./pages/VmPage').then((m) => ({ Component: m.VmPage })) },
      { path: ROUTE_PATTERNS.disks, lazy: () => import('../features/disks/DisksPage').then((m) => ({ Component: m.DisksPage })) },
      { path: ROUTE_PATTERNS.addDisk, lazy: () => import('../features/add-disk/AddDiskPage').then((m) => ({ Component: m.AddDiskPage })) },
      { path: ROUTE_PATTERNS.disk, lazy: () => import('../features/disks/DiskPage').then((m) => ({ Component: m.DiskPage })) },
      { path: ROUTE_PATTERNS.attachDisk, lazy: () => import('../features/attach-disk/AttachDiskPage').then((m) => ({ Component: m.AttachDiskPage })) },
      { path: ROUTE_PATTERNS.hosts, lazy: () => import('../features/hosts/HostsPage').then((m) => ({ Component: m.HostsPage })) },
      { path: ROUTE_PATTERNS.host, lazy: () => import('../features/hosts/HostPage').then((m) => ({ Component: m.HostPage })) },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
];

export function createRouter() {
  return createBrowserRouter(routes);
}
